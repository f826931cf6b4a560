using Azure.Data.Tables;

namespace TalkBot.Bot.Features.Directory;

/// <summary>
/// The directory as Graph last said it, so that a delta read (only what changed) can be laid over it and the units derived
/// again from everyone without asking Graph for everyone. Table <c>DirectoryEntries</c>:
/// <list type="bullet">
/// <item>PartitionKey <c>user</c>, RowKey the Entra object id: one person as read (department, manager, …).</item>
/// <item>PartitionKey <c>member</c>, RowKey <c>{group id}|{user id}</c>: a member of a role group.</item>
/// <item>PartitionKey <c>unit</c>, RowKey the unit id: why the unit sits where it does (for 组织架构).</item>
/// <item>PartitionKey <c>state</c>, RowKey <c>users</c> | <c>groups</c>: the deltaLink to read the next changes with.</item>
/// </list>
/// A sync reads whole partitions, and a delta touches a few rows by key; one partition per kind serves both.
/// </summary>
public sealed class DirectorySnapshot(TableSet tables)
{
    public const string Table = "DirectoryEntries";
    private const string UserPartition = "user";
    private const string MemberPartition = "member";
    private const string UnitPartition = "unit";
    private const string StatePartition = "state";

    private readonly TableClient table = tables[Table];

    public async Task<DeltaStateEntity?> StateAsync(string kind, CancellationToken cancellationToken) =>
        await table.FindAsync<DeltaStateEntity>(StatePartition, kind, cancellationToken).ConfigureAwait(false);

    /// <summary>Saved after the changes it follows are stored, so that a crash in between reads them again.</summary>
    public Task SaveStateAsync(string kind, string? deltaLink, string? scope, CancellationToken cancellationToken) =>
        table.UpsertAsync(new DeltaStateEntity { PartitionKey = StatePartition, RowKey = kind, DeltaLink = deltaLink, Scope = scope }, cancellationToken);

    /// <summary>Lays a read over the snapshot: a full read replaces it (whoever it lacks is deleted), a delta changes rows.</summary>
    public async Task ApplyAsync(DirectoryChanges changes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(changes);
        var removed = changes.Removed.ToHashSet(StringComparer.Ordinal);
        if (changes.Full)
        {
            var present = changes.People.Select(p => p.Id).ToHashSet(StringComparer.Ordinal);
            removed.UnionWith((await RowKeysAsync(UserPartition, cancellationToken).ConfigureAwait(false)).Where(k => !present.Contains(k)));
        }

        await WriteAsync(changes.People.Select(p => (ITableEntity)new DirectoryUserEntity
        {
            PartitionKey = UserPartition, RowKey = p.Id, DisplayName = p.DisplayName, Department = p.Department, JobTitle = p.JobTitle,
            Mail = p.Mail, UserPrincipalName = p.UserPrincipalName, ManagerId = p.ManagerId, Enabled = p.Enabled,
        }), UserPartition, removed, cancellationToken).ConfigureAwait(false);
    }

    public async Task ApplyAsync(GroupChanges changes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(changes);
        var removed = changes.Members.Where(m => m.Removed).Select(MemberKey).ToHashSet(StringComparer.Ordinal);
        var added = changes.Members.Where(m => !m.Removed).Select(MemberKey).ToHashSet(StringComparer.Ordinal);
        if (changes.Full)
        {
            removed.UnionWith((await RowKeysAsync(MemberPartition, cancellationToken).ConfigureAwait(false)).Where(k => !added.Contains(k)));
        }

        removed.ExceptWith(added);
        await WriteAsync(added.Select(k => (ITableEntity)new TableEntity(MemberPartition, k)), MemberPartition, removed, cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<DirectoryPerson>> ListPeopleAsync(CancellationToken cancellationToken) =>
        [.. (await table.QueryAllAsync<DirectoryUserEntity>(TableFilter.Of($"PartitionKey eq {UserPartition}"), cancellationToken).ConfigureAwait(false))
            .Select(e => new DirectoryPerson(e.RowKey, e.DisplayName, e.Department, e.JobTitle, e.Mail, e.UserPrincipalName, e.ManagerId, e.Enabled))];

    /// <summary>Every role group's members: (group id, user id).</summary>
    public async Task<IReadOnlyList<(string Group, string Member)>> ListMembersAsync(CancellationToken cancellationToken) =>
        [.. (await RowKeysAsync(MemberPartition, cancellationToken).ConfigureAwait(false))
            .Select(k => k.Split('|', 2)).Where(p => p.Length == 2).Select(p => (p[0], p[1]))];

    /// <summary>Stores why each unit sits where it does; units no longer derived are deleted.</summary>
    public async Task SaveUnitsAsync(IReadOnlyList<DerivedUnit> units, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(units);
        var present = units.Select(u => u.Unit.Id.Value).ToHashSet(StringComparer.Ordinal);
        var gone = (await RowKeysAsync(UnitPartition, cancellationToken).ConfigureAwait(false)).Where(k => !present.Contains(k)).ToHashSet(StringComparer.Ordinal);
        await WriteAsync(units.Select(u => (ITableEntity)UnitOriginEntity.From(UnitPartition, u)), UnitPartition, gone, cancellationToken).ConfigureAwait(false);
    }

    public async Task<UnitOrigin?> FindOriginAsync(UnitId unit, CancellationToken cancellationToken) =>
        (await table.FindAsync<UnitOriginEntity>(UnitPartition, unit.Value, cancellationToken).ConfigureAwait(false))?.ToDomain();

    public async Task<IReadOnlyDictionary<UnitId, UnitOrigin>> ListOriginsAsync(CancellationToken cancellationToken) =>
        (await table.QueryAllAsync<UnitOriginEntity>(TableFilter.Of($"PartitionKey eq {UnitPartition}"), cancellationToken).ConfigureAwait(false))
            .ToDictionary(e => new UnitId(e.RowKey), e => e.ToDomain());

    private static string MemberKey(GroupMemberChange m) => m.Group + "|" + m.Member;

    private async Task<IEnumerable<string>> RowKeysAsync(string partition, CancellationToken cancellationToken)
    {
        var keys = new List<string>();
        await foreach (var row in table.QueryAsync<TableEntity>(TableFilter.Of($"PartitionKey eq {partition}"), select: ["RowKey"], cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            keys.Add(row.RowKey);
        }

        return keys;
    }

    // In transactions of at most 100 rows of the one partition.
    private async Task WriteAsync(IEnumerable<ITableEntity> upserts, string partition, IEnumerable<string> deletes, CancellationToken cancellationToken)
    {
        var actions = upserts.Select(e => new TableTransactionAction(TableTransactionActionType.UpsertReplace, e))
            .Concat(deletes.Select(k => new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(partition, k), Azure.ETag.All)));
        foreach (var chunk in actions.Chunk(TableOperations.MaxTransactionActions))
        {
            await table.SubmitAsync(chunk, cancellationToken).ConfigureAwait(false);
        }
    }
}

/// <summary>Partition <c>user</c>: one person as Graph last said.</summary>
public sealed class DirectoryUserEntity : TableRow
{
    public string DisplayName { get; set; } = "";
    public string? Department { get; set; }
    public string? JobTitle { get; set; }
    public string? Mail { get; set; }
    public string? UserPrincipalName { get; set; }
    public string? ManagerId { get; set; }
    public bool Enabled { get; set; } = true;
}

/// <summary>Partition <c>state</c>: where the next delta read starts, and what it covers (the role groups' ids).</summary>
public sealed class DeltaStateEntity : TableRow
{
    public string? DeltaLink { get; set; }
    public string? Scope { get; set; }
}

/// <summary>Partition <c>unit</c>: a <see cref="UnitOrigin"/>.</summary>
public sealed class UnitOriginEntity : TableRow
{
    public string LevelBasis { get; set; } = "";
    public string ParentBasis { get; set; } = "";
    public int Depth { get; set; }
    public string? Head { get; set; }
    public string? HeadManager { get; set; }
    public string? DerivedLevel { get; set; }
    public string? DerivedParent { get; set; }
    public string? CorrectedBy { get; set; }
    public DateTimeOffset? CorrectedAt { get; set; }

    public static UnitOriginEntity From(string partition, DerivedUnit unit)
    {
        ArgumentNullException.ThrowIfNull(unit);
        var o = unit.Origin;
        return new()
        {
            PartitionKey = partition, RowKey = unit.Unit.Id.Value, LevelBasis = o.LevelBasis.ToString(), ParentBasis = o.ParentBasis.ToString(),
            Depth = o.Depth, Head = o.Head?.Value, HeadManager = o.HeadManager?.Value, DerivedLevel = o.DerivedLevel?.ToString(),
            DerivedParent = o.DerivedParent?.Value, CorrectedBy = o.CorrectedBy?.Value, CorrectedAt = o.CorrectedAt,
        };
    }

    public UnitOrigin ToDomain() => new(
        Enum.Parse<Domain.People.LevelBasis>(LevelBasis), Enum.Parse<Domain.People.ParentBasis>(ParentBasis), Depth,
        Head is { } h ? new PersonId(h) : null, HeadManager is { } m ? new PersonId(m) : null,
        DerivedLevel is { } l ? Enum.Parse<UnitLevel>(l) : null, DerivedParent is { } p ? new UnitId(p) : null,
        CorrectedBy is { } b ? new PersonId(b) : null, CorrectedAt);
}
