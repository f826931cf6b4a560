using System.Runtime.CompilerServices;
using System.Text.Json;
using Azure.Data.Tables;
using TalkBot.Domain.Plans;
using TalkBot.Domain.Statistics;

namespace TalkBot.Bot.Features.Statistics;

/// <summary>
/// Keeps the counters of table <c>Statistics</c> (keys in <see cref="StatRows"/>) equal to what the stored items add.
/// <para>
/// Exactly once, through a counted-state row per item rather than counting events: an item is counted from its whole
/// stored state (Domain's <see cref="Counting"/>), the result is compared with what its row says it added last time,
/// and only the difference is applied — in the same entity group transaction that replaces its row, guarded by the
/// ETags of the row and of every counter it changes (all in the month's partition). So a retry, a second instance, a
/// follow-up run again after a crash, or two changes counted in either order, all leave each change counted once:
/// the second count finds nothing to add, and a count that lost a race reads again. Counting events instead would need
/// a record of each event counted, and would still go wrong when a later event is counted before an earlier one.
/// </para>
/// <para>The counter rows a count changed are then copied to <see cref="StatTotals"/>, which the page reads.</para>
/// </summary>
public sealed class StatCounters(TableSet tables, StatTotals totals)
{
    /// <summary>How often one count reads again after another writer changed a counter it needs (a busy month).</summary>
    public const int MaxAttempts = 25;

    private readonly TableClient table = tables[StatRows.Table];
    private readonly TableClient copies = tables[StatTotals.Table];

    /// <summary>
    /// Makes the counters hold what item <paramref name="id"/> of <paramref name="type"/> adds now
    /// (<paramref name="tallies"/>) in <paramref name="month"/>; returns whether anything changed.
    /// </summary>
    public async Task<bool> CountAsync(StatMonth month, string type, string id, IReadOnlyList<Tally> tallies, bool final, UnitTree tree,
        CancellationToken cancellationToken)
    {
        var partition = month.ToString();
        var rowKey = StatRows.Item(type, id);
        var target = Expand(tallies, tree);
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var counted = await table.FindAsync<CountedEntity>(partition, rowKey, cancellationToken).ConfigureAwait(false);
            var before = counted is null ? [] : Parse(counted.Added);
            var deltas = Difference(before, target);
            if (counted is not null && deltas.Count == 0 && counted.Final == final)
            {
                return false;
            }

            var rows = await Task.WhenAll(deltas.Keys.Select(k => table.FindAsync<TableEntity>(partition, k, cancellationToken))).ConfigureAwait(false);
            var entity = new CountedEntity { PartitionKey = partition, RowKey = rowKey, Added = JsonSerializer.Serialize(target), Final = final };
            var actions = new List<TableTransactionAction>
            {
                counted is null ? new(TableTransactionActionType.Add, entity) : new(TableTransactionActionType.UpdateReplace, entity, counted.ETag),
            };
            actions.AddRange(deltas.Zip(rows, (delta, row) => Changed(partition, delta.Key, delta.Value, row)));
            if (actions.Count > TableOperations.MaxTransactionActions)
            {
                throw new InvalidOperationException($"{type} {id} changes {actions.Count - 1} counters; one transaction holds {TableOperations.MaxTransactionActions - 1}.");
            }

            if (await table.TrySubmitAsync(actions, cancellationToken).ConfigureAwait(false))
            {
                await totals.CopyAsync(partition, [.. actions.Skip(1).Select(a => (TableEntity)a.Entity)], cancellationToken).ConfigureAwait(false);
                return true;
            }

            // Another count of this month won the race for a shared counter: read again, after a short random pause.
            await Task.Delay(Random.Shared.Next(5, 20 + attempt * 10), cancellationToken).ConfigureAwait(false);
        }

        throw new InvalidOperationException($"The counters of {partition} kept changing while {type} {id} was counted; its follow-up retries it.");
    }

    /// <summary>
    /// Counts many items of one month at once, into a month no item of which was counted yet (a bulk load): the same
    /// expansion and rows as <see cref="CountAsync"/>, summed in memory and written in transactions of 100 rows, the
    /// counters copied to <see cref="StatTotals"/>.
    /// </summary>
    public async Task CountNewAsync(StatMonth month, IEnumerable<(string Type, string Id, IReadOnlyList<Tally> Tallies, bool Final)> items, UnitTree tree,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(items);
        var partition = month.ToString();
        var sums = new Dictionary<string, Dictionary<string, long>>(StringComparer.Ordinal);
        var counted = new List<ITableEntity>();
        foreach (var (type, id, tallies, final) in items)
        {
            var target = Expand(tallies, tree);
            counted.Add(new CountedEntity { PartitionKey = partition, RowKey = StatRows.Item(type, id), Added = JsonSerializer.Serialize(target), Final = final });
            foreach (var (key, figures) in target)
            {
                var sum = sums.TryGetValue(key, out var s) ? s : sums[key] = new(StringComparer.Ordinal);
                foreach (var (figure, amount) in figures)
                {
                    sum[figure] = sum.GetValueOrDefault(figure) + amount;
                }
            }
        }

        var counters = sums.Select(s => (TableEntity)Changed(partition, s.Key, s.Value, null).Entity).ToList();
        var writes = counted.Concat(counters).Chunk(TableOperations.MaxTransactionActions).Select(chunk => (Table: table, Rows: chunk))
            .Concat(counters.Select(c => (ITableEntity)StatTotals.Copy(partition, c)).Chunk(TableOperations.MaxTransactionActions).Select(chunk => (Table: copies, Rows: chunk)));
        await Parallel.ForEachAsync(writes, new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = cancellationToken },
            async (write, ct) => await write.Table.SubmitAsync(write.Rows.Select(r => new TableTransactionAction(TableTransactionActionType.UpsertReplace, r)), ct)
                .ConfigureAwait(false))
            .ConfigureAwait(false);
    }

    /// <summary>The items of <paramref name="month"/> whose figures may still change, as (type, id).</summary>
    public async Task<IReadOnlyList<(string Type, string Id)>> UnfinishedAsync(StatMonth month, CancellationToken cancellationToken)
    {
        var items = new List<(string, string)>();
        var filter = TableFilter.RowsStartingWith(month.ToString(), StatRows.ItemPrefix) + TableFilter.Of($" and Final eq {false}");
        await foreach (var row in table.QueryAsync<TableEntity>(filter, select: [nameof(ITableEntity.RowKey)], cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            var parts = row.RowKey.Split('|', 3);
            if (parts.Length == 3)
            {
                items.Add((parts[1], parts[2]));
            }
        }

        return items;
    }

    /// <summary>
    /// Where tallies go: each cell's unit row and the rows of the units above it, and, for a talk or plan, its talker's
    /// row; figures summed per row.
    /// </summary>
    public static Dictionary<string, Dictionary<string, long>> Expand(IEnumerable<Tally> tallies, UnitTree tree)
    {
        ArgumentNullException.ThrowIfNull(tallies);
        ArgumentNullException.ThrowIfNull(tree);
        var rows = new Dictionary<string, Dictionary<string, long>>(StringComparer.Ordinal);
        void Add(string key, string figure, long amount)
        {
            var figures = rows.TryGetValue(key, out var f) ? f : rows[key] = new(StringComparer.Ordinal);
            figures[figure] = figures.GetValueOrDefault(figure) + amount;
        }

        foreach (var tally in tallies)
        {
            var cell = tally.Cell;
            var units = cell.Unit is { } unit ? tree.SelfAndAncestors(unit).Select(u => u.Value) : [StatRows.NoUnit];
            foreach (var u in units)
            {
                Add(StatRows.UnitRow(u, cell.Tier, cell.Kind), tally.Figure, tally.Amount);
            }

            if (cell.Talker is { } talker)
            {
                Add(StatRows.TalkerRow(talker, cell.Unit, cell.Tier, cell.Kind), tally.Figure, tally.Amount);
            }
        }

        return rows;
    }

    private static Dictionary<string, Dictionary<string, long>> Parse(string added) =>
        JsonSerializer.Deserialize<Dictionary<string, Dictionary<string, long>>>(added) ?? [];

    private static Dictionary<string, Dictionary<string, long>> Difference(Dictionary<string, Dictionary<string, long>> before,
        Dictionary<string, Dictionary<string, long>> after)
    {
        var deltas = new Dictionary<string, Dictionary<string, long>>(StringComparer.Ordinal);
        foreach (var key in before.Keys.Union(after.Keys))
        {
            var was = before.GetValueOrDefault(key) ?? [];
            var now = after.GetValueOrDefault(key) ?? [];
            var changed = was.Keys.Union(now.Keys)
                .Select(f => (Figure: f, Delta: now.GetValueOrDefault(f) - was.GetValueOrDefault(f)))
                .Where(d => d.Delta != 0)
                .ToDictionary(d => d.Figure, d => d.Delta, StringComparer.Ordinal);
            if (changed.Count > 0)
            {
                deltas[key] = changed;
            }
        }

        return deltas;
    }

    /// <summary>The counter row <paramref name="key"/> with <paramref name="delta"/> added: inserted when new, else replaced if unchanged since read.</summary>
    private static TableTransactionAction Changed(string partition, string key, IReadOnlyDictionary<string, long> delta, TableEntity? row)
    {
        if (row is null)
        {
            row = new TableEntity(partition, key);
            var parts = key.Split('|');
            var (unit, tier, kind, talker) = parts[0] + "|" == StatRows.TalkerPrefix
                ? (parts[2], parts[3], parts[4], parts[1])
                : (parts[1], parts[2], parts[3], (string?)null);
            row[nameof(CounterRow.Unit)] = unit;
            row[nameof(CounterRow.Tier)] = int.Parse(tier, System.Globalization.CultureInfo.InvariantCulture);
            row[nameof(CounterRow.Kind)] = kind;
            if (talker is not null)
            {
                row[nameof(CounterRow.Talker)] = talker;
            }

            foreach (var (figure, amount) in delta)
            {
                row[figure] = amount;
            }

            row[StatTotals.Seq] = 1L;
            return new(TableTransactionActionType.Add, row);
        }

        row[StatTotals.Seq] = StatTotals.SeqOf(row) + 1;

        foreach (var (figure, amount) in delta)
        {
            var value = (row.GetInt64(figure) ?? 0) + amount;
            if (value == 0)
            {
                row.Remove(figure);
            }
            else
            {
                row[figure] = value;
            }
        }

        return new(TableTransactionActionType.UpdateReplace, row, row.ETag);
    }
}

/// <summary>The unit tree of a directory held in memory, made once per directory.</summary>
public static class UnitTrees
{
    private static readonly ConditionalWeakTable<PeopleLookup, UnitTree> Trees = [];

    public static UnitTree Of(PeopleLookup people) => Trees.GetValue(people, p => new UnitTree(p.Units));
}
