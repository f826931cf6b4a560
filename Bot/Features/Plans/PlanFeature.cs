using TalkBot.Domain.Plans;

namespace TalkBot.Bot.Features.Plans;

/// <summary>The monthly plans (000 §三1): made from the tiers (000 §二), pushed to the talkers, scheduled, delegated or recused from.</summary>
public static class PlanFeature
{
    public static IServiceCollection AddPlans(this IServiceCollection services, IConfiguration configuration)
    {
        var options = new PlanOptions();
        configuration.GetSection(PlanOptions.Section).Bind(options);
        services.AddSingleton(options);
        services.AddSingleton(sp => new MonthlyPlanRules(sp.GetRequiredService<WorkingCalendar>(), options.Policy));
        services.AddTable(PlanStore.Table);
        services.AddSingleton<PlanStore>();
        services.AddSingleton<PlanViews>();
        services.AddSingleton<PlanOfficeDesk>();
        services.AddSingleton<PlanJobs>();
        services.AddHostedService<PlanBootstrap>();
        services.AddJob<PlanJobs>(PlanJobs.Monthly, (jobs, entry, ct) => jobs.RunAsync(entry, ct));
        services.AddJob<PlanJobs>(PlanJobs.Unscheduled, (jobs, entry, ct) => jobs.RunAsync(entry, ct));
        services.AddFollowUp<PlanTalkToOffice, PlanOfficeNotice>("PlanTalkToOffice.Office");
        services.AddFollowUp<PlanTalkAssigned, PlanAssignedNotice>("PlanTalkAssigned.Talker");
        return services.AddHandler<ShowPlan>().AddHandler<SchedulePlanItem>().AddHandler<CreatePlanTalk>().AddHandler<DelegatePlanItem>().AddHandler<RecusePlanItem>()
            .AddHandler<AssignRecusedTalk>();
    }
}
