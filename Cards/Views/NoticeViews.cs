using TalkBot.Cards.Localization;
using TalkBot.Domain.Calendar;
using TalkBot.Domain.Talks;


namespace TalkBot.Cards.Views;

/// <summary>Notices as the cards show them, built from the talk and its notices.</summary>
public static class NoticeViews
{
    public static NoticeView Notice(Talk talk, Notice notice, ViewContext context, Locale locale, string? talkeeMri = null) => new(
        talk.Id,
        talk.Kind,
        talk.Format,
        context.Name(notice.Talkee),
        [.. context.Names(talk.Talkers)],
        talk.Recorder is { } recorder ? context.Name(recorder) : null,
        context.Local(talk.ScheduledAt),
        talk.Place,
        PreparationItems(talk, locale),
        context.Name(talk.Organiser),
        talk.Status == TalkStatus.Cancelled && talk.LastChange is { Kind: TalkChangeKind.Cancelled } cancelled
            ? new NoticeState.Cancelled(context.Local(cancelled.At), cancelled.Reason)
            : State(notice, context.Calendar),
        talkeeMri,
        Moved: Moved(talk, notice, context));

    /// <summary>The talk's last move, as the talkee's notice and the organiser's card say it; null when it never moved.</summary>
    public static TalkMovedView? Moved(Talk talk, Notice? notice, ViewContext context) =>
        talk.LastChange is { Kind: TalkChangeKind.Moved, From: { } from } change
            ? new TalkMovedView(context.Local(from), context.Local(change.At), change.Reason,
                notice?.Decision is { Approved: true } decision && decision.RequestReason == change.Reason)
            : null;

    /// <summary>
    /// What the organiser's card shows of the talk's changes and offers: moving it between <paramref name="minDate"/> and
    /// <paramref name="maxDate"/> (the clocks of 000 §四(一)2–3 counted from today) or cancelling it, while it is ahead.
    /// </summary>
    public static TalkManageView Manage(Talk talk, ViewContext context, DateTimeOffset now, DateOnly minDate, DateOnly maxDate) => new(
        talk.Status == TalkStatus.Scheduled && now < talk.ScheduledAt,
        minDate,
        maxDate,
        Moved(talk, null, context),
        talk.Status == TalkStatus.Cancelled && talk.LastChange is { Kind: TalkChangeKind.Cancelled } c ? new NoticeState.Cancelled(context.Local(c.At), c.Reason) : null,
        [.. talk.Absences.Select(a => context.Name(a.Talkee))],
        talk.Kind == TalkKind.Admonishment);

    public static TalkCreatedView Created(Talk talk, IEnumerable<Notice> notices, ViewContext context, Locale locale, TalkManageView? manage = null) => new(
        talk.Id,
        talk.Kind,
        talk.Format,
        context.Local(talk.ScheduledAt),
        talk.Place,
        [.. context.Names(talk.Talkers)],
        talk.Recorder is { } recorder ? context.Name(recorder) : null,
        notices.OrderBy(n => talk.Talkees.ToList().IndexOf(n.Talkee)).Select(n => Delivery(n, context, locale)).ToList(),
        talk.Id.Reference(context.Calendar.TimeZone),
        CalendarCoverage.YearsNotCovered(context.Calendar, context.Calendar.LocalDate(talk.ScheduledAt)),
        manage,
        TalkLineView.Of(talk, context));

    /// <param name="minDate">With <paramref name="maxDate"/>, the dates a new time may take; null offers no decision.</param>
    public static PostponementRequestView PostponementRequested(Talk talk, Notice notice, ViewContext context, DateOnly? minDate = null, DateOnly? maxDate = null) => new(
        talk.Id, context.Name(notice.Talkee), talk.Kind, context.Local(talk.ScheduledAt), talk.Place,
        context.Local(notice.PostponementRequestedAt ?? talk.CreatedAt), notice.PostponementReason ?? "", talk.Id.Reference(context.Calendar.TimeZone),
        notice.Talkee, minDate, maxDate);

    public static NoticeState State(Notice notice, WorkingCalendar calendar) => notice.Status switch
    {
        NoticeStatus.Acknowledged => new NoticeState.Acknowledged(calendar.ToLocal(notice.AcknowledgedAt!.Value)),
        NoticeStatus.PostponementRequested => new NoticeState.PostponementRequested(
            calendar.ToLocal(notice.PostponementRequestedAt!.Value), notice.PostponementReason ?? ""),
        NoticeStatus.Unreachable => new NoticeState.Unreachable(),
        NoticeStatus.PostponementRefused when notice.Decision is { } d =>
            new NoticeState.PostponementRefused(calendar.ToLocal(d.At), d.Reason ?? "", d.RequestReason),
        _ => new NoticeState.Pending(),
    };

    private static NoticeDelivery Delivery(Notice notice, ViewContext context, Locale locale) => notice.Status switch
    {
        NoticeStatus.Unreachable => new(context.Name(notice.Talkee), DeliveryOutcome.Unreachable, UnreachableReasons.Describe(notice.UnreachableReason, locale)),
        NoticeStatus.Created => new(context.Name(notice.Talkee), DeliveryOutcome.Sending),
        NoticeStatus.Acknowledged => new(context.Name(notice.Talkee), DeliveryOutcome.Acknowledged, At: context.Local(notice.AcknowledgedAt!.Value)),
        NoticeStatus.PostponementRequested => new(context.Name(notice.Talkee), DeliveryOutcome.PostponementRequested, notice.PostponementReason,
            context.Local(notice.PostponementRequestedAt!.Value)),
        NoticeStatus.PostponementRefused => new(context.Name(notice.Talkee), DeliveryOutcome.PostponementRefused, notice.Decision?.Reason,
            notice.Decision is { } d ? context.Local(d.At) : null),
        _ => new(context.Name(notice.Talkee), DeliveryOutcome.Sent),
    };

    /// <summary>What the talkee prepares: the organiser's own lines, or what the kind of talk asks for.</summary>
    public static IReadOnlyList<string> PreparationItems(Talk talk, Locale locale)
    {
        if (!string.IsNullOrWhiteSpace(talk.Preparation))
        {
            return talk.Preparation.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        }

        return talk.Kind switch
        {
            // 000 §三: a routine talk is preceded by the integrity knowledge quiz; §四(二) lists what is talked about.
            TalkKind.Routine =>
            [
                locale.Pick("谈话前完成廉政常识测试", "Take the integrity knowledge quiz before the talk"),
                locale.Pick("准备本人执行《中国共产党廉洁自律准则》、落实中央八项规定精神的情况", "Prepare how you have kept the Party's integrity code and the eight-point rules"),
                locale.Pick("准备履行全面从严治党职责、落实“主体责任”的情况及存在的问题", "Prepare how you have carried out your Party-discipline responsibilities, and the problems"),
            ],
            // 000 §四(三)2: the talkee explains the matters raised.
            TalkKind.Reminder => [locale.Pick("准备对相关问题的解释和说明", "Prepare your explanation of the matters to be raised")],
            // 002 §三2 and §三4: explanation, then self-criticism and corrective measures.
            _ =>
            [
                locale.Pick("准备对有关问题的解释和说明", "Prepare your explanation of the matters raised"),
                locale.Pick("准备检讨存在的问题，提出改正措施", "Prepare to examine the problems and propose corrective measures"),
            ],
        };
    }
}

/// <summary>Why a notice could not be delivered, in words the organiser can act on.</summary>
public static class UnreachableReasons
{
    public const string NotInstalled = "not-installed";
    public const string Blocked = "blocked";
    public const string SendFailed = "send-failed";

    public static string Describe(string? reason, Locale locale) => reason switch
    {
        NotInstalled => locale.Pick(
            "对方尚未在 Teams 中打开 TalkBot，无法送达。请提醒其安装并打开 TalkBot，或以其他方式送达通知书。",
            "They have not opened TalkBot in Teams yet. Ask them to install and open TalkBot, or deliver the notice another way."),
        Blocked => locale.Pick(
            "对方已屏蔽或卸载 TalkBot，无法送达。请以其他方式送达通知书。",
            "They blocked or uninstalled TalkBot. Deliver the notice another way."),
        _ => locale.Pick(
            "发送失败，请稍后重试或以其他方式送达通知书。",
            "Sending failed. Try again later or deliver the notice another way."),
    };
}
