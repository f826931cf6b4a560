namespace TalkBot.Bot.Storage;

/// <summary>
/// Every table TalkBot writes, with its keys and the reason for them.
/// <list type="table">
/// <item><c>Talks</c>: PartitionKey = talk id; RowKey = <c>talk</c> | <c>notice|{talkeeId}</c> | <c>ack|{talkeeId}</c>.
/// A talk, its notices and their acknowledgements live in one partition so that creating a talk with its notices,
/// and recording an acknowledgement with its notice's new state, are single entity group transactions.</item>
/// <item><c>NoticesByPerson</c>: PartitionKey = talkee id; RowKey = talk id. Answers "my notices" with one partition
/// query instead of a scan over every talk. Written after the talk's transaction; rewriting it is harmless.</item>
/// <item><c>ConversationReferences</c>: PartitionKey = the person's Entra object id; RowKey = channel id
/// (<c>msteams</c>). One point read finds where to send a proactive notice.</item>
/// <item><c>People</c>: PartitionKey = <c>person</c> | <c>unit</c>; RowKey = person or unit id. The directory is read
/// whole for forms and plans and written rarely (by a sync), so one partition per kind serves both.</item>
/// </list>
/// </summary>
public static class TableLayout
{
    public const string Talks = "Talks";
    public const string NoticesByPerson = "NoticesByPerson";
    public const string ConversationReferences = "ConversationReferences";
    public const string People = "People";

    public const string TalkRow = "talk";
    public const string NoticeRowPrefix = "notice|";
    public const string AcknowledgementRowPrefix = "ack|";
    public const string PersonPartition = "person";
    public const string UnitPartition = "unit";

    public static string NoticeRow(string talkeeId) => NoticeRowPrefix + talkeeId;
    public static string AcknowledgementRow(string talkeeId) => AcknowledgementRowPrefix + talkeeId;

    public static IReadOnlyList<string> All { get; } = [Talks, NoticesByPerson, ConversationReferences, People];
}
