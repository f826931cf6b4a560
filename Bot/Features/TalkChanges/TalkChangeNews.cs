using TalkBot.Bot.Features.Notices;
using TalkBot.Bot.Features.Talks;

namespace TalkBot.Bot.Features.TalkChanges;

/// <summary>
/// Once a move or a cancellation is saved, everyone involved is told through the outbox (never waiting on their chat):
/// each talkee (the one whose postponement was approved hears the decision), the talkers and the recorder, and the
/// organiser when the office made the change; the organiser's card follows in place. Keyed by the change, so a re-run
/// after a crash tells nobody twice; a change already followed by another does nothing (the later one tells).
/// </summary>
public sealed class TalkChangedNews(TalkStore talks, PeopleDirectory directory, Messenger messenger, WorkingCalendar calendar) : IFollowUp<TalkChanged>
{
    public async Task RunAsync(TalkChanged change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        if (await talks.GetAsync(change.Talk, cancellationToken).ConfigureAwait(false) is not { LastChange: { } last } talk || talk.Revision != change.Revision)
        {
            return;
        }

        var people = await directory.CurrentAsync(cancellationToken).ConfigureAwait(false);
        var view = new TalkChangedView(talk.Id, talk.Kind, change.Cancelled, calendar.ToLocal(last.From ?? talk.ScheduledAt), calendar.ToLocal(talk.ScheduledAt),
            talk.Place, last.Reason, change.Requester is not null, [.. talk.Talkees.Select(people.Name)], [.. talk.Talkers.Select(people.Name)],
            people.Name(last.By), ForTalkee: false);
        var escalation = TalkEscalation.For(talk, $"{talk.Place}谈话的改期或撤销通知", $"the news that the talk at {talk.Place} moved or was cancelled");
        foreach (var talkee in talk.Talkees)
        {
            await messenger.TellAsync(talkee, l => talkee == change.Requester
                ? TalkChangeCards.Decided(new PostponementDecidedView(talk.Id, true, calendar.ToLocal(talk.ScheduledAt), talk.Place, last.Reason, null, people.Name(last.By)), l)
                : TalkChangeCards.Changed(view with { ForTalkee = true }, l), cancellationToken, change.Key, escalation).ConfigureAwait(false);
        }

        var others = talk.Talkers.Concat(talk.Recorder is { } r ? [r] : Array.Empty<PersonId>())
            .Concat(last.By != talk.Organiser ? [talk.Organiser] : Array.Empty<PersonId>())
            .Where(p => !talk.IsTalkee(p));
        await messenger.TellEachAsync(others, (_, l) => TalkChangeCards.Changed(view, l), cancellationToken, change.Key).ConfigureAwait(false);
        await messenger.RefreshAsync(talk.Organiser, TalkCard.Of(talk.Id), cancellationToken).ConfigureAwait(false);
    }
}

/// <summary>A refused postponement: the talkee is told why, and to attend at the notified time (000 §四(五)1); their notice follows in place.</summary>
public sealed class PostponementDeclinedNews(TalkStore talks, PeopleDirectory directory, Messenger messenger, WorkingCalendar calendar) : IFollowUp<PostponementDeclined>
{
    public async Task RunAsync(PostponementDeclined change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        if (await talks.ReadForTalkeeAsync(change.Talk, change.Talkee, cancellationToken).ConfigureAwait(false) is not
            { Talk.Talk: { } talk, Notice.Notice.Decision: { Approved: false } decision } || decision.At != change.DecidedAt)
        {
            return; // not stored after all
        }

        var people = await directory.CurrentAsync(cancellationToken).ConfigureAwait(false);
        await messenger.TellAsync(change.Talkee, l => TalkChangeCards.Decided(new PostponementDecidedView(talk.Id, false, calendar.ToLocal(talk.ScheduledAt), talk.Place,
            decision.RequestReason, decision.Reason, people.Name(decision.By)), l), cancellationToken, change.Key,
            TalkEscalation.For(talk, $"{talk.Place}谈话的改期答复", $"the answer to a postponement of the talk at {talk.Place}")).ConfigureAwait(false);
        await messenger.RefreshAsync(change.Talkee, NoticeCardRefresh.Of(talk.Id), cancellationToken).ConfigureAwait(false);
        await messenger.RefreshAsync(talk.Organiser, TalkCard.Of(talk.Id), cancellationToken).ConfigureAwait(false);
    }
}

/// <summary>
/// A talkee recorded absent without leave (000 §四(五)1): the discipline office of their unit is told — the office that
/// keeps their integrity archive (000 §四(一)6) — and the organiser's card shows it.
/// </summary>
public sealed class AbsenceNews(TalkStore talks, PeopleDirectory directory, Messenger messenger, WorkingCalendar calendar) : IFollowUp<AbsenceRecorded>
{
    public async Task RunAsync(AbsenceRecorded change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        if (await talks.GetAsync(change.Talk, cancellationToken).ConfigureAwait(false) is not { } talk
            || talk.Absences.FirstOrDefault(a => a.Talkee == change.Talkee) is not { } absence)
        {
            return;
        }

        var people = await directory.CurrentAsync(cancellationToken).ConfigureAwait(false);
        var office = DisciplineOffices.Of(people.Find(change.Talkee)?.UnitId, people.WithRole(Role.DisciplineOffice)).Where(p => p != change.Talkee);
        var when = calendar.ToLocal(talk.ScheduledAt);
        var (name, by) = (people.Name(change.Talkee), people.Name(absence.RecordedBy));
        await messenger.TellEachAsync(office, (_, l) => ReminderCard.Build(new ReminderView(
            l.Pick("谈话对象无故缺席", "Talkee absent without leave"),
            [l.Pick($"{name}未按通知参加{DateText.DateTime(when, l)}在{talk.Place}进行的{Labels.Of(talk.Kind, l)}，{by}已登记为无故缺席（000 §四(五)1）。",
                $"{name} did not attend the {Labels.Of(talk.Kind, l).ToLowerInvariant()} on {DateText.DateTime(when, l)} at {talk.Place}; {by} recorded them absent without leave (000 §四(五)1).")],
            Escalation: true), l), cancellationToken, change.Key).ConfigureAwait(false);
        await messenger.RefreshAsync(talk.Organiser, TalkCard.Of(talk.Id), cancellationToken).ConfigureAwait(false);
    }
}
