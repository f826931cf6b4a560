using System.Globalization;
using System.Net;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.Extensions.DependencyInjection;
using TalkBot.Bot.Infrastructure.Audit;
using TalkBot.Bot.Tests.Support;
using TalkBot.Domain.Audit;
using static TalkBot.Bot.Tests.Features.Statistics.StatisticsSetup;

namespace TalkBot.Bot.Tests.Features.Statistics;

/// <summary>
/// Issue 15 §4 on Azurite: the month's statistics exported as Excel (and CSV), read back and compared, figure by figure,
/// with what the statistics API shows the same viewer; refused as the page is; every export audited.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class StatisticsExportTests(AzuriteFixture azurite)
{
    private static readonly string[] Headers = ["部分", "项目", "数值", "计划人次", "安排人次", "完成人次", "完成率（%）"];

    [Fact]
    public async Task ExcelExport_HoldsEveryFigureOfTheView_AsTheApiShowsIt_WithChineseHeaders_AFrozenHeader_AndIsAudited()
    {
        await using var bot = await MonthAsync(azurite);
        var (_, body) = await GetAsync(bot, Person.Office);

        var (status, sheet, frozen) = await ExportAsync(bot, Person.Office, "month=2026-03&format=xlsx");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.True(frozen);
        Assert.Equal(Headers, sheet[0]);
        var sections = body.GetProperty("sections").EnumerateArray().ToDictionary(s => s.GetProperty("key").GetString()!, s => Zh(s.GetProperty("label")));
        var figures = body.GetProperty("figures").EnumerateArray().ToList();
        Assert.Contains(figures, f => f.GetProperty("section").GetString() == "leads");
        foreach (var figure in figures)
        {
            var row = Single(sheet, sections[figure.GetProperty("section").GetString()!], Zh(figure.GetProperty("label")));
            Assert.Equal(figure.GetProperty("value").GetInt64().ToString(CultureInfo.InvariantCulture), row[2]);
        }

        Assert.Equal("50", Single(sheet, "比率", "完成率（%）")[2]);
        Assert.Equal("10", Single(sheet, "比率", "测试平均分")[2]);
        Assert.Equal("2026-03", Single(sheet, "筛选条件", "月份")[2]);
        Assert.Equal("测试局", Single(sheet, "筛选条件", "单位")[2]);
        var lines = new (string Section, string Property)[] { ("各单位完成率", "units"), ("各谈话人完成率", "talkers"), ("逐月完成率", "series") };
        foreach (var (section, property) in lines)
        {
            var expected = body.GetProperty(property).EnumerateArray().Select(Line).ToList();
            Assert.NotEmpty(expected);
            Assert.Equal(expected, sheet.Where(r => r[0] == section).Select(r => r[1..]).ToList());
        }

        // Nothing more than the view: its filters, its figures, two rates and its lines.
        Assert.Equal(1 + 5 + figures.Count + 2 + lines.Sum(l => body.GetProperty(l.Property).GetArrayLength()), sheet.Count);
        var log = await bot.Services.GetRequiredService<AuditLog>().ListAsync(bot.Clock.GetUtcNow(), 50, default);
        Assert.Single(log, e => e.Action == AuditAction.Export && e.Object == AuditObject.Statistics && e.ObjectId.StartsWith("2026-03|bureau|", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Export_OutsideTheViewersScope_IsRefusedAndAudited_AndATalkersHoldsOnlyTheirTalks_WithoutLeads()
    {
        await using var bot = await MonthAsync(azurite);

        // 李干部 heads 第一基层党委: its leadership, not the bureau's (SPEC §6).
        var (above, _, _) = await ExportAsync(bot, Person.Cadre1, "month=2026-03&unit=bureau&format=xlsx");
        var (stranger, _, _) = await ExportAsync(bot, Person.Stranger, "month=2026-03&format=xlsx");
        var (otherTalker, _, _) = await ExportAsync(bot, Person.Cadre2, $"month=2026-03&talker={Person.Leader.AadObjectId}&format=xlsx");
        var (badFormat, _, _) = await ExportAsync(bot, Person.Office, "month=2026-03&format=pdf");
        var (talkerStatus, talker, _) = await ExportAsync(bot, Person.Leader, "month=2026-03&format=xlsx");

        Assert.Equal(HttpStatusCode.Forbidden, above);
        Assert.Equal(HttpStatusCode.Forbidden, stranger);
        Assert.Equal(HttpStatusCode.Forbidden, otherTalker);
        Assert.Equal(HttpStatusCode.BadRequest, badFormat);
        Assert.Equal(HttpStatusCode.OK, talkerStatus);
        Assert.Equal("钱组长", Single(talker, "筛选条件", "谈话人")[2]);
        Assert.Equal("2", Single(talker, "谈话（人次）", "已安排")[2]);
        Assert.DoesNotContain(talker, r => r[0] is "问题线索" or "诫勉谈话");
        var log = await bot.Services.GetRequiredService<AuditLog>().ListAsync(bot.Clock.GetUtcNow(), 50, default);
        var statistics = log.Where(e => e.Object == AuditObject.Statistics).ToList();
        Assert.Equal(2, statistics.Count(e => e.Action == AuditAction.Refused));
        Assert.Single(statistics, e => e.Action == AuditAction.Export);
    }

    [Fact]
    public async Task CsvExport_HoldsTheSameRowsAsTheExcelOne()
    {
        await using var bot = await MonthAsync(azurite);
        var (_, xlsx, _) = await ExportAsync(bot, Person.Office, "month=2026-03&format=xlsx");

        using var client = TabSignIn.ClientAs(bot, Person.Office);
        using var response = await client.GetAsync("/api/tab/statistics/export?month=2026-03&format=csv");
        var csv = (await response.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => l.TrimEnd('\r').Split(',')).ToList();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(xlsx.Count, csv.Count);
        Assert.Equal(xlsx.Select(r => string.Join(',', r[..2])), csv.Select(r => string.Join(',', r[..2])));
    }

    /// <summary>A line of the API (a unit, a talker, a month) as the sheet holds it: name, no value, planned, scheduled, completed, rate in %.</summary>
    private static string[] Line(JsonElement line)
    {
        var name = line.TryGetProperty("name", out var n) ? Zh(n) : line.GetProperty("month").GetString()!;
        var rate = line.GetProperty("rate");
        return [name, "", Count(line, "planned"), Count(line, "scheduled"), Count(line, "completed"),
            rate.ValueKind == JsonValueKind.Null ? "" : Math.Round(rate.GetDouble() * 100, 1).ToString(CultureInfo.InvariantCulture)];
    }

    private static string Count(JsonElement line, string name) => line.GetProperty(name).GetInt64().ToString(CultureInfo.InvariantCulture);

    private static string Zh(JsonElement both) => both.GetProperty("zh-CN").GetString()!;

    private static string[] Single(List<string[]> sheet, string section, string item) => Assert.Single(sheet, r => r[0] == section && r[1] == item);

    /// <summary>GET the export as <paramref name="person"/>: the status, the sheet's cells as text (7 columns a row) and whether its first row is frozen.</summary>
    private static async Task<(HttpStatusCode Status, List<string[]> Rows, bool Frozen)> ExportAsync(BotUnderTest bot, Person person, string query)
    {
        using var client = TabSignIn.ClientAs(bot, person);
        using var response = await client.GetAsync("/api/tab/statistics/export?" + query);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            return (response.StatusCode, [], false);
        }

        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType?.MediaType);
        using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        using var workbook = SpreadsheetDocument.Open(stream, false);
        var sheet = workbook.WorkbookPart!.WorksheetParts.Single().Worksheet;
        var pane = sheet.Descendants<Pane>().SingleOrDefault();
        var rows = sheet.Descendants<Row>().Select(row =>
        {
            var cells = new string[Headers.Length];
            Array.Fill(cells, "");
            var index = 0;
            foreach (var cell in row.Elements<Cell>())
            {
                index = cell.CellReference?.Value is { } reference ? reference[0] - 'A' : index;
                cells[index++] = Text(workbook, cell);
            }

            return cells;
        }).ToList();
        return (response.StatusCode, rows, pane?.State?.Value == PaneStateValues.Frozen && pane.VerticalSplit?.Value == 1d);
    }

    private static string Text(SpreadsheetDocument workbook, Cell cell) => cell.DataType?.Value == CellValues.SharedString
        ? workbook.WorkbookPart!.SharedStringTablePart!.SharedStringTable.Elements<SharedStringItem>().ElementAt(int.Parse(cell.CellValue!.Text, CultureInfo.InvariantCulture)).InnerText
        : cell.DataType?.Value == CellValues.InlineString ? cell.InlineString!.InnerText : cell.CellValue?.Text ?? "";
}
