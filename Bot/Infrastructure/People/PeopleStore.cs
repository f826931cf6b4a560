using Azure;
using Azure.Data.Tables;

namespace TalkBot.Bot.Infrastructure.People;

/// <summary>The outcome of the last successful directory sync, shown to administrators.</summary>
public sealed record DirectorySyncStatus(DateTimeOffset At, string Source, int People, int Units, TimeSpan Took);

/// <summary>
/// People and units as last synchronised from the directory, with the roles an administrator assigned.
/// Table <c>People</c>: PartitionKey = <c>person</c> | <c>unit</c>; RowKey = person or unit id. The directory is written
/// rarely (by a sync), and a person is read by id; one partition per kind serves both. PartitionKey <c>sync</c>, RowKey
/// <c>directory</c>: the last successful sync; RowKey <c>version</c>: changed by every write of people, so that each
/// instance's <see cref="PeopleDirectory"/> knows, with one point read, that the directory it holds is out of date.
/// </summary>
public sealed class PeopleStore(TableSet tables)
{
    public const string Table = "People";
    private const string PersonPartition = "person";
    private const string UnitPartition = "unit";
    private const string StatusPartition = "sync";
    private const string StatusRow = "directory";
    private const string VersionRow = "version";
    private const int MaxAttempts = 5;

    private readonly TableClient people = tables[Table];

    public async Task<Person?> FindAsync(PersonId id, CancellationToken cancellationToken) =>
        await people.FindAsync<PersonEntity>(PersonPartition, id.Value, cancellationToken).ConfigureAwait(false) is { } entity ? ToDomain(entity) : null;

    public async Task<IReadOnlyList<Person>> ListAsync(CancellationToken cancellationToken) =>
        [.. (await people.QueryAllAsync<PersonEntity>(TableFilter.Of($"PartitionKey eq {PersonPartition}"), cancellationToken).ConfigureAwait(false)).Select(ToDomain)];

    public async Task<IReadOnlyList<Unit>> ListUnitsAsync(CancellationToken cancellationToken) =>
        [.. (await people.QueryAllAsync<UnitEntity>(TableFilter.Of($"PartitionKey eq {UnitPartition}"), cancellationToken).ConfigureAwait(false))
            .Select(e => new Unit(new UnitId(e.RowKey), e.Name, e.NameEn, Enum.Parse<UnitLevel>(e.Level), e.ParentId is { Length: > 0 } p ? new UnitId(p) : null))];

    /// <summary>
    /// Replaces the stored directory with <paramref name="persons"/> and <paramref name="units"/>, in transactions of
    /// at most 100 rows. People who are no longer in the directory are kept, marked inactive, for history.
    /// </summary>
    public async Task ReplaceAllAsync(IReadOnlyList<Person> persons, IReadOnlyList<Unit> units, CancellationToken cancellationToken)
    {
        var present = persons.Select(p => p.Id).ToHashSet();
        var gone = (await ListAsync(cancellationToken).ConfigureAwait(false))
            .Where(p => p.Active && !present.Contains(p.Id))
            .Select(p => p with { Active = false });

        var personRows = persons.Concat(gone).Select(ToEntity).Cast<ITableEntity>();
        var unitRows = units.Select(u => (ITableEntity)new UnitEntity
        {
            PartitionKey = UnitPartition,
            RowKey = u.Id.Value,
            Name = u.Name,
            NameEn = u.NameEn,
            Level = u.Level.ToString(),
            ParentId = u.ParentId?.Value,
        });

        foreach (var chunk in personRows.Chunk(TableOperations.MaxTransactionActions).Concat(unitRows.Chunk(TableOperations.MaxTransactionActions)))
        {
            await people.SubmitAsync(chunk.Select(e => new TableTransactionAction(TableTransactionActionType.UpsertReplace, e)), cancellationToken).ConfigureAwait(false);
        }

        await ChangedAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The stored directory's version: it changes with every write of people.</summary>
    public async Task<string> VersionAsync(CancellationToken cancellationToken) =>
        await people.FindAsync<DirectoryVersionEntity>(StatusPartition, VersionRow, cancellationToken).ConfigureAwait(false) is { } row ? row.Version : "";

    /// <summary>How many times this instance wrote people: a directory held in memory compares it to know it is stale.</summary>
    public long LocalWrites => Interlocked.Read(ref localWrites);

    private long localWrites;

    private async Task ChangedAsync(CancellationToken cancellationToken)
    {
        await people.UpsertAsync(new DirectoryVersionEntity { PartitionKey = StatusPartition, RowKey = VersionRow, Version = Guid.NewGuid().ToString("N") }, cancellationToken).ConfigureAwait(false);
        Interlocked.Increment(ref localWrites);
    }

    /// <summary>
    /// Sets one person's roles and rank (SPEC §1: assigned by an administrator), keeping every other field, so that
    /// everything reading people sees the change at once. A MERGE guarded by the row's ETag: a directory sync or
    /// another assignment in between is read again rather than overwritten. False when the person is not stored.
    /// </summary>
    public async Task<bool> UpdateRolesAsync(PersonId id, IReadOnlySet<Role> roles, Rank rank, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(roles);
        var wanted = string.Join(',', roles.Order());
        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            if (await people.FindAsync<PersonEntity>(PersonPartition, id.Value, cancellationToken).ConfigureAwait(false) is not { } entity)
            {
                return false;
            }

            if (entity.Roles == wanted && entity.Rank == rank.ToString())
            {
                return true;
            }

            entity.Roles = wanted;
            entity.Rank = rank.ToString();
            // False when it changed (read again) or went (the next read says so) since it was read.
            if (await people.TryUpdateAsync(entity, cancellationToken, TableUpdateMode.Merge).ConfigureAwait(false))
            {
                await ChangedAsync(cancellationToken).ConfigureAwait(false);
                return true;
            }
        }

        throw new InvalidOperationException($"Person {id.Value} kept changing while their roles were saved.");
    }

    public Task SaveStatusAsync(DirectorySyncStatus status, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(status);
        return people.UpsertAsync(new DirectorySyncEntity
        {
            PartitionKey = StatusPartition, RowKey = StatusRow, At = status.At, Source = status.Source, People = status.People, Units = status.Units,
            Seconds = status.Took.TotalSeconds,
        }, cancellationToken);
    }

    /// <summary>The last successful sync, or null before the first.</summary>
    public async Task<DirectorySyncStatus?> LastStatusAsync(CancellationToken cancellationToken) =>
        await people.FindAsync<DirectorySyncEntity>(StatusPartition, StatusRow, cancellationToken).ConfigureAwait(false) is { } e
            ? new DirectorySyncStatus(e.At, e.Source, e.People, e.Units, TimeSpan.FromSeconds(e.Seconds))
            : null;

    private static PersonEntity ToEntity(Person p) => new()
    {
        PartitionKey = PersonPartition,
        RowKey = p.Id.Value,
        DisplayName = p.DisplayName,
        UserPrincipalName = p.UserPrincipalName,
        JobTitle = p.JobTitle,
        UnitId = p.UnitId?.Value,
        ManagerId = p.ManagerId?.Value,
        Rank = p.Rank.ToString(),
        Roles = string.Join(',', p.Roles.Order()),
        Active = p.Active,
    };

    private static Person ToDomain(PersonEntity e) => new(
        Id: new PersonId(e.RowKey),
        DisplayName: e.DisplayName,
        UnitId: e.UnitId is { Length: > 0 } unit ? new UnitId(unit) : null,
        JobTitle: e.JobTitle,
        Rank: Enum.Parse<Rank>(e.Rank),
        Roles: e.Roles.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(Enum.Parse<Role>).ToHashSet(),
        ManagerId: e.ManagerId is { Length: > 0 } manager ? new PersonId(manager) : null,
        Active: e.Active,
        UserPrincipalName: e.UserPrincipalName);
}

/// <summary>Partition <c>person</c>: one person of the directory.</summary>
public sealed class PersonEntity : TableRow
{
    public string DisplayName { get; set; } = "";
    public string? UserPrincipalName { get; set; }
    public string? Mail { get; set; }
    public string? JobTitle { get; set; }
    public string? UnitId { get; set; }
    public string? ManagerId { get; set; }
    public string Rank { get; set; } = "";
    /// <summary>Comma-separated Role names.</summary>
    public string Roles { get; set; } = "";
    public bool Active { get; set; } = true;
}

/// <summary>Partition <c>unit</c>: one unit of the organisation.</summary>
public sealed class UnitEntity : TableRow
{
    public string Name { get; set; } = "";
    public string? NameEn { get; set; }
    public string Level { get; set; } = "";
    public string? ParentId { get; set; }
}

/// <summary>Partition <c>sync</c>, row <c>directory</c>: the last successful directory sync.</summary>
public sealed class DirectorySyncEntity : TableRow
{
    public DateTimeOffset At { get; set; }
    public string Source { get; set; } = "";
    public int People { get; set; }
    public int Units { get; set; }
    public double Seconds { get; set; }
}

/// <summary>Partition <c>sync</c>, row <c>version</c>: the stored directory's version.</summary>
public sealed class DirectoryVersionEntity : TableRow
{
    public string Version { get; set; } = "";
}
