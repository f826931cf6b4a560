using TalkBot.Cards.Localization;

namespace TalkBot.Cards.CreateTalk;

/// <summary>Input ids of the create-talk form; they are also the keys of the submitted action data.</summary>
public static class CreateTalkFields
{
    public const string Talkees = "talkees";
    public const string Talkers = "talkers";
    public const string Recorder = "recorder";
    public const string Kind = "kind";
    public const string Format = "format";
    public const string Date = "date";
    public const string Time = "time";
    public const string Place = "place";
    public const string Preparation = "preparation";
    public const string ContentDate = "contentDate";

    /// <summary>Those invited to talk jointly (共同谈话, 000 §二2, §二4): on a plan talk's form of tier 2 or 4 only.</summary>
    public const string Joint = "joint";

    /// <summary>The field's label as the form shows it, or null for an unknown id.</summary>
    public static string? Label(string field, Locale locale) => field switch
    {
        Talkees => locale.Pick("谈话对象", "Talkee(s)"),
        Talkers => locale.Pick("谈话人", "Talker(s)"),
        Recorder => locale.Pick("记录人", "Recorder"),
        Kind => locale.Pick("谈话类型", "Kind of talk"),
        Format => locale.Pick("谈话方式", "Format"),
        Date => locale.Pick("谈话日期", "Date"),
        Time => locale.Pick("谈话时间", "Time"),
        Place => locale.Pick("谈话地点", "Place"),
        Preparation => locale.Pick("需准备事项", "What to prepare"),
        ContentDate => locale.Pick("谈话内容确定日期", "Content determined on"),
        Joint => locale.Pick("邀请共同谈话", "Invite to talk jointly"),
        // Domain names the talk's instant as one field; the form splits it into a date and a time.
        "scheduledAt" => locale.Pick("谈话日期和时间", "Date and time"),
        _ => null,
    };
}
