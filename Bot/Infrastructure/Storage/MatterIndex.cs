using Azure.Data.Tables;

namespace TalkBot.Bot.Infrastructure.Storage;

/// <summary>One entry of the index: a matter's type (lead, case, task) and id.</summary>
public sealed record IndexedMatter(string Type, string Id);

/// <summary>
/// Table <c>CaseIndex</c>: what belongs to whom, as rows that carry what the lists show. PartitionKey:
/// <list type="bullet">
/// <item><c>person|{id}</c>: the matters about a person and the talks they were talked to in (their archive,
/// 000 §四(一)6), and the tasks they owe or review (their desk);</item>
/// <item><c>office|{unit}</c>: what the office of that level handles (its desk): its leads, its cases and their tasks;</item>
/// <item><c>approval</c>: every case once proposed, for the approvers' desks (002 §四2: the authority goes by rank alone,
/// so one partition, read with <c>Status eq 'Proposed'</c>, serves them all);</item>
/// <item><c>upgrade</c>: a row per upgrade of these rows done on this store (<c>ListingUpgrade</c>);</item>
/// <item><c>talk|{talkId}</c> (the lead or case a talk was arranged for) and <c>lead|{leadId}</c> (the case proposed from
/// a lead, 000 §四(四)4): pointers (<see cref="IndexEntity"/>), read to find one matter;</item>
/// <item><c>unit|{unit}</c>: the talks and plans of a unit's people, for the offices' ledgers — kept in a table of their
/// own, <c>UnitIndex</c> (<see cref="UnitTable"/>), which every method here picks by the partition's key, or in another
/// named by <see cref="WithUnitTable"/> (the talk ledger's, one per month). An office's ledger reads a query per unit
/// (the plans) or one for its unit (the talks); in a table holding only unit rows, that query never passes over the
/// people's rows (four times as many: a talk is listed under each talkee, talker and recorder), which a store that
/// scans a table to answer a partition query, such as the Azurite the tests and benchmarks run on, would otherwise
/// read each time.</item>
/// </list>
/// RowKey = <c>{type}|{id}</c> (<c>lead|</c>, <c>case|</c>, <c>task|</c>, <c>talk|</c>) for a matter's line
/// (<see cref="ListRow"/>: status, the people's ids, dates, due date, kind — what its line shows, never a name, which the
/// directory held in memory gives; never a lead's reporter), and <c>{sub}|{id}|{nn}</c> (<c>disp|</c>, <c>check|</c>)
/// for a line under it (a lead's dispositions, a case's checks). Each kind has its own prefix, so that one range query
/// reads it. A pointer partition's RowKey is <c>{type}|{id}</c> too. Every row names its <see cref="ListRow.Subject"/> and whether
/// its matter is <see cref="ListRow.Open"/>, so that the service itself picks an archive's rows or a desk's: one query
/// per kind of row, however many matters are listed, and a page of them is cut from that.
/// <para>
/// The rows are written by the matter's store right after the matter's own transaction (another table: they cannot share
/// it), whole and idempotently; <see cref="Listings"/> mends a crash between the two.
/// </para>
/// </summary>
public sealed class MatterIndex
{
    private readonly TableSet tables;
    private readonly TableClient index;
    private readonly TableClient units;

    public MatterIndex(TableSet tables)
        : this(tables, UnitTable)
    {
    }

    private MatterIndex(TableSet tables, string unitTable)
    {
        this.tables = tables ?? throw new ArgumentNullException(nameof(tables));
        (index, units) = (tables[Table], tables[unitTable]);
    }

    /// <summary>
    /// The same index with the units' partitions kept in <paramref name="unitTable"/> instead of <see cref="UnitTable"/>:
    /// for rows that have tables of their own, such as the talk ledger's, one per month. A query of such a table before
    /// it was made finds nothing.
    /// </summary>
    public MatterIndex WithUnitTable(string unitTable) => new(tables, unitTable);

    public const string Table = "CaseIndex";

    /// <summary>The table of the <c>unit|</c> partitions (<see cref="UnitPartitions"/>).</summary>
    public const string UnitTable = "UnitIndex";

    /// <summary>What every unit's partition starts with: <c>unit|{unit}</c>.</summary>
    public const string UnitPartitions = "unit|";

    /// <summary>Both tables of the index.</summary>
    public static IReadOnlyList<string> Tables { get; } = [Table, UnitTable];

    /// <summary>The table a partition (or a range of partitions starting so) is kept in.</summary>
    public static string TableOf(string partition) =>
        (partition ?? throw new ArgumentNullException(nameof(partition))).StartsWith(UnitPartitions, StringComparison.Ordinal) ? UnitTable : Table;

    /// <summary>Whether a partition is a unit's (<see cref="UnitPartitions"/>).</summary>
    public static bool IsUnit(string partition) => TableOf(partition) == UnitTable;

    private TableClient For(string partition) => TableOf(partition) == UnitTable ? units : index;

    public static string Person(PersonId person) => "person|" + person.Value;

    public static string Office(UnitId? unit) => "office|" + (unit?.Value ?? "-");

    /// <summary>Every case once proposed, for the approvers' desks (002 §四2).</summary>
    public const string Approval = "approval";

    public static string Talk(TalkId talk) => "talk|" + talk.Value;

    /// <summary>What a lead led to (an admonishment case proposed from it, 000 §四(四)4).</summary>
    public static string Lead(string lead) => "lead|" + lead;

    public async Task AddAsync(string type, string id, IEnumerable<string> partitions, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(partitions);
        foreach (var partition in partitions.Distinct())
        {
            await For(partition).UpsertAsync(new IndexEntity { PartitionKey = partition, RowKey = $"{type}|{id}", Type = type, Id = id }, cancellationToken).ConfigureAwait(false);
        }
    }

    public async Task<IReadOnlyList<IndexedMatter>> ListAsync(string partition, CancellationToken cancellationToken) =>
        [.. (await For(partition).QueryAllAsync<IndexEntity>(TableFilter.Of($"PartitionKey eq {partition}"), cancellationToken).ConfigureAwait(false))
            .Select(r => new IndexedMatter(r.Type, r.Id))];

    /// <summary>
    /// Partitions written at once by one <see cref="WriteAsync"/> or <see cref="TryMergeAsync"/>: a group talk is listed in
    /// some forty partitions (each talkee's unit and person, the talkers, the recorder), whose writes one listing should
    /// not put all at once ahead of other requests' calls in the store. This bounds one call wherever it runs; background
    /// work as a whole is bounded by <see cref="BackgroundLane"/>, and a talkee's own rows go into four partitions
    /// (<c>TalkeeRows</c>), so an answer's writes no longer depend on it.
    /// </summary>
    public const int PartitionsAtOnce = 4;

    /// <summary>
    /// Writes a matter's rows into each partition it is listed in: <paramref name="rows"/> makes them for a partition,
    /// and they replace whatever is there, in one transaction per partition (per 100 rows).
    /// </summary>
    public async Task WriteAsync(IEnumerable<string> partitions, Func<string, IEnumerable<ListRow>> rows, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(partitions);
        ArgumentNullException.ThrowIfNull(rows);
        await Parallel.ForEachAsync(partitions.Distinct(), new ParallelOptions { MaxDegreeOfParallelism = PartitionsAtOnce, CancellationToken = cancellationToken },
            async (partition, ct) =>
            {
                foreach (var chunk in rows(partition).Chunk(TableOperations.MaxTransactionActions))
                {
                    await For(partition).SubmitAsync(chunk.Select(r => new TableTransactionAction(TableTransactionActionType.UpsertReplace, r)), ct).ConfigureAwait(false);
                }
            }).ConfigureAwait(false);
    }

    /// <summary>
    /// Deletes the rows whose RowKey starts with <paramref name="prefix"/> from each partition: one query of their keys,
    /// then one transaction per partition (per 100 rows). Rows already gone are the wanted state.
    /// </summary>
    public async Task DeleteRowsAsync(IEnumerable<string> partitions, string prefix, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(partitions);
        ArgumentException.ThrowIfNullOrEmpty(prefix);
        await Parallel.ForEachAsync(partitions.Distinct(), new ParallelOptions { MaxDegreeOfParallelism = PartitionsAtOnce, CancellationToken = cancellationToken },
            async (partition, ct) =>
            {
                var table = For(partition);
                var keys = new List<string>();
                try
                {
                    await foreach (var key in table.QueryColumnAsync(TableFilter.RowsStartingWith(partition, prefix), nameof(ITableEntity.RowKey), ct).ConfigureAwait(false))
                    {
                        keys.Add(key);
                    }
                }
                catch (Azure.RequestFailedException e) when (e.Status == 404)
                {
                    return; // a table made on demand that was never made: nothing to delete
                }

                await DeleteAsync(table, partition, keys, ct).ConfigureAwait(false);
            }).ConfigureAwait(false);
    }

    /// <summary>
    /// Deletes, from every partition of both tables, the rows whose RowKey lies from <paramref name="first"/> to
    /// <paramref name="last"/> (prefixes): a scan, for a one-off such as an upgrade that moved rows to new keys.
    /// Returns how many were deleted.
    /// </summary>
    /// <param name="partitions">Only from the partitions whose key starts so (in their table).</param>
    public async Task<int> DeleteEverywhereAsync(string first, string last, CancellationToken cancellationToken, string? partitions = null)
    {
        var deleted = 0;
        var filter = TableFilter.Of($"RowKey ge {first} and RowKey lt {TableFilter.After(last)}")
            + (partitions is null ? "" : TableFilter.Of($" and PartitionKey ge {partitions} and PartitionKey lt {TableFilter.After(partitions)}"));
        foreach (var table in partitions is null ? new[] { index, units } : [For(partitions)])
        {
            var rows = new List<(string Partition, string Key)>();
            await foreach (var row in table.QueryAsync<TableEntity>(filter,
                select: [nameof(ITableEntity.PartitionKey), nameof(ITableEntity.RowKey)], cancellationToken: cancellationToken).ConfigureAwait(false))
            {
                rows.Add((row.PartitionKey, row.RowKey));
            }

            foreach (var partition in rows.GroupBy(r => r.Partition, StringComparer.Ordinal))
            {
                await DeleteAsync(table, partition.Key, [.. partition.Select(r => r.Key)], cancellationToken).ConfigureAwait(false);
                deleted += partition.Count();
            }
        }

        return deleted;
    }

    private static async Task DeleteAsync(TableClient table, string partition, IReadOnlyList<string> keys, CancellationToken cancellationToken)
    {
        foreach (var chunk in keys.Chunk(TableOperations.MaxTransactionActions))
        {
            try
            {
                await table.SubmitAsync(chunk.Select(k => new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(partition, k), Azure.ETag.All)),
                    cancellationToken).ConfigureAwait(false);
            }
            catch (Azure.RequestFailedException e) when (e.Status == 404)
            {
                // Another writer deleted one of them first: the rest one by one.
                foreach (var key in chunk)
                {
                    await table.DeleteIfExistsAsync(partition, key, cancellationToken).ConfigureAwait(false);
                }
            }
        }
    }

    /// <summary>
    /// Changes some columns of a row in each partition, if the row is there; false when one was not (the row is written
    /// whole by whoever lists the matter).
    /// </summary>
    public async Task<bool> TryMergeAsync(IEnumerable<string> partitions, string rowKey, IDictionary<string, object> columns, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(partitions);
        var all = true;
        await Parallel.ForEachAsync(partitions.Distinct(), new ParallelOptions { MaxDegreeOfParallelism = PartitionsAtOnce, CancellationToken = cancellationToken },
            async (partition, ct) =>
            {
                if (!await For(partition).TryUpdateAsync(new TableEntity(columns) { PartitionKey = partition, RowKey = rowKey, ETag = Azure.ETag.All }, ct,
                        TableUpdateMode.Merge).ConfigureAwait(false))
                {
                    all = false;
                }
            }).ConfigureAwait(false);
        return all;
    }

    /// <summary>
    /// The lines of one kind of matter in a partition and the lines under them (a lead's dispositions, a case's checks),
    /// by the matter they are under: two queries, run together.
    /// </summary>
    public async Task<(IReadOnlyList<TLine> Lines, ILookup<string, TUnder> Under)> QueryAsync<TLine, TUnder>(string partition, string linePrefix,
        string underPrefix, ListScope scope, CancellationToken cancellationToken) where TLine : ListRow, new() where TUnder : ListRow, new()
    {
        var lines = QueryAsync<TLine>(partition, linePrefix, scope, cancellationToken);
        var under = QueryAsync<TUnder>(partition, underPrefix, scope, cancellationToken);
        return (await lines.ConfigureAwait(false), (await under.ConfigureAwait(false)).ToLookup(u => u.Matter));
    }

    /// <summary>
    /// The rows of several kinds in one query: those whose RowKey starts with <paramref name="first"/>,
    /// <paramref name="last"/> or a prefix between them, as stored, for the caller to read each kind with
    /// <see cref="TableRowReader"/>.
    /// </summary>
    /// <param name="orWhere">Rows also wanted besides the range, by a filter of their own (which bounds their keys).</param>
    public async Task<IReadOnlyList<TableEntity>> QueryKindsAsync(string partition, string first, string last, CancellationToken cancellationToken,
        string? orWhere = null) =>
        await QueryOrNoneAsync(For(partition), TableFilter.Of($"PartitionKey eq {partition}") + " and " + Rows(first, last, orWhere), cancellationToken)
            .ConfigureAwait(false);

    /// <summary>The rows a filter picks; none from a table made on demand (<see cref="WithUnitTable"/>) that was never made.</summary>
    private static async Task<List<TableEntity>> QueryOrNoneAsync(TableClient table, string filter, CancellationToken cancellationToken)
    {
        try
        {
            return await table.QueryAllAsync<TableEntity>(filter, cancellationToken).ConfigureAwait(false);
        }
        catch (Azure.RequestFailedException e) when (e.Status == 404)
        {
            return [];
        }
    }

    private static string Rows(string first, string last, string? orWhere)
    {
        var range = TableFilter.Of($"RowKey ge {first} and RowKey lt {TableFilter.After(last)}");
        return orWhere is null ? range : $"(({range}) or ({orWhere}))";
    }

    /// <summary>
    /// <see cref="QueryKindsAsync"/> across every partition whose key starts with <paramref name="partitions"/>, kept where
    /// <paramref name="keep"/> says: a few paged queries instead of one per partition, for a view that spans most of
    /// them (a bureau's office sees nearly every unit, and a query per unit costs more than reading the few it does not see).
    /// </summary>
    public async Task<IReadOnlyList<TableEntity>> QueryKindsAcrossAsync(string partitions, string first, string last, Func<string, bool> keep,
        CancellationToken cancellationToken, string? orWhere = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(partitions);
        ArgumentNullException.ThrowIfNull(keep);
        var filter = TableFilter.Of($"PartitionKey ge {partitions} and PartitionKey lt {TableFilter.After(partitions)}") + " and " + Rows(first, last, orWhere);
        return [.. (await QueryOrNoneAsync(For(partitions), filter, cancellationToken).ConfigureAwait(false)).Where(r => keep(r.PartitionKey))];
    }

    /// <summary>Whether <paramref name="upgrade"/> of these rows was done on this store.</summary>
    public async Task<bool> IsUpgradedAsync(string upgrade, CancellationToken cancellationToken) =>
        await index.FindAsync<IndexEntity>(UpgradePartition, upgrade, cancellationToken).ConfigureAwait(false) is not null;

    public Task MarkUpgradedAsync(string upgrade, CancellationToken cancellationToken) =>
        index.UpsertAsync(new IndexEntity { PartitionKey = UpgradePartition, RowKey = upgrade, Type = UpgradePartition, Id = upgrade }, cancellationToken);

    private const string UpgradePartition = "upgrade";

    /// <summary>One kind of row (those whose RowKey starts with <paramref name="prefix"/>) of a partition, in <paramref name="scope"/>: one query.</summary>
    public async Task<IReadOnlyList<T>> QueryAsync<T>(string partition, string prefix, ListScope scope, CancellationToken cancellationToken) where T : ListRow, new() =>
        // A pointer row written before rows carried their lines has no subject: its matter is listed again when next saved.
        [.. (await For(partition).QueryAllAsync<T>(TableFilter.RowsStartingWith(partition, prefix) + scope.Filter, cancellationToken).ConfigureAwait(false))
            .Where(r => r.Subject.Length > 0)];
}

/// <summary>Which rows of an index partition a list reads; the service picks them, so only those travel.</summary>
public readonly record struct ListScope(bool OpenOnly = false, PersonId? About = null, string? Status = null)
{
    /// <summary>Every row of the partition.</summary>
    public static ListScope All => default;

    /// <summary>The rows of matters still open: a desk.</summary>
    public static ListScope Open => new(OpenOnly: true);

    /// <summary>The rows of matters about one person: their archive.</summary>
    public static ListScope AboutPerson(PersonId person) => new(About: person);

    /// <summary>The rows whose matter is in one status (the proposals waiting for a decision).</summary>
    public static ListScope InStatus(string status) => new(Status: status);

    internal string Filter =>
        (OpenOnly ? TableFilter.Of($" and Open eq {true}") : "")
        + (About is { } person ? TableFilter.Of($" and Subject eq {person.Value}") : "")
        + (Status is { } status ? TableFilter.Of($" and Status eq {status}") : "");
}

/// <summary>Table <c>CaseIndex</c>: a pointer to a lead, case or task (keys in <see cref="MatterIndex"/>).</summary>
public sealed class IndexEntity : TableRow
{
    /// <summary>lead, case or task.</summary>
    public string Type { get; set; } = "";
    public string Id { get; set; } = "";
}

/// <summary>
/// Table <c>CaseIndex</c>: a row of a list (keys in <see cref="MatterIndex"/>). Each feature's rows add what its lines
/// show; these two columns are what the service filters on.
/// </summary>
public abstract class ListRow : TableRow
{
    /// <summary>The id of the matter the row shows, or is a line under.</summary>
    public string Matter { get; set; } = "";

    /// <summary>The person the matter is about.</summary>
    public string Subject { get; set; } = "";

    /// <summary>Whether the matter is still to be worked on: a desk lists only these.</summary>
    public bool Open { get; set; }

    /// <summary>Puts <paramref name="row"/> in its partition, under its key, with the matter it shows, whom that is about and whether it is open.</summary>
    public static T Place<T>(T row, string partition, string rowKey, string matter, PersonId subject, bool open) where T : ListRow
    {
        ArgumentNullException.ThrowIfNull(row);
        (row.PartitionKey, row.RowKey, row.Matter, row.Subject, row.Open) = (partition, rowKey, matter, subject.Value, open);
        return row;
    }
}
