using System.Globalization;
using TalkBot.Domain.Calendar;
using TalkBot.Domain.Reminders;
using TalkBot.EndToEnd.Tests.Harness;
using Xunit.Abstractions;

namespace TalkBot.EndToEnd.Tests;

/// <summary>
/// Issue 6's admonishment talk (002) as people see it in the Agents Playground: 陈静 (纪委办) proposes it for 周海涛
/// with a minor violation; 周海涛 is 正处级, so 王正清 (纪委书记) approves it (002 §四2); 陈静 arranges the talk, which with a
/// minor violation needs two talkers (002 §四3), led by the responsible person 张建国; after the talk the recorder logs
/// the 《诫勉谈话教育情况表》 with the four steps of 002 §三; 周海涛 verifies it and hands in his written self-examination
/// (002 §四4), which 陈静 accepts; a month later the scheduler asks 陈静 for the follow-up check (002 §四5), which she
/// records as corrected.
/// </summary>
public sealed class AdmonishmentTests(PeersFixture peers, ITestOutputHelper output) : EndToEndTest(peers, output)
{
    private const string Situation = "（六）不严格执行廉洁自律规定，造成不良影响";
    private const string MinorViolation = "经初核有轻微违纪行为（须两人以上实施谈话，谈话后交书面检查，002 §四3–4）";
    private const string Steps = "谈话步骤（002 §三，须逐项完成）";

    [Fact]
    public Task Proposal_Approved_TalkRecorded_SelfExaminationAccepted_FollowUpCloses() => RunScenarioAsync(async playground =>
    {
        var office = Peers.People.Single(p => p.Name == "陈静");
        var approver = Peers.People.Single(p => p.Name == DemoRoles.Talker);
        var recorder = Peers.People.Single(p => p.Name == DemoRoles.Recorder);
        var cadre = Peers.People.Single(p => p.Name == DemoRoles.FirstCadre);
        var responsible = Peers.People.Single(p => p.Name == "张建国");
        await playground.OpenEveryoneAsync();

        // A case and talk that no other scenario uses: the facts and the place carry the same marker.
        var marker = Guid.NewGuid().ToString("N")[..6];
        var facts = $"违规接受管理服务对象宴请（核查编号{marker}）";
        var place = "诫勉谈话室" + marker;

        // The discipline office proposes the admonishment (002 §四1).
        await playground.SendMessageAsync("诫勉建议");
        var proposal = await playground.WaitForCardAsync("提交建议，报请审批");
        await playground.SelectChoicesAsync(proposal, "谈话对象", cadre.Name);
        await playground.FillInputAsync(proposal, "诫勉情形（002 §二）", Situation);
        await playground.FillInputAsync(proposal, "调查核实的事实", facts);
        await playground.FillInputAsync(proposal, MinorViolation, "true");
        await playground.FillInputAsync(proposal, "问题来源", "执纪监察");
        await playground.ClickActionAsync(proposal, "提交建议，报请审批");
        var sent = await playground.WaitForCardWithAllAsync(null, "已报送审批", marker);
        Assert.Contains(approver.Name, await PlaygroundPage.GetCardTextAsync(sent), StringComparison.Ordinal);

        // 周海涛 is 正处级: the 纪委书记 approves (002 §四2).
        await playground.SwitchUserAsync(approver.Index);
        var approval = await playground.WaitForCardWithAllAsync(null, "请审批这项诫勉谈话建议", marker);
        await playground.ScreenshotAsync("admonishment-approval.png");
        await playground.FillInputAsync(approval, "审批意见", "同意，由张建国同志主谈");
        await playground.ClickActionAsync(approval, "批准");
        await playground.WaitForCardWithAllAsync(null, "已批准。", marker);

        // The approved case comes back to the office, who arranges the talk.
        await playground.SwitchUserAsync(office.Index);
        var approved = await playground.WaitForCardWithAllAsync(null, "已批准，请安排诫勉谈话", marker);
        await playground.ClickActionAsync(approved, "安排诫勉谈话");
        var form = await playground.WaitForCardWithAllAsync(null, "安排诫勉谈话", "创建并发送通知书");
        var calendar = ShippedCalendar();
        var talkDate = calendar.AddWorkingDays(calendar.LocalDate(await Peers.BotNowAsync()), 3);
        var date = talkDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        // With a minor violation one talker is refused (002 §四3).
        await playground.SelectChoicesAsync(form, "谈话人", responsible.Name);
        await playground.SelectChoicesAsync(form, "记录人", recorder.Name);
        await playground.FillInputAsync(form, "谈话日期", date);
        await playground.FillInputAsync(form, "谈话地点", place);
        await playground.ClickActionAsync(form, "创建并发送通知书");
        form = await playground.WaitForCardWithAllAsync(null, "须由两人以上（含两人）实施诫勉谈话", "创建并发送通知书");

        // Two talkers, the responsible person of 周海涛's tier first (he leads).
        await playground.SelectChoicesAsync(form, "谈话人", responsible.Name, approver.Name);
        await playground.FillInputAsync(form, "谈话日期", date);
        await playground.FillInputAsync(form, "谈话地点", place);
        await playground.ClickActionAsync(form, "创建并发送通知书");
        await playground.WaitForCardAsync("谈话已创建");

        // The working day after the talk the scheduler reminds the 责任人 who led it, who alone fills the 诫勉谈话教育情况表
        // (002 §五6).
        var rules = new ReminderRules(calendar, new ReminderPolicy());
        var talkAt = calendar.ToInstant(talkDate, new TimeOnly(9, 0));
        await Peers.AdvanceBotClockAsync(rules.RecordMissingReminderAt(talkAt) - await Peers.BotNowAsync() + TimeSpan.FromMinutes(1));
        await playground.SwitchUserAsync(responsible.Index);
        var reminder = await playground.WaitForCardWithAllAsync(TimeSpan.FromSeconds(60), "谈话记录尚未登记", place);
        await PlaygroundPage.SettleAsync();
        reminder = await playground.WaitForCardWithAllAsync(null, "谈话记录尚未登记", place);
        await playground.ClickActionAsync(reminder, "登记谈话记录");
        var record = await playground.WaitForCardWithAllAsync(null, "《诫勉谈话教育情况表》", "提交记录，请谈话对象核实");
        await playground.SelectChoicesAsync(record, Steps,
            "1. 向谈话对象说明谈话原因，反馈有关渠道反映的问题",
            "2. 认真听取谈话对象对有关问题的解释和说明",
            "3. 指出需要注意的问题，进行批评帮助并提出整改意见和建议",
            "4. 要求谈话对象检讨缺点和错误，表明整改态度，提出改正措施");
        await playground.FillInputAsync(record, "指出的问题", "违规接受宴请" + marker);
        await playground.FillInputAsync(record, "谈话对象的解释说明", "承认问题，表示深刻反省");
        await playground.FillInputAsync(record, "提出的要求", "五个工作日内交出书面检查，退还宴请费用");
        await playground.ClickActionAsync(record, "提交记录，请谈话对象核实");
        await playground.WaitForCardAsync("记录已提交");

        // 周海涛 verifies the record and hands in his written self-examination (002 §四4).
        await playground.SwitchUserAsync(cadre.Index);
        var toVerify = await playground.WaitForCardWithAllAsync(null, "违规接受宴请" + marker, "确认无误");
        await playground.ClickActionAsync(toVerify, "确认无误");
        await playground.WaitForCardAsync("本人已确认无误");
        var task = await playground.WaitForCardWithAllAsync(null, "书面检查（002 §四4）", "请于");
        await playground.FillInputAsync(task, "书面检查", "本人违反廉洁自律规定接受宴请，已退还费用并深刻检讨" + marker);
        await playground.ClickActionAsync(task, "提交");
        await playground.WaitForCardAsync("已提交，等待审阅。");

        // It goes to the leading talker, 张建国, and to the proposer, who reviews it.
        await playground.SwitchUserAsync(responsible.Index);
        await playground.WaitForCardWithAllAsync(null, "已提交书面检查，请审阅", marker);
        await playground.SwitchUserAsync(office.Index);
        var review = await playground.WaitForCardWithAllAsync(null, "已提交书面检查，请审阅", marker);
        await playground.ClickActionAsync(review, "审阅通过");
        await playground.WaitForCardWithAllAsync(null, $"{office.Name}：审阅通过", marker);
        await playground.SwitchUserAsync(cadre.Index);
        await playground.WaitForCardAsync("您提交的书面检查已审阅通过");

        // A month after the talk (002 §四5) the scheduler asks the proposer how 周海涛 has improved.
        var checkAt = rules.NextWorkingMoment(calendar.ToInstant(talkDate.AddDays(30), new ReminderPolicy().WorkingHoursStart));
        var toCheck = checkAt - await Peers.BotNowAsync() + TimeSpan.FromMinutes(1);
        await Peers.AdvanceBotClockAsync(toCheck > TimeSpan.FromDays(31) ? toCheck : TimeSpan.FromDays(31));
        await playground.SwitchUserAsync(office.Index);
        await playground.WaitForCardWithAllAsync(TimeSpan.FromSeconds(60), "诫勉谈话后的整改情况并记录（002 §四5）", marker);
        await PlaygroundPage.SettleAsync();
        var followUp = await playground.WaitForCardWithAllAsync(null, "诫勉谈话后的整改情况并记录（002 §四5）", marker);
        await playground.FillInputAsync(followUp, "改进情况", "已改正，结案");
        await playground.FillInputAsync(followUp, "了解情况说明", "已退还宴请费用，近一个月未发现同类问题");
        await playground.ClickActionAsync(followUp, "记录了解结果");
        await playground.WaitForCardWithAllAsync(null, "跟踪了解情况已记录", marker);
        await playground.ScreenshotAsync("admonishment-follow-up.png");
    });

    private static WorkingCalendar ShippedCalendar()
    {
        var path = Path.Combine(RepoPaths.Root, "Domain", WorkingCalendar.ShippedDataPath);
        using var stream = File.OpenRead(path);
        return WorkingCalendar.Load(WorkingCalendar.DefaultTimeZoneId, (path, stream));
    }
}
