using Microsoft.Extensions.DependencyInjection;
using TalkBot.Bot.Features.Statistics;
using TalkBot.Bot.Tests.Support;
using TalkBot.Domain.Calendar;
using TalkBot.Domain.Statistics;
using static TalkBot.Bot.Tests.Features.Statistics.StatisticsSetup;

namespace TalkBot.Bot.Tests.Features.Statistics;

/// <summary>Issue 15 §6: on the first working day of the month, each unit's leadership gets last month's completion, once.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class MonthlyReportTests(AzuriteFixture azurite)
{
    private const string Title = "2026年3月谈话完成情况：第一基层党委";

    private static int Reports(BotUnderTest bot, Person person) => bot.Connector.CardsTo(person).Count(c => c.Contains(Title, StringComparison.Ordinal));

    [Fact]
    public async Task Report_GoesToTheUnitsLeadership_OnTheFirstWorkingDay_Once_AcrossARestart()
    {
        await using var bot = await StartAsync(azurite);
        await CreateTalkAsync(bot, HeldTalk, Person.Cadre1, "09:30");
        bot.Clock.SetUtcNow(AfterTheTalks);
        await RecordAsync(bot);
        bot.Clock.SetUtcNow(new DateTimeOffset(2026, 3, 31, 20, 0, 0, TimeSpan.FromHours(8)));
        await bot.Services.GetRequiredService<MonthlyReport>().EnsureScheduledAsync(default);

        await bot.RunSchedulerAsync();
        var lastDayOfMarch = Reports(bot, Person.Cadre1);
        bot.Clock.SetUtcNow(new DateTimeOffset(2026, 4, 1, 8, 0, 0, TimeSpan.FromHours(8)));
        await bot.RunSchedulerAsync();
        var beforeNine = Reports(bot, Person.Cadre1);
        bot.Clock.SetUtcNow(new DateTimeOffset(2026, 4, 1, 9, 5, 0, TimeSpan.FromHours(8)));
        await bot.RunSchedulerAsync();
        await bot.RunSchedulerAsync();

        Assert.Equal((0, 0, 1), (lastDayOfMarch, beforeNine, Reports(bot, Person.Cadre1)));
        var card = bot.Connector.CardsTo(Person.Cadre1).Single(c => c.Contains(Title, StringComparison.Ordinal));
        Assert.Contains("100%", card, StringComparison.Ordinal);
        Assert.Contains("/tab/?section=statistics&month=2026-03&unit=unit1", card, StringComparison.Ordinal);
        // Nobody leads the bureau in this organisation, and the office and the talker are not a unit's leadership.
        Assert.All(new[] { Person.Office, Person.Leader, Person.Cadre2 }, p => Assert.DoesNotContain(bot.Connector.CardsTo(p), c => c.Contains("谈话完成情况", StringComparison.Ordinal)));

        // A restart on the same storage schedules the month again; its cards were queued under their key already.
        await using var restarted = new BotUnderTest(azurite, bot.Clock.GetUtcNow(), bot.TablePrefix) { Replace = TabSignIn.Add };
        _ = restarted.Server;
        await restarted.Services.GetRequiredService<MonthlyReport>().EnsureScheduledAsync(default);
        await restarted.RunSchedulerAsync();
        Assert.Equal(0, Reports(restarted, Person.Cadre1));
    }

    [Fact]
    public async Task Report_IsDue_OnTheFirstWorkingDay_AfterAHoliday()
    {
        await using var bot = await StartAsync(azurite);
        var report = bot.Services.GetRequiredService<MonthlyReport>();
        var calendar = bot.Services.GetRequiredService<WorkingCalendar>();

        var due = calendar.LocalDate(report.DueAt(new StatMonth(2026, 4)));

        Assert.True(calendar.IsWorkingDay(due));
        for (var day = new DateOnly(2026, 5, 1); day < due; day = day.AddDays(1))
        {
            Assert.False(calendar.IsWorkingDay(day));
        }

        Assert.True(due > new DateOnly(2026, 5, 1), "1 May is 劳动节: the report waits for the first working day.");
    }
}
