using TalkBot.Domain.Calendar;
using TalkBot.Domain.Plans;
using TalkBot.EndToEnd.Tests.Harness;
using Xunit.Abstractions;

namespace TalkBot.EndToEnd.Tests;

/// <summary>
/// Issue 5 as people see it in the Agents Playground: when the bot's clock reaches the plan date (the first working
/// day of the month's last week, 000 §三1) the discipline group leader gets his plan with his talkees and why; he
/// schedules the talk with 何建平 from it (other scenarios already talk to 周海涛, whose line shows 已安排), and 何建平
/// receives the notice. In the tab, his 谈话方案台账 shows the plan with 何建平 arranged; 何建平's shows nothing of being planned.
/// </summary>
public sealed class PlanTests(PeersFixture peers, ITestOutputHelper output) : EndToEndTest(peers, output)
{
    [Fact]
    public Task PlanDate_TalkerGetsThePlan_SchedulesFromIt_TalkeeGetsTheNotice() => RunScenarioAsync(async playground =>
    {
        var talkee = Peers.People.Single(p => p.Name == "何建平");
        var talker = Peers.People.Single(p => p.Name == DemoRoles.Talker);
        await playground.OpenEveryoneAsync();

        // Move the bot's clock just past the next plan date, as the plans are made on the shipped calendar.
        var now = await Peers.BotNowAsync();
        var rules = new MonthlyPlanRules(ShippedCalendar(), new PlanPolicy());
        var (year, month) = rules.NextPlanMonth(now);
        await Peers.AdvanceBotClockAsync(rules.PlanAt(year, month) - now + TimeSpan.FromMinutes(1));

        await playground.SwitchUserAsync(talker.Index);
        var plan = await playground.WaitForCardWithAllAsync(TimeSpan.FromSeconds(60), $"{year}年{month}月廉政谈话计划", "何建平（西城分局党委）");
        Assert.Contains("所属单位主要领导", await PlaygroundPage.GetCardTextAsync(plan), StringComparison.Ordinal);
        await playground.ScreenshotAsync("plan.png");
        await PlaygroundPage.SettleAsync();

        plan = await playground.WaitForCardWithAllAsync(null, $"{year}年{month}月廉政谈话计划", "何建平（西城分局党委）");
        var line = plan.Locator(".ac-container").Filter(new() { HasText = "何建平（西城分局党委）" }).Last;
        await playground.ClickActionAsync(line, "安排谈话");
        var form = await playground.WaitForCardAsync("创建并发送通知书");
        var place = "计划谈话室" + Guid.NewGuid().ToString("N")[..6];
        await playground.SelectChoicesAsync(form, "记录人", DemoRoles.Recorder);
        await playground.FillInputAsync(form, "谈话地点", place);
        await playground.ClickActionAsync(form, "创建并发送通知书");
        await playground.WaitForCardAsync("谈话已创建");

        await playground.SwitchUserAsync(talkee.Index);
        var notice = await playground.WaitForCardAsync(place);
        Assert.Contains(DemoRoles.Talker, await PlaygroundPage.GetCardTextAsync(notice), StringComparison.Ordinal);
        await playground.ScreenshotAsync("plan-notice.png");

        // 谈话方案台账 in the tab: the talker's own plan, 何建平 arranged; the talkee is never shown being planned.
        var outside = new List<string>();
        var planMonth = $"{year}-{month:D2}";
        await using (var tab = await OpenTabAsync(talker.Name, outside))
        {
            await tab.Page.ClickAsync("#ledger-plans");
            var rows = await RowsAsync(tab, r => r.Count > 0 && r[0].ContainsKey("谈话对象类别"));
            var lines = rows.Where(r => r["月份"] == planMonth).ToList();
            Assert.Contains(lines, r => r["谈话对象"] == talkee.Name && r["状态"].StartsWith("已安排", StringComparison.Ordinal));
            Assert.All(rows, r => Assert.Equal(talker.Name, r["谈话人"]));
            await tab.Page.ScreenshotAsync(new() { Path = Path.Combine(RepoPaths.Artifacts, "tab-plans.png"), FullPage = true });
            Assert.True(tab.Errors.Count == 0, "console errors:\n" + string.Join('\n', tab.Errors));
        }

        await using (var own = await OpenTabAsync(talkee.Name, outside))
        {
            await own.Page.ClickAsync("#ledger-plans");
            await own.Page.WaitForFunctionAsync("() => document.querySelector('#ledger-plans')?.getAttribute('aria-selected') === 'true' && document.querySelector('#ledger-summary')?.innerText.startsWith('共 0 条')");
        }

        Assert.Empty(outside);
    });

    private static WorkingCalendar ShippedCalendar()
    {
        var path = Path.Combine(RepoPaths.Root, "Domain", WorkingCalendar.ShippedDataPath);
        using var stream = File.OpenRead(path);
        return WorkingCalendar.Load(WorkingCalendar.DefaultTimeZoneId, (path, stream));
    }
}
