using TalkBot.Domain.Plans;
using TalkBot.Domain.Statistics;

namespace TalkBot.Bot.Features.Statistics;

/// <summary>
/// The statistics as the tab's page reads them: every label in zh-CN and en-US, every figure with the ledger and
/// filters that list the rows behind it (the page's month, unit, tier, talker and kind, and the figure's own filter).
/// Leads and cases are left out for whoever is not the office (<see cref="StatisticsScope.LeadsAndCases"/>).
/// </summary>
public static class StatisticsJson
{
    /// <summary>At most this many talkers are listed, lowest completion first; the total says how many there are.</summary>
    public const int MaxTalkers = 100;

    public static object Of(StatResult result, StatisticsApi.Checked request)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(request);
        var filter = result.Filter;
        var people = request.People;
        var baseFilters = Filters(filter);
        var shown = Shown(request.Scope);
        var talkers = Ordered(result.Talkers, people);
        return new
        {
            month = filter.Month.ToString(),
            filters = baseFilters,
            scope = new
            {
                unit = request.Scope.Unit?.Value,
                talker = request.Scope.Talker?.Value,
                leadsAndCases = request.Scope.LeadsAndCases,
            },
            sections = shown.Select(f => f.Section).Distinct().Select(s => new { key = s, label = Both(l => StatisticsCatalogue.SectionLabel(s, l)) }),
            figures = shown.Select(f => new
            {
                key = f.Key,
                section = f.Section,
                label = Both(f.Label),
                value = result.Figures[f.Key],
                link = new { ledger = f.Ledger, filters = With(baseFilters, f.FilterName, f.FilterValue) },
            }),
            rates = new
            {
                completion = result.Figures.CompletionRate,
                averageScore = result.Figures.AverageScore,
            },
            units = result.Units.Select(u => Line(u, Both(l => UnitName(people, u.Id, l)), With(baseFilters, "unit", u.Id))),
            talkers = talkers.Take(MaxTalkers).Select(t => Line(t, Both(_ => people.Name(new PersonId(t.Id))), With(baseFilters, "talker", t.Id))),
            talkersTotal = talkers.Count,
            series = result.Series.Select(p => new
            {
                month = p.Month.ToString(),
                planned = p.Figures[Figures.Planned],
                scheduled = p.Figures[Figures.Scheduled],
                completed = p.Figures[Figures.Completed],
                rate = p.Figures.CompletionRate,
            }),
            options = new
            {
                units = Options(request),
                tiers = Enum.GetValues<Tier>().Select(t => new { value = ((int)t).ToString(System.Globalization.CultureInfo.InvariantCulture), label = Both(l => StatisticsCatalogue.TierLabel(t, l)) }),
                kinds = Enum.GetValues<TalkKind>().Select(k => new { value = k.ToString(), label = Both(l => Labels.Of(k, l)) }),
            },
        };
    }

    /// <summary>The figures the viewer's scope shows: leads and cases for the office only.</summary>
    internal static List<StatFigure> Shown(StatisticsScope scope) =>
        [.. StatisticsCatalogue.All.Where(f => scope.LeadsAndCases || !StatisticsCatalogue.IsOfficeSection(f.Section))];

    /// <summary>Talkers lowest completion first (those with nothing scheduled last), then by name.</summary>
    internal static List<StatLine> Ordered(IEnumerable<StatLine> talkers, PeopleLookup people) =>
        [.. talkers.OrderBy(t => t.Figures.CompletionRate ?? 2).ThenBy(t => people.Name(new PersonId(t.Id)), StringComparer.Ordinal)];

    private static object Line(StatLine line, IReadOnlyDictionary<string, string> name, IReadOnlyDictionary<string, string?> filters) => new
    {
        id = line.Id,
        name,
        planned = line.Figures[Figures.Planned],
        scheduled = line.Figures[Figures.Scheduled],
        completed = line.Figures[Figures.Completed],
        rate = line.Figures.CompletionRate,
        link = new { ledger = "talks", filters = With(filters, "stage", Figures.Completed) },
    };

    /// <summary>The units the viewer may pick: their unit and those below, each with its depth for indenting.</summary>
    private static IEnumerable<object> Options(StatisticsApi.Checked request)
    {
        if (request.Scope.Unit is not { } top)
        {
            return [];
        }

        var list = new List<object>();
        void Walk(UnitId unit, int depth)
        {
            list.Add(new { value = unit.Value, depth, label = Both(l => UnitName(request.People, unit.Value, l)) });
            foreach (var child in request.Tree.Children(unit))
            {
                Walk(child.Id, depth + 1);
            }
        }

        Walk(top, 0);
        return list;
    }

    private static Dictionary<string, string?> Filters(StatFilter filter) => new(StringComparer.Ordinal)
    {
        ["month"] = filter.Month.ToString(),
        ["unit"] = filter.Unit?.Value,
        ["tier"] = filter.Tier is { } t ? ((int)t).ToString(System.Globalization.CultureInfo.InvariantCulture) : null,
        ["talker"] = filter.Talker?.Value,
        ["kind"] = filter.Kind?.ToString(),
    };

    private static Dictionary<string, string?> With(IReadOnlyDictionary<string, string?> filters, string name, string value) =>
        new(filters, StringComparer.Ordinal) { [name] = value };

    internal static string UnitName(PeopleLookup people, string id, Locale locale) =>
        id == StatRows.NoUnit ? locale.Pick("未分配单位", "No unit")
        : people.FindUnit(new UnitId(id)) is { } u ? locale.Pick(u.Name, u.NameEn ?? u.Name) : id;

    private static Dictionary<string, string> Both(Func<Locale, string> text) => new(StringComparer.Ordinal)
    {
        ["zh-CN"] = text(Locale.ZhCn),
        ["en-US"] = text(Locale.EnUs),
    };
}
