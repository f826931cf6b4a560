using TalkBot.EndToEnd.Tests.Harness;
using Xunit.Abstractions;

namespace TalkBot.EndToEnd.Tests;

/// <summary>
/// Issue 4's rectification as people see it in the Agents Playground: a record requiring rectification gives the
/// talkee a report form; once the bot's test clock passes the due date, the overdue reminder arrives by itself (the
/// scheduler of the running bot); the talkee reports, and the talker accepts.
/// </summary>
public sealed class RectificationTests(PeersFixture peers, ITestOutputHelper output) : EndToEndTest(peers, output)
{
    [Fact]
    public Task RecordRequiresRectification_ReminderArrives_TalkeeReports_TalkerAccepts() => RunScenarioAsync(async playground =>
    {
        var talkee = Peers.People.Single(p => p.Name == DemoRoles.FirstCadre);
        var talker = Peers.People.Single(p => p.Name == DemoRoles.Talker);
        var recorder = Peers.People.Single(p => p.Name == DemoRoles.Recorder);
        await playground.OpenEveryoneAsync();

        var place = "整改谈话室" + Guid.NewGuid().ToString("N")[..6];
        await playground.CreateRoutineTalkAsync(talkee.Name, talker.Name, recorder.Name, place);
        await Peers.AdvanceBotClockAsync(TimeSpan.FromDays(7));

        // The working day after the talk the scheduler reminds the recorder, who logs the talk from the reminder.
        await playground.SwitchUserAsync(recorder.Index);
        var reminder = await playground.WaitForCardWithAllAsync(TimeSpan.FromSeconds(60), "谈话记录尚未登记", place);
        await playground.ClickActionAsync(reminder, "登记谈话记录");
        await PlaygroundPage.SettleAsync();
        var form = await playground.WaitForCardAsync("提交记录，请谈话对象核实");
        await playground.SelectChoicesAsync(form, "谈话内容（000 §四(二)，至少勾选一项）", "3. 落实中央八项规定精神情况、存在的问题及整改情况");
        await playground.FillInputAsync(form, "指出的问题", "公车私用");
        await playground.FillInputAsync(form, "需要整改（谈话结束后3日内上报整改措施落实情况，000 §四(一)5）", "true");
        await playground.FillInputAsync(form, "整改事项（每行一项）", "补缴公车私用费用" + place);
        await playground.ClickActionAsync(form, "提交记录，请谈话对象核实");
        await playground.WaitForCardAsync("记录已提交");

        // Past the due date, the scheduler sends the overdue reminder on its own.
        await Peers.AdvanceBotClockAsync(TimeSpan.FromDays(10));
        await playground.SwitchUserAsync(talkee.Index);
        await playground.WaitForCardAsync("整改情况逾期未报", TimeSpan.FromSeconds(60));
        await playground.ScreenshotAsync("rectification-overdue.png");
        await PlaygroundPage.SettleAsync();

        // The talkee reports from the form they were given.
        // The first card naming the item is the form the talkee was given with the record (the reminders come later).
        var report = playground.Page.Locator(".ac-adaptiveCard").Filter(new() { HasText = "上报整改情况" }).Filter(new() { HasText = place }).First;
        await playground.FillInputAsync(report, "第1项整改措施", "已补缴全部费用并作出书面检讨");
        await playground.FillInputAsync(report, "第1项完成日期（已完成时填写）", DateTime.UtcNow.AddHours(8).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await playground.ClickActionAsync(report, "上报整改情况");
        await playground.WaitForCardAsync("逾期上报");

        // The talker reviews and accepts; the talkee is told.
        await playground.SwitchUserAsync(talker.Index);
        var review = await playground.WaitForCardAsync("已上报整改情况，请审核");
        await playground.ClickActionAsync(review, "审核通过");
        await playground.WaitForCardAsync("审核通过");
        await playground.SwitchUserAsync(talkee.Index);
        await playground.WaitForCardAsync("您的整改情况已审核通过");
        await playground.ScreenshotAsync("rectification-accepted.png");
    });
}
