using System.Globalization;
using System.Text;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.Playwright;
using TalkBot.EndToEnd.Tests.Harness;

namespace TalkBot.EndToEnd.Tests;

/// <summary>
/// Issue 15 §4 on the 统计 page: the office narrows the month to one unit, reaches 导出 Excel and 导出 CSV by keyboard,
/// and the files, parsed back, hold what the page shows — every filter, figure, rate and table line — under zh-CN
/// headers with the header row frozen.
/// </summary>
public sealed partial class TabTests
{
    private const string Unit = "东城分局党委";
    private static readonly string[] StatisticsHeaders = ["部分", "项目", "数值", "计划人次", "安排人次", "完成人次", "完成率（%）"];

    /// <summary>The statistics as the page shows them: its filters, figures by section, rates and tables, all as the text on screen.</summary>
    private sealed record StatScreen(string[][] Filters, string[][] Figures, string[][] Rates, Dictionary<string, string[][]> Tables)
    {
        /// <summary>The line named <paramref name="name"/> of the table captioned <paramref name="caption"/>: name, planned, scheduled, completed, rate.</summary>
        public string[] Line(string caption, string name) => Tables[caption].Single(r => r[0] == name);
    }

    /// <summary>
    /// From the 统计 page of <paramref name="month"/>: filters it to <see cref="Unit"/>, checks that the figures narrowed to
    /// that unit's, then exports by keyboard and compares both files with the screen.
    /// </summary>
    private async Task ExportsTheUnitsStatisticsAsync(TabPage office, string month)
    {
        var page = office.Page;
        await page.ClickAsync("#nav-statistics");
        await ApplyStatisticsFilterAsync(page, () => page.FillAsync(".stat-filters input[type=month]", month));
        var whole = await ReadStatisticsAsync(page);
        await ApplyStatisticsFilterAsync(page, () => page.EvaluateAsync("""
            (name) => {
              const select = document.querySelector('.stat-filters select[name$="-unit"]');
              select.value = [...select.options].find(o => o.text.trim() === name).value;
            }
            """, Unit));
        var unit = await ReadStatisticsAsync(page);

        // The filter narrows the figures: the month's line of the unit's series is the unit's line of the whole bureau,
        // which holds the talk just arranged, and the table by unit now lists only the units below it.
        Assert.Contains(new[] { "单位", Unit }, unit.Filters);
        Assert.Equal(whole.Line("各单位完成率", Unit)[1..4], unit.Line("逐月完成率", month)[1..4]);
        Assert.True(long.Parse(unit.Line("逐月完成率", month)[2], CultureInfo.InvariantCulture) > 0);
        Assert.Equal(new[] { "东城分局城关派出所", "东城分局治安大队党支部" }.Order(StringComparer.Ordinal), unit.Tables["各单位完成率"].Select(r => r[0]).Order(StringComparer.Ordinal));
        Assert.Contains(whole.Tables["各单位完成率"], r => r[0] == "西城分局党委");

        // Both buttons are labelled, in a labelled group, and the next stops after the filters' 查询 on the keyboard.
        var group = page.GetByRole(AriaRole.Group, new() { Name = "导出本页统计", Exact = true });
        Assert.Equal(1, await group.GetByRole(AriaRole.Button, new() { Name = "导出 Excel", Exact = true }).CountAsync());
        Assert.Equal(1, await group.GetByRole(AriaRole.Button, new() { Name = "导出 CSV", Exact = true }).CountAsync());
        await page.FocusAsync(".stat-filters button[type=submit]");
        var xlsx = await DownloadByKeyboardAsync(page, "导出 Excel", $"统计-{month}.xlsx");
        var csv = await DownloadByKeyboardAsync(page, "导出 CSV", $"统计-{month}.csv");
        await page.ScreenshotAsync(new() { Path = Path.Combine(RepoPaths.Artifacts, "tab-statistics-export.png"), FullPage = true });

        using (var workbook = SpreadsheetDocument.Open(xlsx, false))
        {
            var pane = workbook.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<Pane>().Single();
            Assert.Equal(PaneStateValues.Frozen, pane.State?.Value);
            Assert.Equal(1d, pane.VerticalSplit?.Value);
            Assert.Equal("A2", pane.TopLeftCell?.Value);
        }

        var sheet = ReadSheet(xlsx).Select(TrimEnd).ToList();
        Assert.Equal(StatisticsHeaders, sheet[0]);
        AssertSheetHoldsTheScreen(sheet.Skip(1).ToList(), unit);
        var lines = ReadCsv(csv).Select(TrimEnd).ToList();
        Assert.Equal(sheet.Count, lines.Count);
        Assert.All(sheet.Zip(lines), p => Assert.Equal(p.First, p.Second));
    }

    /// <summary>Changes the filters with <paramref name="change"/>, submits them and waits for the page to be drawn again.</summary>
    private static async Task ApplyStatisticsFilterAsync(IPage page, Func<Task> change)
    {
        await page.WaitForSelectorAsync(".stat-filters");
        await page.EvalOnSelectorAsync(".stat-filters", "form => { form.dataset.drawn = 'before'; }");
        await change();
        await page.ClickAsync(".stat-filters button[type=submit]");
        await page.WaitForSelectorAsync(".stat-filters:not([data-drawn])");
    }

    /// <summary>Tab from where the focus is onto the button named <paramref name="name"/>, Enter, and the download saved under its suggested name.</summary>
    private static async Task<string> DownloadByKeyboardAsync(IPage page, string name, string expectedName)
    {
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal(name, await page.EvaluateAsync<string>("() => document.activeElement.tagName === 'BUTTON' ? document.activeElement.textContent : ''"));
        var download = await page.RunAndWaitForDownloadAsync(() => page.Keyboard.PressAsync("Enter"));
        Assert.Equal(expectedName, download.SuggestedFilename);
        var file = Path.Combine(RepoPaths.Artifacts, $"{Guid.NewGuid():N}-{download.SuggestedFilename}");
        await download.SaveAsAsync(file);
        return file;
    }

    /// <summary>Every row of the export is a filter, figure, rate or table line on screen, with the same text and numbers, and every one on screen is there.</summary>
    private static void AssertSheetHoldsTheScreen(List<string[]> rows, StatScreen screen)
    {
        Assert.Equal(screen.Filters.Select(f => f[1]), rows.Where(r => r[0] == "筛选条件").Select(r => r[2]));
        Assert.Equal(screen.Filters.Select(f => f[0]), rows.Where(r => r[0] == "筛选条件").Select(r => r[1]));
        Assert.Equal(screen.Figures.Select(f => string.Join('|', f)), rows.Where(r => r.Length == 3 && r[0] is not ("筛选条件" or "比率")).Select(r => string.Join('|', r)));

        var rates = rows.Where(r => r[0] == "比率").ToList();
        Assert.Equal(new[] { "完成率（%）", "测试平均分" }, rates.Select(r => r[1]));
        AssertSameRate(screen.Rates[0][1], rates[0].ElementAtOrDefault(2));
        Assert.Equal(screen.Rates[1][1], rates[1].ElementAtOrDefault(2) is { Length: > 0 } score
            ? double.Parse(score, CultureInfo.InvariantCulture).ToString("0.0", CultureInfo.InvariantCulture) : "无");

        foreach (var (caption, shown) in screen.Tables)
        {
            var exported = rows.Where(r => r[0] == caption).ToList();
            Assert.True(shown.Length == exported.Count, $"{caption}: {shown.Length} lines on screen, {exported.Count} exported");
            Assert.All(shown.Zip(exported), p =>
            {
                Assert.Equal(p.First[..4], new[] { p.Second[1] }.Concat(p.Second[3..6]));
                AssertSameRate(p.First[4], p.Second.ElementAtOrDefault(6));
            });
        }

        Assert.Equal(screen.Filters.Length + screen.Figures.Length + 2 + screen.Tables.Values.Sum(t => t.Length), rows.Count);
    }

    /// <summary>The page shows a rate as a whole percent or 无; the export to a tenth of a percent, or empty.</summary>
    private static void AssertSameRate(string shown, string? exported)
    {
        if (shown == "无")
        {
            Assert.True(string.IsNullOrEmpty(exported), $"the page shows 无, the export {exported}");
            return;
        }

        var percent = double.Parse(shown.TrimEnd('%'), CultureInfo.InvariantCulture);
        Assert.True(Math.Abs(double.Parse(exported!, CultureInfo.InvariantCulture) - percent) <= 0.55, $"the page shows {shown}, the export {exported}");
    }

    private static async Task<StatScreen> ReadStatisticsAsync(IPage page)
    {
        var json = await page.EvaluateAsync<string>("""
            () => {
              const body = document.querySelector('.stat-body');
              const text = (node) => node.innerText.trim();
              const filters = [...body.querySelectorAll('.stat-filters .field')].map(f => {
                const control = f.querySelector('input, select');
                return [text(f.querySelector('label')), control.tagName === 'SELECT' ? control.selectedOptions[0].text.trim() : control.value];
              });
              const figures = [...body.querySelectorAll('section.stat-section')].flatMap(s => [...s.querySelectorAll('button.stat-figure')]
                .map(b => [s.getAttribute('aria-label'), text(b.querySelector('.stat-label')), text(b.querySelector('.stat-value'))]));
              const rates = [...body.querySelectorAll('.stat-rates dt')].map(dt => [text(dt), text(dt.nextElementSibling)]);
              const tables = Object.fromEntries([...body.querySelectorAll('.stat-table table')].map(t =>
                [text(t.caption), [...t.tBodies[0].rows].map(r => [...r.cells].map(text))]));
              return JSON.stringify({ filters, figures, rates, tables });
            }
            """);
        var root = JsonDocument.Parse(json).RootElement;
        static string[][] Rows(JsonElement e) => [.. e.EnumerateArray().Select(r => r.EnumerateArray().Select(c => c.GetString()!).ToArray())];
        return new StatScreen(Rows(root.GetProperty("filters")), Rows(root.GetProperty("figures")), Rows(root.GetProperty("rates")),
            root.GetProperty("tables").EnumerateObject().ToDictionary(t => t.Name, t => Rows(t.Value), StringComparer.Ordinal));
    }

    /// <summary>A CSV file's rows (RFC 4180 quoting), past its byte order mark.</summary>
    private static List<string[]> ReadCsv(string path)
    {
        var text = File.ReadAllText(path, Encoding.UTF8).TrimStart('\uFEFF');
        var rows = new List<string[]>();
        var row = new List<string>();
        var cell = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    cell.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    cell.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c is ',' or '\n')
            {
                row.Add(cell.ToString().TrimEnd('\r'));
                cell.Clear();
                if (c == '\n')
                {
                    rows.Add([.. row]);
                    row.Clear();
                }
            }
            else
            {
                cell.Append(c);
            }
        }

        return rows;
    }

    /// <summary>A row without its empty cells at the end: the Excel sheet writes every column, the CSV only those a row has.</summary>
    private static string[] TrimEnd(string[] row) => row[..(Array.FindLastIndex(row, c => c.Length > 0) + 1)];
}
