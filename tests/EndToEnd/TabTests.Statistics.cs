using System.Text.Json;

namespace TalkBot.EndToEnd.Tests;

/// <summary>
/// Issue 15's 统计 in Debian's chromium: the office opens the statistics of the month of a talk it just arranged; Chart.js
/// (served by the bot) draws the charts, whose datasets hold the figures the page was given; a figure opens the talks
/// behind it; filtered to a unit, its Excel and CSV exports hold the figures on screen; the console reports no error and
/// no request leaves 127.0.0.1.
/// </summary>
public sealed partial class TabTests
{
    /// <summary>What a chart on the page holds: Chart.js's labels and first dataset, how many of its pixels are drawn, and its height on screen.</summary>
    private sealed record DrawnChart(string[] Labels, double?[] Data, int Painted, double Height);

    [Fact]
    public Task Statistics_DrawsItsCharts_WithThePagesFigures_AFigureOpensTheTalksBehindIt_AndTheUnitsExportHoldsTheScreen() => RunScenarioAsync(async playground =>
    {
        await playground.OpenEveryoneAsync();
        await playground.CreateRoutineTalkAsync(DemoRoles.FirstCadre, DemoRoles.Talker, DemoRoles.Recorder, "第三会议室" + Guid.NewGuid().ToString("N")[..6]);

        var outside = new List<string>();
        await using var office = await OpenTabAsync("陈静", outside);
        // The month of the talk just arranged: the latest of this pair's talks (scenarios share the bot, and the clock only moves on).
        await office.Page.FillAsync("#filter-q", DemoRoles.FirstCadre);
        await office.Page.ClickAsync("#filter-apply");
        var pair = await RowsAsync(office, rows => rows.Count > 0 && rows.All(r => r["谈话对象"].Contains(DemoRoles.FirstCadre, StringComparison.Ordinal)));
        var month = pair.Where(r => r[Talkers].Contains(DemoRoles.Talker, StringComparison.Ordinal)).Max(r => r["谈话时间"])![..7];

        await office.Page.ClickAsync("#nav-statistics");
        await office.Page.FillAsync(".stat-filters input[type=month]", month);
        await office.Page.ClickAsync(".stat-filters button[type=submit]");
        var series = await ChartAsync(office, "逐月完成率", month);
        var units = await ChartAsync(office, "各单位完成率");
        var page = await GetJsonAsync(office, $"/api/tab/statistics?month={month}&locale=zh-CN");

        // Drawn, and holding the page's figures: each month's completion rate in percent, none where nothing was scheduled.
        Assert.True(series.Painted > 500, $"the month-by-month chart has {series.Painted} painted pixels");
        Assert.True(units.Painted > 500, $"the chart by unit has {units.Painted} painted pixels");
        // A strip for the months, a bar's height for each unit: not as tall as the page is wide (1300 px).
        Assert.InRange(series.Height, 150, 300);
        Assert.InRange(units.Height, 100, 80 + 40 * units.Labels.Length);
        var points = page.GetProperty("series").EnumerateArray().ToList();
        Assert.Equal(points.Select(p => p.GetProperty("month").GetString()!), series.Labels);
        AssertRates(points.Select(p => p.GetProperty("rate")), series.Data);
        Assert.True(points.Single(p => p.GetProperty("month").GetString() == month).GetProperty("scheduled").GetInt64() > 0);
        var unitLines = page.GetProperty("units").EnumerateArray().ToList();
        Assert.Equal(unitLines.Select(u => u.GetProperty("name").GetProperty("zh-CN").GetString()!), units.Labels);
        AssertRates(unitLines.Select(u => u.GetProperty("rate")), units.Data);

        await office.Page.ScreenshotAsync(new() { Path = Path.Combine(Harness.RepoPaths.Artifacts, "tab-statistics.png"), FullPage = true });

        // 已安排 opens the talks it counts: as many talkees, of this month only, none cancelled, the talk just arranged among them.
        var figure = page.GetProperty("figures").EnumerateArray().Single(f => f.GetProperty("key").GetString() == "Scheduled");
        var link = figure.GetProperty("link");
        var query = string.Join('&', link.GetProperty("filters").EnumerateObject().Where(f => f.Value.ValueKind == JsonValueKind.String)
            .Select(f => $"{f.Name}={Uri.EscapeDataString(f.Value.GetString()!)}"));
        await office.Page.ClickAsync("button.stat-figure[aria-label^='已安排:']");
        await office.Page.WaitForSelectorAsync("#ledger-summary:not(:empty)");
        var shown = await RowsAsync(office, rows => rows.Count > 0);
        var behind = (await GetJsonAsync(office, $"/api/tab/ledgers/{link.GetProperty("ledger").GetString()}?{query}&size=200&locale=zh-CN"))
            .GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("cells").EnumerateArray().Select(c => c.GetString() ?? "").ToArray()).ToList();
        Assert.Equal(figure.GetProperty("value").GetInt64(), behind.Sum(r => (long)r[0].Split('、').Length));
        Assert.All(behind, r => Assert.StartsWith(month, r[5], StringComparison.Ordinal));
        Assert.DoesNotContain(behind, r => r[6] == "已取消");
        Assert.Contains(behind, r => r[0].Contains(DemoRoles.FirstCadre, StringComparison.Ordinal) && r[2].Contains(DemoRoles.Talker, StringComparison.Ordinal));
        Assert.Equal(Math.Min(20, behind.Count), shown.Count);
        Assert.All(shown, r => Assert.StartsWith(month, r["谈话时间"], StringComparison.Ordinal));
        Assert.Contains($"共 {behind.Count} 条", await office.Page.InnerTextAsync("#ledger-summary"), StringComparison.Ordinal);
        await office.Page.ScreenshotAsync(new() { Path = Path.Combine(Harness.RepoPaths.Artifacts, "tab-statistics-link.png"), FullPage = true });

        // 东城分局党委's figures of the month, exported by keyboard to Excel and CSV: the files hold what the page shows.
        await ExportsTheUnitsStatisticsAsync(office, month);

        Assert.Empty(outside);
        Assert.True(office.Errors.Count == 0, "console errors:\n" + string.Join('\n', office.Errors));
    });

    /// <summary>A chart's points are the page's rates in percent (rounded to a tenth), and none where there is no rate.</summary>
    private static void AssertRates(IEnumerable<JsonElement> rates, IReadOnlyList<double?> drawn)
    {
        var expected = rates.Select(r => r.ValueKind == JsonValueKind.Null ? (double?)null : r.GetDouble() * 100).ToList();
        Assert.Equal(expected.Count, drawn.Count);
        Assert.All(expected.Zip(drawn), p => Assert.True(p.First is null ? p.Second is null : p.Second is { } d && Math.Abs(d - p.First.Value) <= 0.051,
            $"drawn {p.Second}, expected {p.First}"));
    }

    /// <summary>A GET of the bot's API from the page, with its sign-in.</summary>
    private static async Task<JsonElement> GetJsonAsync(TabPage tab, string path)
    {
        var json = await tab.Page.EvaluateAsync<string>("async (path) => (await fetch(path, { credentials: 'same-origin' })).text()", path);
        return JsonDocument.Parse(json).RootElement.Clone();
    }

    /// <summary>
    /// The chart of the section labelled <paramref name="section"/> once Chart.js has drawn it (and, for the series, drawn
    /// it up to <paramref name="lastLabel"/>: the page's month, not the one it opened with).
    /// </summary>
    private static async Task<DrawnChart> ChartAsync(TabPage tab, string section, string? lastLabel = null)
    {
        const string script = """
            ([label, last]) => {
              const canvas = document.querySelector(`section[aria-label="${label}"] canvas.stat-chart`);
              const chart = canvas && globalThis.Chart && Chart.getChart(canvas);
              if (!chart || canvas.width === 0 || (last && String(chart.data.labels.at(-1)) !== last)) return null;
              const pixels = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
              let painted = 0;
              for (let i = 3; i < pixels.length; i += 4) if (pixels[i] > 0) painted++;
              return JSON.stringify({ labels: chart.data.labels.map(String), data: chart.data.datasets[0].data, painted, height: canvas.getBoundingClientRect().height });
            }
            """;
        object?[] args = [section, lastLabel];
        await tab.Page.WaitForFunctionAsync(script, args);
        var drawn = JsonDocument.Parse(await tab.Page.EvaluateAsync<string>(script, args)).RootElement;
        return new DrawnChart(
            [.. drawn.GetProperty("labels").EnumerateArray().Select(l => l.GetString()!)],
            [.. drawn.GetProperty("data").EnumerateArray().Select(d => d.ValueKind == JsonValueKind.Null ? (double?)null : d.GetDouble())],
            drawn.GetProperty("painted").GetInt32(),
            drawn.GetProperty("height").GetDouble());
    }
}
