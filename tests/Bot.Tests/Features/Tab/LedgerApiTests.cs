using System.Net;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.Extensions.DependencyInjection;
using TalkBot.Bot.Features.Tab;
using TalkBot.Bot.Infrastructure.Audit;
using TalkBot.Bot.Tests.Support;
using TalkBot.Cards;

namespace TalkBot.Bot.Tests.Features.Tab;

/// <summary>
/// The tab's ledgers on Azurite: who sees which talks (the office of a level and below, a talker the talks they hold, a
/// cadre their own), the leads ledger refused to anyone but the office, filters, lights once the clock moves, the Excel
/// export read back, and every view and export in the audit log.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class LedgerApiTests(AzuriteFixture azurite)
{
    private static readonly TimeSpan Cst = TimeSpan.FromHours(8);
    private static readonly DateTimeOffset Monday = new(2026, 3, 2, 10, 0, 0, Cst);
    private const string FormA = "0195a0b2c3d47e8f9a0b1c2d3e4f5a71";
    private const string FormB = "0195a0b2c3d47e8f9a0b1c2d3e4f5a72";

    private static readonly Dictionary<string, string> DevSignIn = new() { ["Tab:DevSignIn"] = "true" };

    private async Task<BotUnderTest> StartAsync()
    {
        var bot = new BotUnderTest(azurite, Monday, settings: DevSignIn);
        _ = bot.Server;
        foreach (var person in new[] { Person.Office, Person.Leader, Person.Recorder, Person.Cadre1, Person.Cadre2 })
        {
            Assert.Equal(HttpStatusCode.OK, await bot.InstallAsync(person));
        }

        // Talk A: 李干部 talked to by 钱组长 (a reminder talk); talk B: 王干部 talked to by 李干部 (routine).
        await CreateAsync(bot, FormA, Person.Cadre1, Person.Leader, "Reminder", "2026-03-05");
        await CreateAsync(bot, FormB, Person.Cadre2, Person.Cadre1, "Routine", "2026-03-06");
        return bot;
    }

    private const string LeadForm = "0195a0b2c3d47e8f9a0b1c2d3e4f5a73";

    // A reminder talk comes from a lead (000 §三2–3): the lead is registered, then its talk arranged from it.
    private static async Task CreateAsync(BotUnderTest bot, string form, Person talkee, Person talker, string kind, string date)
    {
        var verb = Verbs.TalkCreate;
        var data = new Dictionary<string, string>
        {
            [DataKeys.FormId] = form, ["talkees"] = talkee.AadObjectId, ["talkers"] = talker.AadObjectId, ["recorder"] = Person.Recorder.AadObjectId,
            ["kind"] = kind, ["date"] = date, ["time"] = "09:30", ["place"] = "第三会议室", ["contentDate"] = "2026-03-02",
        };
        if (kind == "Reminder")
        {
            await bot.RegisterLeadAsync(LeadForm, talkee);
            verb = Verbs.LeadTalkCreate;
            data[DataKeys.LeadId] = LeadForm;
        }

        await bot.ExecuteAsync(Person.Office, verb, data);
    }

    private static async Task<HttpClient> SignInAsync(BotUnderTest bot, Person person)
    {
        var client = bot.CreateClient();
        using var response = await client.PostAsync($"/api/tab/dev-sign-in?person={person.AadObjectId}", null);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return client;
    }

    private static async Task<JsonElement> LedgerAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    private static List<string> Talkees(JsonElement ledger) => [.. ledger.GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("cells")[0].GetString()!).Order()];

    [Fact]
    public async Task TalkLedger_ShowsTheOfficeEveryTalkBelowIt_ATalkerTheirs_ACadreTheirOwn()
    {
        await using var bot = await StartAsync();

        using var office = await SignInAsync(bot, Person.Office);
        using var leader = await SignInAsync(bot, Person.Leader);
        using var cadre1 = await SignInAsync(bot, Person.Cadre1);
        using var cadre2 = await SignInAsync(bot, Person.Cadre2);

        Assert.Equal(["李干部", "王干部"], Talkees(await LedgerAsync(office, "/api/tab/ledgers/talks")));
        Assert.Equal(["李干部"], Talkees(await LedgerAsync(leader, "/api/tab/ledgers/talks")));
        Assert.Equal(["李干部", "王干部"], Talkees(await LedgerAsync(cadre1, "/api/tab/ledgers/talks")));
        Assert.Equal(["王干部"], Talkees(await LedgerAsync(cadre2, "/api/tab/ledgers/talks")));
    }

    [Fact]
    public async Task LeadsLedger_ForAnyoneButTheOffice_IsRefused_AndTheRefusalAudited()
    {
        await using var bot = await StartAsync();
        using var cadre = await SignInAsync(bot, Person.Cadre1);
        using var office = await SignInAsync(bot, Person.Office);

        using var refused = await cadre.GetAsync("/api/tab/ledgers/leads");
        using var export = await cadre.GetAsync("/api/tab/ledgers/leads/export?format=xlsx");
        using var allowed = await office.GetAsync("/api/tab/ledgers/leads");

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, export.StatusCode);
        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        var log = await bot.Services.GetRequiredService<AuditLog>().ListAsync(bot.Clock.GetUtcNow(), 50, default);
        Assert.Equal(2, log.Count(e => e.Actor.Value == Person.Cadre1.AadObjectId && e.Action == Domain.Audit.AuditAction.Refused && e.Object == Domain.Audit.AuditObject.Ledger));
        Assert.Contains(log, e => e.Actor.Value == Person.Office.AadObjectId && e.Action == Domain.Audit.AuditAction.View && e.ObjectId.StartsWith("leads", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Filters_NarrowTheLedger_ByKindTalkerAndName()
    {
        await using var bot = await StartAsync();
        using var office = await SignInAsync(bot, Person.Office);

        var all = await LedgerAsync(office, "/api/tab/ledgers/talks");
        var reminders = await LedgerAsync(office, "/api/tab/ledgers/talks?kind=Reminder");
        var byTalker = await LedgerAsync(office, $"/api/tab/ledgers/talks?talker={Person.Cadre1.AadObjectId}");
        var byName = await LedgerAsync(office, "/api/tab/ledgers/talks?q=王干部");
        var nobody = await LedgerAsync(office, "/api/tab/ledgers/talks?month=2026-04");

        Assert.Equal(2, all.GetProperty("total").GetInt32());
        Assert.Equal(["李干部"], Talkees(reminders));
        Assert.Equal(["王干部"], Talkees(byTalker));
        Assert.Equal(["王干部"], Talkees(byName));
        Assert.Equal(0, nobody.GetProperty("total").GetInt32());
        Assert.Contains(all.GetProperty("options").GetProperty("talker").EnumerateArray(), o => o.GetProperty("label").GetString() == "钱组长");
    }

    private static string LightOf(JsonElement ledger, string talkee) =>
        ledger.GetProperty("rows").EnumerateArray().Single(r => r.GetProperty("cells")[0].GetString() == talkee).GetProperty("light").GetString()!;

    [Fact]
    public async Task Lights_TurnYellowPastHalfTheNoticesTime_RedWhenItIsOverdue_AndRedAgainWhenTheRecordIsOverdue()
    {
        await using var bot = await StartAsync();
        using var office = await SignInAsync(bot, Person.Office);

        var atStart = await LedgerAsync(office, "/api/tab/ledgers/talks");
        // Talk A (Thursday 09:30): its notice is due before Wednesday, the working day before; half of that is Tuesday 05:00.
        bot.Clock.SetUtcNow(new DateTimeOffset(2026, 3, 3, 12, 0, 0, Cst));
        var halfway = await LedgerAsync(office, "/api/tab/ledgers/talks");
        bot.Clock.SetUtcNow(new DateTimeOffset(2026, 3, 4, 12, 0, 0, Cst));
        var noticeLate = await LedgerAsync(office, "/api/tab/ledgers/talks");
        // The record of a talk is due by the end of the working day after it: Friday for A, Monday for B.
        bot.Clock.SetUtcNow(new DateTimeOffset(2026, 3, 10, 9, 0, 0, Cst));
        var recordLate = await LedgerAsync(office, "/api/tab/ledgers/talks");

        Assert.Equal("none", LightOf(atStart, "李干部"));
        Assert.Equal("yellow", LightOf(halfway, "李干部"));
        Assert.Equal("none", LightOf(halfway, "王干部"));
        Assert.Equal("red", LightOf(noticeLate, "李干部"));
        Assert.Equal("red", LightOf(recordLate, "李干部"));
        Assert.Equal("red", LightOf(recordLate, "王干部"));
        Assert.Equal(2, recordLate.GetProperty("red").GetInt32());
    }

    [Fact]
    public async Task AcknowledgedNotice_ShowsNoLight()
    {
        await using var bot = await StartAsync();
        using var office = await SignInAsync(bot, Person.Office);
        bot.Clock.SetUtcNow(new DateTimeOffset(2026, 3, 3, 12, 0, 0, Cst));

        await bot.ExecuteAsync(Person.Cadre1, Verbs.NoticeAcknowledge, new Dictionary<string, string> { [DataKeys.TalkId] = FormA });
        var ledger = await LedgerAsync(office, "/api/tab/ledgers/talks");

        Assert.Equal("none", LightOf(ledger, "李干部"));
    }

    [Fact]
    public async Task TalksStoredBeforeTheTab_AreListedOnceByTheUpgrade_WithTheirAnsweredNotices()
    {
        string prefix;
        await using (var before = await StartAsync())
        {
            prefix = before.TablePrefix;
            await before.ExecuteAsync(Person.Cadre1, Verbs.NoticeAcknowledge, new Dictionary<string, string> { [DataKeys.TalkId] = FormA });
            Assert.True(await IndexRows.DeleteAsync(before.Services.GetRequiredService<TalkBot.Bot.Infrastructure.Storage.TableSet>(), row =>
                row.RowKey.StartsWith(TalkLedgerRows.Prefix, StringComparison.Ordinal) || row.PartitionKey == "upgrade") > 0);
        }

        await using var after = new BotUnderTest(azurite, new DateTimeOffset(2026, 3, 3, 12, 0, 0, Cst), prefix, settings: DevSignIn);
        _ = after.Server;
        await UpgradedAsync(after, TalkBot.Bot.Infrastructure.Scheduling.ListingUpgrade.Upgrade);

        using var office = await SignInAsync(after, Person.Office);
        var ledger = await LedgerAsync(office, "/api/tab/ledgers/talks");

        Assert.Equal(["李干部", "王干部"], Talkees(ledger));
        Assert.Equal("none", LightOf(ledger, "李干部"));
    }

    private static async Task UpgradedAsync(BotUnderTest bot, string upgrade)
    {
        var index = bot.Services.GetRequiredService<TalkBot.Bot.Infrastructure.Storage.MatterIndex>();
        for (var wait = 0; wait < 100 && !await index.IsUpgradedAsync(upgrade, default); wait++)
        {
            await Task.Delay(100);
        }

        Assert.True(await index.IsUpgradedAsync(upgrade, default), upgrade + " did not finish");
    }

    /// <summary>The layouts the talk ledger's rows had before their tables (<see cref="TalkLedgerUpgrade"/>).</summary>
    public static TheoryData<string> LayoutsBefore => ["by talk", "by month in UnitIndex"];

    [Theory]
    [MemberData(nameof(LayoutsBefore))]
    public async Task LedgerRowsKeptAsBefore_AreMovedIntoTheirMonthsTable_AndTheOldRowsDeleted(string layout)
    {
        var byTalk = layout == "by talk";
        string prefix;
        await using (var before = await StartAsync())
        {
            prefix = before.TablePrefix;
            await before.ExecuteAsync(Person.Cadre1, Verbs.NoticeAcknowledge, new Dictionary<string, string> { [DataKeys.TalkId] = FormA });
            await before.SettleAsync();
            // The rows as a store from before kept them, in CaseIndex and UnitIndex: keyed tl|{talk}, tn|{talk}|{talkee}
            // with no month written down, or t|{month}|… as now.
            var tables = before.Services.GetRequiredService<TalkBot.Bot.Infrastructure.Storage.TableSet>();
            var rows = new List<Azure.Data.Tables.TableEntity>();
            foreach (var table in (await IndexRows.TablesAsync(tables, copies: false)).Select(name => tables[name]))
            {
                await foreach (var row in table.QueryAsync<Azure.Data.Tables.TableEntity>($"RowKey ge '{TalkLedgerRows.Prefix}' and RowKey lt 't}}'"))
                {
                    var kind = TalkLedgerRows.KindOf(row.RowKey);
                    row.RowKey = byTalk ? (kind == TalkLedgerRows.LineKind ? "tl|" : "t" + kind + "|") + string.Join('|', row.RowKey.Split('|').Where((_, i) => i == 2 || i > 3)) : row.RowKey;
                    rows.Add(row);
                }
            }

            Assert.True(await IndexRows.DeleteAsync(tables, row => row.RowKey.StartsWith(TalkLedgerRows.Prefix, StringComparison.Ordinal) || row.PartitionKey == "upgrade") > 0);
            foreach (var row in rows)
            {
                await tables[TalkBot.Bot.Infrastructure.Storage.MatterIndex.TableOf(row.PartitionKey)].UpsertEntityAsync(row);
            }

            var talks = tables[TalkBot.Bot.Features.Talks.TalkRows.Talks];
            var monthsWrittenDown = byTalk ? await talks.QueryAsync<Azure.Data.Tables.TableEntity>($"RowKey ge 'ledger|' and RowKey lt 'ledger}}'").ToListAsync() : [];
            foreach (var row in monthsWrittenDown)
            {
                await talks.DeleteEntityAsync(row.PartitionKey, row.RowKey);
            }
        }

        await using var after = new BotUnderTest(azurite, new DateTimeOffset(2026, 3, 3, 12, 0, 0, Cst), prefix, settings: DevSignIn);
        _ = after.Server;
        await UpgradedAsync(after, TalkLedgerUpgrade.Upgrade);

        using var office = await SignInAsync(after, Person.Office);
        var ledger = await LedgerAsync(office, "/api/tab/ledgers/talks?month=2026-03");
        Assert.Equal(["李干部", "王干部"], Talkees(ledger));
        Assert.Equal("none", LightOf(ledger, "李干部"));
        var afterTables = after.Services.GetRequiredService<TalkBot.Bot.Infrastructure.Storage.TableSet>();
        var lines = await afterTables[TalkLedgerTables.MonthTable("2026-03")].QueryAsync<Azure.Data.Tables.TableEntity>(
            $"PartitionKey eq 'unit|unit1' and RowKey ge 't|2026-03|' and RowKey lt 't|2026-03}}'").ToListAsync();
        Assert.Equal(2, lines.Count(r => TalkLedgerRows.KindOf(r.RowKey) == TalkLedgerRows.LineKind));
        var units = afterTables[TalkBot.Bot.Infrastructure.Storage.MatterIndex.UnitTable];
        Assert.Empty(await units.QueryAsync<Azure.Data.Tables.TableEntity>($"RowKey ge 't' and RowKey lt 'u'").ToListAsync());
        var left = await IndexRows.DeleteAsync(afterTables,
            row => row.RowKey.StartsWith("tl|", StringComparison.Ordinal) || row.RowKey.StartsWith("tn|", StringComparison.Ordinal));
        Assert.Equal(0, left);
    }

    [Fact]
    public async Task TheTalksLedger_OpensOnTheCurrentMonth_UnlessAnotherOrEveryMonthIsAsked()
    {
        await using var bot = await StartAsync();
        using var office = await SignInAsync(bot, Person.Office);

        var current = await LedgerAsync(office, "/api/tab/ledgers/talks");
        var march = await LedgerAsync(office, "/api/tab/ledgers/talks?month=2026-03");
        var february = await LedgerAsync(office, "/api/tab/ledgers/talks?month=2026-02");
        var every = await LedgerAsync(office, "/api/tab/ledgers/talks?month=all");

        Assert.Equal(("", "本月及未办结"), (current.GetProperty("month").GetString(), current.GetProperty("monthDefault").GetString()));
        Assert.Equal(["李干部", "王干部"], Talkees(current));
        Assert.Equal("2026-03", march.GetProperty("month").GetString());
        Assert.Equal(Talkees(current), Talkees(march));
        Assert.Equal(("2026-02", 0), (february.GetProperty("month").GetString(), february.GetProperty("total").GetInt32()));
        Assert.Equal("all", every.GetProperty("month").GetString());
        Assert.Equal(Talkees(current), Talkees(every));
        // The months offered: next month, this one and the eleven before it, newest first, whether or not they hold a talk.
        var months = current.GetProperty("options").GetProperty("month").EnumerateArray().Select(o => o.GetProperty("value").GetString()).ToList();
        Assert.Equal(["2026-04", "2026-03", "2026-02"], months.Take(3));
        Assert.Equal(("2025-04", 13), (months[^1], months.Count));
        // The other ledgers are not kept by month: they read everything and filter by it only when asked.
        Assert.Equal(JsonValueKind.Null, (await LedgerAsync(office, "/api/tab/ledgers/cases")).GetProperty("month").ValueKind);
    }

    [Theory]
    [InlineData("2026-13")]
    [InlineData("march")]
    [InlineData("2026-3")]
    public async Task AMonthThatIsNotYearMonth_IsRefused_WithWhatToWrite(string month)
    {
        await using var bot = await StartAsync();
        using var office = await SignInAsync(bot, Person.Office);

        using var page = await office.GetAsync($"/api/tab/ledgers/talks?month={month}&locale=zh-CN");
        using var export = await office.GetAsync($"/api/tab/ledgers/talks/export?format=xlsx&month={month}&locale=en-US");

        Assert.Equal((HttpStatusCode.BadRequest, HttpStatusCode.BadRequest), (page.StatusCode, export.StatusCode));
        Assert.Contains("应为“年-月”", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("write year-month", await export.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExcelExport_HoldsTheViewsRows_WithChineseHeaders_DateCells_AndAFrozenHeader_AndIsAudited()
    {
        await using var bot = await StartAsync();
        using var office = await SignInAsync(bot, Person.Office);

        using var response = await office.GetAsync("/api/tab/ledgers/talks/export?format=xlsx&kind=Reminder");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType?.MediaType);
        using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        using var workbook = SpreadsheetDocument.Open(stream, false);

        var sheet = workbook.WorkbookPart!.WorksheetParts.Single().Worksheet;
        var rows = sheet.Descendants<Row>().ToList();
        var pane = sheet.Descendants<Pane>().Single();
        Assert.Equal(PaneStateValues.Frozen, pane.State!.Value);
        Assert.Equal(1d, pane.VerticalSplit!.Value);
        Assert.Equal(2, rows.Count);
        Assert.Equal("谈话对象", Text(workbook, rows[0].Elements<Cell>().First()));
        Assert.Equal("李干部", Text(workbook, rows[1].Elements<Cell>().First()));
        var timeCell = rows[1].Elements<Cell>().ElementAt(5);
        Assert.Null(timeCell.DataType);
        Assert.Equal(new DateTime(2026, 3, 5, 9, 30, 0), DateTime.FromOADate(double.Parse(timeCell.CellValue!.Text, System.Globalization.CultureInfo.InvariantCulture)));
        var format = workbook.WorkbookPart.WorkbookStylesPart!.Stylesheet.CellFormats!.Elements<CellFormat>().ElementAt((int)timeCell.StyleIndex!.Value);
        var code = workbook.WorkbookPart.WorkbookStylesPart.Stylesheet.NumberingFormats!.Elements<NumberingFormat>()
            .Single(n => n.NumberFormatId!.Value == format.NumberFormatId!.Value).FormatCode!.Value!;
        Assert.Contains("yyyy", code, StringComparison.Ordinal);
        var log = await bot.Services.GetRequiredService<AuditLog>().ListAsync(bot.Clock.GetUtcNow(), 50, default);
        Assert.Contains(log, e => e.Action == Domain.Audit.AuditAction.Export && e.Object == Domain.Audit.AuditObject.Ledger && e.ObjectId.Contains("kind=Reminder", StringComparison.Ordinal));
    }

    [Fact]
    public async Task CsvExport_Stays_WithTheSameRows()
    {
        await using var bot = await StartAsync();
        using var office = await SignInAsync(bot, Person.Office);

        using var response = await office.GetAsync("/api/tab/ledgers/talks/export?format=csv");
        var lines = (await response.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("谈话对象,", lines[0], StringComparison.Ordinal);
        Assert.Equal(3, lines.Length);
    }

    private static string Text(SpreadsheetDocument workbook, Cell cell) => cell.DataType?.Value == CellValues.SharedString
        ? workbook.WorkbookPart!.SharedStringTablePart!.SharedStringTable.Elements<SharedStringItem>().ElementAt(int.Parse(cell.CellValue!.Text, System.Globalization.CultureInfo.InvariantCulture)).InnerText
        : cell.DataType?.Value == CellValues.InlineString ? cell.InlineString!.InnerText : cell.CellValue?.Text ?? "";
}
