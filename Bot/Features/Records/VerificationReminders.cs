using System.Globalization;
using TalkBot.Bot.Features.Talks;
using TalkBot.Domain.Reminders;

namespace TalkBot.Bot.Features.Records;

/// <summary>
/// A version of the record waiting for a talkee's 本人核实 (002 §五7): the talkee is reminded in working hours, then the
/// recorder and the discipline office of the talkee's unit are told every working day until the talkee has confirmed or
/// disputed it, or a newer version replaces it (its own chain: the tag is the version).
/// </summary>
public sealed class VerificationReminders(TalkStore talks, RecordStore records, PeopleDirectory directory, Messenger messenger, ScheduleStore schedule,
    ReminderRules rules, TimeProvider time) : IFollowUp<RecordLogged>
{
    public const string Job = "VerificationWaiting";

    public async Task RunAsync(RecordLogged change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        if (await talks.GetAsync(change.Talk, cancellationToken).ConfigureAwait(false) is not { } talk)
        {
            return;
        }

        var at = rules.DecisionReminderAt(time.GetUtcNow());
        foreach (var talkee in talk.Talkees)
        {
            await schedule.AddAsync(new ScheduleEntry(Job, talk.Id.Value, talkee, at, Tag: Tag(change.Version)), cancellationToken).ConfigureAwait(false);
        }
    }

    public async Task<ScheduleEntry?> RunAsync(ScheduleEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (entry.Person is not { } talkee
            || await talks.GetAsync(new TalkId(entry.Subject), cancellationToken).ConfigureAwait(false) is not { Status: not TalkStatus.Cancelled } talk
            || await records.GetAsync(talk, cancellationToken).ConfigureAwait(false) is not { Record: { } record }
            || Tag(record.Current.Number) != entry.Tag || record.Current.VerificationBy(talkee) is not null)
        {
            return null; // verified or disputed, or a newer version has its own reminders
        }

        var people = await directory.CurrentAsync(cancellationToken).ConfigureAwait(false);
        var escalated = entry.Round > 1;
        var recorder = record.Current.Content.Recorder ?? record.Current.Author;
        IEnumerable<PersonId> to = escalated
            ? DisciplineOffices.Of(people.Find(talkee)?.UnitId, people.WithRole(Role.DisciplineOffice)).Prepend(recorder).Where(p => p != talkee)
            : [talkee];
        var when = rules.Calendar.ToLocal(talk.ScheduledAt);
        var name = people.Name(talkee);
        await messenger.TellEachAsync(to, (_, l) => ReminderCard.Build(new ReminderView(
            l.Pick("谈话记录待本人核实", "Record waiting for verification"),
            [escalated
                ? l.Pick($"{name}尚未核实{DateText.DateTime(when, l)}谈话的记录（第{record.Current.Number}版，002 §五7）。",
                    $"{name} has not yet verified the record of the talk on {DateText.DateTime(when, l)} (version {record.Current.Number}, 002 §五7).")
                : l.Pick($"请核实{DateText.DateTime(when, l)}谈话的记录（第{record.Current.Number}版）：确认无误，或提出异议（002 §五7）。",
                    $"Please verify the record of the talk on {DateText.DateTime(when, l)} (version {record.Current.Number}): confirm it or dispute it (002 §五7).")],
            escalated, Verbs.RecordShow, l.Pick("查看记录", "Open the record"), new Dictionary<string, string> { [DataKeys.TalkId] = talk.Id.Value }), l),
            cancellationToken, entry.Key).ConfigureAwait(false);
        return entry with { DueAt = rules.NextEscalationAt(time.GetUtcNow()), Round = entry.Round + 1 };
    }

    private static string Tag(int version) => "v" + version.ToString(CultureInfo.InvariantCulture);
}
