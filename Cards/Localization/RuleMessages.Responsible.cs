using TalkBot.Domain.Admonishments;
using TalkBot.Domain.FollowUps;
using TalkBot.Domain.Leads;
using TalkBot.Domain.People;
using TalkBot.Domain.Rules;

namespace TalkBot.Cards.Localization;

/// <summary>The wording of the rules on who carries out an admonishment and on organisational handling (002 §四2–3, §四5).</summary>
public static partial class RuleMessages
{
    // 002 §四2–3: who leads, by rank and violation; the responsible persons named when known.
    private static string LeadTalkerNotResponsible(RuleViolation violation, Locale locale)
    {
        var who = violation.Argument("names") is { Length: > 0 } names
            ? locale.Pick($"此人的党风廉政建设责任人是：{names}。", $"This person's responsible person: {names}.")
            : locale.Pick("目录和层级中找不到此人的党风廉政建设责任人，请先更正角色或汇报关系。", "Neither the directory nor the tiers name this person's responsible person; correct the roles or the reporting line first.");
        var rule = violation.Argument("minor") == "true"
            ? locale.Pick("有轻微违纪行为的，由党风廉政责任人主谈", "with a minor violation the responsible person leads the talk")
            : Named<Rank>(violation.Argument("rank")) == Rank.Division
                ? locale.Pick("正处级干部的诫勉谈话由党风廉政建设责任人或纪委办（监察处）、组织部门实施", "the admonishment of a division-level cadre is carried out by the responsible person, the discipline office or the organisation department")
                : locale.Pick("副处级及以下干部的诫勉谈话由党风廉政责任人实施", "the admonishment of a cadre at deputy division level or below is carried out by the responsible person");
        return locale.Pick($"{rule}，第一位谈话人即主谈人。{who}", $"{rule}; the first talker leads. {who}");
    }

    private static string OpinionFields(RuleViolation violation, Locale locale) => string.Join(locale.Pick("、", ", "),
        (violation.Argument("fields") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries).Select(f => Labels.CaseField(f, locale) ?? f));
}
