using Microsoft.Extensions.Options;
using TalkBot.Bot.Infrastructure.Graph;
using TalkBot.Bot.Infrastructure.Hosting;

namespace TalkBot.Bot.Features.Directory;

/// <summary>
/// The directory (SPEC §1): read from the organisation file or Microsoft Graph into Table Storage at start-up, every
/// <c>Directory:SyncInterval</c> (Graph) and on 同步组织; shown on 组织架构; units corrected on 单位管理.
/// </summary>
public static class DirectoryFeature
{
    public static IServiceCollection AddDirectory(this IServiceCollection services, IConfiguration configuration)
    {
        var options = new DirectoryOptions();
        configuration.GetSection(DirectoryOptions.Section).Bind(options);
        services.Configure<DirectoryOptions>(configuration.GetSection(DirectoryOptions.Section));
        services.AddTable(DirectorySnapshot.Table).AddTable(UnitCorrectionStore.Table);
        services.AddSingleton<DirectorySnapshot>().AddSingleton<UnitCorrectionStore>().AddSingleton<UnitViews>();
        services.AddSingleton<DirectorySync>();
        services.AddHostedService<DirectoryStartup>();
        if (options.UsesGraph)
        {
            var graph = new GraphDirectoryOptions();
            configuration.GetSection(GraphDirectoryOptions.Section).Bind(graph);
            services.AddSingleton(graph);
            services.AddGraphConnection(configuration);
            services.AddSingleton<IDirectorySource, GraphDirectorySource>();
            services.AddHealthChecks().AddCheck<GraphHealthCheck>("graph", tags: [Health.Ready], timeout: TimeSpan.FromSeconds(10));
            if (options.SyncInterval > TimeSpan.Zero)
            {
                services.AddHostedService<DirectorySyncService>();
            }
        }

        return services.AddHandler<SyncDirectory>().AddHandler<ShowOrg>().AddHandler<ShowUnits>().AddHandler<CorrectUnit>();
    }
}

/// <summary>The first sync, before the first request (after the tables are made); never in a constructor (STYLE.md).</summary>
internal sealed partial class DirectoryStartup(DirectorySync directory, IOptions<DirectoryOptions> options, ILogger<DirectoryStartup> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
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

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Error, Message = "Directory sync from Microsoft Graph failed at start-up; using the stored directory")]
    private static partial void LogGraphSyncFailed(ILogger logger, Exception exception);
}
