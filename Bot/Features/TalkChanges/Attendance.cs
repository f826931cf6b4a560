using TalkBot.Bot.Features.Talks;

namespace TalkBot.Bot.Features.TalkChanges;

/// <summary>
/// 出勤登记 (talk.attendance, from the eve-of-talk reminder) and 登记无故缺席 (talk.absent): the recorder or a talker
/// records a talkee who did not come without leave once the talk's time has come (000 §四(五)1). The absence is stored on
/// the talk with <see cref="AbsenceRecorded"/>, whose follow-up tells the discipline office of the talkee's unit; the
/// organiser's card shows it. Domain refuses anyone else, a talk not yet begun or cancelled, and someone not its talkee.
/// </summary>
public abstract class AttendanceAction(TalkChangeStore store, WorkingCalendar calendar, TimeProvider time) : ICardAction
{
    public abstract string Verb { get; }

    /// <summary>Records through Domain and saves; false when nothing changed, null when the save lost a race.</summary>
    protected abstract Task<bool?> ChangeAsync(TalkChangeStore.Loaded loaded, CardActionRequest request, CancellationToken cancellationToken);

    public async Task<AdaptiveCard> ExecuteAsync(CardActionRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return await Optimistic.RetryAsync<AdaptiveCard>(async () =>
        {
            if (await store.LoadAsync(request, cancellationToken).ConfigureAwait(false) is not { } loaded)
            {
                return TalkChangeStore.NotFound(request.Locale);
            }

            if (TalkAccess.CheckAttendance(request.Actor, loaded.Talk) is { } refusal)
            {
                throw new DomainRuleException(refusal);
            }

            return await ChangeAsync(loaded, request, cancellationToken).ConfigureAwait(false) is null
                ? Optimistic.Again
                : Card(loaded, request.Locale, null);
        }, () => ErrorCard.Busy(request.Locale, "该谈话", "The talk")).ConfigureAwait(false);
    }

    public async Task<AdaptiveCard> RefusedAsync(CardActionRequest request, Refusal refusal, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(refusal);
        return refusal.Violations.Any(v => v.Code == RuleCode.NotPermitted)
            || await store.LoadAsync(request, cancellationToken).ConfigureAwait(false) is not { } loaded
                ? RuleViolationCard.Build(refusal.Violations, request.Locale)
                : Card(loaded, request.Locale, refusal.Messages);
    }

    private AdaptiveCard Card(TalkChangeStore.Loaded loaded, Locale locale, IReadOnlyList<string>? problems)
    {
        var talk = loaded.Talk;
        var open = talk.Status != TalkStatus.Cancelled && time.GetUtcNow() >= talk.ScheduledAt;
        var view = new AttendanceView(talk.Id, talk.Kind, calendar.ToLocal(talk.ScheduledAt), talk.Place, open,
            [.. talk.Talkees.Select(t => new AttendanceLine(t, loaded.People.Name(t), talk.Absences.Any(a => a.Talkee == t)))]);
        return AttendanceCard.Build(view, locale, problems);
    }
}

/// <summary>出勤登记: the talkees, with who is recorded absent, for the recorder or a talker.</summary>
public sealed class ShowAttendance(TalkChangeStore store, WorkingCalendar calendar, TimeProvider time) : AttendanceAction(store, calendar, time)
{
    public override string Verb => Verbs.TalkAttendance;

    protected override Task<bool?> ChangeAsync(TalkChangeStore.Loaded loaded, CardActionRequest request, CancellationToken cancellationToken) =>
        Task.FromResult<bool?>(false);
}

/// <summary>登记无故缺席: one talkee, named in the card data, recorded absent without leave.</summary>
public sealed class RecordAbsence(TalkChangeStore store, WorkingCalendar calendar, TimeProvider time) : AttendanceAction(store, calendar, time)
{
    private readonly TalkChangeStore changes = store;
    private readonly TimeProvider clock = time;

    public override string Verb => Verbs.TalkAbsent;

    protected override async Task<bool?> ChangeAsync(TalkChangeStore.Loaded loaded, CardActionRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(loaded);
        ArgumentNullException.ThrowIfNull(request);
        var talkee = TalkChangeStore.Person(request, DataKeys.Talkee) ?? new PersonId("");
        if (!loaded.Talk.RecordAbsence(request.Actor, talkee, clock))
        {
            return false;
        }

        var change = new AbsenceRecorded(loaded.Talk.Id, talkee);
        return await changes.SaveAsync(change, change.Key, loaded, [], cancellationToken).ConfigureAwait(false) ? true : null;
    }
}
