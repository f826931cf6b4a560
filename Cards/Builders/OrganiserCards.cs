using TalkBot.Cards.AdaptiveCards;
using TalkBot.Cards.Localization;
using TalkBot.Cards.Views;
using static TalkBot.Cards.Builders.CardParts;

namespace TalkBot.Cards.Builders;

/// <summary>
/// The organiser's card for a talk: the summary and, per talkee, where the notice stands (sending, delivered,
/// acknowledged with the time, postponement asked with the reason, unreachable with why). It is the card the talk was
/// created from, updated in place as the notices move.
/// </summary>
public static class TalkCreatedCard
{
    public static AdaptiveCard Build(TalkCreatedView view, Locale locale)
    {
        ArgumentNullException.ThrowIfNull(view);
        var title = locale.Pick("谈话已创建", "Talk created");
        var card = NewCard(title);
        card.Body.Add(Heading(title));
        card.Body.Add(Facts(
            (locale.Pick("谈话类型", "Kind"), Labels.Of(view.Kind, locale)),
            (locale.Pick("谈话方式", "Format"), Labels.Of(view.Format, locale)),
            (locale.Pick("谈话时间", "Time"), DateText.DateTime(view.Scheduled, locale)),
            (locale.Pick("谈话地点", "Place"), view.Place),
            (locale.Pick("谈话人", "Talker(s)"), Names(view.TalkerNames, locale)),
            (locale.Pick("记录人", "Recorder"), view.RecorderName),
            (locale.Pick("编号", "Reference"), view.Reference ?? view.TalkId.Reference(TimeZoneInfo.Utc))));
        if (CalendarNote(view.UncoveredYears, locale) is { } note)
        {
            card.Body.Add(note);
        }

        foreach (var line in view.Lines ?? [])
        {
            card.Body.Add(Subtle(PlanCards.TalkLineText(line, locale)));
        }

        var acknowledged = view.Deliveries.Count(d => d.Outcome == DeliveryOutcome.Acknowledged);
        card.Body.Add(SubHeading(locale.Pick(
            $"通知书送达与确认情况（已确认 {acknowledged}/{view.Deliveries.Count}）",
            $"Notices ({acknowledged} of {view.Deliveries.Count} acknowledged)")));
        card.Body.Add(new AdaptiveFactSet
        {
            Facts = [.. view.Deliveries.Select(d => new AdaptiveFact(d.TalkeeName, Outcome(d, locale)))],
        });

        var unreachable = view.Deliveries.Count(d => d.Outcome == DeliveryOutcome.Unreachable);
        if (unreachable > 0)
        {
            // 000 §四(一)3 still applies: the notice must reach these talkees some other way, in time.
            card.Body.Add(Attention([locale.Pick(
                $"有{unreachable}人未能在 Teams 中收到通知书，请另行送达，并确保提前2个工作日（000 §四(一)3）。",
                $"{unreachable} talkee(s) could not be reached in Teams. Deliver their notice another way, at least 2 working days ahead (000 §四(一)3).")]));
        }

        if (view.Manage is { } manage)
        {
            AddManage(card, view, manage, locale);
        }

        return card;
    }

    // The talk's changes, who did not come, and (while it is ahead) the buttons to move or cancel it.
    private static void AddManage(AdaptiveCard card, TalkCreatedView view, TalkManageView manage, Locale locale)
    {
        if (manage.Cancelled is { } cancelled)
        {
            card.Body.Insert(1, Status(locale.Pick($"谈话已撤销（{DateText.DateTime(cancelled.At, locale)}）：{cancelled.Reason}",
                $"Talk cancelled ({DateText.DateTime(cancelled.At, locale)}): {cancelled.Reason}"), AdaptiveContainerStyle.Attention, AdaptiveTextColor.Attention));
        }
        else if (manage.Moved is { } moved)
        {
            card.Body.Insert(1, Status(locale.Pick($"已改期：由{DateText.DateTime(moved.From, locale)}改至{DateText.DateTime(view.Scheduled, locale)}（{moved.Reason}）",
                $"Moved from {DateText.DateTime(moved.From, locale)} to {DateText.DateTime(view.Scheduled, locale)} ({moved.Reason})"),
                AdaptiveContainerStyle.Accent, AdaptiveTextColor.Accent));
        }

        if (manage.Absent is { Count: > 0 } absent)
        {
            // 000 §四(五)1: 不得无故推诿、拖延 — recorded by the recorder or a talker, and told to the office.
            card.Body.Add(Attention([locale.Pick($"无故缺席：{Names(absent, locale)}", $"Absent without leave: {Names(absent, locale)}")]));
        }

        if (manage.CanChange)
        {
            var ids = new Dictionary<string, string> { [DataKeys.TalkId] = view.TalkId.Value };
            card.Body.Add(CardActions.Set(
                new AdaptiveShowCardAction(TalkChangeCards.MoveForm(Verbs.TalkReschedule, ids, manage.MinDate, manage.MaxDate, withReason: true,
                    manage.Admonishment, locale)) { Title = locale.Pick("改期", "Move") },
                new AdaptiveShowCardAction(TalkChangeCards.ReasonForm(Verbs.TalkCancel, ids, DataKeys.CancelReason, locale.Pick("撤销理由", "Reason for cancelling"),
                    locale.Pick("确定撤销", "Confirm cancellation"), locale)) { Title = locale.Pick("撤销谈话", "Cancel the talk") }));
        }
    }

    private static string Outcome(NoticeDelivery delivery, Locale locale) => delivery switch
    {
        { Outcome: DeliveryOutcome.PostponementRefused, At: { } at } => locale.Pick(
            $"不同意改期（{DateText.DateTime(at, locale)}）：{delivery.Reason}，待确认", $"Postponement refused ({DateText.DateTime(at, locale)}): {delivery.Reason}; not yet acknowledged"),
        { Outcome: DeliveryOutcome.Sending } => locale.Pick("正在发送", "Sending"),
        { Outcome: DeliveryOutcome.Sent } => locale.Pick("已送达，待确认", "Delivered, not yet acknowledged"),
        { Outcome: DeliveryOutcome.Acknowledged, At: { } at } => locale.Pick($"已确认收到（{DateText.DateTime(at, locale)}）", $"Acknowledged ({DateText.DateTime(at, locale)})"),
        { Outcome: DeliveryOutcome.PostponementRequested, At: { } at } => locale.Pick(
            $"申请改期（{DateText.DateTime(at, locale)}）：{delivery.Reason}", $"Postponement asked ({DateText.DateTime(at, locale)}): {delivery.Reason}"),
        _ when string.IsNullOrWhiteSpace(delivery.Reason) => locale.Pick("无法送达", "Unreachable"),
        _ => locale.Pick($"无法送达：{delivery.Reason}", $"Unreachable: {delivery.Reason}"),
    };
}

/// <summary>
/// For the organiser: the postponements asked of them since the last digest (000 §四(五)1: with a reason, for the
/// organiser to decide), in one message however many talkees asked.
/// </summary>
public static class PostponementDigestCard
{
    public static AdaptiveCard Build(IReadOnlyList<PostponementRequestView> requests, Locale locale)
    {
        ArgumentNullException.ThrowIfNull(requests);
        var line = locale.Pick($"{requests.Count}人申请谈话改期，请决定。", $"{requests.Count} talkee(s) ask to postpone a talk; please decide.");
        var card = NewCard(line);
        card.Body.Add(Status(line, AdaptiveContainerStyle.Warning, AdaptiveTextColor.Warning));
        foreach (var (request, n) in requests.Select((r, i) => (r, i)))
        {
            card.Body.Add(SubHeading(request.TalkeeName));
            TalkChangeCards.AddRequest(card, request, locale);
            // One request: its decision right here. Several: each opens its own card, whose inputs cannot collide.
            if (requests.Count == 1)
            {
                if (TalkChangeCards.Buttons(request, locale) is { } buttons)
                {
                    card.Body.Add(buttons);
                }
            }
            else if (request.Talkee is { } talkee)
            {
                card.Body.Add(CardActions.Set(CardActions.Execute(Verbs.PostponementShow, locale.Pick("处理", "Decide"),
                    new Dictionary<string, string> { [DataKeys.TalkId] = request.TalkId.Value, [DataKeys.Talkee] = talkee.Value },
                    associatedInputs: AdaptiveAssociatedInputs.None, id: $"{Verbs.PostponementShow}.{n}")));
            }
        }

        return card;
    }
}
