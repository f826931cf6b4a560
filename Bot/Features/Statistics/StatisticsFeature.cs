namespace TalkBot.Bot.Features.Statistics;

/// <summary>
/// 统计 (issue 15): counters kept as talks, leads, cases and plans change; the tab's statistics API and page section;
/// the monthly report to each unit's leadership.
/// </summary>
public static class StatisticsFeature
{
    public static IServiceCollection AddStatistics(this IServiceCollection services, IConfiguration configuration)
    {
        var options = new StatisticsOptions();
        configuration.GetSection(StatisticsOptions.Section).Bind(options);
        if (string.IsNullOrWhiteSpace(options.TabUrl))
        {
            options.TabUrl = (configuration["Exports:BaseUrl"] is { Length: > 0 } host ? host : "http://127.0.0.1:3978").TrimEnd('/') + "/tab/";
        }

        services.AddSingleton(options);
        services.AddTable(StatRows.Table);
        services.AddTable(StatTotals.Table);
        services.AddSingleton<StatTotals>();
        services.AddSingleton<StatCounters>();
        services.AddTable(TalkMonths.Table);
        services.AddSingleton<TalkMonths>();
        services.AddSingleton<StatRecount>();
        services.AddSingleton<StatisticsQuery>();
        services.AddSingleton<StatisticsApi>();
        services.AddSingleton<StatisticsExport>();
        services.AddSingleton<StatMending>();
        services.AddSingleton<MonthlyReport>();

        // Registered after every other feature's, so that a change's count runs after what those follow-ups store
        // (a record's rectification opens before the record's count reads it).
        services.AddFollowUp<TalkScheduled, CountChanges>("TalkScheduled.Count");
        services.AddFollowUp<TalkChanged, CountChanges>("TalkChanged.Count");
        services.AddFollowUp<NoticeChanged, CountChanges>("NoticeChanged.Count");
        services.AddFollowUp<RecordLogged, CountChanges>("RecordLogged.Count");
        services.AddFollowUp<RecordSettled, CountChanges>("RecordSettled.Count");
        services.AddFollowUp<RectificationReported, CountChanges>("RectificationReported.Count");
        services.AddFollowUp<RectificationReviewed, CountChanges>("RectificationReviewed.Count");
        services.AddFollowUp<QuizSubmitted, CountChanges>("QuizSubmitted.Count");
        services.AddFollowUp<PlanMade, CountChanges>("PlanMade.Count");
        services.AddSingleton<IListingWatcher>(sp => sp.GetRequiredService<CountChanges>());

        services.AddJob<StatMending>(StatMending.Job, (m, entry, ct) => m.RunAsync(entry, ct));
        services.AddJob<MonthlyReport>(MonthlyReport.Job, (r, entry, ct) => r.RunAsync(entry, ct));
        services.AddHostedService<StatisticsBootstrap>();
        return services;
    }
}

/// <summary>
/// At start-up, the monthly report and the daily mending are put into the schedule (each run schedules the next), and
/// counters kept before <see cref="StatTotals"/> existed are copied there once.
/// </summary>
internal sealed class StatisticsBootstrap(MonthlyReport report, StatMending mending, StatTotals totals, MatterIndex index, StatisticsOptions options) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (options.Jobs)
        {
            await totals.UpgradeAsync(index, cancellationToken).ConfigureAwait(false);
            await report.EnsureScheduledAsync(cancellationToken).ConfigureAwait(false);
            await mending.ScheduleNextAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
