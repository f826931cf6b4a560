using System.Net;
using System.Text.Json;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using TalkBot.Bot.Features.Quiz;
using TalkBot.Bot.Features.Statistics;
using TalkBot.Bot.Features.Tab;
using TalkBot.Bot.Features.Talks;
using TalkBot.Bot.Infrastructure.Storage;
using TalkBot.Bot.Tests.Support;
using TalkBot.Cards;
using TalkBot.Domain;
using TalkBot.Domain.Talks;
using static TalkBot.Bot.Tests.Features.Statistics.StatisticsSetup;
using F = TalkBot.Domain.Statistics.Figures;

namespace TalkBot.Bot.Tests.Features.Tab;

/// <summary>
/// The talkees' notices (000 §四(一)3) and quizzes (000 §三) on the talk ledger, on Azurite: a notice delivered and not
/// answered is delivered, not acknowledged; a talkee TalkBot cannot reach shows so and is not counted notified; a refused
/// postponement is notified (000 §四(五)1); the quiz shows its score; and the statistics agree with the lines.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class TalkeeLedgerTests(AzuriteFixture azurite)
{
    /// <summary>The cells of the column <paramref name="label"/> of the talk ledger as the office sees it, by talk.</summary>
    private static async Task<Dictionary<string, string>> ColumnAsync(BotUnderTest bot, string label, string locale = "zh-CN")
    {
        using var client = TabSignIn.ClientAs(bot, Person.Office);
        using var response = await client.GetAsync("/api/tab/ledgers/talks?locale=" + locale);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        var column = body.GetProperty("columns").EnumerateArray().Select(c => c.GetProperty("label").GetString()).ToList().IndexOf(label);
        Assert.True(column >= 0, label);
        return body.GetProperty("rows").EnumerateArray().ToDictionary(r => r.GetProperty("id").GetString()!, r => r.GetProperty("cells")[column].GetString() ?? "");
    }

    /// <summary>The ids of the talks a statistics figure's link opens.</summary>
    private static async Task<List<string>> OpenedAsync(BotUnderTest bot, JsonElement body, string figure)
    {
        using var client = TabSignIn.ClientAs(bot, Person.Office);
        return [.. (await OpenAsync(client, Figure(body, figure).GetProperty("link"))).Ids.Order()];
    }

    private static async Task<NoticeStatus> NoticeAsync(BotUnderTest bot, string talk, Person talkee) =>
        (await bot.Services.GetRequiredService<TalkStore>().GetNoticeAsync(new TalkId(talk), new PersonId(talkee.AadObjectId), default))!.Notice.Status;

    [Fact]
    public async Task ADeliveredNotice_ShowsDelivered_NotAcknowledged_AndTheQuizItsScore()
    {
        await using var bot = await MonthAsync(azurite);

        var notices = await ColumnAsync(bot, "通知");
        var english = await ColumnAsync(bot, "Notice", "en-US");
        var quizzes = await ColumnAsync(bot, "廉政测试");

        Assert.Equal(NoticeStatus.Sent, await NoticeAsync(bot, PendingTalk, Person.Cadre3));
        Assert.Equal("已送达，待确认", notices[PendingTalk]);
        Assert.Equal("Delivered, not yet acknowledged", english[PendingTalk]);
        Assert.Equal("已确认收到", notices[HeldTalk]);
        var taken = Assert.Single(await bot.Services.GetRequiredService<QuizStore>().CountedAsync(new TalkId(HeldTalk), default));
        Assert.Equal(taken.Total, taken.Score); // every answer right
        Assert.Equal($"{taken.Score}/{taken.Total}", quizzes[HeldTalk]);
        Assert.Equal("", quizzes[PendingTalk]);
    }

    [Fact]
    public async Task AnUnreachableTalkee_ShowsUnreachable_AndIsNotCountedNorOpenedAsNotified()
    {
        await using var bot = new BotUnderTest(azurite, Monday) { Replace = TabSignIn.Add };
        _ = bot.Server;
        foreach (var person in new[] { Person.Office, Person.Leader, Person.Recorder, Person.Cadre1 })
        {
            Assert.Equal(HttpStatusCode.OK, await bot.InstallAsync(person));
        }

        await CreateTalkAsync(bot, HeldTalk, Person.Cadre1, "09:30");
        await CreateTalkAsync(bot, PendingTalk, Person.Cadre3, "14:30"); // 赵局长 never opened TalkBot

        var (_, body) = await GetAsync(bot, Person.Office);
        var notices = await ColumnAsync(bot, "通知");

        Assert.Equal(NoticeStatus.Unreachable, await NoticeAsync(bot, PendingTalk, Person.Cadre3));
        Assert.Equal("无法送达", notices[PendingTalk]);
        Assert.Equal("已送达，待确认", notices[HeldTalk]);
        Assert.Equal((2L, 1L), (Figures(body)[F.Scheduled], Figures(body)[F.Notified]));
        Assert.Equal([HeldTalk], await OpenedAsync(bot, body, F.Notified));
    }

    [Fact]
    public async Task ARefusedPostponement_IsNotified_NotAcknowledged_OnTheLedgerAndInTheCount()
    {
        await using var bot = await StartAsync(azurite);
        await CreateTalkAsync(bot, PendingTalk, Person.Cadre3, "14:30");
        await bot.ExecuteAsync(Person.Cadre3, Verbs.NoticePostpone, new { talkId = PendingTalk, reason = "当天外出参加培训" });
        await bot.ExecuteAsync(Person.Office, Verbs.PostponementRefuse, new Dictionary<string, string>
        {
            [DataKeys.TalkId] = PendingTalk, [DataKeys.Talkee] = Person.Cadre3.AadObjectId, [DataKeys.Reason] = "培训可另行安排",
        });
        // The talk counted again from what is stored, as after any change of it and by the daily mending.
        await bot.Services.GetRequiredService<StatRecount>().TalkAsync(new TalkId(PendingTalk), default);

        var (_, body) = await GetAsync(bot, Person.Office);
        var notices = await ColumnAsync(bot, "通知");

        Assert.Equal(NoticeStatus.PostponementRefused, await NoticeAsync(bot, PendingTalk, Person.Cadre3));
        Assert.Equal("不同意改期，待确认", notices[PendingTalk]);
        Assert.Equal(1L, Figures(body)[F.Notified]);
        Assert.False(Figures(body).TryGetValue(F.Acknowledged, out var acknowledged) && acknowledged > 0);
        Assert.Equal([PendingTalk], await OpenedAsync(bot, body, F.Notified));
        Assert.Empty(await OpenedAsync(bot, body, F.Acknowledged));
    }

    [Fact]
    public async Task ARetake_ReplacesTheScoreOnTheLine_OnlyOnceSubmitted()
    {
        await using var bot = await StartAsync(azurite);
        await CreateTalkAsync(bot, HeldTalk, Person.Cadre1, "09:30");
        var ids = new Dictionary<string, string> { [DataKeys.TalkId] = HeldTalk };
        await bot.ExecuteAsync(Person.Cadre1, Verbs.QuizStart, ids);
        await bot.ExecuteAsync(Person.Cadre1, Verbs.QuizSubmit, Answers(bot, correct: false));
        var first = (await ColumnAsync(bot, "廉政测试"))[HeldTalk];
        await bot.ExecuteAsync(Person.Office, Verbs.QuizRetake, new Dictionary<string, string>(ids) { [DataKeys.Talkee] = Person.Cadre1.AadObjectId });
        await bot.ExecuteAsync(Person.Cadre1, Verbs.QuizStart, ids);
        var started = (await ColumnAsync(bot, "廉政测试"))[HeldTalk];
        await bot.ExecuteAsync(Person.Cadre1, Verbs.QuizSubmit, Answers(bot, attempt: 2));

        var attempts = await bot.Services.GetRequiredService<QuizStore>().ListAttemptsAsync(new TalkId(HeldTalk), new PersonId(Person.Cadre1.AadObjectId), default);
        Assert.Equal([0, attempts[1].Total], attempts.Select(a => a.Score));
        Assert.Equal($"0/{attempts[0].Total}", first);
        Assert.Equal(first, started);
        Assert.Equal($"{attempts[1].Total}/{attempts[1].Total}", (await ColumnAsync(bot, "廉政测试"))[HeldTalk]);
        var (_, body) = await GetAsync(bot, Person.Office);
        Assert.Equal((1L, (double)attempts[1].Total), (Figures(body)[F.QuizTaken], body.GetProperty("rates").GetProperty("averageScore").GetDouble()));
        Assert.Equal([HeldTalk], await OpenedAsync(bot, body, F.QuizTaken));
    }

    [Fact]
    public async Task ListingATalkAgain_WritesItsNoticeAndQuizRowsFromWhatIsStored()
    {
        await using var bot = await MonthAsync(azurite);
        async Task<string> CellsAsync() =>
            string.Join("\n", (await ColumnAsync(bot, "通知")).Concat(await ColumnAsync(bot, "廉政测试")).Select(c => $"{c.Key}={c.Value}").Order());
        var before = await CellsAsync();
        var tables = bot.Services.GetRequiredService<TableSet>();
        Assert.True(await IndexRows.DeleteAsync(tables, row => row.RowKey.StartsWith(TalkLedgerRows.Prefix, StringComparison.Ordinal) && TalkLedgerRows.KindOf(row.RowKey) == TalkLedgerRows.NoticeKind) > 0);
        Assert.True(await IndexRows.DeleteAsync(tables, row => row.RowKey.StartsWith(TalkLedgerRows.Prefix, StringComparison.Ordinal) && TalkLedgerRows.KindOf(row.RowKey) == TalkLedgerRows.QuizKind) > 0);

        var emptied = await ColumnAsync(bot, "通知");
        foreach (var talk in new[] { HeldTalk, PendingTalk })
        {
            await bot.Services.GetRequiredService<TalkLedgerRows>().WriteAsync(new TalkId(talk), default);
        }

        Assert.Equal("正在发送", emptied[PendingTalk]);
        Assert.Equal(before, await CellsAsync());
    }
}
