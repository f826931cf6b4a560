using Azure.Data.Tables;
using Microsoft.Extensions.Options;

namespace TalkBot.Bot.Features.Directory;

/// <summary>Directory configuration (section <c>Directory</c>).</summary>
public sealed class DirectoryOptions
{
    public const string Section = "Directory";

    /// <summary><c>OrgFile</c> (the JSON organisation file, roles included) or <c>Graph</c> (Microsoft Graph; roles from the administrator).</summary>
    public string Source { get; set; } = "OrgFile";

    /// <summary>The organisation file, relative to the content root or absolute.</summary>
    public string OrgFile { get; set; } = "demo/org.json";

    /// <summary>How often the directory is read again (Graph); zero reads it only at start-up and on 同步组织.</summary>
    public TimeSpan SyncInterval { get; set; } = TimeSpan.FromHours(6);

    public bool UsesGraph => string.Equals(Source, "Graph", StringComparison.OrdinalIgnoreCase);
}

/// <summary>
/// Loads the directory into Table Storage (at start-up, on a schedule and on 同步组织), so that every request reads
/// people from the store. From Graph, the roles and ranks TalkBot holds are kept (<see cref="DirectoryMerge"/>).
/// </summary>
public sealed partial class DirectorySync(
    IOptions<DirectoryOptions> options,
    IHostEnvironment environment,
    PeopleStore people,
    Roles.RoleAssignmentStore assignments,
    IServiceProvider services,
    TimeProvider time,
    ILogger<DirectorySync> logger)
{
    private readonly SemaphoreSlim one = new(1, 1);

    public async Task<DirectorySyncStatus> SyncAsync(CancellationToken cancellationToken)
    {
        // One sync at a time in this instance: the schedule and an administrator's 同步组织 may meet.
        await one.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var started = System.Diagnostics.Stopwatch.StartNew();
            IReadOnlyList<Domain.People.Person> persons;
            IReadOnlyList<Domain.People.Unit> units;
            string source;
            if (options.Value.UsesGraph)
            {
                // The Graph source is registered only with Directory:Source=Graph, hence resolved here and not injected.
                var read = await services.GetRequiredService<IDirectorySource>().ReadPeopleAsync(cancellationToken).ConfigureAwait(false);
                (persons, units) = DirectoryMerge.Merge(read,
                    await people.ListAsync(cancellationToken).ConfigureAwait(false), await people.ListUnitsAsync(cancellationToken).ConfigureAwait(false));
                source = "Microsoft Graph";
            }
            else
            {
                var path = ResolveOrgFile(options.Value.OrgFile, environment.ContentRootPath);
                var file = await OrgFile.LoadAsync(path, cancellationToken).ConfigureAwait(false);
                (persons, units) = (file.ToPeople(), file.ToUnits());
                source = Path.GetFileName(path);
            }

            await people.ReplaceAllAsync(persons, units, cancellationToken).ConfigureAwait(false);
            // Roles and ranks are TalkBot's (SPEC §1): what an administrator assigned goes back over what the source said.
            await assignments.ReapplyAsync(cancellationToken).ConfigureAwait(false);

            var status = new DirectorySyncStatus(time.GetUtcNow(), source, persons.Count, units.Count, started.Elapsed);
            await people.SaveStatusAsync(status, cancellationToken).ConfigureAwait(false);
            LogSynced(logger, persons.Count, units.Count, source);
            Infrastructure.Hosting.TalkBotTelemetry.DirectorySyncDuration.Record(started.Elapsed.TotalSeconds, new KeyValuePair<string, object?>("source", options.Value.UsesGraph ? "Graph" : "OrgFile"));
            return status;
        }
        finally
        {
            one.Release();
        }
    }

    /// <summary>The last successful sync, or null before the first.</summary>
    public Task<DirectorySyncStatus?> LastAsync(CancellationToken cancellationToken) => people.LastStatusAsync(cancellationToken);

    /// <summary>
    /// A relative path is looked up from the content root and then upwards, so that <c>dotnet run --project Bot</c>
    /// from the repository root and the built bot started from its output folder both find <c>demo/org.json</c>.
    /// </summary>
    internal static string ResolveOrgFile(string configured, string contentRoot)
    {
        if (Path.IsPathRooted(configured))
        {
            return configured;
        }

        for (var dir = new DirectoryInfo(contentRoot); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, configured);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException($"Organisation file '{configured}' not found from '{contentRoot}' upwards. Set Directory:OrgFile.");
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Directory synchronised: {People} people, {Units} units from {Source}")]
    private static partial void LogSynced(ILogger logger, int people, int units, string source);
}


/// <summary>Reads the directory again every <see cref="DirectoryOptions.SyncInterval"/> (Graph only); the first read is at start-up (<see cref="DirectoryStartup"/>).</summary>
internal sealed class DirectorySyncService(DirectorySync sync, IOptions<DirectoryOptions> options, ILogger<DirectorySyncService> logger)
    : Infrastructure.Hosting.PollingService(options.Value.SyncInterval, logger)
{
    private bool first = true;

    protected override async Task RunPassAsync(CancellationToken stoppingToken)
    {
        if (first)
        {
            first = false; // start-up has just synchronised
            return;
        }

        await sync.SyncAsync(stoppingToken).ConfigureAwait(false);
    }
}
