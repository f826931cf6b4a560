using TalkBot.Cards.AdaptiveCards;
using TalkBot.Cards.Localization;
using TalkBot.Domain.Rules;
using static TalkBot.Cards.Builders.CardParts;

namespace TalkBot.Cards.Builders;

/// <summary>Something went wrong: a title and specific lines, in attention colour.</summary>
public static class ErrorCard
{
    public static AdaptiveCard Build(string title, IReadOnlyList<string> lines, Locale locale)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var card = NewCard(lines.Count > 0 ? $"{title}: {lines[0]}" : title);
        card.Body.Add(Heading(title));
        if (lines.Count > 0)
        {
            card.Body.Add(Attention(lines));
        }

        return card;
    }

    /// <summary>A change lost to the same change made at the same time, after retries: the person tries again.</summary>
    /// <summary>A matter that does not exist, or that the caller may not see: the same words for both, so nothing is revealed.</summary>
    public static AdaptiveCard NotFound(Locale locale, string zhWhat, string enWhat) => Build(
        locale.Pick($"未找到{zhWhat}", $"{enWhat} not found"),
        [locale.Pick($"没有找到这项{zhWhat}。它可能不存在，或您无权查看。", $"There is no such {enWhat.ToLowerInvariant()}, or it is not yours to see.")],
        locale);

    public static AdaptiveCard Busy(Locale locale, string zhWhat, string enWhat) => Build(
        locale.Pick("操作未完成", "Not done"),
        [locale.Pick($"{zhWhat}正被同时修改，请稍后再试。", $"{enWhat} is being changed at the same time; please try again.")],
        locale);
}

/// <summary>The change was refused by the rules: each broken rule with its source and the earliest valid date.</summary>
public static class RuleViolationCard
{
    public static AdaptiveCard Build(IReadOnlyList<RuleViolation> violations, Locale locale)
    {
        ArgumentNullException.ThrowIfNull(violations);
        return ErrorCard.Build(
            locale.Pick("无法完成：不符合谈话规定", "Not done: the talk rules do not allow it"),
            [.. violations.Select(v => RuleMessages.Describe(v, locale))],
            locale);
    }
}

/// <summary>A polite no for someone whose roles do not allow the action (SPEC §1).</summary>
public static class RefusalCard
{
    /// <param name="action">What was attempted, in the person's language; null for a general refusal.</param>
    public static AdaptiveCard Build(Locale locale, string? action = null)
    {
        var title = locale.Pick("抱歉，您没有此操作的权限", "Sorry, you are not permitted to do this");
        var card = NewCard(title);
        card.Body.Add(Heading(title));
        card.Body.Add(Paragraph(action is null
            ? locale.Pick("您当前的角色不允许执行此操作。", "Your current roles do not allow this action.")
            : locale.Pick($"您当前的角色不允许{action}。", $"Your current roles do not allow you to {action}.")));
        card.Body.Add(Subtle(locale.Pick(
            "角色由管理员分配。如认为有误，请联系纪委办（监察处）或管理员。",
            "Roles are assigned by an administrator. If this seems wrong, contact the discipline office or an administrator.")));
        card.Body.Add(CardActions.Set(CardActions.Execute(Verbs.Help, locale.Pick("查看帮助", "Show help"))));
        return card;
    }
}
