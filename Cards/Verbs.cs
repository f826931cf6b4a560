namespace TalkBot.Cards;

/// <summary>
/// Card verbs, shared with the Bot's router. An Action.Execute carries its verb in <c>verb</c>; its
/// Action.Submit fallback carries it as <c>data.verb</c> (see <see cref="CardActions"/>).
/// </summary>
public static class Verbs
{
    /// <summary>Show the help card (also the text command "help" / "帮助").</summary>
    public const string Help = "help";

    /// <summary>Show the create-talk form.</summary>
    public const string TalkNew = "talk.new";

    /// <summary>Submit the create-talk form; the data holds the <see cref="CreateTalk.CreateTalkFields"/> inputs.</summary>
    public const string TalkCreate = "talk.create";

    /// <summary>The talkee confirms receipt of the notice (确认收到); data: talkId.</summary>
    public const string NoticeAcknowledge = "notice.acknowledge";

    /// <summary>The talkee asks to postpone (申请改期); data: talkId and the "reason" input (000 §四(五)1).</summary>
    public const string NoticePostpone = "notice.postpone";

    /// <summary>Refresh of the notice card (Universal Actions refresh, trigger "automatic"); data: talkId.</summary>
    public const string NoticeRefresh = "notice.refresh";

    public static IReadOnlyList<string> All { get; } =
        [Help, TalkNew, TalkCreate, NoticeAcknowledge, NoticePostpone, NoticeRefresh];
}

/// <summary>Keys of action data besides the form inputs.</summary>
public static class DataKeys
{
    public const string Verb = "verb";
    public const string TalkId = "talkId";

    /// <summary>The postponement reason input.</summary>
    public const string Reason = "reason";

    /// <summary>Identifies one rendering of the create-talk form (idempotent submit).</summary>
    public const string FormId = "formId";
}
