using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using TalkBot.Bot.Infrastructure.Audit;
using TalkBot.Bot.Infrastructure.Connector;
using TalkBot.Domain.Reminders;

namespace TalkBot.Bot.Infrastructure.Hosting;

/// <summary>What every feature stands on, one extension per concern; no feature is named here.</summary>
public static class InfrastructureServices
{
    public static IServiceCollection AddTalkBotInfrastructure(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment) =>
        services
            .AddTalkBotTestClock(configuration, environment)
            .AddBotConnector(configuration)
            .AddTalkBotStorage(configuration)
            .AddTalkBotRules(configuration)
            .AddTalkBotRouting(configuration)
            .AddTalkBotScheduling(configuration)
            .AddTalkBotSending(configuration)
            .AddTalkBotHealth()
            .AddTalkBotTelemetry(configuration);

    /// <summary>
    /// Table Storage: <c>Storage:TableEndpoint</c> with managed identity (DefaultAzureCredential) when set, otherwise the
    /// connection string <c>ConnectionStrings:Tables</c> (default <c>UseDevelopmentStorage=true</c>, Azurite). Each feature
    /// declares its tables (<see cref="TableSetServices.AddTable"/>); they are created at start-up.
    /// </summary>
    public static IServiceCollection AddTalkBotStorage(this IServiceCollection services, IConfiguration configuration)
    {
        // A property the service would store as something else is refused here, not found in the data later.
        TableEntityTypes.Verify(typeof(InfrastructureServices).Assembly);
        services.Configure<StorageOptions>(configuration.GetSection(StorageOptions.Section));
        services.AddStorageCallCounting(configuration);
        services.AddSingleton(sp => new BackgroundLane(sp.GetRequiredService<IOptions<StorageOptions>>().Value.BackgroundCalls));
        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<BackgroundLane>().AddTo(new TableClientOptions());
            sp.GetService<StorageCallCounter>()?.AddTo(options);
            return TableStorage.CreateServiceClient(sp.GetRequiredService<IOptions<StorageOptions>>().Value, configuration.GetConnectionString("Tables"),
                clientOptions: options);
        });
        services.AddSingleton<TableSet>();
        services.AddHostedService<TableSetup>();
        services.AddTable(PeopleStore.Table).AddTable(AuditLog.Table);
        services.AddSingleton<PeopleStore>();
        var people = new PeopleDirectoryOptions();
        configuration.GetSection(PeopleDirectoryOptions.Section).Bind(people);
        services.AddSingleton(people);
        services.AddSingleton<PeopleDirectory>();
        services.AddSingleton<AuditLog>();
        return services;
    }

    /// <summary>The working-day calendar, the talk and reminder rules, and the clock.</summary>
    public static IServiceCollection AddTalkBotRules(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(TimeProvider.System);
        var calendarOptions = new CalendarOptions();
        configuration.GetSection(CalendarOptions.Section).Bind(calendarOptions);
        var talkOptions = new TalkOptions();
        configuration.GetSection(TalkOptions.Section).Bind(talkOptions);
        services.AddSingleton(talkOptions);
        services.AddSingleton(_ => calendarOptions.Load(AppContext.BaseDirectory));
        services.AddSingleton(sp => new TalkSchedulingRules(sp.GetRequiredService<WorkingCalendar>(), talkOptions.Policy));
        var reminders = new ReminderOptions();
        configuration.GetSection(ReminderOptions.Section).Bind(reminders);
        services.AddSingleton(reminders);
        services.AddSingleton(sp => new ReminderRules(sp.GetRequiredService<WorkingCalendar>(), reminders.Policy));
        return services;
    }

    /// <summary>The router (commands and card verbs; each feature adds its handlers) and the language policy.</summary>
    public static IServiceCollection AddTalkBotRouting(this IServiceCollection services, IConfiguration configuration)
    {
        var localization = new LocalizationOptions();
        configuration.GetSection(LocalizationOptions.Section).Bind(localization);
        services.AddSingleton(new LocalePolicy(localization));
        services.AddSingleton<IActivityHandler, TalkBotRouter>();
        return services;
    }

    /// <summary>The proactive sender: outbox, limits, retries and the loop that drains the outbox (<c>Sender:DispatcherEnabled</c>).</summary>
    public static IServiceCollection AddTalkBotSending(this IServiceCollection services, IConfiguration configuration)
    {
        var options = new SenderOptions();
        configuration.GetSection(SenderOptions.Section).Bind(options);
        services.AddSingleton(options);
        services.AddTable(OutboxStore.OutboxTable).AddTable(OutboxStore.DeliveriesTable).AddTable(ConversationReferences.Table);
        services.AddSingleton<ConversationReferences>();
        services.AddSingleton<OutboxStore>();
        services.AddSingleton<SendRateLimiter>();
        services.AddSingleton<OutboxWakeup>();
        services.AddSingleton<OutboxHooks>();
        services.AddSingleton<ProactiveSender>();
        services.AddSingleton<Messenger>();
        services.AddSingleton<OutboxDispatcher>();
        if (options.DispatcherEnabled)
        {
            services.AddHostedService<OutboxDispatcherService>();
        }

        return services;
    }

    /// <summary>The durable schedule: its store, the registered jobs, follow-ups, listings, and the loop that runs them (<c>Scheduler:Enabled</c>).</summary>
    public static IServiceCollection AddTalkBotScheduling(this IServiceCollection services, IConfiguration configuration)
    {
        var options = new SchedulerOptions();
        configuration.GetSection(SchedulerOptions.Section).Bind(options);
        services.AddSingleton(options);
        services.AddTable(ScheduleStore.Table);
        services.AddSingleton<ScheduleStore>();
        services.AddSingleton<JobRegistry>();
        services.AddSingleton<Scheduler>();
        services.AddSingleton<BackgroundWork>();
        services.AddHostedService(sp => sp.GetRequiredService<BackgroundWork>());
        services.AddSingleton<FollowUps>();
        services.AddSingleton<Listings>();
        services.AddTable(MatterIndex.Table).AddTable(MatterIndex.UnitTable);
        services.TryAddSingleton<MatterIndex>();
        services.AddHostedService<ListingUpgrade>();
        services.AddSingleton<DeadlineReminders>();
        if (options.Enabled)
        {
            services.AddHostedService<SchedulerService>();
        }

        return services;
    }
}

/// <summary>Creates the tables at start-up, before anything else reads them: I/O never in a constructor (STYLE.md).</summary>
internal sealed class TableSetup(TableSet tables) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => tables.EnsureCreatedAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
