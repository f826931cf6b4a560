using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using TalkBot.Bot.Features.Tab;
using TalkBot.Bot.Features.Talks;
using TalkBot.Bot.Infrastructure.People;
using TalkBot.Bot.Infrastructure.Storage;
using TalkBot.Bot.Tests.Support;
using TalkBot.Cards.Localization;
using TalkBot.Domain;
using TalkBot.Domain.Ledgers;
using TalkBot.Domain.Talks;
using static TalkBot.Bot.Tests.Features.Statistics.StatisticsSetup;

namespace TalkBot.Bot.Tests.Features.Tab;

/// <summary>
/// A talkee's rows of a talk (notice, quiz, rectification) go only where a view shows them (<see cref="TalkeeRows"/>),
/// on Azurite: a talk of two talkees in two units, 李干部 (unit1) acknowledged and 吴管理 (office) not yet. Each view shows
/// and waits for the notices it holds: the office all, under a filter of unit1 that unit's; a talkee their own; the
/// talker and the recorder every talkee's.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class TalkeeRowsTests(AzuriteFixture azurite)
{
    internal const string TwoUnits = "0195a0b2c3d47e8f9a0b1c2d3e4f5c01";
    private const int NoticeColumn = 7;
    internal static readonly Person Other = new("00000000-0000-0000-0000-00000000a006", "29:admin", "吴管理");
    private static readonly DateTimeOffset At = new(2026, 3, 5, 9, 30, 0, TimeSpan.FromHours(8));
    private const string Month = "2026-03";

    /// <summary>The talk of two talkees in two units, on <paramref name="at"/>.</summary>
    internal static Talk TwoUnitTalk(DateTimeOffset at, TalkStatus status = TalkStatus.Scheduled) =>
        Talk.Restore(new TalkId(TwoUnits), TalkKind.Routine, [new PersonId(Person.Cadre1.AadObjectId), new PersonId(Other.AadObjectId)],
            [new PersonId(Person.Leader.AadObjectId)], new PersonId(Person.Recorder.AadObjectId), new PersonId(Person.Office.AadObjectId), at, "第三会议室",
            new DateOnly(2026, 3, 2), null, Monday, status);

    /// <summary>The talk of two talkees stored and listed: 李干部 has acknowledged it, 吴管理 not yet.</summary>
    internal static async Task<BotUnderTest> TwoUnitTalkAsync(AzuriteFixture azurite, IReadOnlyDictionary<string, string>? settings = null)
    {
        var bot = await StartAsync(azurite, settings: settings);
        var id = new TalkId(TwoUnits);
        var (cadre, other) = (new PersonId(Person.Cadre1.AadObjectId), new PersonId(Other.AadObjectId));
        var talk = TwoUnitTalk(At);
        Assert.True(await bot.Services.GetRequiredService<TalkStore>().CreateAsync(talk,
            [Notice.Restore(id, cadre, NoticeStatus.Acknowledged, Monday, Monday, acknowledgedAt: Monday.AddHours(1)),
                Notice.Restore(id, other, NoticeStatus.Sent, Monday, Monday)], null, default));
        await bot.Services.GetRequiredService<TalkLedgerRows>().WriteAsync(id, default);
        return bot;
    }

    private static async Task<LedgerItem> LineAsync(BotUnderTest bot, Person viewer, UnitId? within = null)
    {
        var people = await bot.Services.GetRequiredService<PeopleDirectory>().CurrentAsync(default);
        var items = await bot.Services.GetRequiredService<LedgerReader>().ReadAsync(LedgerKind.Talks, people.Find(new PersonId(viewer.AadObjectId))!,
            Locale.ZhCn, bot.Clock.GetUtcNow(), default, within);
        return Assert.Single(items, i => i.Id == TwoUnits);
    }

    internal static async Task<List<string>> PartitionsOfAsync(BotUnderTest bot, string rowKey)
    {
        var tables = bot.Services.GetRequiredService<TableSet>();
        var partitions = new List<string>();
        // Where rows are kept, not the live talks' copies of the units' rows.
        foreach (var table in (await IndexRows.TablesAsync(tables, copies: false)).Select(name => tables[name]))
        {
            await foreach (var row in table.QueryAsync<TableEntity>(TableFilter.Of($"RowKey eq {rowKey}"), select: ["PartitionKey"]))
            {
                partitions.Add(row.PartitionKey);
            }
        }

        return [.. partitions.Order(StringComparer.Ordinal)];
    }

    [Fact]
    public void ATalkeesUnitRows_GoToTheirUnitAndEachUnitAbove_ButTheTopOfTheOrganisation()
    {
        var (bureau, committee, branch) = (new UnitId("bureau"), new UnitId("committee"), new UnitId("branch"));
        var people = new PeopleLookup([], [
            new Domain.People.Unit(bureau, "局", "Bureau", Domain.People.UnitLevel.Bureau),
            new Domain.People.Unit(committee, "党委", "Committee", Domain.People.UnitLevel.PartyCommittee, bureau),
            new Domain.People.Unit(branch, "支部", "Branch", Domain.People.UnitLevel.Branch, committee)]);

        Assert.Equal(["unit|branch", "unit|committee"], TalkBot.Bot.Features.Tab.TalkeeRows.UnitPartitions(branch, people));
        Assert.Equal(["unit|committee"], TalkBot.Bot.Features.Tab.TalkeeRows.UnitPartitions(committee, people));
        Assert.Equal(["unit|bureau"], TalkBot.Bot.Features.Tab.TalkeeRows.UnitPartitions(bureau, people));
        Assert.Empty(TalkBot.Bot.Features.Tab.TalkeeRows.UnitPartitions(null, people));
    }

    [Fact]
    public async Task ATalkeesNoticeRow_GoesToTheirUnit_ThemAndTheTalkersAndRecorder_NotToTheOtherTalkee()
    {
        await using var bot = await TwoUnitTalkAsync(azurite);

        Assert.Equal(
            [.. new[] { "person|" + Person.Cadre1.AadObjectId, "person|" + Person.Leader.AadObjectId, "person|" + Person.Recorder.AadObjectId, "unit|unit1" }
                .Order(StringComparer.Ordinal)],
            await PartitionsOfAsync(bot, TalkLedgerRows.Key(Month, new TalkId(TwoUnits), TalkLedgerRows.NoticeKind, new PersonId(Person.Cadre1.AadObjectId))));
        // The talk's own row is in every partition it is listed in, both units and every person.
        // The line: both talkees' units (not the bureau above them, the top of the organisation), the two talkees, the talker and the recorder.
        Assert.Equal(6, (await PartitionsOfAsync(bot, TalkLedgerRows.Key(Month, new TalkId(TwoUnits), TalkLedgerRows.LineKind))).Count);
    }

    [Fact]
    public async Task EachView_ShowsAndWaitsForTheNoticesItHolds()
    {
        await using var bot = await TwoUnitTalkAsync(azurite);

        var office = await LineAsync(bot, Person.Office);
        var filtered = await LineAsync(bot, Person.Office, new UnitId("unit1"));
        var talker = await LineAsync(bot, Person.Leader);
        var recorder = await LineAsync(bot, Person.Recorder);
        var cadre = await LineAsync(bot, Person.Cadre1);
        var other = await LineAsync(bot, Other);

        Assert.Equal((LedgerStep.Notice, "李干部：已确认收到；吴管理：已送达，待确认"), (office.Deadline.Step, office.Cells[NoticeColumn]));
        Assert.Equal((LedgerStep.Notice, office.Cells[NoticeColumn]), (talker.Deadline.Step, talker.Cells[NoticeColumn]));
        Assert.Equal((LedgerStep.None, "已确认收到"), (filtered.Deadline.Step, filtered.Cells[NoticeColumn]));
        Assert.Equal((LedgerStep.None, "已确认收到"), (cadre.Deadline.Step, cadre.Cells[NoticeColumn]));
        Assert.Equal((LedgerStep.Notice, "已送达，待确认"), (other.Deadline.Step, other.Cells[NoticeColumn]));
        // The recorder is shown no talkee's notice, but the talk's step still waits for every one of them.
        Assert.Equal((LedgerStep.Notice, ""), (recorder.Deadline.Step, recorder.Cells[NoticeColumn]));
    }

    [Fact]
    public async Task AnAnswer_WritesOnlyThatTalkeesRows_AndEveryViewThatWaitedMovesOn()
    {
        await using var bot = await TwoUnitTalkAsync(azurite);
        var id = new TalkId(TwoUnits);
        var talks = bot.Services.GetRequiredService<TalkStore>();
        var talk = (await talks.GetAsync(id, default))!;
        var answered = Notice.Restore(id, new PersonId(Other.AadObjectId), NoticeStatus.Acknowledged, Monday, Monday, acknowledgedAt: Monday.AddHours(2));

        await bot.Services.GetServices<INoticeListing>().OfType<NoticeLedgerRows>().Single().ListAsync(talk, answered, default);

        Assert.Equal(
            [.. new[] { "person|" + Other.AadObjectId, "person|" + Person.Leader.AadObjectId, "person|" + Person.Recorder.AadObjectId, "unit|office" }
                .Order(StringComparer.Ordinal)],
            await PartitionsOfAsync(bot, TalkLedgerRows.Key(Month, new TalkId(TwoUnits), TalkLedgerRows.NoticeKind, new PersonId(Other.AadObjectId))));
        foreach (var viewer in new[] { Person.Office, Person.Leader, Person.Recorder, Other })
        {
            Assert.Equal(LedgerStep.None, (await LineAsync(bot, viewer)).Deadline.Step);
        }

        Assert.Equal("李干部：已确认收到；吴管理：已确认收到", (await LineAsync(bot, Person.Office)).Cells[NoticeColumn]);
    }
}
