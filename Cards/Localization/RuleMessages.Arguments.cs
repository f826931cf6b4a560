using TalkBot.Domain.Admonishments;
using TalkBot.Domain.FollowUps;
using TalkBot.Domain.Leads;
using TalkBot.Domain.People;
using TalkBot.Domain.Rules;

namespace TalkBot.Cards.Localization;

/// <summary>A violation's arguments in words: names, dates, states and fields.</summary>
public static partial class RuleMessages
{
    private static DateOnly? ArgDate(RuleViolation violation, string key) =>
        DateOnly.TryParseExact(violation.Argument(key), "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture,
            System.Globalization.DateTimeStyles.None, out var date) ? date : null;

    private static string NoticeStateName(RuleViolation violation, Locale locale) => violation.Argument("state") switch
    {
        "Acknowledged" => locale.Pick("谈话对象已确认收到", "the talkee acknowledged"),
        "PostponementRefused" => locale.Pick("已答复不同意改期", "refused already"),
        "Created" or "Sent" or "Unreachable" => locale.Pick("未申请改期或已处理", "none asked, or decided already"),
        _ => StateName(violation, locale),
    };

    private static string FieldName(RuleViolation violation, Locale locale)
    {
        var field = violation.Argument("field") ?? FirstArgument(violation) ?? "";
        return CreateTalk.CreateTalkFields.Label(field, locale) ?? Records.RecordFields.Label(field, locale) ?? Roles.RoleFields.Label(field, locale)
            ?? Labels.CaseField(field, locale) ?? field;
    }

    // The field and whom it takes; someone the directory does not hold is said so, by what was submitted.
    private static string PersonNotChoosable(RuleViolation violation, Locale locale)
    {
        var field = Enum.TryParse<PersonField>(violation.Argument("field"), out var f) ? f : PersonField.Talker;
        var (label, scope, name) = (Labels.Of(field, locale), Labels.ScopeOf(field, locale), PersonName(violation, locale));
        return violation.Argument("unknown") == "true"
            ? locale.Pick($"组织名录中没有所选的{label}“{name}”，请重新选择。", $"the {label} chosen (“{name}”) is not in the directory; please choose again.")
            : locale.Pick($"“{name}”不能选作{label}：{label}须是{scope}。", $"“{name}” cannot be chosen as the {label}: the {label} must be {scope}.");
    }

    // Handlers add the display name ("name") to a violation that names a person; the id is the fallback.
    private static string PersonName(RuleViolation violation, Locale locale) =>
        violation.Argument("name") ?? violation.Argument("person") ?? locale.Pick("谈话对象", "the talkee");

    private static string Numbers(RuleViolation violation, string key, Locale locale) =>
        (violation.Argument(key) ?? "").Replace(",", locale.Pick("、", ", "), StringComparison.Ordinal);

    // The states of leads, cases and tasks are named as the cards show them; other states (a talk's, a record's) as given.
    private static string StateName(RuleViolation violation, Locale locale)
    {
        var state = violation.Argument("state") ?? FirstArgument(violation) ?? "?";
        return Named<CaseStatus>(state) is { } c ? Labels.Of(c, locale)
            : Named<LeadStatus>(state) is { } l ? Labels.Of(l, locale)
            : Named<CaseTaskStatus>(state) is { } t ? Labels.Of(t, locale)
            : state;
    }

    // "kind" is a DispositionKind name on the disposition rules and a CaseTaskKind name on a submission; some names are both.
    private static string DispositionName(RuleViolation violation, Locale locale) => violation.Argument("kind") is { } kind
        ? Named<DispositionKind>(kind) is { } d ? Labels.Of(d, locale) : Named<CaseTaskKind>(kind) is { } t ? Labels.Of(t, locale) : kind
        : locale.Pick("该处置", "this disposition");

    private static string DispositionNote(RuleViolation violation, Locale locale) =>
        Named<DispositionKind>(violation.Argument("kind")) is { } d ? Labels.NoteOf(d, locale) : locale.Pick("说明", "a note");

    private static string TaskKindName(RuleViolation violation, Locale locale) => violation.Argument("kind") is { } kind
        ? Named<CaseTaskKind>(kind) is { } t ? Labels.Of(t, locale) : Named<DispositionKind>(kind) is { } d ? Labels.Of(d, locale) : kind
        : locale.Pick("书面材料", "Written material");

    private static string RankName(RuleViolation violation, Locale locale) => Named<Rank>(violation.Argument("rank")) is { } rank
        ? Labels.Of(rank, locale)
        : violation.Argument("rank") ?? locale.Pick("该职级", "this rank");

    // 002 §四2 in its own words: 正处级 → 分管干部的党委副书记或纪委书记; 副处级及以下 → 纪委办(监察处)或组织部负责人.
    private static string Approvers(RuleViolation violation, Locale locale) => Named<Rank>(violation.Argument("rank")) == Rank.Division
        ? locale.Pick("分管干部的党委副书记或纪委书记", "the Party deputy secretary in charge of cadres or the discipline commission secretary")
        : locale.Pick("纪委办（监察处）或组织部负责人", "the head of the discipline office or of the organisation department");

    // Names only: Enum.TryParse would also take "3" or "Open, Done".
    private static T? Named<T>(string? name) where T : struct, Enum =>
        name is not null && Enum.GetNames<T>().Contains(name, StringComparer.Ordinal) ? Enum.Parse<T>(name) : null;

    private static string? FirstArgument(RuleViolation violation) =>
        violation.Arguments is { Count: > 0 } arguments ? arguments.Values.First() : null;
}
