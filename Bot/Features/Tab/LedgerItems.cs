using TalkBot.Bot.Infrastructure.Exports;
using TalkBot.Domain.Ledgers;

namespace TalkBot.Bot.Features.Tab;

/// <summary>The five ledgers of the tab (台账).</summary>
public enum LedgerKind
{
    Talks,
    Leads,
    Cases,
    Tasks,
    /// <summary>谈话方案台账: the talks of the monthly plans (000 §三1), behind the statistics' plan figures.</summary>
    Plans,
}

/// <summary>
/// What a ledger line is filtered by: units, talkers, kind, tier, month (<c>yyyy-MM</c>), state, the names searched, and
/// the statistics' figures it stands behind (<see cref="Domain.Statistics.StatisticsRules.TalkFigures"/>, <see cref="Domain.Statistics.StatisticsRules.PlanFigures"/>:
/// a figure's link), and, where a figure counts the line in other units than <paramref name="Units"/>, those units by figure
/// (a plan counts in its talker's unit, a talkee planned in the talkee's).
/// </summary>
public sealed record LedgerFacets(IReadOnlyList<string> Units, IReadOnlyList<string> Talkers, string Kind, string? Tier, string Month, string State, string Names,
    IReadOnlyList<string>? Figures = null, IReadOnlyDictionary<string, IReadOnlyList<string>>? FigureUnits = null)
{
    /// <summary>The units the line is filtered by in a view of <paramref name="figure"/> (a figure's link), or in any other view.</summary>
    public IReadOnlyList<string> UnitsFor(string? figure) =>
        figure is not null && FigureUnits is not null && FigureUnits.TryGetValue(figure, out var units) ? units : Units;
}

/// <summary>One line of a ledger: typed cells (for the screen and the export), its deadline and what it is filtered by.</summary>
public sealed record LedgerItem(string Id, IReadOnlyList<object?> Cells, LedgerDeadline Deadline, LedgerFacets Facets);

/// <summary>The filters, sort and page of a ledger view, from the query string.</summary>
public sealed record LedgerQuery(string? Unit, string? Tier, string? Talker, string? Kind, string? Month, string? State, string? Search, int? Sort, bool Descending,
    int Page, int Size, string? Stage = null)
{
    public const int MaxSize = 200;

    /// <summary>The unit the view is filtered to, for the reader to read only what can pass.</summary>
    public UnitId? Within => Unit is { } unit ? new UnitId(unit) : null;

    public static LedgerQuery From(IQueryCollection query)
    {
        ArgumentNullException.ThrowIfNull(query);
        string? S(string key) => query[key].FirstOrDefault() is { Length: > 0 } v ? v.Trim() : null;
        int I(string key, int fallback) => int.TryParse(S(key), System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : fallback;
        return new(S("unit"), S("tier"), S("talker"), S("kind"), S("month"), S("state"), S("q"), S("sort") is null ? null : I("sort", 0),
            string.Equals(S("dir"), "desc", StringComparison.OrdinalIgnoreCase), Math.Max(1, I("page", 1)), Math.Clamp(I("size", 20), 1, MaxSize), S("stage"));
    }

    /// <summary>The lines that pass every filter, in the asked order (by default the reddest and most urgent first).</summary>
    public IReadOnlyList<LedgerItem> Apply(IEnumerable<LedgerItem> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        var kept = items.Where(i =>
            (Unit is null || i.Facets.UnitsFor(Stage).Contains(Unit, StringComparer.Ordinal))
            && (Tier is null || i.Facets.Tier == Tier)
            && (Talker is null || i.Facets.Talkers.Contains(Talker, StringComparer.Ordinal))
            && (Kind is null || i.Facets.Kind == Kind)
            && (Month is null || i.Facets.Month == Month)
            && (State is null || i.Facets.State == State)
            && (Stage is null || (i.Facets.Figures?.Contains(Stage, StringComparer.Ordinal) ?? false))
            && (Search is null || i.Facets.Names.Contains(Search, StringComparison.OrdinalIgnoreCase)));
        if (Sort is { } column)
        {
            var ordered = Descending
                ? kept.OrderByDescending(i => Key(i, column), CellComparer.Instance)
                : kept.OrderBy(i => Key(i, column), CellComparer.Instance);
            return [.. ordered.ThenBy(i => i.Id, StringComparer.Ordinal)];
        }

        return [.. kept.OrderByDescending(i => i.Deadline.Light).ThenBy(i => i.Deadline.Due ?? DateTimeOffset.MaxValue).ThenBy(i => i.Id, StringComparer.Ordinal)];
    }

    private static object? Key(LedgerItem item, int column) => column >= 0 && column < item.Cells.Count ? item.Cells[column] : null;

    private sealed class CellComparer : IComparer<object?>
    {
        public static CellComparer Instance { get; } = new();

        public int Compare(object? x, object? y) => (x, y) switch
        {
            (null, null) => 0,
            (null, _) => -1,
            (_, null) => 1,
            (DateTimeOffset a, DateTimeOffset b) => a.CompareTo(b),
            (DateOnly a, DateOnly b) => a.CompareTo(b),
            (int a, int b) => a.CompareTo(b),
            _ => string.CompareOrdinal(Convert.ToString(x, System.Globalization.CultureInfo.InvariantCulture), Convert.ToString(y, System.Globalization.CultureInfo.InvariantCulture)),
        };
    }
}

/// <summary>The columns of each ledger, in the reader's language (zh-CN first).</summary>
public static class LedgerColumns
{
    public static IReadOnlyList<SheetColumn> For(LedgerKind kind, Locale locale)
    {
        ArgumentNullException.ThrowIfNull(locale);
        SheetColumn T(string zh, string en, double width = 16) => new(locale.Pick(zh, en), SheetCellKind.Text, width);
        SheetColumn D(string zh, string en) => new(locale.Pick(zh, en), SheetCellKind.Date, 14);
        SheetColumn M(string zh, string en) => new(locale.Pick(zh, en), SheetCellKind.DateTime, 18);
        var tail = new[] { T("当前环节", "Step", 12), M("期限", "Due"), T("提示灯", "Light", 10) };
        SheetColumn[] head = kind switch
        {
            LedgerKind.Talks => [T("谈话对象", "Talkee"), T("单位", "Unit", 22), T("谈话人", "Talker"), T("谈话类型", "Kind", 14), T("层级", "Tier", 10),
                M("谈话时间", "Time"), T("状态", "State", 12), T("通知", "Notice", 18), T("廉政测试", "Quiz", 12)],
            LedgerKind.Leads => [T("对象", "Cadre"), T("单位", "Unit", 22), T("来源", "Source", 12), T("类别", "Category", 12), T("问题摘要", "Problem", 30),
                M("登记时间", "Registered"), T("状态", "State", 12)],
            LedgerKind.Cases => [T("对象", "Cadre"), T("单位", "Unit", 22), T("情形", "Situation", 24), T("提出人", "Proposed by"), M("提出时间", "Proposed"),
                T("状态", "State", 12)],
            LedgerKind.Plans => [T("谈话对象", "Talkee"), T("单位", "Unit", 22), T("谈话人", "Talker"), T("层级", "Tier", 10), T("谈话对象类别", "Line", 24),
                T("月份", "Month", 10), T("状态", "State", 20), M("谈话时间", "Time")],
            _ => [T("对象", "Cadre"), T("单位", "Unit", 22), T("事项", "Task", 16), T("承办人", "Assignee"), M("开始", "Opened"), D("截止日期", "Due date"),
                T("状态", "State", 12)],
        };
        return [.. head, .. tail];
    }

    public static string Step(LedgerStep step, Locale locale) => step switch
    {
        LedgerStep.Notice => locale.Pick("通知", "Notice"),
        LedgerStep.Record => locale.Pick("登记记录", "Record"),
        LedgerStep.Verification => locale.Pick("本人核实", "Verification"),
        LedgerStep.Rectification => locale.Pick("整改情况上报", "Rectification report"),
        LedgerStep.Material => locale.Pick("书面材料", "Written material"),
        LedgerStep.Approval => locale.Pick("审批", "Approval"),
        LedgerStep.Arrangement => locale.Pick("安排谈话", "Arrange the talk"),
        _ => "",
    };

    public static string Light(Light light, Locale locale) => light switch
    {
        Domain.Ledgers.Light.Red => locale.Pick("红灯（逾期）", "Red (overdue)"),
        Domain.Ledgers.Light.Yellow => locale.Pick("黄灯（过半）", "Yellow (half used)"),
        _ => "",
    };
}
