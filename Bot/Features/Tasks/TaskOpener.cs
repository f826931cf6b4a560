using TalkBot.Domain.FollowUps;

namespace TalkBot.Bot.Features.Tasks;

/// <summary>Opens a follow-on task (once), plans its reminders, and gives the assignee the card (once).</summary>
public sealed class TaskOpener(TaskStore tasks, TaskCards cards, TaskReminders reminders, Messenger messenger)
{
    /// <param name="office">The unit of the office of its lead's or case's level: the task is on that office's desk.</param>
    public async Task OpenAsync(CaseTask task, UnitId? office, PeopleLookup people, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(task);
        // Every step is repeatable: a run that broke off after the insert finishes the rest the next time.
        await tasks.CreateAsync(task, office, cancellationToken).ConfigureAwait(false);
        await reminders.PlanAsync(task, cancellationToken).ConfigureAwait(false);
        await messenger.TellAsync(task.Assignee, l => TaskCard.Build(cards.View(task, people, TaskCardMode.Submit,
            l.Pick($"请于{DateText.Date(task.DueDate, l)}前完成。", $"Due by {DateText.Date(task.DueDate, l)}.")), l),
            cancellationToken, "task|" + task.Id.Value).ConfigureAwait(false);
    }
}
