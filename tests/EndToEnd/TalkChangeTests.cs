using TalkBot.EndToEnd.Tests.Harness;
using Xunit.Abstractions;

namespace TalkBot.EndToEnd.Tests;

/// <summary>
/// Issue 13 as people see it in the Agents Playground: the organiser approves a postponement with a new time or refuses
/// it with a reason, moves a talk, or cancels it; the talkee is told in a message, and their notice card follows in place.
/// </summary>
public sealed class TalkChangeTests(PeersFixture peers, ITestOutputHelper output) : EndToEndTest(peers, output)
{
    private const string Place = "第二会议室";

    private async Task<(Person Organiser, Person Talkee, Microsoft.Playwright.ILocator Card)> CreateAsync(PlaygroundPage playground)
    {
        var organiser = Peers.People[0];
        var talkee = Peers.People.Single(p => p.Name == DemoRoles.FirstCadre);
        await playground.SwitchUserAsync(talkee.Index);
        await playground.SwitchUserAsync(organiser.Index);
        var created = await playground.CreateRoutineTalkAsync(talkee.Name, DemoRoles.Talker, DemoRoles.Recorder, Place);
        await playground.WaitForCardAsync("已送达，待确认");
        return (organiser, talkee, await playground.WaitForCardAsync("谈话已创建"));
    }

    // The talkee asks to postpone with a reason; the organiser's digest of the request, and the notice as it was.
    private static async Task<(Microsoft.Playwright.ILocator Digest, string Notified)> AskToPostponeAsync(
        PlaygroundPage playground, Person organiser, Person talkee, string reason)
    {
        await playground.SwitchUserAsync(talkee.Index);
        var notice = await playground.WaitForCardAsync("层级廉政谈话通知书");
        var notified = await PlaygroundPage.GetCardTextAsync(notice);
        await playground.ClickActionAsync(notice, "申请改期");
        await playground.FillInputAsync(notice, "改期理由", reason);
        await playground.ClickActionAsync(notice, "提交改期申请");
        await playground.WaitForCardAsync("等待组织方答复");

        await playground.SwitchUserAsync(organiser.Index);
        await playground.WaitForCardAsync("申请谈话改期");
        await PlaygroundPage.SettleAsync();
        return (await playground.WaitForCardAsync("申请谈话改期"), notified);
    }

    [Fact]
    public Task Postponement_ApprovedWithANewTime_TalkeeIsToldAndTheirNoticeFollows() => RunScenarioAsync(async playground =>
    {
        var (organiser, talkee, _) = await CreateAsync(playground);
        var (digest, _) = await AskToPostponeAsync(playground, organiser, talkee, "当天外出参加培训");

        await playground.ClickActionAsync(digest, "同意改期");
        await playground.FillInputAsync(digest, "新的谈话时间", "15:30");
        await playground.ClickActionAsync(digest, "确定改期");
        var decided = await playground.WaitForCardAsync("已同意改期");
        Assert.Contains("15:30", await PlaygroundPage.GetCardTextAsync(decided), StringComparison.Ordinal);
        await playground.ScreenshotAsync("postponement-approved.png");

        await playground.SwitchUserAsync(talkee.Index);
        var told = await playground.WaitForCardAsync("改期申请已同意");
        Assert.Contains("15:30", await PlaygroundPage.GetCardTextAsync(told), StringComparison.Ordinal);
        var followed = await playground.WaitForCardAsync("您的改期申请已同意");
        Assert.DoesNotContain("等待组织方答复", await PlaygroundPage.GetCardTextAsync(followed), StringComparison.Ordinal);
        await playground.ScreenshotAsync("postponement-approved-talkee.png");
    });

    [Fact]
    public Task Postponement_RefusedWithAReason_TalkeeIsToldAndTheOriginalTimeStands() => RunScenarioAsync(async playground =>
    {
        var (organiser, talkee, _) = await CreateAsync(playground);
        var (digest, notified) = await AskToPostponeAsync(playground, organiser, talkee, "当天需陪同家人就医");

        await playground.ClickActionAsync(digest, "不同意");
        await playground.FillInputAsync(digest, "不同意的理由", "谈话安排已报送，请按时参加");
        await playground.ClickActionAsync(digest, "不同意改期");
        var decided = await playground.WaitForCardAsync("已答复不同意改期");
        Assert.Contains("谈话安排已报送，请按时参加", await PlaygroundPage.GetCardTextAsync(decided), StringComparison.Ordinal);
        await playground.ScreenshotAsync("postponement-refused.png");

        await playground.SwitchUserAsync(talkee.Index);
        var told = await playground.WaitForCardAsync("改期申请未获同意");
        var toldText = await PlaygroundPage.GetCardTextAsync(told);
        Assert.Contains("谈话安排已报送，请按时参加", toldText, StringComparison.Ordinal);
        var scheduled = System.Text.RegularExpressions.Regex.Match(toldText, "请按原定时间(.+?)在" + Place).Groups[1].Value;
        Assert.False(string.IsNullOrEmpty(scheduled), "the talkee is told the time that stands: " + toldText);
        Assert.Contains(scheduled, notified, StringComparison.Ordinal);
        var followed = await playground.WaitForCardAsync("组织方不同意改期");
        var noticeText = await PlaygroundPage.GetCardTextAsync(followed);
        Assert.Contains(scheduled, noticeText, StringComparison.Ordinal);
        Assert.DoesNotContain("等待组织方答复", noticeText, StringComparison.Ordinal);
        await playground.ScreenshotAsync("postponement-refused-talkee.png");
    });

    [Fact]
    public Task Talk_MovedByTheOrganiser_TalkeeIsToldAndTheirNoticeShowsTheNewTime() => RunScenarioAsync(async playground =>
    {
        var (_, talkee, card) = await CreateAsync(playground);

        await playground.ClickActionAsync(card, "改期");
        await playground.FillInputAsync(card, "新的谈话时间", "15:00");
        await playground.FillInputAsync(card, "改期理由", "会议室临时占用");
        await playground.ClickActionAsync(card, "确定改期");
        var moved = await playground.WaitForCardAsync("已改期");
        Assert.Contains("会议室临时占用", await PlaygroundPage.GetCardTextAsync(moved), StringComparison.Ordinal);
        await playground.ScreenshotAsync("talk-moved.png");

        await playground.SwitchUserAsync(talkee.Index);
        var told = await playground.WaitForCardAsync("谈话已改期");
        Assert.Contains("15:00", await PlaygroundPage.GetCardTextAsync(told), StringComparison.Ordinal);
        var notice = await playground.WaitForCardAsync("谈话时间已变更");
        Assert.Contains("15:00", await PlaygroundPage.GetCardTextAsync(notice), StringComparison.Ordinal);
    });

    [Fact]
    public Task Talk_CancelledByTheOrganiser_TalkeeIsToldAndTheirNoticeIsWithdrawn() => RunScenarioAsync(async playground =>
    {
        var (_, talkee, card) = await CreateAsync(playground);

        await playground.ClickActionAsync(card, "撤销谈话");
        await playground.FillInputAsync(card, "撤销理由", "谈话对象借调外单位");
        await playground.ClickActionAsync(card, "确定撤销");
        var cancelled = await playground.WaitForCardAsync("谈话已撤销");
        Assert.Contains("谈话对象借调外单位", await PlaygroundPage.GetCardTextAsync(cancelled), StringComparison.Ordinal);
        await playground.ScreenshotAsync("talk-cancelled.png");

        await playground.SwitchUserAsync(talkee.Index);
        await playground.WaitForCardAsync("谈话已撤销");
        var notice = await playground.WaitForCardAsync("该谈话已撤销");
        Assert.Equal(0, await notice.GetByRole(Microsoft.Playwright.AriaRole.Button, new() { Name = "确认收到", Exact = true }).CountAsync());
    });
}
