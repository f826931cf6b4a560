using TalkBot.Domain.FollowUps;
using TalkBot.Domain.Reminders;

namespace TalkBot.Bot.Features.Tasks;

/// <summary>
/// A follow-on task's reminders: one working day before it is due, then, while overdue, the assignee and whoever reviews
/// it (or, for the office's own step, the office of that level) every working day. Each chain is tagged with the task
/// and its due date; a return with a new due date starts a new chain, and every chain stops once the task is done.
/// </summary>
public sealed class TaskReminders(TaskStore tasks, TaskOrigins origins, PeopleDirectory directory, Messenger messenger, DeadlineReminders deadlines, ReminderRules rules,
    TimeProvider time)
{
    public const string DueSoon = "TaskDueSoon";
    public const string Overdue = "TaskOverdue";

    /// <summary>The reminder one working day before the due date and the escalation after it.</summary>
    public Task PlanAsync(CaseTask task, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(task);
        return deadlines.PlanAsync(DueSoon, Overdue, task.Id.Origin, task.Assignee, task.DueDate, TaskStore.Tag(task), cancellationToken);
    }

    public async Task<ScheduleEntry?> RunAsync(ScheduleEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (TaskStore.FromTag(entry.Subject, entry.Tag) is not { } id
            || await tasks.GetAsync(id, cancellationToken).ConfigureAwait(false) is not { Task: { AwaitsSubmission: true } t }
            || TaskStore.Tag(t) != entry.Tag)
        {
            return null; // done, or returned with a new due date (which has its own entries)
        }

        var now = time.GetUtcNow();
        var ids = new Dictionary<string, string> { [DataKeys.TaskId] = t.Id.Value };
        if (entry.Job == DueSoon)
        {
            if (!rules.IsOverdue(t.DueDate, now))
            {
                await messenger.TellAsync(t.Assignee, l => ReminderCard.Build(new ReminderView(
                    l.Pick($"{Labels.Of(t.Kind, l)}即将到期", $"{Labels.Of(t.Kind, l)} due soon"),
                    [l.Pick($"请于{DateText.Date(t.DueDate, l)}前完成{Labels.Of(t.Kind, l)}。", $"Please complete the {Labels.Of(t.Kind, l)} by {DateText.Date(t.DueDate, l)}.")],
                    false, Verbs.TaskShow, l.Pick("办理", "Open"), ids), l), cancellationToken, entry.Key).ConfigureAwait(false);
            }

            return null;
        }

        if (!rules.IsOverdue(t.DueDate, now))
        {
            return entry with { DueAt = rules.RectificationEscalationAt(t.DueDate) };
        }

        // Overdue: the assignee and whoever reviews (or, for the office's own step, the office of that level) hear of it.
        var people = await directory.CurrentAsync(cancellationToken).ConfigureAwait(false);
        var office = await origins.OfficeAsync(t.Id.Origin, people, cancellationToken).ConfigureAwait(false);
        await messenger.TellEachAsync(t.Reviewers.Concat(office).Prepend(t.Assignee).Where(p => p != t.Subject || p == t.Assignee), (person, l) => ReminderCard.Build(new ReminderView(
            l.Pick($"{Labels.Of(t.Kind, l)}已逾期", $"{Labels.Of(t.Kind, l)} overdue"),
            [l.Pick($"{people.Name(t.Assignee)}的{Labels.Of(t.Kind, l)}应于{DateText.Date(t.DueDate, l)}前完成，现已逾期。",
                $"{people.Name(t.Assignee)}'s {Labels.Of(t.Kind, l)} was due by {DateText.Date(t.DueDate, l)} and is overdue.")],
            true, Verbs.TaskShow, person == t.Assignee ? l.Pick("办理", "Open") : l.Pick("查看", "View"), ids), l), cancellationToken, entry.Key).ConfigureAwait(false);
        return entry with { Round = entry.Round + 1, DueAt = rules.NextEscalationAt(now) };
    }
}
