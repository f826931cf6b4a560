using TalkBot.Cards.Localization;
using TalkBot.Domain.Records;

namespace TalkBot.Cards.Records;

/// <summary>
/// Input ids of the record form; they are also the keys of the submitted data. Each talkee's part uses
/// <c>p{n}.{field}</c>, n counting the talk's talkees from 1.
/// </summary>
public static class RecordFields
{
    // Where the form has the field Domain names, the input id is Domain's name, so a violation's field is an input id.
    public const string Date = "date";
    public const string Start = "start";
    public const string End = "end";
    public const string Place = RecordContent.Fields.Place;
    public const string Format = RecordContent.Fields.Format;
    public const string Lead = "lead";
    public const string Joint = "joint";
    public const string DelegatedBy = RecordContent.Fields.DelegatedBy;
    public const string Recorder = RecordContent.Fields.Recorder;
    public const string Checklist = RecordContent.Fields.Checklist;
    public const string Problems = RecordContent.Fields.Problems;
    public const string Explanation = RecordContent.Fields.Explanation;
    public const string Requirements = RecordContent.Fields.Requirements;
    public const string Rectification = RecordContent.Fields.Rectification;
    public const string Items = "items";

    public static string Part(int number, string field) => $"p{number}.{field}";

    /// <summary>The label of a form field or of a Domain field name, or null for an unknown one.</summary>
    public static string? Label(string field, Locale locale) => field switch
    {
        Date => locale.Pick("谈话日期", "Date"),
        Start or RecordContent.Fields.StartedAt => locale.Pick("开始时间", "Start time"),
        End or RecordContent.Fields.EndedAt => locale.Pick("结束时间", "End time"),
        Place => locale.Pick("谈话地点", "Place"),
        Format => locale.Pick("谈话方式", "Format"),
        Lead or RecordContent.Fields.LeadTalker => locale.Pick("主谈人", "Lead talker"),
        Joint or RecordContent.Fields.JointTalkers => locale.Pick("共同谈话人", "Joint talkers"),
        DelegatedBy => locale.Pick("委托人（受委托谈话时填写）", "Delegated by (when the talk was delegated)"),
        Recorder => locale.Pick("记录人", "Recorder"),
        Checklist => locale.Pick("谈话内容", "Content"),
        Problems => locale.Pick("指出的问题", "Problems pointed out"),
        Explanation => locale.Pick("谈话对象的解释说明", "Talkee's explanation"),
        Requirements => locale.Pick("提出的要求", "Requirements made"),
        Rectification => locale.Pick("需要整改", "Rectification required"),
        Items => locale.Pick("整改事项（每行一项）", "Rectification items (one per line)"),
        _ => null,
    };
}
