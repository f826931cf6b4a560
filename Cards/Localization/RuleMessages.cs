using TalkBot.Domain.Rules;

namespace TalkBot.Cards.Localization;

/// <summary>
/// Turns a broken rule into one plain sentence: which rule, why, and the earliest date that meets it
/// (SPEC §4: TalkBot says so plainly and proposes the earliest valid date).
/// </summary>
public static class RuleMessages
{
    public static string Describe(RuleViolation violation, Locale locale)
    {
        ArgumentNullException.ThrowIfNull(violation);
        var source = string.IsNullOrWhiteSpace(violation.Source) ? null : violation.Source.Trim();
        var lead = locale.IsChinese
            ? source is null ? "不符合规定：" : $"不符合规定（{source}）："
            : source is null ? "Not allowed: " : $"Not allowed ({source}): ";
        var earliest = violation.EarliestValidDate is { } date
            ? locale.Pick($"最早可安排在 {DateText.Date(date, locale)}。", $" The earliest possible date is {DateText.Date(date, locale)}.")
            : "";
        return lead + Reason(violation, locale) + earliest;
    }

    /// <summary>What the rule requires, without source or date.</summary>
    public static string Reason(RuleViolation violation, Locale locale)
    {
        ArgumentNullException.ThrowIfNull(violation);
        return violation.Code switch
        {
            RuleCode.NoticeTooLate => locale.Pick(
                "须提前2个工作日送达通知书。",
                "the notice must reach the talkee at least 2 working days before the talk."),
            RuleCode.OutsideFiveDayWindow => locale.Pick(
                "谈话须在谈话内容确定后5日内开展。",
                "the talk must be held within 5 days after its content is determined."),
            RuleCode.NoticeAndWindowIncompatible => locale.Pick(
                "无法同时满足“谈话内容确定后5日内开展谈话”和“提前2个工作日送达通知书”。",
                "the talk cannot be both within 5 days of the content date and at least 2 working days after the notice."),
            RuleCode.TalkInPast => locale.Pick(
                "谈话时间不能早于当前时间。",
                "the talk cannot be scheduled in the past."),
            RuleCode.ContentDateInFuture => locale.Pick(
                "谈话内容确定日期不能晚于今天。",
                "the date the content was determined cannot be in the future."),
            RuleCode.Required => locale.Pick(
                $"必须填写“{FieldName(violation, locale)}”。",
                $"“{FieldName(violation, locale)}” is required."),
            RuleCode.TalkeeIsTalker => locale.Pick(
                "谈话对象不能同时担任本次谈话的谈话人。",
                "a talkee cannot also be a talker of the same talk."),
            RuleCode.NotPermitted => locale.Pick(
                "您的角色无权执行此操作。",
                "your roles do not allow this action."),
            RuleCode.InvalidState => locale.Pick(
                $"当前状态（{StateName(violation)}）不允许此操作。",
                $"this cannot be done in the current state ({StateName(violation)})."),
            RuleCode.TalkeeInactive => locale.Pick(
                $"{violation.Argument("person") ?? "所选人员"}已不在组织名录中，不能安排新的谈话。",
                $"{violation.Argument("person") ?? "the person chosen"} has left the directory and cannot be given new talks."),
            RuleCode.PostponementReasonRequired => locale.Pick(
                "申请改期须说明理由。",
                "a request to postpone must give a reason."),
            _ => locale.Pick($"违反规则 {violation.Code}。", $"rule {violation.Code} is broken."),
        };
    }

    private static string FieldName(RuleViolation violation, Locale locale)
    {
        var field = violation.Argument("field") ?? FirstArgument(violation) ?? "";
        return CreateTalk.CreateTalkFields.Label(field, locale) ?? field;
    }

    private static string StateName(RuleViolation violation) =>
        violation.Argument("state") ?? FirstArgument(violation) ?? "?";

    private static string? FirstArgument(RuleViolation violation) =>
        violation.Arguments is { Count: > 0 } arguments ? arguments.Values.First() : null;
}
