using TalkBot.Domain.FollowUps;

namespace TalkBot.Bot.Features.Tasks;

/// <summary>
/// Who hears of a task's submission and review, once each is stored: its reviewers get a submission to review; the
/// assignee gets the review, and a returned one its new reminders. Each reads the stored task (a save that did not
/// happen finds nothing to do) and keys its message by the change, so a re-run after a crash sends nothing twice.
/// </summary>
public sealed class TaskNews(TaskStore tasks, TaskCards cards, TaskReminders reminders, PeopleDirectory directory, Messenger messenger)
    : IFollowUp<TaskSubmitted>, IFollowUp<TaskReviewed>
{
    public async Task RunAsync(TaskSubmitted change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        if (await tasks.GetAsync(change.Task, cancellationToken).ConfigureAwait(false) is not { Task: { } t } || t.Submissions.Count < change.Submission || !t.NeedsReview)
        {
            return;
        }

        var people = await directory.CurrentAsync(cancellationToken).ConfigureAwait(false);
        await messenger.TellEachAsync(t.Reviewers, (_, l) => TaskCard.Build(cards.View(t, people, TaskCardMode.Review,
            l.Pick($"{people.Name(t.Assignee)}已提交{Labels.Of(t.Kind, l)}，请审阅。", $"{people.Name(t.Assignee)} has submitted the {Labels.Of(t.Kind, l)}; please review.")), l),
            cancellationToken, change.Key).ConfigureAwait(false);
    }

    public async Task RunAsync(TaskReviewed change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        if (await tasks.GetAsync(change.Task, cancellationToken).ConfigureAwait(false) is not { Task: { } t } || t.Reviews.Count < change.Review)
        {
            return;
        }

        var accepted = t.Reviews[change.Review - 1].Accepted;
        if (!accepted)
        {
            await reminders.PlanAsync(t, cancellationToken).ConfigureAwait(false);
        }

        var people = await directory.CurrentAsync(cancellationToken).ConfigureAwait(false);
        await messenger.TellAsync(t.Assignee, l => TaskCard.Build(cards.View(t, people, accepted ? TaskCardMode.View : TaskCardMode.Submit,
            accepted ? l.Pick($"您提交的{Labels.Of(t.Kind, l)}已审阅通过。", $"Your {Labels.Of(t.Kind, l)} was accepted.")
                     : l.Pick($"您提交的{Labels.Of(t.Kind, l)}被退回，请于{DateText.Date(t.DueDate, l)}前重新提交。", $"Your {Labels.Of(t.Kind, l)} was returned; submit again by {DateText.Date(t.DueDate, l)}.")), l),
            cancellationToken, change.Key).ConfigureAwait(false);
    }
}
