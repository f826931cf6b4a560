using Azure.Data.Tables;
using TalkBot.Domain.Statistics;

namespace TalkBot.Bot.Features.Statistics;

/// <summary>
/// Table <c>StatTalkMonths</c>: the months a talk is counted in. PartitionKey <c>talk|{bucket}</c> (one of
/// <see cref="Buckets"/>, from a hash of the talk's id: partitions of a few hundred rows a year at 10,000 talks a month,
/// rather than one that grows without end), RowKey <c>{talkId}|{yyyy-MM}</c>: one short range answers a talk's months. A talk is counted in the month of its date (<see cref="StatRows"/>), and
/// moving it (改期) may change that month; its counted-state row stays in the month it was counted in, so without this
/// the old month would keep counting it.
/// <para>
/// Counting a talk in month M: M is written down first; then each other month written down has the talk's figures taken
/// out (counted as adding nothing, exactly once like any count, <see cref="StatCounters"/>) and is struck off; then the
/// talk is counted in M. A crash anywhere in between leaves the months written down, so the count run again (its
/// follow-up, or the daily mending of the old month's unfinished row) finishes the move.
/// </para>
/// </summary>
public sealed class TalkMonths(TableSet tables, StatCounters counters)
{
    public const string Table = "StatTalkMonths";

    /// <summary>How many partitions the talks are spread over. Never changed: a talk's partition is found from it.</summary>
    public const int Buckets = 256;

    private readonly TableClient table = tables[Table];

    public async Task<bool> CountAsync(StatMonth month, TalkId talk, IReadOnlyList<Tally> tallies, bool final, UnitTree tree, CancellationToken cancellationToken)
    {
        var prefix = talk.Value + "|";
        var months = new List<(string RowKey, StatMonth Month)>();
        await foreach (var row in table.QueryAsync<TableEntity>(TableFilter.RowsStartingWith(Partition(talk), prefix), select: [nameof(ITableEntity.RowKey)],
            cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            if (StatMonth.TryParse(row.RowKey[prefix.Length..], out var counted))
            {
                months.Add((row.RowKey, counted));
            }
        }

        if (!months.Exists(m => m.Month == month))
        {
            await table.UpsertEntityAsync(Row(talk, month), TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
        }

        var changed = false;
        foreach (var (rowKey, old) in months.Where(m => m.Month != month))
        {
            changed |= await counters.CountAsync(old, StatRecount.TalkType, talk.Value, [], true, tree, cancellationToken).ConfigureAwait(false);
            await table.DeleteEntityAsync(Partition(talk), rowKey, cancellationToken: cancellationToken).ConfigureAwait(false);
        }

        return await counters.CountAsync(month, StatRecount.TalkType, talk.Value, tallies, final, tree, cancellationToken).ConfigureAwait(false) || changed;
    }

    /// <summary>Writes down the month of many talks at once, as <see cref="StatCounters.CountNewAsync"/> counts them (a bulk load).</summary>
    public async Task AddNewAsync(StatMonth month, IEnumerable<TalkId> talks, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(talks);
        var batches = talks.GroupBy(Partition, StringComparer.Ordinal).SelectMany(g => g.Chunk(TableOperations.MaxTransactionActions));
        await Parallel.ForEachAsync(batches, new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = cancellationToken },
            async (chunk, ct) => await table.SubmitAsync(chunk.Select(t => new TableTransactionAction(TableTransactionActionType.UpsertReplace, Row(t, month))), ct)
                .ConfigureAwait(false)).ConfigureAwait(false);
    }

    private static TableEntity Row(TalkId talk, StatMonth month) => new(Partition(talk), $"{talk.Value}|{month}");

    /// <summary>The talk's partition: FNV-1a of its id (stable across processes, unlike <see cref="string.GetHashCode()"/>).</summary>
    public static string Partition(TalkId talk)
    {
        var hash = 2166136261u;
        foreach (var c in talk.Value)
        {
            hash = unchecked((hash ^ c) * 16777619u);
        }

        return string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{StatRecount.TalkType}|{hash % Buckets:D3}");
    }
}
