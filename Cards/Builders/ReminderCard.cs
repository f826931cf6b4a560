using TalkBot.Cards.AdaptiveCards;
using TalkBot.Cards.Localization;
using static TalkBot.Cards.Builders.CardParts;

namespace TalkBot.Cards.Builders;

/// <summary>A reminder or an escalation: what is due, by when, and a button to do it.</summary>
public sealed record ReminderView(
    string Title,
    IReadOnlyList<string> Lines,
    bool Escalation = false,
    string? ActionVerb = null,
    string? ActionTitle = null,
    IReadOnlyDictionary<string, string>? ActionData = null);

public static class ReminderCard
{
    public static AdaptiveCard Build(ReminderView view, Locale locale)
    {
        ArgumentNullException.ThrowIfNull(view);
        var card = NewCard(view.Lines.Count > 0 ? $"{view.Title}: {view.Lines[0]}" : view.Title);
        card.Body.Add(Heading(view.Title));
        card.Body.Add(view.Escalation
            ? Status(locale.Pick("逾期督办", "Overdue: escalated"), AdaptiveContainerStyle.Attention, AdaptiveTextColor.Attention)
            : Status(locale.Pick("提醒", "Reminder"), AdaptiveContainerStyle.Accent, AdaptiveTextColor.Accent));
        foreach (var line in view.Lines)
        {
            card.Body.Add(Paragraph(line));
        }

        if (view.ActionVerb is { } verb && view.ActionTitle is { } title)
        {
            card.Body.Add(CardActions.Set(CardActions.Execute(verb, title, view.ActionData, AdaptiveActionStyle.Positive, AdaptiveAssociatedInputs.None)));
        }

        return card;
    }
}
