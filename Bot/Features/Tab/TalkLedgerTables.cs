using Azure.Data.Tables;

namespace TalkBot.Bot.Features.Tab;

/// <summary>
/// Where the talk ledger's rows (<see cref="TalkLedgerRows"/>) are kept.
/// <list type="bullet">
/// <item>The units' partitions (<c>unit|{unit}</c>: each holds the talks of its unit and of the units below it,
/// <see cref="TalkeeRows.UnitPartitions"/>, so that an office's view reads one) are in a table per month,
/// <c>UnitTalks{yyyyMM}</c> (<see cref="MonthTable"/>), made by its first write.</item>
/// <item>The units' rows of every talk still live (<see cref="TalkLedgerRows.IsLive"/>), whatever its month, are also
/// copied into <c>LiveUnitTalks</c> (<see cref="LiveTable"/>), and deleted from it once the talk has no step left: the view
/// the ledger opens on (本月及未办结) reads the current month's table and this one.</item>
/// <item>The people's partitions (<c>person|{id}</c>) stay in <c>CaseIndex</c>, under the same keys, with <c>Live</c> as a
/// column: a person's view is one query whatever it shows.</item>
/// </list>
/// Tables, not only key ranges: a store that answers a partition query by scanning the table, such as the Azurite the
/// tests and benchmarks run on, pays for every row of a table at each query. In one table, a year of months made a
/// month's view twelve times slower than one month alone; in a table per month, a view costs its month.
/// </summary>
public sealed class TalkLedgerTables(MatterIndex index, TableSet tables)
{
    /// <summary>What the name of every month's table starts with.</summary>
    public const string MonthTables = "UnitTalks";

    /// <summary>The table of the units' rows of the talks still live.</summary>
    public const string LiveTable = "LiveUnitTalks";

    /// <summary>The table of the units' rows of the talks of <paramref name="month"/> (<c>yyyy-MM</c>).</summary>
    public static string MonthTable(string month)
    {
        ArgumentNullException.ThrowIfNull(month);
        return MonthTables + month.Replace("-", "", StringComparison.Ordinal);
    }

    /// <summary>The index with the units' partitions in <paramref name="month"/>'s table, the people's in <c>CaseIndex</c>.</summary>
    public MatterIndex Month(string month) => index.WithUnitTable(MonthTable(month));

    /// <summary>The index with the units' partitions in the table of the talks still live.</summary>
    public MatterIndex Live { get; } = index.WithUnitTable(LiveTable);

    /// <summary>The months that have a table, oldest first (<c>yyyy-MM</c>).</summary>
    public async Task<IReadOnlyList<string>> MonthsAsync(CancellationToken cancellationToken) =>
        [.. (await tables.ListAsync(MonthTables, cancellationToken).ConfigureAwait(false))
            .Select(name => name[MonthTables.Length..])
            .Where(m => m.Length == 6 && m.All(char.IsAsciiDigit))
            .Select(m => $"{m[..4]}-{m[4..]}")];

    /// <summary>
    /// Writes rows of <paramref name="talk"/> under its <paramref name="month"/> into each partition: the month's table
    /// (or <c>CaseIndex</c>), and the units' into the live table too when <paramref name="live"/>, or out of it when not.
    /// With <paramref name="live"/> null (a row written alone, by one who does not know where the talk stands), they are
    /// copied there when the talk's line is.
    /// </summary>
    public async Task WriteAsync(string month, TalkId talk, IReadOnlyCollection<string> partitions, Func<string, IEnumerable<ListRow>> rows, bool? live,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(partitions);
        await tables.EnsureAsync(MonthTable(month), cancellationToken).ConfigureAwait(false);
        await Month(month).WriteAsync(partitions, rows, cancellationToken).ConfigureAwait(false);
        var units = partitions.Where(MatterIndex.IsUnit).ToList();
        if (units.Count == 0)
        {
            return;
        }

        if (live is null && await tables[LiveTable].FindAsync<TableEntity>(units[0], TalkLedgerRows.Key(month, talk, TalkLedgerRows.LineKind), cancellationToken)
                .ConfigureAwait(false) is null)
        {
            return;
        }

        if (live is not false)
        {
            await Live.WriteAsync(units, rows, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            await Live.DeleteRowsAsync(units, TalkLedgerRows.TalkPrefix(month, talk), cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Deletes the rows of <paramref name="talk"/> under <paramref name="month"/> from each partition, the live copies with them.</summary>
    public async Task DeleteAsync(string month, TalkId talk, IReadOnlyCollection<string> partitions, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(partitions);
        var prefix = TalkLedgerRows.TalkPrefix(month, talk);
        await Month(month).DeleteRowsAsync(partitions, prefix, cancellationToken).ConfigureAwait(false);
        await Live.DeleteRowsAsync(partitions.Where(MatterIndex.IsUnit), prefix, cancellationToken).ConfigureAwait(false);
    }
}
