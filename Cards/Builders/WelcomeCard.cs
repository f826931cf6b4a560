using TalkBot.Cards.AdaptiveCards;
using TalkBot.Cards.Localization;
using TalkBot.Cards.Views;
using static TalkBot.Cards.Builders.CardParts;

namespace TalkBot.Cards.Builders;

/// <summary>The help card: a greeting, the commands this person may use and, for organisers, a button to create a talk.</summary>
public static class WelcomeCard
{
    public static AdaptiveCard Build(WelcomeView view, Locale locale)
    {
        ArgumentNullException.ThrowIfNull(view);
        var title = locale.Pick("TalkBot · 廉政谈话助手", "TalkBot · integrity talks assistant");
        var card = NewCard(title);
        card.Body.Add(Heading(title));
        card.Body.Add(Paragraph(locale.Pick(
            $"{view.PersonName}，您好！我负责发送谈话通知书并跟踪确认、改期和整改。",
            $"Hello {view.PersonName}. I send integrity talk notices and track acknowledgements, postponements and rectification.")));

        if (view.Commands.Count > 0)
        {
            card.Body.Add(SubHeading(locale.Pick("可用命令", "Commands you can use")));
            card.Body.Add(new AdaptiveFactSet
            {
                Facts = [.. view.Commands.Select(c => new AdaptiveFact(c.Command, c.Description))],
            });
        }

        if (view.CanCreateTalks)
        {
            card.Body.Add(CardActions.Set(CardActions.Execute(
                Verbs.TalkNew, locale.Pick("新建谈话", "New talk"), style: AdaptiveActionStyle.Positive)));
        }

        return card;
    }
}
