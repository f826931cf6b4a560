using System.Net;
using TalkBot.Bot.Tests.Support;
using TalkBot.Cards;

namespace TalkBot.Bot.Tests.Features.Holidays;

/// <summary>
/// On Azurite: from 1 November, administrators are told once that next year's official holidays are missing — not again
/// the next day, and not again after a restart (the message is keyed per year in the outbox's durable deliveries).
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class HolidayDataNoticeTests(AzuriteFixture azurite)
{
    private static readonly TimeSpan Cst = TimeSpan.FromHours(8);
    private static readonly Person Admin = new("00000000-0000-0000-0000-00000000a006", "29:admin", "吴管理");
    private static readonly Dictionary<string, string> CheckOn = new() { ["Calendar:HolidayDataCheck"] = "true" };
    private const string Missing2027 = "日历缺少2027年的官方节假日";

    private static int Told(BotUnderTest bot) => bot.Connector.CardsTo(Admin).Count(c => c.Contains(Missing2027, StringComparison.Ordinal));

    [Fact]
    public async Task FromTheFirstOfNovember_AdministratorsAreToldOnce_NotAgainNextDayNorAfterARestart()
    {
        var prefix = "t" + Guid.NewGuid().ToString("N")[..12];
        await using (var bot = new BotUnderTest(azurite, new DateTimeOffset(2026, 11, 2, 10, 0, 0, Cst), prefix, settings: CheckOn))
        {
            _ = bot.Server;
            Assert.Equal(HttpStatusCode.OK, await bot.InstallAsync(Admin));
            await bot.RunSchedulerAsync();
            Assert.Equal(1, Told(bot));
            Assert.Contains("Calendar:ExtraFiles", bot.Connector.CardsTo(Admin).Single(c => c.Contains(Missing2027, StringComparison.Ordinal)), StringComparison.Ordinal);

            bot.Clock.Advance(TimeSpan.FromDays(1));
            await bot.RunSchedulerAsync();
            Assert.Equal(1, Told(bot));
        }

        await using var restarted = new BotUnderTest(azurite, new DateTimeOffset(2026, 11, 4, 10, 0, 0, Cst), prefix, settings: CheckOn);
        _ = restarted.Server;
        await restarted.RunSchedulerAsync();

        Assert.Equal(0, Told(restarted));
    }

    [Fact]
    public async Task TalkForm_WhoseEarliestDateIsIn2027_SaysTheWorkingDayCountMayBeWrong()
    {
        // Wednesday 30 December 2026: two working days on, the earliest date is Friday 1 January 2027, a year not shipped.
        await using var bot = new BotUnderTest(azurite, new DateTimeOffset(2026, 12, 30, 10, 0, 0, Cst));
        _ = bot.Server;
        Assert.Equal(HttpStatusCode.OK, await bot.InstallAsync(Person.Office));

        var form = CardText.Of(await bot.ExecuteAsync(Person.Office, Verbs.TalkNew, new Dictionary<string, string>()));

        Assert.Contains("日历中没有2027年的官方节假日和调休安排", form, StringComparison.Ordinal);
        Assert.Contains("Calendar:ExtraFiles", form, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BeforeNovember_NobodyIsTold()
    {
        await using var bot = new BotUnderTest(azurite, new DateTimeOffset(2026, 10, 30, 10, 0, 0, Cst), settings: CheckOn);
        _ = bot.Server;
        Assert.Equal(HttpStatusCode.OK, await bot.InstallAsync(Admin));

        await bot.RunSchedulerAsync();

        Assert.Equal(0, Told(bot));
    }
}
