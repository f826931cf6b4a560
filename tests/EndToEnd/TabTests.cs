using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.Playwright;
using TalkBot.EndToEnd.Tests.Harness;
using Xunit.Abstractions;

namespace TalkBot.EndToEnd.Tests;

/// <summary>
/// Issue 15's tab in Debian's chromium, signed in with the demo sign-in: the office (陈静) sees the talks of the whole
/// bureau, a talker (王正清) the talks he holds, a cadre (周海涛) his own and never the leads; a filter narrows the talk
/// ledger; after the test clock passes the talks, their lights turn red; the Excel export holds the rows on screen; and
/// no request leaves 127.0.0.1.
/// </summary>
public sealed partial class TabTests(PeersFixture peers, ITestOutputHelper output) : EndToEndTest(peers, output)
{
    private const string Talkers = "谈话人";

    [Fact]
    public Task Tab_ShowsEachPersonWhatTheyMaySee_FiltersLightsUpAndExportsTheRowsOnScreen() => RunScenarioAsync(async playground =>
    {
        var marker = Guid.NewGuid().ToString("N")[..6];
        await playground.OpenEveryoneAsync();
        await playground.CreateRoutineTalkAsync(DemoRoles.FirstCadre, DemoRoles.Talker, DemoRoles.Recorder, "第一会议室" + marker);
        // 000 §二4: 吴志刚 talks to 黄磊 with no assistant, so 王正清 (who assists the tier-1 talks) takes no part in it.
        await playground.CreateRoutineTalkAsync("黄磊", "吴志刚", DemoRoles.Recorder, "第二会议室" + marker);

        var outside = new List<string>();
        await using var office = await OpenTabAsync("陈静", outside);
        var all = await RowsAsync(office);
        Assert.Contains(all, r => r["谈话对象"].Contains(DemoRoles.FirstCadre, StringComparison.Ordinal));
        Assert.Contains(all, r => r["谈话对象"].Contains("黄磊", StringComparison.Ordinal));
        Assert.True(await office.Page.Locator("#ledger-leads").IsVisibleAsync());

        // A filter narrows the ledger: only 吴志刚's talks remain.
        await office.Page.SelectOptionAsync("#filter-talker", new SelectOptionValue { Label = "吴志刚" });
        await office.Page.ClickAsync("#filter-apply");
        var filtered = await RowsAsync(office, rows => rows.All(r => r[Talkers].Contains("吴志刚", StringComparison.Ordinal)));
        Assert.NotEmpty(filtered);
        Assert.True(filtered.Count < all.Count);

        await using (var talker = await OpenTabAsync(DemoRoles.Talker, outside))
        {
            var his = await RowsAsync(talker);
            Assert.NotEmpty(his);
            Assert.All(his, r => Assert.Contains(DemoRoles.Talker, r[Talkers] + r["谈话对象"], StringComparison.Ordinal));
            Assert.DoesNotContain(his, r => r["谈话对象"].Contains("黄磊", StringComparison.Ordinal));
        }

        await using (var cadre = await OpenTabAsync(DemoRoles.FirstCadre, outside, phone: true))
        {
            var own = await RowsAsync(cadre);
            Assert.NotEmpty(own);
            Assert.All(own, r => Assert.Contains(DemoRoles.FirstCadre, r["谈话对象"] + r[Talkers], StringComparison.Ordinal));
            Assert.False(await cadre.Page.Locator("#ledger-leads").IsVisibleAsync());
            var status = await cadre.Page.EvaluateAsync<int>("async () => (await fetch('/api/tab/ledgers/leads', { credentials: 'same-origin' })).status");
            Assert.Equal(403, status);
        }

        // Past the talks with no record logged: the record is overdue, the light red.
        await Peers.AdvanceBotClockAsync(TimeSpan.FromDays(10));
        await office.Page.ReloadAsync();
        await office.Page.FillAsync("#filter-q", "黄磊");
        await office.Page.ClickAsync("#filter-apply");
        var late = await RowsAsync(office, rows => rows.Count > 0 && rows.All(r => r["谈话对象"].Contains("黄磊", StringComparison.Ordinal)));
        Assert.Contains(late, r => r["提示灯"].Contains("红灯", StringComparison.Ordinal));
        Assert.True(await office.Page.Locator("#ledger tbody tr[data-light='red'] .light.red").CountAsync() > 0);

        // The export of this view holds the rows on screen.
        var download = await office.Page.RunAndWaitForDownloadAsync(() => office.Page.ClickAsync("#export-xlsx"));
        Assert.Matches(@"^谈话台账-\d{8}\.xlsx$", download.SuggestedFilename);
        var file = Path.Combine(RepoPaths.Artifacts, $"ledger-{marker}.xlsx");
        await download.SaveAsAsync(file);
        var exported = ReadSheet(file);
        Assert.Equal(late.Select(r => r["谈话对象"]).Order(), exported.Skip(1).Select(r => r[0]).Order());
        Assert.Equal("谈话对象", exported[0][0]);
        await office.Page.ScreenshotAsync(new() { Path = Path.Combine(RepoPaths.Artifacts, "tab-ledger.png"), FullPage = true });

        Assert.Empty(outside);
    });

    private static List<string[]> ReadSheet(string path)
    {
        using var workbook = SpreadsheetDocument.Open(path, false);
        var part = workbook.WorkbookPart!;
        var shared = part.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(i => i.InnerText).ToList() ?? [];
        string Text(Cell c) => c.DataType?.Value == CellValues.SharedString ? shared[int.Parse(c.CellValue!.Text, System.Globalization.CultureInfo.InvariantCulture)]
            : c.DataType?.Value == CellValues.InlineString ? c.InlineString!.InnerText : c.CellValue?.Text ?? "";
        return [.. part.WorksheetParts.Single().Worksheet.Descendants<Row>().Select(r => r.Elements<Cell>().Select(Text).ToArray())];
    }
}
