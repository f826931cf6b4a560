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
/// Reads the counters (keys in <see cref="StatRows"/>) for one view: a unit's view reads its rolled-up rows and those of
/// its children, the talkers' rows of the month, and the unit's rows of each month of the series — a few range queries
/// of the month partitions, run together, whatever the size of the organisation's history.
/// </summary>
public sealed class StatisticsQuery(TableSet tables)
{
    /// <summary>How many months the series shows, the asked month last.</summary>
    public const int SeriesMonths = 12;

    private static readonly string[] TalkerColumns =
        [nameof(CounterRow.Unit), nameof(CounterRow.Tier), nameof(CounterRow.Kind), nameof(CounterRow.Talker), Figures.Plans, Figures.Planned, Figures.Scheduled, Figures.Completed];

    private readonly TableClient table = tables[StatRows.Table];

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
        var children = tree.Children(unit);
        var own = RowsAsync(month, StatRows.UnitRows(unit.Value), null, cancellationToken);
        var below = await Task.WhenAll(children.Select(c => RowsAsync(month, StatRows.UnitRows(c.Id.Value), null, cancellationToken))).ConfigureAwait(false);
        return (Sum(await own.ConfigureAwait(false), all), [.. children.Zip(below, (c, rows) => new StatLine(c.Id.Value, Sum(rows, all)))]);
    }

    private async Task<StatResult> ForUnitAsync(StatFilter filter, UnitId unit, UnitTree tree, CancellationToken cancellationToken)
    {
        var children = tree.Children(unit);
        var below = tree.SelfAndBelow(unit);
        var own = RowsAsync(filter.Month, StatRows.UnitRows(unit.Value), null, cancellationToken);
        var units = Task.WhenAll(children.Select(c => RowsAsync(filter.Month, StatRows.UnitRows(c.Id.Value), null, cancellationToken)));
        var talkers = RowsAsync(filter.Month, StatRows.TalkerPrefix, TalkerColumns, cancellationToken);
        var series = Task.WhenAll(filter.Month.Series(SeriesMonths).Select(m => RowsAsync(m, StatRows.UnitRows(unit.Value), null, cancellationToken)));
        await Task.WhenAll(own, units, talkers, series).ConfigureAwait(false);

        return new StatResult(
            filter,
            Sum(own.Result, filter),
            [.. children.Zip(units.Result, (c, rows) => new StatLine(c.Id.Value, Sum(rows, filter)))],
            ByTalker(talkers.Result.Where(r => below.Contains(new UnitId(r.Unit))), filter),
            [.. filter.Month.Series(SeriesMonths).Zip(series.Result, (m, rows) => new StatPoint(m, Sum(rows, filter)))]);
    }

    private async Task<StatResult> ForTalkerAsync(StatFilter filter, PersonId talker, UnitTree tree, CancellationToken cancellationToken)
    {
        var below = filter.Unit is { } unit ? tree.SelfAndBelow(unit) : null;
        bool InUnit(CounterRow r) => below is null || below.Contains(new UnitId(r.Unit));
        var months = filter.Month.Series(SeriesMonths);
        var series = await Task.WhenAll(months.Select(m => RowsAsync(m, StatRows.TalkerRows(talker.Value), null, cancellationToken))).ConfigureAwait(false);
        var rows = series[^1].Where(InUnit).ToList();

        // The talker's figures by the unit they are counted in: the children of the asked unit, or the talkees' own units.
        var byUnit = filter.Unit is { } top
            ? tree.Children(top).Select(c => new StatLine(c.Id.Value, Sum(rows.Where(r => tree.IsWithin(new UnitId(r.Unit), c.Id)), filter)))
            : rows.GroupBy(r => r.Unit, StringComparer.Ordinal).Select(g => new StatLine(g.Key, Sum(g, filter)));
        return new StatResult(
            filter,
            Sum(rows, filter),
            [.. byUnit.Where(l => l.Figures.Counts.Count > 0)],
            ByTalker(rows, filter),
            [.. months.Zip(series, (m, r) => new StatPoint(m, Sum(r.Where(InUnit), filter)))]);
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

    private async Task<IReadOnlyList<CounterRow>> RowsAsync(StatMonth month, string prefix, IEnumerable<string>? select, CancellationToken cancellationToken)
    {
        var rows = new List<CounterRow>();
        await foreach (var row in table.QueryAsync<TableEntity>(TableFilter.RowsStartingWith(month.ToString(), prefix), select: select, cancellationToken: cancellationToken)
            .ConfigureAwait(false))
        {
            rows.Add(CounterRow.Of(row));
        }

        return rows;
    }
}
