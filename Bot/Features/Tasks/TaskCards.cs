using TalkBot.Domain.FollowUps;
using TalkBot.Domain.Reminders;

namespace TalkBot.Bot.Features.Tasks;

/// <summary>A task found for a request, with the directory and whether the caller is the office of its origin's level.</summary>
public sealed record FoundTask(StoredTask Stored, PeopleLookup People, bool Office);

/// <summary>What the task actions share: finding the task the caller may see (Domain's <see cref="CaseTaskAccess"/>), and its card.</summary>
public sealed class TaskCards(TaskStore tasks, TaskOrigins origins, PeopleDirectory directory, ReminderRules rules, TimeProvider time)
{
    /// <summary>The task the card names, if the caller may see it: its assignee, a reviewer, or the office of its origin's level.</summary>
    public async Task<FoundTask?> FindAsync(CardActionRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!CaseTaskId.TryParse(request.Text(DataKeys.TaskId), out var id)
            || await tasks.GetAsync(id, cancellationToken).ConfigureAwait(false) is not { } stored)
        {
            return null;
        }

        var office = await origins.IsOfficeAsync(request.Actor, id.Origin, cancellationToken).ConfigureAwait(false);
        return CaseTaskAccess.CanView(request.Actor, stored.Task, office)
            ? new FoundTask(stored, await directory.CurrentAsync(cancellationToken).ConfigureAwait(false), office)
            : null;
    }

    public TaskView View(CaseTask t, PeopleLookup people, TaskCardMode mode, string? notice = null, string? formId = null) =>
        TaskViews.Task(t, people.Context(rules.Calendar), mode, Overdue(t.DueDate), notice, formId);

    public TaskLine Line(CaseTask t, ViewContext context) => Line(t.Listing, context);

    public TaskLine Line(TaskListing t, ViewContext context) => TaskViews.Line(t, context, Overdue(t.DueDate));

    /// <summary>The card for the viewer: the assignee writes while it is due, a reviewer reviews what waits.</summary>
    public AdaptiveCard CardFor(Person viewer, FoundTask found, Locale locale, string? notice = null, string? formId = null,
        IReadOnlyDictionary<string, string?>? values = null, IReadOnlyList<string>? errors = null)
    {
        ArgumentNullException.ThrowIfNull(found);
        var t = found.Stored.Task;
        var mode = TaskViews.ModeOf(CaseTaskAccess.StepFor(viewer, t, found.Office));
        return TaskCard.Build(View(t, found.People, mode, notice, formId) with { Values = values, Errors = errors }, locale);
    }

    private bool Overdue(DateOnly due) => rules.IsOverdue(due, time.GetUtcNow());

    public static AdaptiveCard NotFound(Locale locale) => ErrorCard.NotFound(locale, "事项", "Task");

    public static AdaptiveCard Busy(Locale locale) => ErrorCard.Busy(locale, "该事项", "The task");
}
