using Azure.Data.Tables;
using TalkBot.Domain.Plans;
using TalkBot.Domain.Statistics;

namespace TalkBot.Bot.Features.Statistics;

/// <summary>What the statistics page asks for: a month, and optionally a unit (with those below), a tier, a talker and a kind.</summary>
public sealed record StatFilter(StatMonth Month, UnitId? Unit, Tier? Tier, PersonId? Talker, TalkKind? Kind)
{
    public bool Matches(CounterRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return (Tier is null || row.Tier == Tier) && (Kind is null || row.Kind == Kind);
    }
}

/// <summary>One unit's (or one talker's) figures in a table of the page.</summary>
public sealed record StatLine(string Id, MonthFigures Figures);

/// <summary>One month of the month-over-month series.</summary>
public sealed record StatPoint(StatMonth Month, MonthFigures Figures);

/// <summary>The figures of one view of the page.</summary>
public sealed record StatResult(StatFilter Filter, MonthFigures Figures, IReadOnlyList<StatLine> Units, IReadOnlyList<StatLine> Talkers, IReadOnlyList<StatPoint> Series);

/// <summary>
/// Reads the counters (keys in <see cref="StatRows"/>, from their copy in <see cref="StatTotals"/>) for one view: a unit's view reads the month's unit rows (its own
/// and its children's among them), the month's talker rows, and its own rows of the twelve months — three range queries,
/// run together, whatever the size of the organisation's history; a talker's view one.
/// </summary>
public sealed class StatisticsQuery(TableSet tables)
{
    /// <summary>How many months the series shows, the asked month last.</summary>
    public const int SeriesMonths = 12;

    private static readonly string[] SeriesColumns =
        [nameof(CounterRow.Unit), nameof(CounterRow.Tier), nameof(CounterRow.Kind), Figures.Planned, Figures.Scheduled, Figures.Completed];

    private static readonly string[] TalkerColumns =
        [nameof(CounterRow.Unit), nameof(CounterRow.Tier), nameof(CounterRow.Kind), nameof(CounterRow.Talker), Figures.Plans, Figures.Planned, Figures.Scheduled, Figures.Completed];

    // The copy of the counters, without the item rows that share their partitions (see StatTotals for why).
    private readonly TableClient table = tables[StatTotals.Table];

    /// <summary>The view of <paramref name="filter"/>, whose unit (when it has no talker) is set: callers check access first.</summary>
    public async Task<StatResult> ReadAsync(StatFilter filter, UnitTree tree, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentNullException.ThrowIfNull(tree);
        return filter.Talker is { } talker ? await ForTalkerAsync(filter, talker, tree, cancellationToken).ConfigureAwait(false)
            : filter.Unit is { } unit ? await ForUnitAsync(filter, unit, tree, cancellationToken).ConfigureAwait(false)
            : throw new ArgumentException("A view without a talker names its unit.", nameof(filter));
    }

    /// <summary>A unit's figures of a month, with those of each unit right below it: for the monthly report.</summary>
    public async Task<(MonthFigures Total, IReadOnlyList<StatLine> Below)> ReadUnitAsync(StatMonth month, UnitId unit, UnitTree tree, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tree);
        var all = new StatFilter(month, unit, null, null, null);
        var rows = await RowsAsync(month, month, StatRows.UnitPrefix, null, cancellationToken).ConfigureAwait(false);
        return (Sum(rows.Where(r => r.Row.Unit == unit.Value).Select(r => r.Row), all),
            [.. tree.Children(unit).Select(c => new StatLine(c.Id.Value, Sum(rows.Where(r => r.Row.Unit == c.Id.Value).Select(r => r.Row), all)))]);
    }

    // Three queries, run together: the month's unit rows (the unit and its children among them), its talker rows, and the
    // unit's rows of the twelve months in one range of partitions.
    private async Task<StatResult> ForUnitAsync(StatFilter filter, UnitId unit, UnitTree tree, CancellationToken cancellationToken)
    {
        var children = tree.Children(unit);
        var below = tree.SelfAndBelow(unit);
        var months = filter.Month.Series(SeriesMonths);
        var units = RowsAsync(filter.Month, filter.Month, StatRows.UnitPrefix, null, cancellationToken);
        var talkers = RowsAsync(filter.Month, filter.Month, StatRows.TalkerPrefix, TalkerColumns, cancellationToken);
        var series = RowsAsync(months[0], months[^1], StatRows.UnitRows(unit.Value), SeriesColumns, cancellationToken);
        await Task.WhenAll(units, talkers, series).ConfigureAwait(false);

        var byUnit = units.Result.Select(r => r.Row).ToLookup(r => r.Unit, StringComparer.Ordinal);
        var byMonth = series.Result.ToLookup(r => r.Month, r => r.Row);
        return new StatResult(
            filter,
            Sum(byUnit[unit.Value], filter),
            [.. children.Select(c => new StatLine(c.Id.Value, Sum(byUnit[c.Id.Value], filter)))],
            ByTalker(talkers.Result.Select(r => r.Row).Where(r => below.Contains(new UnitId(r.Unit))), filter),
            [.. months.Select(m => new StatPoint(m, Sum(byMonth[m], filter)))]);
    }

    // One query: the talker's rows of the twelve months.
    private async Task<StatResult> ForTalkerAsync(StatFilter filter, PersonId talker, UnitTree tree, CancellationToken cancellationToken)
    {
        var below = filter.Unit is { } unit ? tree.SelfAndBelow(unit) : null;
        bool InUnit(CounterRow r) => below is null || below.Contains(new UnitId(r.Unit));
        var months = filter.Month.Series(SeriesMonths);
        var byMonth = (await RowsAsync(months[0], months[^1], StatRows.TalkerRows(talker.Value), null, cancellationToken).ConfigureAwait(false))
            .ToLookup(r => r.Month, r => r.Row);
        var rows = byMonth[filter.Month].Where(InUnit).ToList();

        // The talker's figures by the unit they are counted in: the children of the asked unit, or the talkees' own units.
        var byUnit = filter.Unit is { } top
            ? tree.Children(top).Select(c => new StatLine(c.Id.Value, Sum(rows.Where(r => tree.IsWithin(new UnitId(r.Unit), c.Id)), filter)))
            : rows.GroupBy(r => r.Unit, StringComparer.Ordinal).Select(g => new StatLine(g.Key, Sum(g, filter)));
        return new StatResult(
            filter,
            Sum(rows, filter),
            [.. byUnit.Where(l => l.Figures.Counts.Count > 0)],
            ByTalker(rows, filter),
            [.. months.Select(m => new StatPoint(m, Sum(byMonth[m].Where(InUnit), filter)))]);
    }

    private static MonthFigures Sum(IEnumerable<CounterRow> rows, StatFilter filter)
    {
        var figures = new MonthFigures();
        foreach (var row in rows.Where(filter.Matches))
        {
            figures.Add(row.Figures);
        }

        return figures;
    }

    private static List<StatLine> ByTalker(IEnumerable<CounterRow> rows, StatFilter filter) =>
        [.. rows.Where(r => r.Talker is not null).GroupBy(r => r.Talker!, StringComparer.Ordinal).Select(g => new StatLine(g.Key, Sum(g, filter)))
            .Where(l => l.Figures.Counts.Count > 0)];

    /// <summary>
    /// The counter rows whose RowKey starts with <paramref name="prefix"/> in the month partitions from
    /// <paramref name="first"/> to <paramref name="last"/>: one query, however many months.
    /// </summary>
    private async Task<IReadOnlyList<(StatMonth Month, CounterRow Row)>> RowsAsync(StatMonth first, StatMonth last, string prefix, IEnumerable<string>? select,
        CancellationToken cancellationToken)
    {
        var filter = TableFilter.Of($"PartitionKey ge {first.ToString()} and PartitionKey le {last.ToString()} and RowKey ge {prefix} and RowKey lt {TableFilter.After(prefix)}");
        var rows = new List<(StatMonth, CounterRow)>();
        await foreach (var row in table.QueryAsync<TableEntity>(filter, select: select is null ? null : [.. select, nameof(ITableEntity.PartitionKey)],
            cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            if (StatMonth.TryParse(row.PartitionKey, out var month))
            {
                rows.Add((month, CounterRow.Of(row)));
            }
        }

        return rows;
    }
}
