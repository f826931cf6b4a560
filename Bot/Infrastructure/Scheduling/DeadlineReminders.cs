using System.Globalization;
using TalkBot.Domain.Reminders;

namespace TalkBot.Bot.Infrastructure.Scheduling;

/// <summary>
/// Puts anything due by a date into the schedule: a reminder one working day before it (when that is still ahead of
/// the escalation) and the first escalation the working day after it. Times come from Domain's
/// <see cref="ReminderRules"/>: working hours on working days.
/// </summary>
public sealed class DeadlineReminders(ScheduleStore schedule, ReminderRules rules, TimeProvider time)
{
    /// <param name="tag">Names the due date, so that a new due date starts a chain of its own and the old one stops.</param>
    public async Task PlanAsync(string dueSoonJob, string overdueJob, string subject, PersonId person, DateOnly dueDate, string tag, CancellationToken cancellationToken)
    {
        var remindAt = rules.RectificationReminderAt(dueDate, time.GetUtcNow());
        var escalateAt = rules.RectificationEscalationAt(dueDate);
        if (remindAt < escalateAt)
        {
            await schedule.AddAsync(new ScheduleEntry(dueSoonJob, subject, person, remindAt, Tag: tag), cancellationToken).ConfigureAwait(false);
        }

        await schedule.AddAsync(new ScheduleEntry(overdueJob, subject, person, escalateAt, Tag: tag), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A due date as a tag (yyyyMMdd).</summary>
    public static string DateTag(DateOnly date) => date.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
}
