using TalkBot.Bot.Features.Talks;
using TalkBot.Domain.Rectifications;
using TalkBot.Domain.Reminders;

namespace TalkBot.Bot.Features.Rectifications;

/// <summary>
/// A rectification's reminders (000 §四(一)5): one working day before it is due, then, once overdue, the talkee, the
/// talkers and the organiser every working day. Each chain is tagged with its due date: a return with a new due date
/// starts a chain of its own, and the old one stops, as does every chain once the report is in.
/// </summary>
public sealed class RectificationReminders(
    TalkStore talks, RectificationStore rectifications, PeopleDirectory directory, Messenger messenger, DeadlineReminders deadlines, ReminderRules rules, TimeProvider time)
{
    public const string DueSoon = "RectificationDueSoon";
    public const string Overdue = "RectificationOverdue";

    /// <summary>A rectification opened or returned: the reminder before its due date and the escalation after it.</summary>
    public Task PlanAsync(Rectification rectification, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rectification);
        return deadlines.PlanAsync(DueSoon, Overdue, rectification.TalkId.Value, rectification.Talkee, rectification.DueDate,
            DeadlineReminders.DateTag(rectification.DueDate), cancellationToken);
    }

    public async Task<ScheduleEntry?> RunAsync(ScheduleEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (entry.Person is not { } talkee
            || await talks.GetAsync(new TalkId(entry.Subject), cancellationToken).ConfigureAwait(false) is not { Status: not TalkStatus.Cancelled } talk
            || await rectifications.GetAsync(talk.Id, talkee, cancellationToken).ConfigureAwait(false) is not { Rectification: { AwaitsReport: true } r }
            || DeadlineReminders.DateTag(r.DueDate) != entry.Tag)
        {
            return null; // done, or superseded by a return with a new due date (which has its own entries)
        }

        var now = time.GetUtcNow();
        var ids = new Dictionary<string, string> { [DataKeys.TalkId] = talk.Id.Value, [DataKeys.Talkee] = talkee.Value };
        if (entry.Job == DueSoon)
        {
            if (!rules.IsOverdue(r.DueDate, now)) // too late for "due soon": the overdue escalation says it
            {
                await messenger.TellAsync(talkee, l => ReminderCard.Build(new ReminderView(
                    l.Pick("整改上报提醒", "Rectification report due"),
                    [l.Pick($"请于{DateText.Date(r.DueDate, l)}前上报整改措施落实情况（000 §四(一)5）。", $"Please report the measures taken by {DateText.Date(r.DueDate, l)} (000 §四(一)5).")],
                    false, Verbs.RectificationShow, l.Pick("上报整改情况", "Report now"), ids), l), cancellationToken, entry.Key,
                    TalkEscalation.For(talk, "整改上报提醒", "the rectification reminder")).ConfigureAwait(false);
            }

            return null;
        }

        if (!rules.IsOverdue(r.DueDate, now))
        {
            return entry with { DueAt = rules.RectificationEscalationAt(r.DueDate) };
        }

        var people = await directory.CurrentAsync(cancellationToken).ConfigureAwait(false);
        await messenger.TellEachAsync(talk.Talkers.Append(talk.Organiser).Prepend(talkee), (person, l) => ReminderCard.Build(new ReminderView(
            l.Pick("整改情况逾期未报", "Rectification report overdue"),
            [l.Pick($"{people.Name(talkee)}的整改措施落实情况应于{DateText.Date(r.DueDate, l)}前上报，现已逾期（000 §四(一)5）。",
                $"{people.Name(talkee)}'s rectification report was due by {DateText.Date(r.DueDate, l)} and is overdue (000 §四(一)5).")],
            true, Verbs.RectificationShow, person == talkee ? l.Pick("上报整改情况", "Report now") : l.Pick("查看整改", "View"), ids), l),
            cancellationToken, entry.Key, TalkEscalation.For(talk, "整改逾期提醒", "the overdue rectification reminder")).ConfigureAwait(false);
        return entry with { Round = entry.Round + 1, DueAt = rules.NextEscalationAt(now) };
    }
}
