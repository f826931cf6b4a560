using System.Net;
using System.Text.Json;
using TalkBot.Bot.Tests.Features.Statistics;
using TalkBot.Bot.Tests.Support;
using TalkBot.Cards;

namespace TalkBot.Bot.Tests.Features.Tab;

/// <summary>
/// The rectification report's light in the talk ledger on Azurite (000 §四(一)5): a routine talk of 钱组长 with 李干部 (tier 2,
/// 000 §二2), recorded with a rectification on Thursday 5 March 2026 at 16:00 and verified, so that the report is the only
/// step left; it is due by the end of Sunday 8 March, half of its time used on Saturday at 08:00.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class RectificationLightTests(AzuriteFixture azurite)
{
    private static readonly TimeSpan Cst = TimeSpan.FromHours(8);

    private async Task<BotUnderTest> RecordedAndVerifiedAsync()
    {
        var bot = await StatisticsSetup.StartAsync(azurite);
        await StatisticsSetup.CreateTalkAsync(bot, StatisticsSetup.HeldTalk, Person.Cadre1, "09:30");
        bot.Clock.SetUtcNow(StatisticsSetup.AfterTheTalks);
        await StatisticsSetup.RecordAsync(bot);
        await bot.ExecuteAsync(Person.Cadre1, Verbs.RecordConfirm,
            new Dictionary<string, string> { [DataKeys.TalkId] = StatisticsSetup.HeldTalk, [DataKeys.Version] = "1" });
        return bot;
    }

    private static Task<JsonElement> ReportAsync(BotUnderTest bot, string form) => bot.ExecuteAsync(Person.Cadre1, Verbs.RectificationSubmit, new Dictionary<string, string>
    {
        [DataKeys.TalkId] = StatisticsSetup.HeldTalk, [DataKeys.FormId] = form,
        ["m1.measure"] = "已全额退还", ["m1.status"] = "Done", ["m1.date"] = "2026-03-05", ["m2.measure"] = "已提交说明", ["m2.status"] = "InProgress",
    });

    /// <summary>The light and the step of the talk's line as <paramref name="viewer"/> sees it at <paramref name="at"/>.</summary>
    private static async Task<(string Light, string Step)> LineAsync(BotUnderTest bot, Person viewer, DateTimeOffset? at = null)
    {
        if (at is { } moment)
        {
            bot.Clock.SetUtcNow(moment);
        }

        using var client = TabSignIn.ClientAs(bot, viewer);
        using var response = await client.GetAsync("/api/tab/ledgers/talks");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        var step = body.GetProperty("columns").EnumerateArray().Select(c => c.GetProperty("label").GetString()).ToList().IndexOf("当前环节");
        var row = body.GetProperty("rows").EnumerateArray().Single(r => r.GetProperty("id").GetString() == StatisticsSetup.HeldTalk);
        return (row.GetProperty("light").GetString()!, row.GetProperty("cells")[step].GetString()!);
    }

    [Fact]
    public async Task ReportLight_TurnsYellowAtHalfItsTime_RedWhenOverdue_AndGoesOnceReported()
    {
        await using var bot = await RecordedAndVerifiedAsync();

        var early = await LineAsync(bot, Person.Office, new DateTimeOffset(2026, 3, 7, 7, 59, 0, Cst));
        var half = await LineAsync(bot, Person.Office, new DateTimeOffset(2026, 3, 7, 8, 0, 0, Cst));
        var lastDay = await LineAsync(bot, Person.Office, new DateTimeOffset(2026, 3, 8, 23, 0, 0, Cst));
        var overdue = await LineAsync(bot, Person.Office, new DateTimeOffset(2026, 3, 9, 0, 0, 0, Cst));
        var ownView = await LineAsync(bot, Person.Cadre1);
        await ReportAsync(bot, "f1");
        var reported = await LineAsync(bot, Person.Office);

        Assert.Equal(("none", "整改情况上报"), early);
        Assert.Equal(("yellow", "整改情况上报"), half);
        Assert.Equal("yellow", lastDay.Light);
        Assert.Equal(("red", "整改情况上报"), overdue);
        Assert.Equal("red", ownView.Light);
        Assert.Equal(("none", ""), reported);
    }

    [Fact]
    public async Task ReportReturned_LightsAgainTowardsItsNewDueDate()
    {
        await using var bot = await RecordedAndVerifiedAsync();
        await ReportAsync(bot, "f1");
        bot.Clock.SetUtcNow(new DateTimeOffset(2026, 3, 9, 10, 0, 0, Cst));
        await bot.ExecuteAsync(Person.Leader, Verbs.RectificationReturn, new Dictionary<string, string>
        {
            [DataKeys.TalkId] = StatisticsSetup.HeldTalk, [DataKeys.Talkee] = Person.Cadre1.AadObjectId, [DataKeys.Report] = "1",
            [DataKeys.Comment] = "请附退款凭证", [DataKeys.DueDate] = "2026-03-10",
        });

        // From Monday 10:00 to the end of Tuesday 10 March: half of it used on Tuesday at 05:00.
        var justReturned = await LineAsync(bot, Person.Office);
        var half = await LineAsync(bot, Person.Leader, new DateTimeOffset(2026, 3, 10, 5, 0, 0, Cst));
        var overdue = await LineAsync(bot, Person.Office, new DateTimeOffset(2026, 3, 11, 0, 0, 0, Cst));

        Assert.Equal(("none", "整改情况上报"), justReturned);
        Assert.Equal("yellow", half.Light);
        Assert.Equal("red", overdue.Light);
    }

    [Fact]
    public async Task ReportLight_IsNotShownToTheRecorder_WhoNeitherReportsNorReviewsIt()
    {
        await using var bot = await RecordedAndVerifiedAsync();
        var overdue = new DateTimeOffset(2026, 3, 9, 9, 0, 0, Cst);

        var office = await LineAsync(bot, Person.Office, overdue);
        var recorder = await LineAsync(bot, Person.Recorder);

        Assert.Equal("red", office.Light);
        Assert.Equal(("none", ""), recorder);
    }
}
