using TalkBot.Cards.AdaptiveCards;
using TalkBot.Cards.Localization;
using TalkBot.Cards.Views;
using static TalkBot.Cards.Builders.CardParts;

namespace TalkBot.Cards.Builders;

/// <summary>
/// The cards of a talk's changes after its notice: the forms to move it (改期) or cancel it (撤销), the organiser's
/// decision on a postponement (000 §四(五)1), what everyone involved is told, and the attendance card (无故缺席).
/// </summary>
public static class TalkChangeCards
{
    /// <summary>The line a notice and the organiser's card carry once the talk has moved.</summary>
    public static string MovedLine(TalkMovedView moved, DateTimeOffset now, Locale locale)
    {
        ArgumentNullException.ThrowIfNull(moved);
        var (from, to) = (DateText.DateTime(moved.From, locale), DateText.DateTime(now, locale));
        return moved.OnRequest
            ? locale.Pick($"您的改期申请已同意：谈话由{from}改至{to}，请重新确认。", $"Your postponement was approved: the talk moved from {from} to {to}. Please acknowledge again.")
            : locale.Pick($"谈话时间已变更：由{from}改至{to}（理由：{moved.Reason}），请重新确认。",
                $"The talk moved from {from} to {to} (reason: {moved.Reason}). Please acknowledge again.");
    }

    /// <summary>The date, time and (unless a postponement's own) reason inputs of a move, with the dates allowed said in words.</summary>
    public static AdaptiveCard MoveForm(string verb, IReadOnlyDictionary<string, string> ids, DateOnly minDate, DateOnly maxDate, bool withReason,
        bool admonishment, Locale locale)
    {
        ArgumentNullException.ThrowIfNull(ids);
        var form = AdaptiveCard.Nested();
        // 000 §四(一)2–3 apply again from today: said in words, and checked when submitted (no client-side minimum,
        // whose only message would be "required").
        form.Body.Add(Subtle(admonishment
            ? locale.Pick($"新的谈话时间须晚于当前时间，最早 {DateText.Date(minDate, locale)}。", $"The new time must lie ahead; the earliest date is {DateText.Date(minDate, locale)}.")
            : locale.Pick(
                $"新的时间须提前2个工作日送达通知书（000 §四(一)3），并在5日内（000 §四(一)2）：可选 {DateText.Date(minDate, locale)} 至 {DateText.Date(maxDate, locale)}。",
                $"The new notice must reach the talkee 2 working days ahead (000 §四(一)3), within 5 days (000 §四(一)2): from {DateText.Date(minDate, locale)} to {DateText.Date(maxDate, locale)}.")));
        form.Body.Add(new AdaptiveDateInput
        {
            Id = DataKeys.NewDate,
            Label = locale.Pick("新的谈话日期", "New date"),
            IsRequired = true,
            ErrorMessage = locale.Pick("请选择新的谈话日期。", "Choose the new date."),
            Value = DateText.Iso(minDate),
        });
        form.Body.Add(new AdaptiveTimeInput
        {
            Id = DataKeys.NewTime,
            Label = locale.Pick("新的谈话时间", "New time"),
            IsRequired = true,
            ErrorMessage = locale.Pick("请选择新的谈话时间。", "Choose the new time."),
            Value = "09:00",
        });
        if (withReason)
        {
            form.Body.Add(ReasonInput(locale.Pick("改期理由", "Reason for the move"), locale));
        }

        form.Actions.Add(CardActions.Execute(verb, locale.Pick("确定改期", "Move the talk"), ids, AdaptiveActionStyle.Positive));
        return form;
    }

    /// <summary>A reason and one button: cancelling a talk, refusing a postponement.</summary>
    public static AdaptiveCard ReasonForm(string verb, IReadOnlyDictionary<string, string> ids, string inputId, string label, string button, Locale locale)
    {
        var form = AdaptiveCard.Nested();
        form.Body.Add(ReasonInput(label, locale, inputId));
        form.Actions.Add(CardActions.Execute(verb, button, ids, AdaptiveActionStyle.Destructive));
        return form;
    }

    private static AdaptiveTextInput ReasonInput(string label, Locale locale, string id = DataKeys.Reason) => new()
    {
        Id = id,
        Label = label,
        IsMultiline = true,
        IsRequired = true,
        MaxLength = 500,
        ErrorMessage = locale.Pick("请说明理由。", "Please give the reason."),
    };

    /// <summary>
    /// One postponement asked (000 §四(五)1), with the organiser's two answers: 同意改期 with a new time, or 不同意 with a
    /// reason. <paramref name="problems"/> (a refused decision) are shown on top.
    /// </summary>
    public static AdaptiveCard Decision(PostponementRequestView request, Locale locale, IReadOnlyList<string>? problems = null, string? outcome = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        var title = locale.Pick($"改期申请 · {request.TalkeeName}", $"Postponement asked · {request.TalkeeName}");
        var card = NewCard(title);
        if (problems is { Count: > 0 })
        {
            card.Body.Add(Attention(problems));
        }

        card.Body.Add(Heading(title));
        AddRequest(card, request, locale);
        if (outcome is not null)
        {
            card.Body.Add(Status(outcome, AdaptiveContainerStyle.Good, AdaptiveTextColor.Good));
        }
        else if (Buttons(request, locale) is { } buttons)
        {
            card.Body.Add(buttons);
        }

        return card;
    }

    internal static void AddRequest(AdaptiveCard card, PostponementRequestView request, Locale locale)
    {
        card.Body.Add(Facts(
            (locale.Pick("谈话类型", "Kind"), Labels.Of(request.Kind, locale)),
            (locale.Pick("改期理由", "Reason"), request.Reason),
            (locale.Pick("申请时间", "Requested"), DateText.DateTime(request.RequestedAt, locale)),
            (locale.Pick("原定时间", "Scheduled"), DateText.DateTime(request.Scheduled, locale)),
            (locale.Pick("谈话地点", "Place"), request.Place),
            (locale.Pick("编号", "Reference"), request.Reference ?? request.TalkId.Reference(TimeZoneInfo.Utc))));
    }

    internal static AdaptiveActionSet? Buttons(PostponementRequestView request, Locale locale)
    {
        if (request is not { Talkee: { } talkee, MinDate: { } min, MaxDate: { } max })
        {
            return null;
        }

        var ids = new Dictionary<string, string> { [DataKeys.TalkId] = request.TalkId.Value, [DataKeys.Talkee] = talkee.Value };
        return CardActions.Set(
            new AdaptiveShowCardAction(MoveForm(Verbs.PostponementApprove, ids, min, max, withReason: false,
                request.Kind == Domain.Talks.TalkKind.Admonishment, locale)) { Title = locale.Pick("同意改期", "Approve") },
            new AdaptiveShowCardAction(ReasonForm(Verbs.PostponementRefuse, ids, DataKeys.Reason, locale.Pick("不同意的理由", "Why not"),
                locale.Pick("不同意改期", "Refuse"), locale)) { Title = locale.Pick("不同意", "Refuse") });
    }

    /// <summary>What the talkees, talkers and recorder are told when a talk moves or is cancelled.</summary>
    public static AdaptiveCard Changed(TalkChangedView view, Locale locale)
    {
        ArgumentNullException.ThrowIfNull(view);
        var title = view.Cancelled
            ? locale.Pick($"谈话已撤销：{Labels.Of(view.Kind, locale)}", $"Talk cancelled: {Labels.Of(view.Kind, locale)}")
            : locale.Pick($"谈话已改期：{Labels.Of(view.Kind, locale)}", $"Talk moved: {Labels.Of(view.Kind, locale)}");
        var card = NewCard(title);
        card.Body.Add(Heading(title));
        card.Body.Add(Status(view.Cancelled
                ? locale.Pick($"原定{DateText.DateTime(view.From, locale)}在{view.Place}进行的谈话已撤销。", $"The talk on {DateText.DateTime(view.From, locale)} at {view.Place} is cancelled.")
                : locale.Pick($"谈话由{DateText.DateTime(view.From, locale)}改至{DateText.DateTime(view.To, locale)}，地点：{view.Place}。",
                    $"The talk moved from {DateText.DateTime(view.From, locale)} to {DateText.DateTime(view.To, locale)}, at {view.Place}."),
            view.Cancelled ? AdaptiveContainerStyle.Attention : AdaptiveContainerStyle.Accent, view.Cancelled ? AdaptiveTextColor.Attention : AdaptiveTextColor.Accent));
        card.Body.Add(Facts(
            (locale.Pick("理由", "Reason"), view.OnRequest ? locale.Pick($"应谈话对象申请：{view.Reason}", $"At the talkee's request: {view.Reason}") : view.Reason),
            (locale.Pick("谈话对象", "Talkee(s)"), Names(view.TalkeeNames, locale)),
            (locale.Pick("谈话人", "Talker(s)"), Names(view.TalkerNames, locale)),
            (locale.Pick("决定人", "Decided by"), view.ByName)));
        if (view.ForTalkee && !view.Cancelled)
        {
            card.Body.Add(CardActions.Set(CardActions.Execute(Verbs.NoticeRefresh, locale.Pick("查看通知书", "Open the notice"),
                new Dictionary<string, string> { [DataKeys.TalkId] = view.TalkId.Value }, AdaptiveActionStyle.Positive, AdaptiveAssociatedInputs.None)));
        }

        return card;
    }

    /// <summary>The talkee is told the organiser's decision on their postponement (000 §四(五)1).</summary>
    public static AdaptiveCard Decided(PostponementDecidedView view, Locale locale)
    {
        ArgumentNullException.ThrowIfNull(view);
        var title = view.Approved ? locale.Pick("改期申请已同意", "Postponement approved") : locale.Pick("改期申请未获同意", "Postponement refused");
        var card = NewCard(title);
        card.Body.Add(Heading(title));
        card.Body.Add(Status(view.Approved
                ? locale.Pick($"谈话改至{DateText.DateTime(view.Scheduled, locale)}，地点：{view.Place}。请在通知书上重新确认。",
                    $"The talk is now on {DateText.DateTime(view.Scheduled, locale)} at {view.Place}. Please acknowledge the notice again.")
                : locale.Pick($"请按原定时间{DateText.DateTime(view.Scheduled, locale)}在{view.Place}参加谈话。",
                    $"Please attend at the notified time, {DateText.DateTime(view.Scheduled, locale)}, at {view.Place}."),
            view.Approved ? AdaptiveContainerStyle.Good : AdaptiveContainerStyle.Warning, view.Approved ? AdaptiveTextColor.Good : AdaptiveTextColor.Warning));
        card.Body.Add(Facts(
            (locale.Pick("您的改期理由", "Your reason"), view.RequestReason),
            (locale.Pick("不同意的理由", "Why not"), view.Reason),
            (locale.Pick("决定人", "Decided by"), view.ByName)));
        card.Body.Add(CardActions.Set(CardActions.Execute(Verbs.NoticeRefresh, locale.Pick("查看通知书", "Open the notice"),
            new Dictionary<string, string> { [DataKeys.TalkId] = view.TalkId.Value }, AdaptiveActionStyle.Positive, AdaptiveAssociatedInputs.None)));
        return card;
    }
}

/// <summary>A talk moved or cancelled, as the people involved are told it; <see cref="ForTalkee"/> adds the link to their notice.</summary>
public sealed record TalkChangedView(
    Domain.TalkId TalkId, Domain.Talks.TalkKind Kind, bool Cancelled, DateTimeOffset From, DateTimeOffset To, string Place, string Reason, bool OnRequest,
    IReadOnlyList<string> TalkeeNames, IReadOnlyList<string> TalkerNames, string ByName, bool ForTalkee);

/// <summary>The organiser's decision on a postponement, as its talkee is told it.</summary>
public sealed record PostponementDecidedView(
    Domain.TalkId TalkId, bool Approved, DateTimeOffset Scheduled, string Place, string RequestReason, string? Reason, string ByName);
