using TalkBot.Bot.Features.Talks;
using TalkBot.Bot.Infrastructure.Hosting;

namespace TalkBot.Bot.Features.TalkChanges;

/// <summary>
/// The organiser decides a postponement (000 §四(五)1: 不准无故、借故推诿、拖延 — asked with a reason, decided by the
/// organiser): approved with a new time (the talk moves, every notice is issued again) or refused with a reason. The
/// talkee is told either way through the outbox. The talkee is named in the card data; Domain refuses one who is not a
/// talkee of the talk, someone who may not decide, and a request not waiting; a repeated click changes nothing.
/// </summary>
public abstract class DecidePostponement(TalkChangeStore store, OrganiserView organiser, WorkingCalendar calendar) : ICardAction
{
    public abstract string Verb { get; }

    /// <summary>Decides through Domain and saves; the card to answer with, or null when the save lost a race.</summary>
    protected abstract Task<bool?> DecideAsync(TalkChangeStore.Loaded loaded, PersonId talkee, CardActionRequest request, CancellationToken cancellationToken);

    public async Task<AdaptiveCard> ExecuteAsync(CardActionRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return await Optimistic.RetryAsync<AdaptiveCard>(async () =>
        {
            if (await store.LoadAsync(request, cancellationToken).ConfigureAwait(false) is not { } loaded
                || TalkChangeStore.Person(request, DataKeys.Talkee) is not { } talkee)
            {
                return TalkChangeStore.NotFound(request.Locale);
            }

            if (TalkAccess.CheckManage(request.Actor, loaded.Talk, loaded.TalkeeOffices) is { } refusal)
            {
                throw new DomainRuleException(refusal);
            }

            if (await DecideAsync(loaded, talkee, request, cancellationToken).ConfigureAwait(false) is null)
            {
                return Optimistic.Again;
            }

            return Card(loaded, talkee, request.Locale, null);
        }, () => ErrorCard.Busy(request.Locale, "该改期申请", "The request")).ConfigureAwait(false);
    }

    public async Task<AdaptiveCard> RefusedAsync(CardActionRequest request, Refusal refusal, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(refusal);
        return refusal.Violations.Any(v => v.Code is RuleCode.NotPermitted or RuleCode.NotTalkeeOfTalk)
            || await store.LoadAsync(request, cancellationToken).ConfigureAwait(false) is not { } loaded
            || TalkChangeStore.Person(request, DataKeys.Talkee) is not { } talkee
                ? RuleViolationCard.Build(refusal.Violations, request.Locale)
                : Card(loaded, talkee, request.Locale, refusal.Messages);
    }

    /// <summary>The request as it stands: its buttons while it waits, otherwise what was decided.</summary>
    protected AdaptiveCard Card(TalkChangeStore.Loaded loaded, PersonId talkee, Locale locale, IReadOnlyList<string>? problems)
    {
        ArgumentNullException.ThrowIfNull(loaded);
        var context = loaded.People.Context(calendar);
        var talk = loaded.Talk;
        if (loaded.NoticeOf(talkee)?.Notice is not { } notice)
        {
            return TalkChangeStore.NotFound(locale);
        }

        var waiting = notice.Status == NoticeStatus.PostponementRequested && talk.Status == TalkStatus.Scheduled;
        var (min, max) = organiser.Dates(talk.Kind);
        var view = waiting
            ? NoticeViews.PostponementRequested(talk, notice, context, min, max)
            : NoticeViews.PostponementRequested(talk, notice, context) with { Reason = notice.Decision?.RequestReason ?? notice.PostponementReason ?? "" };
        return TalkChangeCards.Decision(view, locale, problems, waiting ? null : Outcome(talk, notice, context, locale));
    }

    private static string Outcome(Talk talk, Notice notice, ViewContext context, Locale locale) => (talk.Status, notice.Decision) switch
    {
        (TalkStatus.Cancelled, _) => locale.Pick("该谈话已撤销。", "The talk was cancelled."),
        (_, { Approved: true } d) => locale.Pick($"已同意改期（{DateText.DateTime(context.Local(d.At), locale)}），谈话改至{DateText.DateTime(context.Local(talk.ScheduledAt), locale)}。",
            $"Approved ({DateText.DateTime(context.Local(d.At), locale)}); the talk is now on {DateText.DateTime(context.Local(talk.ScheduledAt), locale)}."),
        (_, { Approved: false } d) => locale.Pick($"已答复不同意改期（{DateText.DateTime(context.Local(d.At), locale)}）：{d.Reason}",
            $"Refused ({DateText.DateTime(context.Local(d.At), locale)}): {d.Reason}"),
        _ => locale.Pick("该申请已撤回：谈话对象已确认按原定时间参加。", "The request was withdrawn: the talkee acknowledged the notified time."),
    };
}

/// <summary>同意改期: the talk moves to the new time (000 §四(一)2–3 apply again) and every notice is issued again.</summary>
public sealed class ApprovePostponement(TalkChangeStore store, OrganiserView organiser, WorkingCalendar calendar, TalkOptions options, TimeProvider time)
    : DecidePostponement(store, organiser, calendar)
{
    private readonly TalkChangeStore changes = store;

    public override string Verb => Verbs.PostponementApprove;

    protected override async Task<bool?> DecideAsync(TalkChangeStore.Loaded loaded, PersonId talkee, CardActionRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(loaded);
        ArgumentNullException.ThrowIfNull(request);
        var talk = loaded.Talk;
        var at = TalkChangeStore.NewTime(request, Calendar);
        if (!Notice.ApprovePostponement(talk, [.. loaded.Notices.Select(n => n.Notice)], talkee, request.Actor, loaded.TalkeeOffices, at, Calendar, options.Policy, time))
        {
            return false;
        }

        var change = new TalkChanged(talk.Id, talk.Revision, Cancelled: false, Requester: talkee);
        return await changes.SaveAsync(change, change.Key, loaded, loaded.Notices, cancellationToken).ConfigureAwait(false) ? true : null;
    }

    private WorkingCalendar Calendar { get; } = calendar;
}

/// <summary>不同意: the talkee attends at the notified time, and is told why.</summary>
public sealed class RefusePostponement(TalkChangeStore store, OrganiserView organiser, WorkingCalendar calendar, TimeProvider time)
    : DecidePostponement(store, organiser, calendar)
{
    private readonly TalkChangeStore changes = store;

    public override string Verb => Verbs.PostponementRefuse;

    protected override async Task<bool?> DecideAsync(TalkChangeStore.Loaded loaded, PersonId talkee, CardActionRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(loaded);
        ArgumentNullException.ThrowIfNull(request);
        loaded.Talk.EnsureNotCancelled();
        if (loaded.NoticeOf(talkee) is not { } stored)
        {
            throw new DomainRuleException(new RuleViolation(RuleCode.NotTalkeeOfTalk, RuleSources.TalkeeDuties,
                Arguments: new Dictionary<string, string> { ["person"] = talkee.Value }));
        }

        if (!stored.Notice.RefusePostponement(request.Actor.Id, request.Text(DataKeys.Reason), time))
        {
            return false;
        }

        var change = new PostponementDeclined(loaded.Talk.Id, talkee, stored.Notice.Decision!.At);
        return await changes.SaveAsync(change, change.Key, loaded, [stored], cancellationToken).ConfigureAwait(false) ? true : null;
    }
}

/// <summary>处理 in a digest of several requests, or a reminder's link: one request with its two answers.</summary>
public sealed class ShowPostponement(TalkChangeStore store, OrganiserView organiser, WorkingCalendar calendar)
    : DecidePostponement(store, organiser, calendar)
{
    public override string Verb => Verbs.PostponementShow;

    protected override Task<bool?> DecideAsync(TalkChangeStore.Loaded loaded, PersonId talkee, CardActionRequest request, CancellationToken cancellationToken) =>
        Task.FromResult<bool?>(false);
}
