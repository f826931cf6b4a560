using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using TalkBot.Bot.Features.Tab;
using TalkBot.Bot.Features.Talks;
using TalkBot.Bot.Infrastructure.People;
using TalkBot.Bot.Infrastructure.Storage;
using TalkBot.Bot.Tests.Support;
using TalkBot.Cards.Localization;
using TalkBot.Domain;
using TalkBot.Domain.Talks;
using static TalkBot.Bot.Tests.Features.Statistics.StatisticsSetup;
using static TalkBot.Bot.Tests.Features.Tab.TalkeeRowsTests;

namespace TalkBot.Bot.Tests.Features.Tab;

/// <summary>
/// The talk ledger's rows sit under the month of their talk (<see cref="TalkLedgerRows"/>), on Azurite: a month's view
/// reads that month's; a talk moved to another month (改期) is listed under it alone, and a move cut short is finished by
/// the next write.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class TalkLedgerMonthsTests(AzuriteFixture azurite)
{
    private const string March = "2026-03";
    private const string April = "2026-04";
    private static readonly TalkId Id = new(TwoUnits);
    private static readonly DateTimeOffset InApril = new(2026, 4, 1, 9, 30, 0, TimeSpan.FromHours(8));

    private static async Task MoveAsync(BotUnderTest bot, DateTimeOffset to, TalkStatus status = TalkStatus.Scheduled)
    {
        var talks = bot.Services.GetRequiredService<TalkStore>();
        var stored = (await talks.GetStoredAsync(Id, default))!;
        Assert.True(await talks.SaveChangeAsync(stored with { Talk = TwoUnitTalk(to, status) }, [], default));
        await bot.Services.GetRequiredService<TalkLedgerRows>().WriteAsync(Id, default);
    }

    private static async Task<List<string>> ShownAsync(BotUnderTest bot, string? month, bool live = false)
    {
        var people = await bot.Services.GetRequiredService<PeopleDirectory>().CurrentAsync(default);
        var items = await bot.Services.GetRequiredService<LedgerReader>().ReadAsync(LedgerKind.Talks, people.Find(new PersonId(Person.Office.AadObjectId))!,
            Locale.ZhCn, bot.Clock.GetUtcNow(), default, month: month, live: live);
        return [.. items.Select(i => $"{i.Id} {i.Facets.Month}")];
    }

    private static async Task<List<string>> MonthsWrittenDownAsync(BotUnderTest bot)
    {
        var talks = bot.Services.GetRequiredService<TableSet>()[TalkRows.Talks];
        var months = new List<string>();
        await foreach (var row in talks.QueryAsync<TableEntity>(TableFilter.RowsStartingWith(TwoUnits, TalkRows.LedgerMonthRowPrefix)))
        {
            months.Add(row.RowKey[TalkRows.LedgerMonthRowPrefix.Length..]);
        }

        return months;
    }

    private static string NoticeKey(string month) => TalkLedgerRows.Key(month, Id, TalkLedgerRows.NoticeKind, new PersonId(Person.Cadre1.AadObjectId));

    [Fact]
    public async Task AMonthsView_ReadsThatMonth()
    {
        await using var bot = await TwoUnitTalkAsync(azurite);

        Assert.Equal([$"{TwoUnits} {March}"], await ShownAsync(bot, March));
        Assert.Empty(await ShownAsync(bot, April));
        Assert.Equal([$"{TwoUnits} {March}"], await ShownAsync(bot, null));
        Assert.Equal([March], await MonthsWrittenDownAsync(bot));
    }

    [Fact]
    public async Task ATalkMovedToAnotherMonth_IsListedUnderItAlone_WithItsTalkeesRows()
    {
        await using var bot = await TwoUnitTalkAsync(azurite);

        await MoveAsync(bot, InApril);

        Assert.Empty(await ShownAsync(bot, March));
        Assert.Equal([$"{TwoUnits} {April}"], await ShownAsync(bot, April));
        Assert.Equal([$"{TwoUnits} {April}"], await ShownAsync(bot, null));
        Assert.Empty(await PartitionsOfAsync(bot, TalkLedgerRows.Key(March, Id, TalkLedgerRows.LineKind)));
        Assert.Empty(await PartitionsOfAsync(bot, NoticeKey(March)));
        Assert.Equal(6, (await PartitionsOfAsync(bot, TalkLedgerRows.Key(April, Id, TalkLedgerRows.LineKind))).Count);
        Assert.Equal(4, (await PartitionsOfAsync(bot, NoticeKey(April))).Count);
        Assert.Equal([April], await MonthsWrittenDownAsync(bot));
        // The acknowledgement moved with it: the office still waits for 吴管理 only.
        var people = await bot.Services.GetRequiredService<PeopleDirectory>().CurrentAsync(default);
        var line = Assert.Single(await bot.Services.GetRequiredService<LedgerReader>().ReadAsync(LedgerKind.Talks,
            people.Find(new PersonId(Person.Office.AadObjectId))!, Locale.ZhCn, bot.Clock.GetUtcNow(), default, month: April));
        Assert.Equal("李干部：已确认收到；吴管理：已送达，待确认", line.Cells[7]);
    }

    [Fact]
    public async Task AMonthsViewWithLive_AlsoShowsTheTalksOfOtherMonthsWithAStepLeft_NotThoseWithout()
    {
        await using var bot = await TwoUnitTalkAsync(azurite);
        await MoveAsync(bot, InApril);

        Assert.Empty(await ShownAsync(bot, March));
        Assert.Equal([$"{TwoUnits} {April}"], await ShownAsync(bot, March, live: true));

        // Cancelled: nothing is left to do, so it drops out of March's view, and stays in April's.
        await MoveAsync(bot, InApril, TalkStatus.Cancelled);
        Assert.Empty(await ShownAsync(bot, March, live: true));
        Assert.Equal([$"{TwoUnits} {April}"], await ShownAsync(bot, April, live: true));
    }

    /// <summary>The rows of the live talks' table (<see cref="TalkLedgerTables.LiveTable"/>): partition, kind and talkee.</summary>
    private static async Task<List<string>> LiveRowsAsync(BotUnderTest bot)
    {
        var live = bot.Services.GetRequiredService<TableSet>()[TalkLedgerTables.LiveTable];
        var rows = new List<string>();
        await foreach (var row in live.QueryAsync<TableEntity>())
        {
            var state = row.GetString(nameof(NoticeLedgerEntity.State));
            rows.Add($"{row.PartitionKey} {TalkLedgerRows.KindOf(row.RowKey)} {row.RowKey.Split('|').ElementAtOrDefault(4)} {state}".TrimEnd());
        }

        return [.. rows.Order(StringComparer.Ordinal)];
    }

    [Fact]
    public async Task TheUnitsRowsOfATalkWithAStepLeft_AreCopiedAmongTheLiveTalks_AndLeaveThemOnceNothingIsLeft()
    {
        await using var bot = await TwoUnitTalkAsync(azurite);
        var people = await bot.Services.GetRequiredService<PeopleDirectory>().CurrentAsync(default);
        var (cadre, other) = (new PersonId(Person.Cadre1.AadObjectId), new PersonId(Other.AadObjectId));
        var (cadreUnit, otherUnit) = ("unit|" + people.Find(cadre)!.UnitId!.Value, "unit|" + people.Find(other)!.UnitId!.Value);
        Assert.NotEqual(cadreUnit, otherUnit);

        // The line in both talkees' units, each talkee's notice in their own; the people's rows are not copied.
        Assert.Equal([.. new[] { $"{cadreUnit} l", $"{cadreUnit} n {cadre.Value} Acknowledged", $"{otherUnit} l", $"{otherUnit} n {other.Value} Sent" }
            .Order(StringComparer.Ordinal)], await LiveRowsAsync(bot));

        // An answer written alone while the talk is to come reaches the copy too.
        var march = TwoUnitTalk(new DateTimeOffset(2026, 3, 5, 9, 30, 0, TimeSpan.FromHours(8)));
        await bot.Services.GetRequiredService<TalkBot.Bot.Features.Tab.TalkeeRows>().WriteAsync(march, other,
            (month, partition) => NoticeLedgerRows.Row(Id, other, NoticeStatus.Acknowledged, Monday, month, partition), default);
        Assert.Contains($"{otherUnit} n {other.Value} Acknowledged", await LiveRowsAsync(bot));

        // Cancelled, nothing is left to do: the copies go, and a row written alone afterwards is not copied back.
        await MoveAsync(bot, march.ScheduledAt, TalkStatus.Cancelled);
        Assert.Empty(await LiveRowsAsync(bot));
        await bot.Services.GetRequiredService<TalkBot.Bot.Features.Tab.TalkeeRows>().WriteAsync(TwoUnitTalk(march.ScheduledAt, TalkStatus.Cancelled), other,
            (month, partition) => NoticeLedgerRows.Row(Id, other, NoticeStatus.Sent, null, month, partition), default);
        Assert.Empty(await LiveRowsAsync(bot));
        Assert.Contains(otherUnit, await PartitionsOfAsync(bot, TalkLedgerRows.Key(March, Id, TalkLedgerRows.NoticeKind, other)));
    }

    [Fact]
    public async Task AUnitMovedUnderAnotherParent_TakesItsTalksAlong_IntoTheNewParentsPartition()
    {
        var org = Path.Combine(Path.GetTempPath(), $"talkbot-org-{Guid.NewGuid():N}.json");
        File.Copy(Path.Combine(AppContext.BaseDirectory, "TestData", "org.json"), org);
        try
        {
            await using var bot = await TwoUnitTalkAsync(azurite, new Dictionary<string, string> { ["Directory:OrgFile"] = org });
            await bot.SettleAsync();
            var notice = NoticeKey(March);
            Assert.DoesNotContain("unit|office", await PartitionsOfAsync(bot, notice));

            // 第一基层党委 (李干部's unit) is moved under 纪委办.
            const string UnderTheBureau = "\"level\": \"PartyCommittee\", \"parentId\": \"bureau\"";
            var text = await File.ReadAllTextAsync(org);
            Assert.Contains(UnderTheBureau, text, StringComparison.Ordinal);
            await File.WriteAllTextAsync(org, text.Replace(UnderTheBureau, "\"level\": \"PartyCommittee\", \"parentId\": \"office\"", StringComparison.Ordinal));
            await bot.Services.GetRequiredService<TalkBot.Bot.Features.Directory.DirectorySync>().SyncAsync(default);
            await bot.SettleAsync();

            // Her notice row is now under 纪委办 too, in the month's table and among the live talks.
            Assert.Contains("unit|office", await PartitionsOfAsync(bot, notice));
            Assert.Contains($"unit|office n {Person.Cadre1.AadObjectId} Acknowledged", await LiveRowsAsync(bot));
        }
        finally
        {
            File.Delete(org);
        }
    }

    [Fact]
    public async Task AMoveCutShort_BeforeTheOldMonthWasDeleted_IsFinishedByTheNextWrite()
    {
        await using var bot = await TwoUnitTalkAsync(azurite);
        await MoveAsync(bot, InApril);
        // As a crash after the new month's rows and before the old month's deletion leaves it: both months written down, both listed.
        var people = await bot.Services.GetRequiredService<PeopleDirectory>().CurrentAsync(default);
        var march = TwoUnitTalk(new DateTimeOffset(2026, 3, 5, 9, 30, 0, TimeSpan.FromHours(8)));
        await bot.Services.GetRequiredService<TalkLedgerTables>().WriteAsync(March, Id, TalkLedgerRows.Partitions(march, people),
            partition => [TalkLedgerRows.Row(march, people, null, null, March, partition)], live: true, default);
        await bot.Services.GetRequiredService<TableSet>()[TalkRows.Talks].UpsertEntityAsync(new TableEntity(TwoUnits, TalkRows.LedgerMonthRowPrefix + March));
        Assert.Equal([$"{TwoUnits} {March}"], await ShownAsync(bot, March));

        await bot.Services.GetRequiredService<TalkLedgerRows>().WriteAsync(Id, default);

        Assert.Empty(await ShownAsync(bot, March));
        Assert.Equal([$"{TwoUnits} {April}"], await ShownAsync(bot, null));
        Assert.Equal([April], await MonthsWrittenDownAsync(bot));
    }
}
