using Xunit.Abstractions;
using TalkBot.Bot.Features.Records;
using TalkBot.Bot.Features.Talks;
using TalkBot.Bot.Infrastructure.Storage;
using TalkBot.Domain;
using TalkBot.Domain.Quiz;
using TalkBot.EndToEnd.Tests.Harness;

namespace TalkBot.EndToEnd.Tests;

/// <summary>
/// Issue 3 as people see it in the Agents Playground: the talkee takes the 廉政常识测试 from the notice, the talker
/// gets the score; after the talk (the bot's test clock moved forward) the recorder logs the 《层级廉政谈话登记表》
/// from 待办记录, and the talkee verifies it with 确认无误.
/// </summary>
public sealed class QuizAndRecordTests(PeersFixture peers, ITestOutputHelper output) : EndToEndTest(peers, output)
{
    [Fact]
    public Task Talkee_TakesTheQuiz_RecorderLogsTheTalk_TalkeeVerifies() => RunScenarioAsync(async playground =>
    {
        var talkee = Peers.People.Single(p => p.Name == DemoRoles.FirstCadre);
        var talker = Peers.People.Single(p => p.Name == DemoRoles.Talker);
        var recorder = Peers.People.Single(p => p.Name == DemoRoles.Recorder);
        await playground.OpenEveryoneAsync();

        // A talk that no other scenario uses: its place names it.
        var place = "廉政谈话室" + Guid.NewGuid().ToString("N")[..6];
        await playground.CreateRoutineTalkAsync(talkee.Name, talker.Name, recorder.Name, place);

        // The talkee takes the quiz from the notice and answers every question correctly.
        await playground.SwitchUserAsync(talkee.Index);
        var notice = await playground.WaitForCardAsync(place);
        await playground.ClickActionAsync(notice, "开始测试");
        var quiz = await playground.WaitForCardAsync("提交答卷");
        var bank = LoadBank();
        var labels = (await PlaygroundPage.GetInputLabelsAsync(quiz)).Where(l => l.Length > 3 && char.IsAsciiDigit(l[0])).ToList();
        Assert.Equal(10, labels.Count);
        foreach (var label in labels)
        {
            var question = bank.Questions.Single(q => label.Contains(q.Text, StringComparison.Ordinal));
            await playground.SelectChoicesAsync(quiz, label, [.. question.Options.Where(o => question.Answer.Contains(o.Key)).Select(o => $"{o.Key}. {o.Text}")]);
        }

        await playground.ClickActionAsync(quiz, "提交答卷");
        await playground.WaitForCardAsync("得分：10 / 10");
        await playground.ScreenshotAsync("quiz-result.png");

        await playground.SwitchUserAsync(talker.Index);
        await playground.WaitForCardAsync($"廉政常识测试成绩：{talkee.Name}");

        // The talk takes place; the recorder logs it.
        await Peers.AdvanceBotClockAsync(TimeSpan.FromDays(7));
        await playground.SwitchUserAsync(recorder.Index);
        // The scheduler reminds the recorder the working day after the talk; the chat is left to settle first.
        await playground.WaitForCardWithAllAsync(TimeSpan.FromSeconds(60), "谈话记录尚未登记", place);
        await PlaygroundPage.SettleAsync();
        await playground.SendMessageAsync("待办记录");
        var todo = await playground.WaitForCardAsync("待办谈话记录");
        var line = todo.Locator(".ac-container").Filter(new() { HasText = place }).Last;
        await playground.ClickActionAsync(line, "登记谈话记录");
        var form = await playground.WaitForCardAsync("提交记录，请谈话对象核实");
        await playground.SelectChoicesAsync(form, "谈话内容（000 §四(二)，至少勾选一项）",
            "1. 贯彻执行民主集中制，落实“三重一大”等制度情况", "7. 个人执行《中国共产党廉洁自律准则》情况、存在的问题及整改措施");
        await playground.FillInputAsync(form, "指出的问题", "公务接待存在超标准现象");
        await playground.FillInputAsync(form, "谈话对象的解释说明", "已认识到问题");
        await playground.FillInputAsync(form, "提出的要求", "严格执行接待标准");
        await playground.ClickActionAsync(form, "提交记录，请谈话对象核实");
        await playground.WaitForCardAsync("记录已提交");
        await playground.ScreenshotAsync("record-logged.png");

        // The talkee verifies their part.
        await playground.SwitchUserAsync(talkee.Index);
        var toVerify = await playground.WaitForCardAsync("公务接待存在超标准现象");
        await playground.ClickActionAsync(toVerify, "确认无误");
        await playground.WaitForCardAsync("本人已确认无误");
        await playground.ScreenshotAsync("record-verified.png");

        await playground.SwitchUserAsync(recorder.Index);
        await playground.WaitForCardAsync("已核实");

        // Stored: one verified version of the record of this talk.
        var tables = new Azure.Data.Tables.TableServiceClient(Peers.TablesConnectionString ?? "UseDevelopmentStorage=true").GetTableClient(TalkRows.Talks);
        var heads = new List<RecordHeadEntity>();
        await foreach (var head in tables.QueryAsync<RecordHeadEntity>(
            TableFilter.Of($"RowKey eq {TalkRows.RecordHeadRow} and Status eq {"Verified"}")))
        {
            heads.Add(head);
        }

        Assert.Contains(heads, h => h.CurrentVersion == 1);
    });

    private static QuestionBank LoadBank()
    {
        var path = Path.Combine(RepoPaths.Root, "Domain", QuestionBank.ShippedDataPath);
        using var stream = File.OpenRead(path);
        return QuestionBank.Load(path, stream);
    }
}
