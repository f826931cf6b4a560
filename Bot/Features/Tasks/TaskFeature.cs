using Microsoft.Extensions.DependencyInjection.Extensions;

namespace TalkBot.Bot.Features.Tasks;

/// <summary>Follow-on tasks of leads and admonishments: written replies, self-examinations, the office's own steps; reviewed and reminded.</summary>
public static class TaskFeature
{
    public static IServiceCollection AddTasks(this IServiceCollection services)
    {
        services.AddTable(TaskStore.Table).AddTable(MatterIndex.Table);
        services.TryAddSingleton<MatterIndex>();
        services.AddSingleton<TaskStore>();
        services.AddListing<TaskStore>(TaskStore.ListJob);
        services.AddSingleton<TaskOrigins>();
        services.AddSingleton<TaskCards>();
        services.AddSingleton<TaskReminders>();
        services.AddSingleton<TaskOpener>();
        services.AddFollowUp<TaskSubmitted, TaskNews>("TaskSubmitted.Reviewers");
        services.AddFollowUp<TaskReviewed, TaskNews>("TaskReviewed.Assignee");
        services.AddJob<TaskReminders>(TaskReminders.DueSoon, (r, entry, ct) => r.RunAsync(entry, ct));
        services.AddJob<TaskReminders>(TaskReminders.Overdue, (r, entry, ct) => r.RunAsync(entry, ct));
        return services.AddHandler<ShowTask>().AddHandler<SubmitTask>().AddHandler<AcceptTask>().AddHandler<ReturnTask>();
    }
}
