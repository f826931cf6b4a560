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

    /// <summary>The bureau's name when the head of the organisation has no department (Graph).</summary>
    public string OrganisationName { get; set; } = "本局";

    /// <summary>Levels of units one, two, … below the bureau whose names do not say theirs (Graph); empty: 部门.</summary>
    public List<UnitLevel> LevelsByDepth { get; set; } = [];

    public bool UsesGraph => string.Equals(Source, "Graph", StringComparison.OrdinalIgnoreCase);

    public HierarchyPolicy Policy => new(OrganisationName, LevelsByDepth);
}

/// <summary>
/// Loads the directory into Table Storage (at start-up, on a schedule and on 同步组织), so that every request reads
/// people from the store. From Graph: the changes since the last read are laid over the <see cref="DirectorySnapshot"/>,
/// the units derived again from everyone (<see cref="OrgHierarchy"/>), the administrators' corrections laid over them,
/// and the roles assigned on 角色管理 and held through role groups kept (<see cref="DirectoryMerge"/>).
/// </summary>
public sealed partial class DirectorySync(
    IOptions<DirectoryOptions> options,
    IHostEnvironment environment,
    PeopleStore people,
    Roles.RoleAssignmentStore assignments,
    DirectorySnapshot snapshot,
    UnitCorrectionStore corrections,
    IServiceProvider services,
    TimeProvider time,
    ILogger<DirectorySync> logger)
{
    private const string UsersState = "users";
    private const string GroupsState = "groups";
    private readonly SemaphoreSlim one = new(1, 1);

    /// <summary>Reads the directory (from Graph: what changed since the last read) and stores it.</summary>
    public Task<DirectorySyncStatus> SyncAsync(CancellationToken cancellationToken) => RunAsync(read: true, cancellationToken);

    /// <summary>Derives and stores the units again from what was last read, without asking Graph (after a correction).</summary>
    public Task<DirectorySyncStatus> RebuildAsync(CancellationToken cancellationToken) => RunAsync(read: false, cancellationToken);

    private async Task<DirectorySyncStatus> RunAsync(bool read, CancellationToken cancellationToken)
    {
        // One sync at a time in this instance: the schedule and an administrator's 同步组织 may meet.
        await one.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var started = System.Diagnostics.Stopwatch.StartNew();
            var (persons, units, source) = options.Value.UsesGraph
                ? await FromGraphAsync(read, cancellationToken).ConfigureAwait(false)
                : await FromFileAsync(cancellationToken).ConfigureAwait(false);

            // Units moved under another parent take what is listed under the units above them along (UnitsMoved).
            var moved = UnitsMoved.Between(await people.ListUnitsAsync(cancellationToken).ConfigureAwait(false), units.Select(u => u.Unit));
            async Task<bool> StoreAsync()
            {
                await people.ReplaceAllAsync(persons, [.. units.Select(u => u.Unit)], cancellationToken).ConfigureAwait(false);
                return true;
            }

            if (moved.Units.Count == 0)
            {
                await StoreAsync().ConfigureAwait(false);
            }
            else
            {
                await services.GetRequiredService<FollowUps>().SaveAsync(moved, $"units-moved|{time.GetUtcNow():yyyyMMddHHmmssfff}", StoreAsync, cancellationToken)
                    .ConfigureAwait(false);
            }

            await snapshot.SaveUnitsAsync(units, cancellationToken).ConfigureAwait(false);
            if (!options.Value.UsesGraph)
            {
                // Roles and ranks are TalkBot's (SPEC §1): what an administrator assigned goes back over the file's.
                await assignments.ReapplyAsync(cancellationToken).ConfigureAwait(false);
            }

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

    private async Task<(IReadOnlyList<Person>, IReadOnlyList<DerivedUnit>, string)> FromGraphAsync(bool read, CancellationToken cancellationToken)
    {
        // The Graph source is registered only with Directory:Source=Graph, hence resolved here and not injected.
        var graphOptions = services.GetRequiredService<GraphDirectoryOptions>();
        var groupRoles = graphOptions.GroupRoles();
        var source = "Microsoft Graph";
        if (read)
        {
            var directory = services.GetRequiredService<IDirectorySource>();
            var state = await snapshot.StateAsync(UsersState, cancellationToken).ConfigureAwait(false);
            var changes = await directory.ReadPeopleAsync(state?.DeltaLink, cancellationToken).ConfigureAwait(false);
            await snapshot.ApplyAsync(changes, cancellationToken).ConfigureAwait(false);
            await snapshot.SaveStateAsync(UsersState, changes.DeltaLink, null, cancellationToken).ConfigureAwait(false);
            source = changes.Full ? "Microsoft Graph (full read)" : $"Microsoft Graph (delta: {changes.People.Count + changes.Removed.Count} changes)";
            if (groupRoles.Count > 0)
            {
                // The deltaLink covers the groups it was made for; other groups configured since need a full read.
                var scope = string.Join(',', groupRoles.Keys.Order(StringComparer.OrdinalIgnoreCase));
                var groupState = await snapshot.StateAsync(GroupsState, cancellationToken).ConfigureAwait(false);
                var link = groupState?.Scope == scope ? groupState.DeltaLink : null;
                var members = await directory.ReadGroupsAsync([.. groupRoles.Keys], link, cancellationToken).ConfigureAwait(false);
                await snapshot.ApplyAsync(members, cancellationToken).ConfigureAwait(false);
                await snapshot.SaveStateAsync(GroupsState, members.DeltaLink, scope, cancellationToken).ConfigureAwait(false);
            }
        }

        var everyone = await snapshot.ListPeopleAsync(cancellationToken).ConfigureAwait(false);
        var hierarchy = OrgHierarchy.Derive(DirectoryMerge.Entries(everyone), options.Value.Policy);
        var units = UnitCorrections.Apply(hierarchy.Units, await corrections.ListAsync(cancellationToken).ConfigureAwait(false));
        var fromGroups = new Dictionary<PersonId, HashSet<Role>>();
        foreach (var (group, member) in await snapshot.ListMembersAsync(cancellationToken).ConfigureAwait(false))
        {
            if (groupRoles.TryGetValue(group, out var role))
            {
                (fromGroups.TryGetValue(new PersonId(member), out var set) ? set : fromGroups[new PersonId(member)] = []).Add(role);
            }
        }

        var persons = DirectoryMerge.Merge(everyone, hierarchy.Placement,
            await people.ListAsync(cancellationToken).ConfigureAwait(false),
            await assignments.ListCurrentAsync(cancellationToken).ConfigureAwait(false),
            groupRoles.Values.ToHashSet(), fromGroups);
        return (persons, units, source);
    }

    private async Task<(IReadOnlyList<Person>, IReadOnlyList<DerivedUnit>, string)> FromFileAsync(CancellationToken cancellationToken)
    {
        var path = ResolveOrgFile(options.Value.OrgFile, environment.ContentRootPath);
        var file = await OrgFile.LoadAsync(path, cancellationToken).ConfigureAwait(false);
        var derived = file.ToUnits().Select(u => new DerivedUnit(u, new UnitOrigin(LevelBasis.File, ParentBasis.File, 0, DerivedLevel: u.Level, DerivedParent: u.ParentId))).ToList();
        var units = UnitCorrections.Apply(derived, await corrections.ListAsync(cancellationToken).ConfigureAwait(false));
        return (file.ToPeople(), units, Path.GetFileName(path));
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
