using TalkBot.Domain.Records;
using TalkBot.Bot.Features.Talks;
using TalkBot.Cards.Records;
using TalkBot.Domain.Reminders;

namespace TalkBot.Bot.Features.Records;

/// <summary>
/// The working day after the talk, the recorder (or the organiser) is reminded when no record is logged yet (000
/// §四(一)4; for an admonishment, the 诫勉谈话教育情况表 of 002 §五6–7). Planned when the talk is stored.
/// </summary>
public sealed class RecordMissing(TalkStore talks, RecordStore records, PeopleDirectory directory, Messenger messenger, ReminderRules rules, ScheduleStore schedule)
    : IScheduledJob, IFollowUp<TalkScheduled>, IFollowUp<TalkChanged>
{
    public const string Job = "RecordMissing";

    public string Name => Job;

    public async Task RunAsync(TalkScheduled change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        if (await talks.GetAsync(change.Talk, cancellationToken).ConfigureAwait(false) is { } talk)
        {
            await PlanAsync(talk, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>A moved talk is recorded after its new time; a cancelled one is never recorded (000 §四(一)4).</summary>
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
        schedule.AddAsync(new ScheduleEntry(Job, talk.Id.Value, null, rules.RecordMissingReminderAt(talk.ScheduledAt), Tag: TalkRevision.Tag(talk)), cancellationToken);

    public async Task<ScheduleEntry?> RunAsync(ScheduleEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (await talks.GetAsync(new TalkId(entry.Subject), cancellationToken).ConfigureAwait(false) is not { Status: not TalkStatus.Cancelled } talk
            || !TalkRevision.IsCurrent(entry, talk)
            || talk.EveryTalkeeAbsent // nobody came (000 §四(五)1): there is no record to log
            || await records.GetAsync(talk, cancellationToken).ConfigureAwait(false) is not null)
        {
            return null;
        }

        var people = await directory.CurrentAsync(cancellationToken).ConfigureAwait(false);
        var when = rules.Calendar.ToLocal(talk.ScheduledAt);
        var ids = new Dictionary<string, string> { [DataKeys.TalkId] = talk.Id.Value };
        var source = talk.Kind == TalkKind.Admonishment ? "002 §五6–7" : "000 §四(一)4";
        var talkees = talk.Talkees.Select(people.Name);
        await messenger.TellAsync(RecordAccess.WhoLogs(talk), l => ReminderCard.Build(new ReminderView(
            l.Pick("谈话记录尚未登记", "Talk not yet recorded"),
            [l.Pick($"{DateText.DateTime(when, l)}在{talk.Place}与{CardParts.Names(talkees, l)}的{Labels.Of(talk.Kind, l)}尚未登记{ChecklistText.FormName(talk.Kind, l)}（{source}）。",
                $"The talk with {CardParts.Names(talkees, l)} on {DateText.DateTime(when, l)} at {talk.Place} has no {ChecklistText.FormName(talk.Kind, l)} yet ({source}).")],
            false, Verbs.RecordNew, l.Pick("登记谈话记录", "Record the talk"), ids), l), cancellationToken, entry.Key,
            TalkEscalation.For(talk, $"{talk.Place}谈话的记录登记提醒", $"the reminder to record the talk at {talk.Place}")).ConfigureAwait(false);
        return null;
    }
}
