using Azure.Data.Tables;
using TalkBot.Domain.Statistics;

namespace TalkBot.Bot.Features.Statistics;

/// <summary>
/// Table <c>StatTotals</c>: a copy of the counter rows of table <c>Statistics</c> — the same keys (PartitionKey the month,
/// RowKey <c>s|…</c> and <c>t|…</c>, <see cref="StatRows"/>) and columns — which the statistics page and the monthly
/// report read (<see cref="StatisticsQuery"/>).
/// <para>
/// Why a copy: counting exactly once needs each item's counted-state row (<c>i|…</c>) in the transaction of the counters
/// it changes, so in their table and partition; but those rows outnumber the counters ten to one (a month of 10,000
/// talkees against about a thousand counters), and every query that ranges over months (the series) or that an emulator
/// answers by scanning the table reads through them. The copy holds the counters alone.
/// </para>
/// <para>
/// Kept as the counters change: after each count, the counter rows it changed are copied, each only over an older copy
/// (<see cref="Seq"/>, raised in the transaction that changes the counter), so that copies landing out of order never
/// go back; the daily mending copies the month's counters again, should a crash have lost a copy.
/// </para>
/// </summary>
public sealed class StatTotals(TableSet tables)
{
    public const string Table = "StatTotals";

    /// <summary>How many times a counter row was changed: the copy with the higher one is the newer.</summary>
    public const string Seq = "Seq";

    private readonly TableClient source = tables[StatRows.Table];
    private readonly TableClient table = tables[Table];

    /// <summary>Copies <paramref name="rows"/> (counter rows of <paramref name="partition"/> as just written) over older copies.</summary>
    public async Task CopyAsync(string partition, IReadOnlyList<TableEntity> rows, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rows);
        foreach (var chunk in rows.Chunk(TableOperations.MaxTransactionActions))
        {
            for (var attempt = 0; ; attempt++)
            {
                var copies = await Task.WhenAll(chunk.Select(r => table.FindAsync<TableEntity>(partition, r.RowKey, cancellationToken))).ConfigureAwait(false);
                var actions = chunk.Zip(copies, (row, copy) => copy is null ? new TableTransactionAction(TableTransactionActionType.Add, Copy(partition, row))
                        : SeqOf(copy) < SeqOf(row) ? new TableTransactionAction(TableTransactionActionType.UpdateReplace, Copy(partition, row), copy.ETag)
                        : null)
                    .OfType<TableTransactionAction>().ToList();
                if (actions.Count == 0 || await table.TrySubmitAsync(actions, cancellationToken).ConfigureAwait(false))
                {
                    break;
                }

                if (attempt == StatCounters.MaxAttempts)
                {
                    throw new InvalidOperationException($"The copies of the counters of {partition} kept changing; the daily mending copies them again.");
                }

                await Task.Delay(Random.Shared.Next(5, 20 + attempt * 10), cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Copies every counter row of <paramref name="month"/> over older copies (the daily mending).</summary>
    public async Task RefreshAsync(StatMonth month, CancellationToken cancellationToken)
    {
        var partition = month.ToString();
        var rows = await source.QueryAllAsync<TableEntity>(TableFilter.Of($"PartitionKey eq {partition}") + " and " + CounterRows, cancellationToken).ConfigureAwait(false);
        await CopyAsync(partition, rows, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Once per store (<see cref="MatterIndex.IsUpgradedAsync"/>): copies the counters of every month counted before this
    /// copy existed — one scan of the counter rows, at start-up.
    /// </summary>
    public async Task UpgradeAsync(MatterIndex index, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(index);
        if (await index.IsUpgradedAsync(Upgrade, cancellationToken).ConfigureAwait(false))
        {
            return;
        }

        var rows = await source.QueryAllAsync<TableEntity>(CounterRows, cancellationToken).ConfigureAwait(false);
        foreach (var month in rows.GroupBy(r => r.PartitionKey, StringComparer.Ordinal))
        {
            await CopyAsync(month.Key, [.. month], cancellationToken).ConfigureAwait(false);
        }

        await index.MarkUpgradedAsync(Upgrade, cancellationToken).ConfigureAwait(false);
    }

    private const string Upgrade = "StatTotals";

    /// <summary>The counter rows (<c>s|…</c> to <c>t|…</c>), not the counted-state rows beside them.</summary>
    private static readonly string CounterRows = TableFilter.Of($"RowKey ge {StatRows.UnitPrefix} and RowKey lt {TableFilter.After(StatRows.TalkerPrefix)}");

    /// <summary>A counter row as its copy: the same keys and columns, none of the source's metadata.</summary>
    public static TableEntity Copy(string partition, TableEntity row)
    {
        ArgumentNullException.ThrowIfNull(row);
        var copy = new TableEntity(partition, row.RowKey);
        foreach (var (name, value) in row)
        {
            if (name is not ("PartitionKey" or "RowKey" or "Timestamp" or "odata.etag") && value is not null)
            {
                copy[name] = value;
            }
        }

        return copy;
    }

    public static long SeqOf(TableEntity row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return row.GetInt64(Seq) ?? 0;
    }
}
