using TalkBot.Cards.AdaptiveCards;
using TalkBot.Cards.Localization;
using TalkBot.Cards.Views;
using static TalkBot.Cards.Builders.CardParts;

namespace TalkBot.Cards.Builders;

/// <summary>我的通知 / my notices: every notice sent to the person, each opening its own notice card in place.</summary>
public static class NoticeListCard
{
    public static AdaptiveCard Build(IReadOnlyList<NoticeListItem> items, Locale locale)
    {
        ArgumentNullException.ThrowIfNull(items);
        var title = locale.Pick("我的谈话通知书", "My talk notices");
        var card = NewCard(title);
        card.Body.Add(Heading(title));
        if (items.Count == 0)
        {
            card.Body.Add(Paragraph(locale.Pick("目前没有发给您的谈话通知书。", "No talk notice has been sent to you.")));
            return card;
        }

        foreach (var item in items)
        {
            var open = CardActions.Execute(
                Verbs.NoticeRefresh, locale.Pick("打开通知书", "Open the notice"),
                new Dictionary<string, string> { [DataKeys.TalkId] = item.TalkId.Value });
            open.Id = $"{Verbs.NoticeRefresh}.{item.TalkId.Value}"; // action ids are unique within a card
            card.Body.Add(new AdaptiveContainer
            {
                Separator = true,
                Items =
                [
                    new AdaptiveTextBlock($"{Labels.Of(item.Kind, locale)} · {DateText.DateTime(item.Scheduled, locale)}") { Wrap = true, Weight = AdaptiveTextWeight.Bolder },
                    Paragraph(locale.Pick($"地点：{item.Place} · {StateText(item.State, locale)}", $"Place: {item.Place} · {StateText(item.State, locale)}")),
                    CardActions.Set(open),
                ],
            });
        }

        return card;
    }

    private static string StateText(NoticeState state, Locale locale) => state switch
    {
        NoticeState.Acknowledged a => locale.Pick($"已确认（{DateText.DateTime(a.At, locale)}）", $"Acknowledged ({DateText.DateTime(a.At, locale)})"),
        NoticeState.PostponementRequested => locale.Pick("改期申请已提交", "Postponement requested"),
        NoticeState.PostponementRefused => locale.Pick("改期未获同意，待确认", "Postponement refused; awaiting your acknowledgement"),
        NoticeState.Cancelled => locale.Pick("已撤销", "Cancelled"),
        _ => locale.Pick("待确认", "Awaiting your acknowledgement"),
    };
}
