using Microsoft.Extensions.DependencyInjection;
using TalkBot.Bot.Features.Admonishments;
using TalkBot.Bot.Features.Leads;
using TalkBot.Bot.Features.Tab;
using TalkBot.Bot.Infrastructure.People;
using TalkBot.Bot.Infrastructure.Storage;
using TalkBot.Bot.Tests.Features.Statistics;
using TalkBot.Bot.Tests.Support;
using TalkBot.Cards.Localization;
using TalkBot.Domain;
using TalkBot.Domain.Calendar;
using TalkBot.Domain.Ledgers;

namespace TalkBot.Bot.Tests.Features.Tab;

/// <summary>
/// How the talks ledger reads its rows on Azurite: across partitions (an office that sees many units) or one query per
/// unit, and only the units under a unit filter; each gives exactly the lines of the whole read and the filter.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class LedgerReadTests(AzuriteFixture azurite)
{
    private static LedgerReader Reader(BotUnderTest bot, int acrossFrom)
    {
        var services = bot.Services;
        return new LedgerReader(services.GetRequiredService<MatterIndex>(), services.GetRequiredService<TalkLedgerTables>(), services.GetRequiredService<LeadStore>(), services.GetRequiredService<CaseStore>(),
            services.GetRequiredService<PeopleDirectory>(), services.GetRequiredService<WorkingCalendar>(), services.GetRequiredService<LedgerPolicy>(),
            services.GetRequiredService<TalkBot.Domain.Plans.MonthlyPlanRules>(), services.GetRequiredService<TalkBot.Bot.Infrastructure.Hosting.TalkOptions>())
        {
            AcrossFrom = acrossFrom,
        };
    }

    private static async Task<Domain.People.Person> OfficeAsync(BotUnderTest bot) =>
        (await bot.Services.GetRequiredService<PeopleDirectory>().CurrentAsync(default)).Find(new PersonId(Person.Office.AadObjectId))!;

    private static string Lines(IEnumerable<LedgerItem> items) =>
        string.Join("\n", items.OrderBy(i => i.Id, StringComparer.Ordinal).Select(i => $"{i.Id}:{string.Join("|", i.Cells)}:{i.Deadline}:{string.Join(",", i.Facets.Units)}"));

    [Fact]
    public async Task ReadingAcrossPartitions_GivesTheSameLines_AsAQueryPerUnit()
    {
        await using var bot = await StatisticsSetup.MonthAsync(azurite);
        var office = await OfficeAsync(bot);
        var now = bot.Clock.GetUtcNow();

        var perUnit = await Reader(bot, int.MaxValue).ReadAsync(LedgerKind.Talks, office, Locale.ZhCn, now, default);
        var across = await Reader(bot, 0).ReadAsync(LedgerKind.Talks, office, Locale.ZhCn, now, default);

        Assert.Equal(2, perUnit.Count);
        Assert.Equal(Lines(perUnit), Lines(across));
    }

    [Theory]
    [InlineData("2026-03", false, 2)]
    [InlineData("2026-03", true, 2)]
    [InlineData("2026-02", false, 0)]
    [InlineData("2026-02", true, 1)]
    public async Task AnOfficesMonthView_ReadsTheMonthsTable_AndTheLiveTalksWithThem_APartitionPerUnitBelowTheTop(string month, bool live, int lines)
    {
        await using var bot = await StatisticsSetup.MonthAsync(azurite, new Dictionary<string, string> { ["Storage:CountCalls"] = "true" });
        await bot.SettleAsync();
        var office = await OfficeAsync(bot);
        var counter = bot.Services.GetRequiredService<TalkBot.Bot.Infrastructure.Storage.StorageCallCounter>();
        var before = counter.ByTable;

        var items = await bot.Services.GetRequiredService<LedgerReader>().ReadAsync(LedgerKind.Talks, office, Locale.ZhCn, bot.Clock.GetUtcNow(), default,
            month: month, live: live);

        // Of March's two talks one is done (held, its record verified, the rectification reported on time) and one still
        // to come: February's view with the live talks of other months shows that one alone.
        Assert.Equal(lines, items.Count);
        // The office sees the bureau, the top of the organisation, and the two units right below it, whose partitions hold
        // all their talks: a query each in the month's table (February's, never made, answers none), in the live talks'
        // with them, and one in its own partition.
        var calls = counter.ByTable.Where(t => t.Value != before.GetValueOrDefault(t.Key)).ToDictionary(t => t.Key, t => t.Value - before.GetValueOrDefault(t.Key));
        Assert.Equal(new Dictionary<string, long>
        {
            [TalkLedgerTables.MonthTable(month)] = 3,
            [TalkBot.Bot.Infrastructure.Storage.MatterIndex.Table] = 1,
            [TalkLedgerTables.LiveTable] = live ? 3 : 0,
        }.Where(c => c.Value > 0).OrderBy(c => c.Key, StringComparer.Ordinal), calls.OrderBy(c => c.Key, StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("unit1")]
    [InlineData("bureau")]
    [InlineData("office")]
    public async Task AUnitFilter_ReadsOnlyItsUnits_AndKeepsEveryLineTheFilterKeeps(string unit)
    {
        await using var bot = await StatisticsSetup.MonthAsync(azurite);
        var office = await OfficeAsync(bot);
        var now = bot.Clock.GetUtcNow();
        var reader = bot.Services.GetRequiredService<LedgerReader>();
        var filter = new LedgerQuery(unit, null, null, null, null, null, null, null, false, 1, LedgerQuery.MaxSize);

        var whole = filter.Apply(await reader.ReadAsync(LedgerKind.Talks, office, Locale.ZhCn, now, default));
        var narrowed = await reader.ReadAsync(LedgerKind.Talks, office, Locale.ZhCn, now, default, filter.Within);

        Assert.Equal(Lines(whole), Lines(filter.Apply(narrowed)));
        Assert.Equal(unit == "office" ? 0 : whole.Count, narrowed.Count(i => i.Facets.Units.Contains(unit)));
    }
}
