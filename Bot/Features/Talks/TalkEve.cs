using TalkBot.Domain.Reminders;

namespace TalkBot.Bot.Features.Talks;

/// <summary>
/// The eve of the talk: the working day before it, its talkers, recorder and talkees are reminded of time and place.
/// Planned when the talk is stored; does nothing once the talk has begun or was cancelled.
/// </summary>
public sealed class TalkEve(TalkStore talks, PeopleDirectory directory, Messenger messenger, ReminderRules rules, ScheduleStore schedule, TimeProvider time)
    : IScheduledJob, IFollowUp<TalkScheduled>, IFollowUp<TalkChanged>
{
    public const string Job = "TalkEve";

    public string Name => Job;

    public async Task RunAsync(TalkScheduled change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        if (await talks.GetAsync(change.Talk, cancellationToken).ConfigureAwait(false) is { } talk)
        {
            await PlanAsync(talk, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>A moved talk's eve moves with it; a cancelled talk has none.</summary>
    public async Task RunAsync(TalkChanged change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        if (await talks.GetAsync(change.Talk, cancellationToken).ConfigureAwait(false) is { } talk && talk.Revision == change.Revision)
        {
            await schedule.RemoveAsync(Job, talk.Id.Value, cancellationToken).ConfigureAwait(false);
            if (talk.Status == TalkStatus.Scheduled)
            {
                await PlanAsync(talk, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private Task PlanAsync(Talk talk, CancellationToken cancellationToken) =>
        schedule.AddAsync(new ScheduleEntry(Job, talk.Id.Value, null, rules.TalkEveReminderAt(talk.ScheduledAt, time.GetUtcNow()), Tag: TalkRevision.Tag(talk)), cancellationToken);

    public async Task<ScheduleEntry?> RunAsync(ScheduleEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (await talks.GetAsync(new TalkId(entry.Subject), cancellationToken).ConfigureAwait(false) is not { } talk
            || talk.Status != TalkStatus.Scheduled || time.GetUtcNow() >= talk.ScheduledAt || !TalkRevision.IsCurrent(entry, talk))
        {
            return null;
        }

        var people = await directory.CurrentAsync(cancellationToken).ConfigureAwait(false);
        var when = rules.Calendar.ToLocal(talk.ScheduledAt);
        var everyone = talk.Talkers.Concat(talk.Talkees).Concat(talk.Recorder is { } r ? [r] : Array.Empty<PersonId>());
        await messenger.TellEachAsync(everyone, (person, l) => ReminderCard.Build(new ReminderView(
            l.Pick("谈话提醒", "Talk reminder"),
            [l.Pick($"{Labels.Of(talk.Kind, l)}定于{DateText.DateTime(when, l)}在{talk.Place}进行。", $"The {Labels.Of(talk.Kind, l).ToLowerInvariant()} is on {DateText.DateTime(when, l)} at {talk.Place}."),
             l.Pick($"谈话人：{CardParts.Names(talk.Talkers.Select(people.Name), l)}；谈话对象：{CardParts.Names(talk.Talkees.Select(people.Name), l)}",
                 $"Talkers: {CardParts.Names(talk.Talkers.Select(people.Name), l)}; talkees: {CardParts.Names(talk.Talkees.Select(people.Name), l)}")],
            // The recorder and the talkers record after the talk who did not come (000 §四(五)1).
            ActionVerb: talk.IsTalkee(person) ? null : Verbs.TalkAttendance, ActionTitle: l.Pick("出勤登记", "Attendance"),
            ActionData: new Dictionary<string, string> { [DataKeys.TalkId] = talk.Id.Value }), l),
            cancellationToken, entry.Key, TalkEscalation.For(talk, $"{talk.Place}谈话的前一日提醒", $"the eve-of-talk reminder for the talk at {talk.Place}")).ConfigureAwait(false);
        return null;
    }
}
