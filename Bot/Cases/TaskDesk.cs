using System.Globalization;
using TalkBot.Bot.Handlers;
using TalkBot.Bot.Scheduling;
using TalkBot.Bot.Talks;
using TalkBot.Cards;
using TalkBot.Cards.AdaptiveCards;
using TalkBot.Cards.Builders;
using TalkBot.Cards.Localization;
using TalkBot.Cards.Views;
using TalkBot.Domain;
using TalkBot.Domain.Admonishments;
using TalkBot.Domain.FollowUps;
using TalkBot.Domain.Leads;
using TalkBot.Domain.People;
using TalkBot.Domain.Rules;

namespace TalkBot.Bot.Cases;

/// <summary>
/// Follow-on tasks: the written reply or self-examination a person owes (reviewed before archiving, 002 §五7), or the
/// office's own step (再次谈话, 函询, 初步核实). Each has reminders before its deadline and escalations after it.
/// </summary>
public sealed class TaskDesk(CaseKit kit, ReminderPlanner planner)
{
    /// <summary>Opens the task (once), schedules its reminders, and gives the assignee the card.</summary>
    public async Task OpenAsync(CaseTask task, PeopleLookup people, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(task);
        if (!await kit.Store.CreateTaskAsync(task, cancellationToken).ConfigureAwait(false))
        {
            return;
        }

        await PlanAsync(task, cancellationToken).ConfigureAwait(false);
        await kit.Messenger.TellAsync(task.Assignee, l => TaskCard.Build(View(task, people, TaskCardMode.Submit,
            l.Pick($"请于{DateText.Date(task.DueDate, l)}前完成。", $"Due by {DateText.Date(task.DueDate, l)}.")), l),
            cancellationToken, "task|" + task.Id.Value).ConfigureAwait(false);
    }

    /// <summary>The reminder one working day before the due date and the escalation after it (Tag: the task and its due date).</summary>
    public Task PlanAsync(CaseTask task, CancellationToken cancellationToken) =>
        planner.ForDeadlineAsync(ReminderKind.TaskDueSoon, ReminderKind.TaskOverdue, new TalkId(task.Id.Origin), task.Assignee, task.DueDate, Tag(task),
            cancellationToken);

    /// <summary>A schedule entry's tag: the task and its due date, so that a new due date starts a new chain.</summary>
    public static string Tag(CaseTask task) =>
        $"{(int)task.Kind}-{task.Id.Value.Split('-')[2]}-{task.DueDate.ToString("yyyyMMdd", CultureInfo.InvariantCulture)}";

    public static CaseTaskId? FromTag(string origin, string? tag)
    {
        var parts = tag?.Split('-') ?? [];
        return parts.Length == 3 && CaseTaskId.TryParse($"{origin}-{parts[0]}-{parts[1]}", out var id) ? id : null;
    }

    public async Task<AdaptiveCard> ShowAsync(CardActionRequest request, CancellationToken cancellationToken)
    {
        var locale = request.Locale;
        if (await FindAsync(request, cancellationToken).ConfigureAwait(false) is not var (stored, people, office))
        {
            return CaseKit.NotFound(locale, "事项", "Task");
        }

        return TaskCard.Build(View(stored.Task, people, ModeFor(request.Actor, stored.Task, office)), locale);
    }

    public async Task<AdaptiveCard> SubmitAsync(CardActionRequest request, CancellationToken cancellationToken)
    {
        var (actor, locale) = (request.Actor, request.Locale);
        var formId = request.FormId;
        var values = request.Values(CaseFields.TaskText);
        for (var attempt = 1; attempt <= CaseKit.MaxAttempts; attempt++)
        {
            if (await FindAsync(request, cancellationToken).ConfigureAwait(false) is not var (stored, people, office) || stored.Task.Assignee != actor.Id)
            {
                return CaseKit.NotFound(locale, "事项", "Task");
            }

            var t = stored.Task;
            var (submissions, reviews) = (t.Submissions.Count, t.Reviews.Count);
            bool changed;
            try
            {
                changed = t.Submit(actor.Id, request.Text(CaseFields.TaskText), formId, kit.Today, kit.Now);
            }
            catch (DomainRuleException e)
            {
                return TaskCard.Build(View(t, people, ModeFor(actor, t, office), null, formId, values, RecordDesk.Describe(e.Violations, people, locale)), locale);
            }

            if (changed && !await kit.Store.SaveTaskAsync(stored, submissions, reviews, cancellationToken).ConfigureAwait(false))
            {
                continue;
            }

            if (changed && t.NeedsReview)
            {
                await kit.Messenger.TellEachAsync(t.Reviewers, (_, l) => TaskCard.Build(View(t, people, TaskCardMode.Review,
                    l.Pick($"{people.Name(t.Assignee)}已提交{Labels.Of(t.Kind, l)}，请审阅。", $"{people.Name(t.Assignee)} has submitted the {Labels.Of(t.Kind, l)}; please review.")), l),
                    cancellationToken).ConfigureAwait(false);
            }

            var late = t.Submissions[^1].Late;
            return TaskCard.Build(View(t, people, TaskCardMode.View, t.NeedsReview
                ? late ? locale.Pick("已提交（逾期），等待审阅。", "Submitted (late); awaiting review.") : locale.Pick("已提交，等待审阅。", "Submitted; awaiting review.")
                : locale.Pick("已办结。", "Done.")), locale);
        }

        return ErrorCard.Busy(locale, "该事项", "The task");
    }

    public async Task<AdaptiveCard> ReviewAsync(CardActionRequest request, bool accept, CancellationToken cancellationToken)
    {
        var (actor, locale) = (request.Actor, request.Locale);
        _ = int.TryParse(request.Text(DataKeys.Report), NumberStyles.None, CultureInfo.InvariantCulture, out var number);
        var newDue = request.Date(DataKeys.DueDate);
        for (var attempt = 1; attempt <= CaseKit.MaxAttempts; attempt++)
        {
            if (await FindAsync(request, cancellationToken).ConfigureAwait(false) is not var (stored, people, office))
            {
                return CaseKit.NotFound(locale, "事项", "Task");
            }

            var t = stored.Task;
            var mayReview = MayReview(actor, t, office);
            if (!mayReview)
            {
                return RefusalCard.Build(locale, locale.Pick("审阅这项材料", "review this submission"));
            }

            var (submissions, reviews) = (t.Submissions.Count, t.Reviews.Count);
            bool changed;
            try
            {
                changed = t.Review(actor.Id, mayReview, number, accept, request.Text(DataKeys.Comment), newDue, kit.Today, kit.Now);
            }
            catch (DomainRuleException e)
            {
                return TaskCard.Build(View(t, people, ModeFor(actor, t, office), null, null, null, RecordDesk.Describe(e.Violations, people, locale)), locale);
            }

            if (changed && !await kit.Store.SaveTaskAsync(stored, submissions, reviews, cancellationToken).ConfigureAwait(false))
            {
                continue;
            }

            if (changed)
            {
                if (!accept)
                {
                    await PlanAsync(t, cancellationToken).ConfigureAwait(false);
                }

                await kit.Messenger.TellAsync(t.Assignee, l => TaskCard.Build(View(t, people, accept ? TaskCardMode.View : TaskCardMode.Submit,
                    accept ? l.Pick($"您提交的{Labels.Of(t.Kind, l)}已审阅通过。", $"Your {Labels.Of(t.Kind, l)} was accepted.")
                           : l.Pick($"您提交的{Labels.Of(t.Kind, l)}被退回，请于{DateText.Date(t.DueDate, l)}前重新提交。", $"Your {Labels.Of(t.Kind, l)} was returned; submit again by {DateText.Date(t.DueDate, l)}.")), l),
                    cancellationToken).ConfigureAwait(false);
            }

            return TaskCard.Build(View(t, people, TaskCardMode.View), locale);
        }

        return ErrorCard.Busy(locale, "该事项", "The task");
    }

    public TaskView View(CaseTask t, PeopleLookup people, TaskCardMode mode, string? notice = null, string? formId = null,
        IReadOnlyDictionary<string, string?>? values = null, IReadOnlyList<string>? errors = null) => new(
        t.Id, t.Kind, people.Name(t.Subject), people.Name(t.Assignee), t.Instruction, t.DueDate,
        t.AwaitsSubmission && kit.Rules.IsOverdue(t.DueDate, kit.Now), t.Status,
        [.. t.Submissions.Select(s =>
        {
            var review = t.Reviews.LastOrDefault(r => r.Submission == s.Number);
            return new SubmissionLine(s.Number, s.Text, kit.Calendar.ToLocal(s.At), s.Late, review?.Accepted, review?.Comment,
                review is null ? null : people.Name(review.By), review?.NewDueDate);
        })],
        mode,
        formId ?? (mode == TaskCardMode.Submit ? Guid.NewGuid().ToString("N") : null),
        notice, values, errors);

    /// <summary>The assignee writes while it is due; a reviewer (or the office of that level) reviews what waits.</summary>
    public static TaskCardMode ModeFor(Person viewer, CaseTask t, bool office) =>
        viewer.Id == t.Assignee ? t.AwaitsSubmission ? TaskCardMode.Submit : TaskCardMode.View
        : MayReview(viewer, t, office) && t.Status == CaseTaskStatus.Submitted ? TaskCardMode.Review
        : TaskCardMode.View;

    private static bool MayReview(Person viewer, CaseTask t, bool office) =>
        viewer.Active && viewer.Id != t.Subject && t.NeedsReview && (t.Reviewers.Contains(viewer.Id) || office);

    /// <summary>
    /// The task the card names, if the caller may see it: its assignee, a reviewer, or the office of its lead's or case's
    /// level (<c>office</c> says which). The person it is about sees only what they owe.
    /// </summary>
    private async Task<(StoredTask Stored, PeopleLookup People, bool Office)?> FindAsync(CardActionRequest request, CancellationToken cancellationToken)
    {
        if (!CaseTaskId.TryParse(request.Text(DataKeys.TaskId), out var id)
            || await kit.Store.GetTaskAsync(id, cancellationToken).ConfigureAwait(false) is not { } stored)
        {
            return null;
        }

        var actor = request.Actor;
        var office = await IsOfficeAsync(actor, id.Origin, cancellationToken).ConfigureAwait(false);
        if (stored.Task.Assignee != actor.Id && !stored.Task.Reviewers.Contains(actor.Id) && !office)
        {
            return null;
        }

        return (stored, await kit.PeopleAsync(cancellationToken).ConfigureAwait(false), office);
    }

    private async Task<bool> IsOfficeAsync(Person actor, string origin, CancellationToken cancellationToken)
    {
        if (LeadId.TryParse(origin, out var leadId) && await kit.Store.GetLeadAsync(leadId, cancellationToken).ConfigureAwait(false) is { } lead)
        {
            return LeadAccess.IsOfficeOf(actor, lead.Lead);
        }

        return CaseId.TryParse(origin, out var caseId) && await kit.Store.GetCaseAsync(caseId, cancellationToken).ConfigureAwait(false) is { } c
            && AdmonishmentDesk.IsOfficeOf(actor, c.Case);
    }
}
