using TalkBot.Bot.Handlers;
using TalkBot.Domain.Calendar;
using TalkBot.Domain.Plans;

namespace TalkBot.Bot.Plans;

public static class PlanServices
{
    /// <summary>The monthly plans (000 §三1): rules, storage, the monthly jobs and the plan's commands and actions.</summary>
    public static IServiceCollection AddTalkBotPlans(this IServiceCollection services, IConfiguration configuration)
    {
        var options = new PlanOptions();
        configuration.GetSection(PlanOptions.Section).Bind(options);
        services.AddSingleton(options);
        services.AddSingleton(sp => new MonthlyPlanRules(sp.GetRequiredService<WorkingCalendar>(), options.Policy));
        services.AddSingleton<PlanRepository>();
        services.AddSingleton<PlanDesk>();
        services.AddSingleton<PlanJobs>();
        services.AddSingleton<OrgDesk>();
        services.AddHostedService<PlanBootstrap>();

        services.AddSingleton<ICommand, PlanCommand>();
        services.AddSingleton<ICommand, OrgCommand>();
        services.AddSingleton<ICardAction, PlanShowAction>();
        services.AddSingleton<ICardAction, PlanScheduleAction>();
        services.AddSingleton<ICardAction, PlanDelegateAction>();
        services.AddSingleton<ICardAction, PlanRecuseAction>();
        services.AddSingleton<ICardAction, OrgShowAction>();
        return services;
    }
}
