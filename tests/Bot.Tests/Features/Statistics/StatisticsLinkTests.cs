using TalkBot.Bot.Tests.Support;
using static TalkBot.Bot.Tests.Features.Statistics.StatisticsSetup;
using F = TalkBot.Domain.Statistics.Figures;

namespace TalkBot.Bot.Tests.Features.Statistics;

/// <summary>
/// Issue 15 §2 on Azurite: every figure links to the rows behind it. The month of <see cref="StatisticsSetup.MonthAsync"/>
/// has two talks of one talkee each, so each talk figure counts as many talkees as its link opens talks in the talk ledger.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class StatisticsLinkTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task EveryTalkFigure_OpensAsManyTalksAsItCounts()
    {
        await using var bot = await MonthAsync(azurite);
        var (_, body) = await GetAsync(bot, Person.Office);
        using var client = TabSignIn.ClientAs(bot, Person.Office);

        string[] keys = [F.Scheduled, F.Notified, F.Acknowledged, F.Held, F.Recorded, F.Verified, F.Completed, F.Cancelled, F.RectificationOnTime, F.RectificationLate,
            F.RectificationOpen, F.QuizTaken];
        var opened = new List<(string, long)>();
        foreach (var key in keys)
        {
            opened.Add((key, (await OpenAsync(client, Figure(body, key).GetProperty("link"))).Total));
        }

        Assert.Equal(keys.Select(k => (k, Figures(body)[k])), opened);
        Assert.Contains(opened, o => o.Item2 == 2);
        Assert.Contains(opened, o => o.Item2 == 1);
    }

    [Fact]
    public async Task AFiguresLink_OpensTheTalksItCounts_AndNotTheOthers()
    {
        await using var bot = await MonthAsync(azurite);
        var (_, body) = await GetAsync(bot, Person.Office);
        using var client = TabSignIn.ClientAs(bot, Person.Office);

        var verified = await OpenAsync(client, Figure(body, F.Verified).GetProperty("link"));
        var scheduled = await OpenAsync(client, Figure(body, F.Scheduled).GetProperty("link"));
        var unit1 = body.GetProperty("units").EnumerateArray().Single(u => u.GetProperty("id").GetString() == "unit1");
        var completedInUnit1 = await OpenAsync(client, unit1.GetProperty("link"));
        var notified = await OpenAsync(client, Figure(body, F.Notified).GetProperty("link"));
        var acknowledged = await OpenAsync(client, Figure(body, F.Acknowledged).GetProperty("link"));
        var quizTaken = await OpenAsync(client, Figure(body, F.QuizTaken).GetProperty("link"));

        Assert.Equal([HeldTalk], verified.Ids);
        Assert.Equal([HeldTalk, PendingTalk], scheduled.Ids.Order());
        Assert.Equal([HeldTalk], completedInUnit1.Ids);
        // 赵局长's notice was delivered and not answered: notified, not acknowledged; only 李干部 took the quiz.
        Assert.Equal([HeldTalk, PendingTalk], notified.Ids.Order());
        Assert.Equal([HeldTalk], acknowledged.Ids);
        Assert.Equal([HeldTalk], quizTaken.Ids);
    }
}
