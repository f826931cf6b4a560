namespace TalkBot.Bot.Features.Talks;

/// <summary>
/// The tables of talks, with their keys and the reason for them. The <c>Talks</c> table's partition holds everything of
/// one talk, written by the features that act on it (notices, quiz, record, rectification).
/// <list type="table">
/// <item><c>Talks</c>: PartitionKey = talk id; RowKey = <c>talk</c> | <c>notice|{talkeeId}</c> | <c>ack|{talkeeId}</c>.
/// A talk, its notices and their acknowledgements live in one partition so that creating a talk with its notices,
/// and recording an acknowledgement with its notice's new state, are single entity group transactions.</item>
/// <item><c>Talks</c>, the talk's quiz and record, in the same partition so that each change is one transaction
/// guarded by one head row's ETag: <c>quiz|{talkeeId}</c> (attempts and retakes), <c>quiza|{talkeeId}|{nn}</c> (one
/// attempt), <c>record</c> (current version and status), <c>recordv|{nnn}</c> (a version's common part),
/// <c>recordp|{nnn}|{talkeeId}</c> (its part per talkee), <c>recordc|{nnn}|{talkeeId}</c> (a talkee's verification).
/// Rectification (000 §四(一)5) the same way: <c>rect|{talkeeId}</c> (head), <c>rectr|{talkeeId}|{nn}</c> (a report),
/// <c>rectm|{talkeeId}|{nn}|{item}</c> (its measure per item), <c>rectv|{talkeeId}|{nn}</c> (its review).
/// Each kind has its own prefix so that one range query reads all rows of that kind. Version rows, parts and
/// verifications are insert-only: a version, once written, never changes. <c>ledger|{yyyy-MM}</c>: a month the talk's
/// rows of the tab's talk ledger are listed under (<c>TalkLedgerRows</c>).</item>
/// <item><c>TalksByPerson</c>: PartitionKey = person id; RowKey = talk id; the person's relations to the talk
/// (organiser, talker, recorder), when it is and its talkees. Answers "what is missing" for a recorder or organiser,
/// and whom a talker talks to this month (their plan), with one partition query.</item>
/// <item><c>NoticesByPerson</c>: PartitionKey = talkee id; RowKey = talk id. Answers "my notices" with one partition
/// query instead of a scan over every talk. Written after the talk's transaction; rewriting it is harmless.</item>
/// </list>
/// </summary>
public static class TalkRows
{
    public const string Talks = "Talks";
    public const string NoticesByPerson = "NoticesByPerson";
    public const string TalksByPerson = "TalksByPerson";

    public const string TalkRow = "talk";
    public const string NoticeRowPrefix = "notice|";
    public const string AcknowledgementRowPrefix = "ack|";

    public const string QuizTrackRowPrefix = "quiz|";
    public const string QuizAttemptRowPrefix = "quiza|";
    public const string RecordHeadRow = "record";
    public const string RecordVersionRowPrefix = "recordv|";
    public const string RecordPartRowPrefix = "recordp|";
    public const string RecordVerificationRowPrefix = "recordc|";

    /// <summary>What the keys of every rectification row of a talk start with (heads, reports, measures, reviews).</summary>
    public const string RectificationRowsPrefix = "rect";
    public const string RectificationRowPrefix = "rect|";
    public const string RectificationReportRowPrefix = "rectr|";
    public const string MeasureRowPrefix = "rectm|";
    public const string RectificationReviewRowPrefix = "rectv|";

    /// <summary>A month the talk is listed under in the talk ledger, <c>ledger|{yyyy-MM}</c>.</summary>
    public const string LedgerMonthRowPrefix = "ledger|";

    public static string NoticeRow(string talkeeId) => NoticeRowPrefix + talkeeId;
    public static string RectificationRow(string talkeeId) => RectificationRowPrefix + talkeeId;
    public static string RectificationReportRow(string talkeeId, int n) => $"{RectificationReportRowPrefix}{talkeeId}|{n:D2}";
    public static string MeasureRow(string talkeeId, int report, int item) => $"{MeasureRowPrefix}{talkeeId}|{report:D2}|{item:D2}";
    public static string RectificationReviewRow(string talkeeId, int report) => $"{RectificationReviewRowPrefix}{talkeeId}|{report:D2}";
    public static string QuizTrackRow(string talkeeId) => QuizTrackRowPrefix + talkeeId;
    public static string QuizAttemptRow(string talkeeId, int number) => $"{QuizAttemptRowPrefix}{talkeeId}|{number:D2}";
    public static string RecordVersionRow(int version) => $"{RecordVersionRowPrefix}{version:D3}";
    public static string RecordPartRow(int version, string talkeeId) => $"{RecordPartRowPrefix}{version:D3}|{talkeeId}";
    public static string RecordVerificationRow(int version, string talkeeId) => $"{RecordVerificationRowPrefix}{version:D3}|{talkeeId}";
    /// <summary>The acknowledgement of a notice's version: <c>ack|{talkeeId}</c> for the first, <c>ack|{talkeeId}|v{n}</c> for a later one.</summary>
    public static string AcknowledgementRow(string talkeeId, int version = 1) =>
        version <= 1 ? AcknowledgementRowPrefix + talkeeId : $"{AcknowledgementRowPrefix}{talkeeId}|v{version:D2}";

}
