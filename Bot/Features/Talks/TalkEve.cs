using TalkBot.Bot.Features.Quiz;
using TalkBot.Domain.Quiz;
using TalkBot.Domain.Reminders;

namespace TalkBot.Bot.Features.Talks;

/// <summary>
/// The eve of the talk: the working day before it, its talkers, recorder and talkees are reminded of time and place.
/// Planned when the talk is stored; does nothing once the talk has begun or was cancelled. A talkee of a routine talk
/// who has not yet taken the 廉政常识测试 (000 §三: before the talk) is told so in the same reminder, with the button to start it.
/// </summary>
public sealed class TalkEve(TalkStore talks, QuizStore quizzes, PeopleDirectory directory, Messenger messenger, ReminderRules rules, ScheduleStore schedule,
    TimeProvider time)
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
        var owing = await QuizOwedAsync(talk, cancellationToken).ConfigureAwait(false);
        await messenger.TellEachAsync(everyone, (person, l) => ReminderCard.Build(Reminder(talk, people, when, person, owing.Contains(person), l), l),
            cancellationToken, entry.Key, TalkEscalation.For(talk, $"{talk.Place}谈话的前一日提醒", $"the eve-of-talk reminder for the talk at {talk.Place}")).ConfigureAwait(false);
        return null;
    }

    private static ReminderView Reminder(Talk talk, PeopleLookup people, DateTimeOffset when, PersonId person, bool quizOwed, Locale l)
    {
        List<string> lines =
        [
            l.Pick($"{Labels.Of(talk.Kind, l)}定于{DateText.DateTime(when, l)}在{talk.Place}进行。", $"The {Labels.Of(talk.Kind, l).ToLowerInvariant()} is on {DateText.DateTime(when, l)} at {talk.Place}."),
            l.Pick($"谈话人：{CardParts.Names(talk.Talkers.Select(people.Name), l)}；谈话对象：{CardParts.Names(talk.Talkees.Select(people.Name), l)}",
                $"Talkers: {CardParts.Names(talk.Talkers.Select(people.Name), l)}; talkees: {CardParts.Names(talk.Talkees.Select(people.Name), l)}"),
        ];
        var onTalk = new Dictionary<string, string> { [DataKeys.TalkId] = talk.Id.Value };
        if (!talk.IsTalkee(person))
        {
            // The recorder and the talkers record after the talk who did not come (000 §四(五)1).
            return new ReminderView(l.Pick("谈话提醒", "Talk reminder"), lines, ActionVerb: Verbs.TalkAttendance, ActionTitle: l.Pick("出勤登记", "Attendance"), ActionData: onTalk);
        }

        if (!quizOwed)
        {
            return new ReminderView(l.Pick("谈话提醒", "Talk reminder"), lines);
        }

        lines.Add(l.Pick("您尚未完成廉政常识测试：日常廉政谈话前应进行廉政常识测试（000 §三），请在谈话前完成。",
            "You have not taken the integrity quiz yet: a routine talk is preceded by the integrity knowledge quiz (000 §三). Please take it before the talk."));
        return new ReminderView(l.Pick("谈话提醒", "Talk reminder"), lines, ActionVerb: Verbs.QuizStart, ActionTitle: l.Pick("开始测试", "Start the quiz"), ActionData: onTalk);
    }

    // The talkees who still owe the quiz (Domain's QuizDue); only a routine talk has one.
    private async Task<HashSet<PersonId>> QuizOwedAsync(Talk talk, CancellationToken cancellationToken)
    {
        var owing = new HashSet<PersonId>();
        if (talk.Kind != TalkKind.Routine)
        {
            return owing;
        }

        var now = time.GetUtcNow();
        foreach (var talkee in talk.Talkees)
        {
            var quiz = await quizzes.GetAsync(talk.Id, talkee, cancellationToken).ConfigureAwait(false);
            if (QuizDue.IsOwed(talk, quiz.Track, quiz.Latest, now))
            {
                owing.Add(talkee);
            }
        }

        return owing;
    }
}
