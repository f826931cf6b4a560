using System.Globalization;
using System.Net;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using CellValues = DocumentFormat.OpenXml.Spreadsheet.CellValues;
using Row = DocumentFormat.OpenXml.Spreadsheet.Row;
using SharedStringItem = DocumentFormat.OpenXml.Spreadsheet.SharedStringItem;
using XCell = DocumentFormat.OpenXml.Spreadsheet.Cell;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using TalkBot.Bot.Features.Plans;
using TalkBot.Bot.Features.Tab;
using TalkBot.Bot.Infrastructure.Storage;
using TalkBot.Bot.Tests.Support;
using TalkBot.Cards;
using TalkBot.Cards.Builders;
using TalkBot.Domain.Calendar;
using TalkBot.Domain.Plans;
using static TalkBot.Bot.Tests.Features.Plans.PlanPeople;
using F = TalkBot.Domain.Statistics.Figures;

namespace TalkBot.Bot.Tests.Features.Tab;

/// <summary>
/// The plans ledger (谈话方案台账) on Azurite, with the plans of March 2026 made on their day (000 §三1) from the tiers of
/// TestData/org-plans.json: a line per planned talk, shown to the office, to each talker for their own plan and never to a
/// talkee for being planned; its state following a talk arranged and a delegation; the plan figures' links opening
/// exactly the items counted; the light once the last day to arrange has passed; the export read back.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class PlanLedgerTests(AzuriteFixture azurite)
{
    private const string March = "2026-03";

    private async Task<BotUnderTest> PlannedAsync()
    {
        var bot = new BotUnderTest(azurite, new DateTimeOffset(2026, 3, 2, 10, 0, 0, Cst), settings: new Dictionary<string, string>
        {
            ["Plans:Enabled"] = "true",
            ["Directory:OrgFile"] = Path.Combine(AppContext.BaseDirectory, "TestData", "org-plans.json"),
        })
        {
            Replace = TabSignIn.Add,
        };
        _ = bot.Server;
        foreach (var person in new[] { Secretary, Leader, Deputy, EastSecretary, Member, Office })
        {
            Assert.Equal(HttpStatusCode.OK, await bot.InstallAsync(person));
        }

        bot.Clock.SetUtcNow(new DateTimeOffset(2026, 3, 25, 8, 31, 0, Cst));
        await bot.RunSchedulerAsync();
        return bot;
    }

    private static async Task<JsonElement> GetAsync(BotUnderTest bot, Person person, string path)
    {
        using var client = TabSignIn.ClientAs(bot, person);
        using var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    private static Task<JsonElement> LedgerAsync(BotUnderTest bot, Person person, string query = "month=" + March) =>
        GetAsync(bot, person, "/api/tab/ledgers/plans?size=200&" + query);

    private static List<JsonElement> Rows(JsonElement ledger) => [.. ledger.GetProperty("rows").EnumerateArray()];

    // Cells: talkee, unit, talker, tier, line, month, state, time, step, due, light.
    private static string Cell(JsonElement row, int n) => row.GetProperty("cells")[n].GetString() ?? "";

    private static JsonElement Line(JsonElement ledger, Person talker, Person talkee) =>
        Rows(ledger).Single(r => Cell(r, 2) == talker.Name && Cell(r, 0) == talkee.Name);

    private static async Task<(int Total, List<JsonElement> Rows)> OpenAsync(BotUnderTest bot, JsonElement link)
    {
        var query = string.Join('&', link.GetProperty("filters").EnumerateObject().Where(p => p.Value.ValueKind == JsonValueKind.String)
            .Select(p => $"{p.Name}={Uri.EscapeDataString(p.Value.GetString()!)}"));
        Assert.Equal("plans", link.GetProperty("ledger").GetString());
        var ledger = await GetAsync(bot, Office, $"/api/tab/ledgers/plans?size=200&{query}");
        return (ledger.GetProperty("total").GetInt32(), Rows(ledger));
    }

    private static async Task<(Dictionary<string, long> Figures, JsonElement Body)> StatisticsAsync(BotUnderTest bot, string query)
    {
        var body = await GetAsync(bot, Office, "/api/tab/statistics?" + query);
        return (body.GetProperty("figures").EnumerateArray().ToDictionary(f => f.GetProperty("key").GetString()!, f => f.GetProperty("value").GetInt64()), body);
    }

    private static JsonElement Link(JsonElement body, string key) =>
        body.GetProperty("figures").EnumerateArray().Single(f => f.GetProperty("key").GetString() == key).GetProperty("link");

    [Fact]
    public async Task TheOffice_SeesEveryPlannedTalk_ATalkerOnlyTheirOwnPlan_ATalkeeNothingOfBeingPlanned()
    {
        await using var bot = await PlannedAsync();

        var office = await LedgerAsync(bot, Office);
        var secretary = await LedgerAsync(bot, Secretary);
        var east = await LedgerAsync(bot, EastSecretary);
        var member = await LedgerAsync(bot, Member);
        var crafted = await LedgerAsync(bot, Member, $"month={March}&talker={EastSecretary.AadObjectId}");

        var (figures, _) = await StatisticsAsync(bot, "month=" + March);
        Assert.Equal(figures[F.Planned], office.GetProperty("total").GetInt32());
        Assert.Contains(Rows(office), r => Cell(r, 0) == Member.Name && Cell(r, 2) == EastSecretary.Name);
        Assert.All(Rows(office), r => Assert.Equal("待安排", Cell(r, 6)));
        Assert.NotEmpty(Rows(secretary));
        Assert.All(Rows(secretary), r => Assert.Equal(Secretary.Name, Cell(r, 2)));
        Assert.Equal(Rows(office).Count(r => Cell(r, 2) == Secretary.Name), Rows(secretary).Count);
        // 周书记 is planned by two talkers and plans one talk himself: he sees only his own plan.
        Assert.Equal([Member.Name], Rows(east).Select(r => Cell(r, 0)));
        Assert.Equal(0, member.GetProperty("total").GetInt32());
        Assert.Equal(0, crafted.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task TheState_FollowsATalkArrangedFromThePlan_AndADelegation_WhichTheDelegateSees()
    {
        await using var bot = await PlannedAsync();

        await bot.ExecuteAsync(Secretary, Verbs.TalkCreate, new Dictionary<string, string>
        {
            [DataKeys.FormId] = "0195a0b2c3d47e8f9a0b1c2d3e4f5a90", ["talkees"] = EastSecretary.AadObjectId, ["talkers"] = Secretary.AadObjectId,
            ["recorder"] = Office.AadObjectId, ["kind"] = "Routine", ["date"] = "2026-03-30", ["time"] = "09:30", ["place"] = "局党委会议室", ["contentDate"] = "2026-03-25",
        });
        await bot.ExecuteAsync(Leader, Verbs.PlanDelegate, new Dictionary<string, string>
        {
            [PlanKeys.Month] = March, [PlanKeys.Talkee] = EastSecretary.AadObjectId, [PlanKeys.Tier] = ((int)Tier.DisciplineGroupLeader).ToString(CultureInfo.InvariantCulture),
            [PlanKeys.Delegate(EastSecretary.AadObjectId, Tier.DisciplineGroupLeader)] = Deputy.AadObjectId,
        });
        await bot.SettleAsync();

        var office = await LedgerAsync(bot, Office);
        var arranged = Line(office, Secretary, EastSecretary);
        var delegated = Line(office, Leader, EastSecretary);
        Assert.Equal(("已安排", "2026-03-30 09:30", "none"), (Cell(arranged, 6), Cell(arranged, 7), arranged.GetProperty("light").GetString()));
        Assert.Equal("已委托给赵副组长", Cell(delegated, 6));
        Assert.Equal("待安排", Cell(Line(office, EastSecretary, Member), 6));
        var deputy = await LedgerAsync(bot, Deputy);
        Assert.Equal([(Leader.Name, EastSecretary.Name)], Rows(deputy).Select(r => (Cell(r, 2), Cell(r, 0))));
        var english = await LedgerAsync(bot, Office, $"month={March}&locale=en-US");
        Assert.Equal("Delegated to 赵副组长", Cell(Line(english, Leader, EastSecretary), 6));
    }

    [Fact]
    public async Task ThePlanFiguresLinks_OpenExactlyTheItemsCounted_InTheWholeBureauAndInAUnit()
    {
        await using var bot = await PlannedAsync();

        foreach (var query in new[] { "month=" + March, $"month={March}&unit=east" })
        {
            var (figures, body) = await StatisticsAsync(bot, query);
            var planned = await OpenAsync(bot, Link(body, F.Planned));
            var plans = await OpenAsync(bot, Link(body, F.Plans));

            Assert.True(figures[F.Planned] > 0 && figures[F.Plans] > 0, query);
            Assert.Equal(figures[F.Planned], planned.Total);
            // One line per planned talk: the Plans link shows the talks of the plans counted, a plan per talker and tier.
            Assert.Equal(figures[F.Plans], plans.Rows.Select(r => (Cell(r, 2), Cell(r, 3))).Distinct().Count());
        }

        // Under 东城分局党委 the talkees planned there (周书记 twice, 郑委员) differ from the plans made there (周书记's).
        var (_, inEast) = await StatisticsAsync(bot, $"month={March}&unit=east");
        Assert.Equal([EastSecretary.Name], (await OpenAsync(bot, Link(inEast, F.Plans))).Rows.Select(r => Cell(r, 2)).Distinct());
        Assert.Contains((await OpenAsync(bot, Link(inEast, F.Planned))).Rows, r => Cell(r, 2) == Secretary.Name);
    }

    [Fact]
    public async Task ATalkNotArrangedByTheLastDayToArrangeIt_ShowsRed_AndTheExportHoldsTheViewsRows()
    {
        await using var bot = await PlannedAsync();
        var before = await LedgerAsync(bot, Office);

        bot.Clock.SetUtcNow(new DateTimeOffset(2026, 3, 28, 9, 0, 0, Cst));
        var after = await LedgerAsync(bot, Office);
        using var client = TabSignIn.ClientAs(bot, Office);
        using var response = await client.GetAsync($"/api/tab/ledgers/plans/export?format=xlsx&month={March}");
        using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        using var workbook = SpreadsheetDocument.Open(stream, false);
        var rows = workbook.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<Row>().ToList();

        Assert.All(Rows(before), r => Assert.Equal("none", r.GetProperty("light").GetString()));
        Assert.All(Rows(after), r => Assert.Equal("red", r.GetProperty("light").GetString()));
        Assert.Equal("安排谈话", Cell(Rows(after)[0], 8));
        Assert.Equal(after.GetProperty("total").GetInt32() + 1, rows.Count);
        Assert.Equal(["谈话对象", "单位", "谈话人", "层级"], rows[0].Elements<XCell>().Take(4).Select(c => Text(workbook, c)));
        Assert.Equal(Rows(after).Select(r => Cell(r, 0)).Order(), rows.Skip(1).Select(r => Text(workbook, r.Elements<XCell>().First())).Order());
    }

    [Fact]
    public async Task PlansStoredBeforeTheLedger_GetTheirRows_OnceAfterStartUp()
    {
        await using var bot = await PlannedAsync();
        var expected = Rows(await LedgerAsync(bot, Office)).Select(r => string.Join("|", r.GetProperty("cells").EnumerateArray())).Order().ToList();
        var tables = bot.Services.GetRequiredService<TableSet>();
        Assert.True(await IndexRows.DeleteAsync(tables, row => row.RowKey.StartsWith(PlanLedgerRows.Prefix, StringComparison.Ordinal)) > 0);
        await tables[MatterIndex.Table].DeleteEntityAsync("upgrade", PlanLedgerUpgrade.Upgrade);
        Assert.Equal(0, (await LedgerAsync(bot, Office)).GetProperty("total").GetInt32());

        using var upgrade = Upgrade(bot);
        await upgrade.StartAsync(default);
        await upgrade.ExecuteTask!;
        using var again = Upgrade(bot);
        await again.StartAsync(default);

        Assert.Equal(expected, Rows(await LedgerAsync(bot, Office)).Select(r => string.Join("|", r.GetProperty("cells").EnumerateArray())).Order());
        Assert.NotEmpty(expected);
        Assert.Null(again.ExecuteTask);
    }

    private static PlanLedgerUpgrade Upgrade(BotUnderTest bot) => new(bot.Services.GetRequiredService<MatterIndex>(), bot.Services.GetRequiredService<PlanStore>(),
        bot.Services.GetRequiredService<PlanLedgerRows>(), bot.Services.GetRequiredService<WorkingCalendar>(), bot.Clock,
        NullLogger<PlanLedgerUpgrade>.Instance);

    private static string Text(SpreadsheetDocument workbook, XCell cell) => cell.DataType?.Value == CellValues.SharedString
        ? workbook.WorkbookPart!.SharedStringTablePart!.SharedStringTable.Elements<SharedStringItem>().ElementAt(int.Parse(cell.CellValue!.Text, CultureInfo.InvariantCulture)).InnerText
        : cell.DataType?.Value == CellValues.InlineString ? cell.InlineString!.InnerText : cell.CellValue?.Text ?? "";
}
