using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using TalkBot.Bot.Connector;
using TalkBot.Bot.Directory;
using TalkBot.Bot.Handlers;
using TalkBot.Bot.Scheduling;
using TalkBot.Bot.Sending;
using TalkBot.Bot.Storage;
using Azure.Data.Tables;
using TalkBot.Bot.Infrastructure.Storage;
using TalkBot.Bot.Talks;
using TalkBot.Domain.Calendar;
using TalkBot.Domain.Reminders;
using TalkBot.Domain.Rules;

namespace TalkBot.Bot.Hosting;

/// <summary>The host's wiring, one extension per concern, so that Program.cs stays a page.</summary>
public static class TalkBotServices
{
    /// <summary>
    /// Table Storage: <c>Storage:TableEndpoint</c> with managed identity (DefaultAzureCredential) when set, otherwise the
    /// connection string <c>ConnectionStrings:Tables</c> (default <c>UseDevelopmentStorage=true</c>, Azurite).
    /// </summary>
    public static IServiceCollection AddTalkBotStorage(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<StorageOptions>(configuration.GetSection(StorageOptions.Section));
        // A property the service would store as something else is refused here, not found in the data later.
        TableEntityTypes.Verify(typeof(TalkBotServices).Assembly);
        services.AddSingleton(sp => TableStorage.CreateServiceClient(
            sp.GetRequiredService<IOptions<StorageOptions>>().Value, configuration.GetConnectionString("Tables")));
        services.AddSingleton(sp => new TalkBotTables(
            sp.GetRequiredService<TableServiceClient>(), sp.GetRequiredService<IOptions<StorageOptions>>().Value));
        services.AddSingleton<TalkRepository>();
        services.AddSingleton<PeopleRepository>();
        services.AddSingleton<ConversationReferenceRepository>();
        services.AddSingleton<QuizRepository>();
        services.AddSingleton<RecordRepository>();
        services.AddSingleton<RectificationRepository>();
        return services;
    }

    /// <summary>The working-day calendar, the talk rules and the clock.</summary>
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

    /// <summary>The directory source (the org file, or Microsoft Graph), its start-up sync and, for Graph, the scheduled one.</summary>
    public static IServiceCollection AddTalkBotDirectory(this IServiceCollection services, IConfiguration configuration)
    {
        var options = new DirectoryOptions();
        configuration.GetSection(DirectoryOptions.Section).Bind(options);
        services.Configure<DirectoryOptions>(configuration.GetSection(DirectoryOptions.Section));
        services.AddSingleton<DirectorySync>();
        services.AddHostedService<StartupTasks>();
        if (options.UsesGraph)
        {
            services.AddGraphDirectorySource(configuration);
            if (options.SyncInterval > TimeSpan.Zero)
            {
                services.AddHostedService<DirectorySyncService>();
            }
        }

        services.AddSingleton<ICommand, SyncDirectoryCommand>();
        return services;
    }

    /// <summary>The router and one handler per command or card verb.</summary>
    public static IServiceCollection AddTalkBotHandlers(this IServiceCollection services, IConfiguration configuration)
    {
        var localization = new LocalizationOptions();
        configuration.GetSection(LocalizationOptions.Section).Bind(localization);
        services.AddSingleton(new LocalePolicy(localization));
        var quiz = new QuizOptions();
        configuration.GetSection(QuizOptions.Section).Bind(quiz);
        services.AddSingleton(quiz);
        services.AddSingleton(_ => quiz.Load(AppContext.BaseDirectory));
        services.AddSingleton<PersonMessenger>();
        services.AddSingleton<NoticeViews>();
        services.AddSingleton<RecordPresenter>();
        services.AddSingleton<RecordDesk>();
        services.AddSingleton<RecordTodoList>();
        services.AddSingleton<RectificationDesk>();
        services.AddSingleton<NoticeDispatcher>();
        services.AddSingleton<NoticeActions>();
        services.AddSingleton<CreateTalkForm>();

        services.AddSingleton<HelpCommand>();
        services.AddSingleton<ICommand>(sp => sp.GetRequiredService<HelpCommand>());
        services.AddSingleton<ICommand, NewTalkCommand>();
        services.AddSingleton<ICommand, MyNoticesCommand>();
        services.AddSingleton<ICommand, RecordTodoCommand>();
        services.AddSingleton<FailedSends>();
        services.AddSingleton<ICommand, FailedSendsCommand>();

        services.AddSingleton<ICardAction, NewTalkAction>();
        services.AddSingleton<ICardAction, CreateTalkAction>();
        services.AddSingleton<ICardAction, AcknowledgeNoticeAction>();
        services.AddSingleton<ICardAction, PostponeNoticeAction>();
        services.AddSingleton<ICardAction, RefreshNoticeAction>();
        services.AddSingleton<ICardAction, HelpAction>();
        services.AddSingleton<ICardAction, StartQuizAction>();
        services.AddSingleton<ICardAction, SubmitQuizAction>();
        services.AddSingleton<ICardAction, AllowRetakeAction>();
        services.AddSingleton<ICardAction, OpenRecordFormAction>();
        services.AddSingleton<ICardAction, SubmitRecordAction>();
        services.AddSingleton<ICardAction, ConfirmRecordAction>();
        services.AddSingleton<ICardAction, DisputeRecordAction>();
        services.AddSingleton<ICardAction, ShowRecordAction>();
        services.AddSingleton<ICardAction, RecordTodoAction>();
        services.AddSingleton<ICardAction, ShowRectificationAction>();
        services.AddSingleton<ICardAction, SubmitRectificationAction>();
        services.AddSingleton<ICardAction, AcceptRectificationAction>();
        services.AddSingleton<ICardAction, ReturnRectificationAction>();
        services.AddSingleton<ICardAction, FailedSendsAction>();
        services.AddSingleton<ICardAction, ResendFailedAction>();

        services.AddSingleton<IActivityHandler, TalkBotRouter>();
        return services;
    }

    /// <summary>The proactive sender: outbox, limits, retries and the loop that drains the outbox (<c>Sender:DispatcherEnabled</c>).</summary>
    public static IServiceCollection AddTalkBotSending(this IServiceCollection services, IConfiguration configuration)
    {
        var options = new SenderOptions();
        configuration.GetSection(SenderOptions.Section).Bind(options);
        services.AddSingleton(options);
        services.AddSingleton<OutboxStore>();
        services.AddSingleton<SendRateLimiter>();
        services.AddSingleton<ProactiveSender>();
        services.AddSingleton<OutboxDispatcher>();
        if (options.DispatcherEnabled)
        {
            services.AddHostedService<OutboxDispatcherService>();
        }

        return services;
    }

    /// <summary>The durable reminders: the schedule, its jobs and the loop that runs them (<c>Scheduler:Enabled</c>).</summary>
    public static IServiceCollection AddTalkBotScheduling(this IServiceCollection services, IConfiguration configuration)
    {
        var options = new SchedulerOptions();
        configuration.GetSection(SchedulerOptions.Section).Bind(options);
        services.AddSingleton(options);
        services.AddSingleton<ScheduleStore>();
        services.AddSingleton<ReminderPlanner>();
        services.AddSingleton<ReminderJobs>();
        services.AddSingleton<ReminderScheduler>();
        if (options.Enabled)
        {
            services.AddHostedService<ReminderSchedulerService>();
        }

        return services;
    }
}

/// <summary>Start-up work that does I/O: never in a constructor (STYLE.md), always before the first request.</summary>
internal sealed partial class StartupTasks(TalkBotTables tables, DirectorySync directory, IOptions<DirectoryOptions> options, ILogger<StartupTasks> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await tables.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await directory.SyncAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (options.Value.UsesGraph && e is not OperationCanceledException)
        {
            // Graph unreachable at start-up: TalkBot runs on the directory it stored last, and the schedule tries again.
            LogGraphSyncFailed(logger, e);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Directory sync from Microsoft Graph failed at start-up; using the stored directory")]
    private static partial void LogGraphSyncFailed(ILogger logger, Exception exception);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
