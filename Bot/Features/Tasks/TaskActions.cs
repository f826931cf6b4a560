using System.Globalization;
using TalkBot.Domain.FollowUps;
using TalkBot.Domain.Reminders;

namespace TalkBot.Bot.Features.Tasks;

/// <summary>Shows a task to whoever may see it: the assignee's form while it is due, a reviewer's buttons while a submission waits.</summary>
public sealed class ShowTask(TaskCards cards) : ICardAction
{
    public string Verb => Verbs.TaskShow;

    public async Task<AdaptiveCard> ExecuteAsync(CardActionRequest request, CancellationToken cancellationToken) =>
        await cards.FindAsync(request, cancellationToken).ConfigureAwait(false) is { } found
            ? cards.CardFor(request.Actor, found, request.Locale)
            : TaskCards.NotFound(request.Locale);
}

/// <summary>
/// 提交: the assignee hands in the written reply, self-examination or analysis (000 §四(四)1 and 4; 002 §四4), late ones
/// marked late; the reviewers are asked to review it (<see cref="TaskNews"/>, planned with the save). A repeated submit of
/// one form is one submission.
/// </summary>
public sealed class SubmitTask(TaskCards cards, TaskStore tasks, FollowUps followUps, ReminderRules rules, TimeProvider time) : ICardAction
{
    public string Verb => Verbs.TaskSubmit;

    public async Task<AdaptiveCard> ExecuteAsync(CardActionRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (actor, locale) = (request.Actor, request.Locale);
        return await Optimistic.RetryAsync<AdaptiveCard>(async () =>
        {
            if (await cards.FindAsync(request, cancellationToken).ConfigureAwait(false) is not { } found || found.Stored.Task.Assignee != actor.Id)
            {
                return TaskCards.NotFound(locale);
            }

            var (stored, people) = (found.Stored, found.People);
            var t = stored.Task;
            var (submissions, reviews) = (t.Submissions.Count, t.Reviews.Count);
            var now = time.GetUtcNow();
            if (t.Submit(actor.Id, request.Text(CaseFields.TaskText), request.FormId, rules.Calendar.LocalDate(now), now))
            {
                var submitted = new TaskSubmitted(t.Id, t.Submissions.Count);
                if (!await followUps.SaveAsync(submitted, submitted.Key, () => tasks.SaveAsync(stored, submissions, reviews, cancellationToken), cancellationToken).ConfigureAwait(false))
                {
                    return Optimistic.Again;
                }
            }

            var late = t.Submissions[^1].Late;
            return TaskCard.Build(cards.View(t, people, TaskCardMode.View, t.NeedsReview
                ? late ? locale.Pick("已提交（逾期），等待审阅。", "Submitted (late); awaiting review.") : locale.Pick("已提交，等待审阅。", "Submitted; awaiting review.")
                : locale.Pick("已办结。", "Done.")), locale);
        }, () => TaskCards.Busy(locale)).ConfigureAwait(false);
    }

    public async Task<AdaptiveCard> RefusedAsync(CardActionRequest request, Refusal refusal, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(refusal);
        return await cards.FindAsync(request, cancellationToken).ConfigureAwait(false) is { } found
            ? cards.CardFor(request.Actor, found, request.Locale, null, request.FormId, request.Values(CaseFields.TaskText), refusal.Messages)
            : TaskCards.NotFound(request.Locale);
    }
}

/// <summary>
/// 审阅通过 / 退回: a reviewer (or the office of that level) decides on the latest submission; the assignee is told
/// (<see cref="TaskNews"/>, planned with the save).
/// </summary>
public abstract class ReviewTask(TaskCards cards, TaskStore tasks, FollowUps followUps, ReminderRules rules, TimeProvider time) : ICardAction
{
    public abstract string Verb { get; }

    protected abstract bool Accept { get; }

    public async Task<AdaptiveCard> ExecuteAsync(CardActionRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (actor, locale) = (request.Actor, request.Locale);
        _ = int.TryParse(request.Text(DataKeys.Report), NumberStyles.None, CultureInfo.InvariantCulture, out var number);
        var newDue = request.Date(DataKeys.DueDate);
        return await Optimistic.RetryAsync<AdaptiveCard>(async () =>
        {
            if (await cards.FindAsync(request, cancellationToken).ConfigureAwait(false) is not { } found)
            {
                return TaskCards.NotFound(locale);
            }

            var (stored, people) = (found.Stored, found.People);
            var t = stored.Task;
            if (!CaseTaskAccess.MayReview(actor, t, found.Office))
            {
                return RefusalCard.Build(locale, locale.Pick("审阅这项材料", "review this submission"));
            }

            var (submissions, reviews) = (t.Submissions.Count, t.Reviews.Count);
            var now = time.GetUtcNow();
            if (t.Review(actor.Id, true, number, Accept, request.Text(DataKeys.Comment), newDue, rules.Calendar.LocalDate(now), now))
            {
                var reviewed = new TaskReviewed(t.Id, t.Reviews.Count);
                if (!await followUps.SaveAsync(reviewed, reviewed.Key, () => tasks.SaveAsync(stored, submissions, reviews, cancellationToken), cancellationToken).ConfigureAwait(false))
                {
                    return Optimistic.Again;
                }
            }

            return TaskCard.Build(cards.View(t, people, TaskCardMode.View), locale);
        }, () => TaskCards.Busy(locale)).ConfigureAwait(false);
    }

    public async Task<AdaptiveCard> RefusedAsync(CardActionRequest request, Refusal refusal, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(refusal);
        return await cards.FindAsync(request, cancellationToken).ConfigureAwait(false) is { } found
            ? cards.CardFor(request.Actor, found, request.Locale, errors: refusal.Messages)
            : TaskCards.NotFound(request.Locale);
    }
}

public sealed class AcceptTask(TaskCards cards, TaskStore tasks, FollowUps followUps, ReminderRules rules, TimeProvider time)
    : ReviewTask(cards, tasks, followUps, rules, time)
{
    public override string Verb => Verbs.TaskAccept;

    protected override bool Accept => true;
}

public sealed class ReturnTask(TaskCards cards, TaskStore tasks, FollowUps followUps, ReminderRules rules, TimeProvider time)
    : ReviewTask(cards, tasks, followUps, rules, time)
{
    public override string Verb => Verbs.TaskReturn;

    protected override bool Accept => false;
}
