using System.Net;
using System.Text.Json;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using TalkBot.Bot.Features.Quiz;
using TalkBot.Bot.Features.Records;
using TalkBot.Bot.Features.Talks;
using TalkBot.Bot.Infrastructure.Storage;
using TalkBot.Bot.Tests.Support;
using TalkBot.Cards;
using TalkBot.Domain;
using TalkBot.Domain.Quiz;
using TalkBot.Domain.Records;
using TalkBot.Domain.Talks;

namespace TalkBot.Bot.Tests.Features.Records;

/// <summary>
/// Issue 3 inside the process against Azurite: the talkee takes the quiz before a routine talk and the talkers see the
/// score; after the talk the recorder logs the record and the talkee verifies it, disputes it, and verifies the revision.
/// Crafted invokes naming someone else's talk, quiz or record change nothing.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class QuizAndRecordFlowTests(AzuriteFixture azurite)
{
    private static readonly DateTimeOffset Monday = new(2026, 3, 2, 10, 0, 0, TimeSpan.FromHours(8));
    private static readonly DateTimeOffset AfterTheTalk = new(2026, 3, 5, 15, 0, 0, TimeSpan.FromHours(8));
    private const string TalkForm = "0195a0b2c3d47e8f9a0b1c2d3e4f5a6b";
    private static readonly TalkId Talk = new(TalkForm);

    private async Task<BotUnderTest> StartAsync(params Person[] talkees)
    {
        var bot = new BotUnderTest(azurite, Monday);
        _ = bot.Server;
        foreach (var person in new[] { Person.Office, Person.Leader, Person.Recorder, Person.Cadre1, Person.Cadre2, Person.Cadre3 })
        {
            Assert.Equal(HttpStatusCode.OK, await bot.InstallAsync(person));
        }

        talkees = talkees.Length == 0 ? [Person.Cadre1] : talkees;
        var created = CardText.Of(await bot.ExecuteAsync(Person.Office, Verbs.TalkCreate, new Dictionary<string, string>
        {
            [DataKeys.FormId] = TalkForm,
            ["talkees"] = string.Join(',', talkees.Select(t => t.AadObjectId)),
            ["talkers"] = Person.Leader.AadObjectId,
            ["recorder"] = Person.Recorder.AadObjectId,
            ["kind"] = "Routine",
            ["date"] = "2026-03-05",
            ["time"] = "09:30",
            ["place"] = "第三会议室",
            ["contentDate"] = "2026-03-02",
        }));
        Assert.Contains("谈话已创建", created, StringComparison.Ordinal);
        return bot;
    }

    private static Dictionary<string, string> Ids(string? extraKey = null, string? extraValue = null)
    {
        var ids = new Dictionary<string, string> { [DataKeys.TalkId] = TalkForm };
        if (extraKey is not null)
        {
            ids[extraKey] = extraValue!;
        }

        return ids;
    }

    /// <summary>The quiz card last sent to the person, as JSON.</summary>
    private static JsonElement LastQuizCard(BotUnderTest bot, Person person) => bot.Connector.Sent
        .Where(s => s.ConversationId == person.ConversationId)
        .SelectMany(s => s.Activity.Attachments ?? [])
        .Select(a => JsonSerializer.SerializeToElement(a.Content))
        .Last(c => CardText.Of(c).Contains(Verbs.QuizSubmit, StringComparison.Ordinal));

    private static IReadOnlyList<string> QuestionIds(JsonElement quizCard) => quizCard.GetProperty("body").EnumerateArray()
        .Where(e => e.TryGetProperty("id", out var id) && id.GetString()!.StartsWith(DataKeys.QuizAnswerPrefix, StringComparison.Ordinal))
        .Select(e => e.GetProperty("id").GetString()![DataKeys.QuizAnswerPrefix.Length..])
        .ToList();

    private static Dictionary<string, string> Answers(BotUnderTest bot, IReadOnlyList<string> questions, int attempt = 1, bool correct = true)
    {
        var bank = bot.Services.GetRequiredService<QuestionBank>();
        var data = Ids(DataKeys.Attempt, attempt.ToString(System.Globalization.CultureInfo.InvariantCulture));
        foreach (var id in questions)
        {
            var q = bank.Find(id)!;
            data[DataKeys.QuizAnswerPrefix + id] = correct
                ? string.Join(',', q.Answer.Order(StringComparer.Ordinal))
                : q.Options.First(o => !q.Answer.Contains(o.Key)).Key;
        }

        return data;
    }

    private static int Count(IReadOnlyList<string> cards, string text) => cards.Count(c => c.Contains(text, StringComparison.Ordinal));

    [Fact]
    public async Task Quiz_TakenBeforeTheTalk_ShowsAnswers_AndTheTalkerAndOrganiserSeeTheScore()
    {
        await using var bot = await StartAsync();
        Assert.Contains("开始测试", bot.Connector.CardsTo(Person.Cadre1).Last(), StringComparison.Ordinal);

        var notice = CardText.Of(await bot.ExecuteAsync(Person.Cadre1, Verbs.QuizStart, Ids()));
        var questions = QuestionIds(LastQuizCard(bot, Person.Cadre1));
        var result = CardText.Of(await bot.ExecuteAsync(Person.Cadre1, Verbs.QuizSubmit, Answers(bot, questions)));

        Assert.Contains("测试题已发送", notice, StringComparison.Ordinal);
        Assert.Equal(10, questions.Count);
        Assert.Equal(10, questions.Distinct().Count());
        Assert.Contains("得分：10 / 10", result, StringComparison.Ordinal);
        Assert.Contains("正确答案", result, StringComparison.Ordinal);
        Assert.Contains("出处", result, StringComparison.Ordinal);
        Assert.Equal(1, Count(bot.Connector.CardsTo(Person.Leader), "廉政常识测试成绩：李干部"));
        var organiser = bot.Connector.CardsTo(Person.Office).Single(c => c.Contains("廉政常识测试成绩", StringComparison.Ordinal));
        Assert.Contains("允许重新测试", organiser, StringComparison.Ordinal);
        Assert.DoesNotContain("允许重新测试", bot.Connector.CardsTo(Person.Leader).Single(c => c.Contains("廉政常识测试成绩", StringComparison.Ordinal)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Quiz_StartClickedTwice_ShowsTheSameQuestions_AndSubmittedTwice_IsScoredOnce()
    {
        await using var bot = await StartAsync();

        await bot.ExecuteAsync(Person.Cadre1, Verbs.QuizStart, Ids());
        var first = QuestionIds(LastQuizCard(bot, Person.Cadre1));
        await bot.ExecuteAsync(Person.Cadre1, Verbs.QuizStart, Ids());
        var second = QuestionIds(LastQuizCard(bot, Person.Cadre1));
        await bot.ExecuteAsync(Person.Cadre1, Verbs.QuizSubmit, Answers(bot, first, correct: false));
        var again = CardText.Of(await bot.ExecuteAsync(Person.Cadre1, Verbs.QuizSubmit, Answers(bot, first, correct: true)));

        Assert.Equal(first, second);
        Assert.Contains("得分：0 / 10", again, StringComparison.Ordinal);
        var attempts = await bot.Services.GetRequiredService<QuizStore>().ListAttemptsAsync(Talk, new PersonId(Person.Cadre1.AadObjectId), default);
        Assert.Equal(0, Assert.Single(attempts).Score);
        Assert.Equal(1, Count(bot.Connector.CardsTo(Person.Leader), "廉政常识测试成绩"));
    }

    [Fact]
    public async Task Quiz_AnswerForAQuestionNotDrawn_OrUnanswered_IsRefused_AndNothingIsStored()
    {
        await using var bot = await StartAsync();
        await bot.ExecuteAsync(Person.Cadre1, Verbs.QuizStart, Ids());
        var questions = QuestionIds(LastQuizCard(bot, Person.Cadre1));
        var stray = bot.Services.GetRequiredService<QuestionBank>().Questions.First(q => !questions.Contains(q.Id)).Id;
        var withStray = Answers(bot, questions);
        withStray[DataKeys.QuizAnswerPrefix + stray] = "A";
        var missing = Answers(bot, questions);
        missing.Remove(DataKeys.QuizAnswerPrefix + questions[2]);

        var strayCard = CardText.Of(await bot.ExecuteAsync(Person.Cadre1, Verbs.QuizSubmit, withStray));
        var missingCard = CardText.Of(await bot.ExecuteAsync(Person.Cadre1, Verbs.QuizSubmit, missing));

        Assert.Contains($"答案中的题目（{stray}）不属于本次测试", strayCard, StringComparison.Ordinal);
        Assert.Contains("以下题目尚未作答：第3题", missingCard, StringComparison.Ordinal);
        var stored = await bot.Services.GetRequiredService<QuizStore>().GetAsync(Talk, new PersonId(Person.Cadre1.AadObjectId), default);
        Assert.False(stored.Latest!.IsSubmitted);
        Assert.Equal(0, Count(bot.Connector.CardsTo(Person.Leader), "廉政常识测试成绩"));
    }

    [Fact]
    public async Task Quiz_CraftedInvokesForSomeoneElsesQuiz_AreRefused_AndChangeNothing()
    {
        await using var bot = await StartAsync();
        await bot.ExecuteAsync(Person.Cadre1, Verbs.QuizStart, Ids());
        var questions = QuestionIds(LastQuizCard(bot, Person.Cadre1));

        var start = CardText.Of(await bot.ExecuteAsync(Person.Cadre2, Verbs.QuizStart, Ids()));
        var submit = CardText.Of(await bot.ExecuteAsync(Person.Cadre2, Verbs.QuizSubmit, Answers(bot, questions)));
        var retake = CardText.Of(await bot.ExecuteAsync(Person.Leader, Verbs.QuizRetake, Ids(DataKeys.Talkee, Person.Cadre1.AadObjectId)));

        Assert.Contains("未找到您的廉政常识测试", start, StringComparison.Ordinal);
        Assert.Contains("未找到您的廉政常识测试", submit, StringComparison.Ordinal);
        Assert.Contains("没有此操作的权限", retake, StringComparison.Ordinal);
        var quizzes = bot.Services.GetRequiredService<QuizStore>();
        Assert.Null((await quizzes.GetAsync(Talk, new PersonId(Person.Cadre2.AadObjectId), default)).Latest);
        Assert.False((await quizzes.GetAsync(Talk, new PersonId(Person.Cadre1.AadObjectId), default)).Latest!.IsSubmitted);
    }

    [Fact]
    public async Task Quiz_OneAttemptPerTalk_UnlessTheOrganiserAllowsARetake()
    {
        await using var bot = await StartAsync();
        await bot.ExecuteAsync(Person.Cadre1, Verbs.QuizStart, Ids());
        await bot.ExecuteAsync(Person.Cadre1, Verbs.QuizSubmit, Answers(bot, QuestionIds(LastQuizCard(bot, Person.Cadre1)), correct: false));

        var refused = CardText.Of(await bot.ExecuteAsync(Person.Cadre1, Verbs.QuizStart, Ids()));
        var allowed = CardText.Of(await bot.ExecuteAsync(Person.Office, Verbs.QuizRetake, Ids(DataKeys.Talkee, Person.Cadre1.AadObjectId)));
        await bot.ExecuteAsync(Person.Office, Verbs.QuizRetake, Ids(DataKeys.Talkee, Person.Cadre1.AadObjectId));
        await bot.ExecuteAsync(Person.Cadre1, Verbs.QuizStart, Ids());
        var result = CardText.Of(await bot.ExecuteAsync(Person.Cadre1, Verbs.QuizSubmit, Answers(bot, QuestionIds(LastQuizCard(bot, Person.Cadre1)), attempt: 2)));

        Assert.Contains("每次谈话只能参加一次廉政常识测试", refused, StringComparison.Ordinal);
        Assert.Contains("已允许重新测试", allowed, StringComparison.Ordinal);
        Assert.Equal(1, Count(bot.Connector.CardsTo(Person.Cadre1), "可以重新参加廉政常识测试"));
        Assert.Contains("得分：10 / 10", result, StringComparison.Ordinal);
        var attempts = await bot.Services.GetRequiredService<QuizStore>().ListAttemptsAsync(Talk, new PersonId(Person.Cadre1.AadObjectId), default);
        Assert.Equal([0, 10], attempts.Select(a => a.Score));
    }

    private static Dictionary<string, string> RecordForm(string formId, int talkees = 1, string end = "10:30", string problems = "公务接待超标准")
    {
        var data = Ids(DataKeys.FormId, formId);
        data["date"] = "2026-03-05";
        data["start"] = "09:30";
        data["end"] = end;
        data["place"] = "第三会议室";
        data["format"] = talkees > 1 ? "Collective" : "Individual";
        data["lead"] = Person.Leader.AadObjectId;
        data["recorder"] = Person.Recorder.AadObjectId;
        data["checklist"] = "1,3,7";
        for (var n = 1; n <= talkees; n++)
        {
            data[$"p{n}.problems"] = $"{problems}（第{n}人）";
            data[$"p{n}.explanation"] = "已认识到问题";
            data[$"p{n}.requirements"] = "三日内整改";
            data[$"p{n}.rectification"] = "true";
            data[$"p{n}.items"] = "退还超标费用\n提交书面说明";
        }

        return data;
    }

    private static Dictionary<string, string> Version(int version) => Ids(DataKeys.Version, version.ToString(System.Globalization.CultureInfo.InvariantCulture));

    private static async Task<TalkRecord?> RecordOf(BotUnderTest bot)
    {
        var talk = await bot.Services.GetRequiredService<TalkStore>().GetAsync(Talk, default);
        return (await bot.Services.GetRequiredService<RecordStore>().GetAsync(talk!, default))?.Record;
    }

    [Fact]
    public async Task Record_LoggedByTheRecorder_IsVerifiedByTheTalkee()
    {
        await using var bot = await StartAsync();
        bot.Clock.SetUtcNow(AfterTheTalk);

        var form = CardText.Of(await bot.ExecuteAsync(Person.Recorder, Verbs.RecordNew, Ids()));
        var logged = CardText.Of(await bot.ExecuteAsync(Person.Recorder, Verbs.RecordSubmit, RecordForm("form-a")));
        var toVerify = bot.Connector.CardsTo(Person.Cadre1).Last(c => c.Contains(Verbs.RecordConfirm, StringComparison.Ordinal));
        var confirmed = CardText.Of(await bot.ExecuteAsync(Person.Cadre1, Verbs.RecordConfirm, Version(1)));

        Assert.Contains("层级廉政谈话登记表", form, StringComparison.Ordinal);
        Assert.Contains("第三会议室", form, StringComparison.Ordinal);
        Assert.Contains("待本人核实", logged, StringComparison.Ordinal);
        Assert.Contains("确认无误", toVerify, StringComparison.Ordinal);
        Assert.Contains("公务接待超标准", toVerify, StringComparison.Ordinal);
        Assert.Contains("已核实", confirmed, StringComparison.Ordinal);
        var record = await RecordOf(bot);
        Assert.Equal(RecordStatus.Verified, record!.Status);
        Assert.Equal(Domain.Talks.TalkStatus.Held, (await bot.Services.GetRequiredService<TalkStore>().GetAsync(Talk, default))!.Status);
        Assert.Contains(bot.Connector.CardsTo(Person.Recorder), c => c.Contains("已核实", StringComparison.Ordinal) && c.Contains("第1版", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Record_NotVerified_IsRemindedToTheTalkee_ThenEscalatedToTheRecorderAndOffice_UntilVerified()
    {
        await using var bot = await StartAsync();
        bot.Clock.SetUtcNow(AfterTheTalk);
        await bot.ExecuteAsync(Person.Recorder, Verbs.RecordSubmit, RecordForm("form-a"));
        static bool Waiting(string c) => c.Contains("谈话记录待本人核实", StringComparison.Ordinal);

        bot.Clock.Advance(TimeSpan.FromDays(1));
        await bot.RunSchedulerAsync();
        Assert.Single(bot.Connector.CardsTo(Person.Cadre1), Waiting);
        Assert.DoesNotContain(bot.Connector.CardsTo(Person.Recorder), Waiting);

        bot.Clock.SetUtcNow(new DateTimeOffset(2026, 3, 9, 9, 0, 0, TimeSpan.FromHours(8))); // the next working day, Monday
        await bot.RunSchedulerAsync();
        Assert.Single(bot.Connector.CardsTo(Person.Recorder), c => Waiting(c) && c.Contains("逾期督办", StringComparison.Ordinal));
        Assert.Contains(bot.Connector.CardsTo(Person.Office), c => Waiting(c) && c.Contains("逾期督办", StringComparison.Ordinal));

        await bot.ExecuteAsync(Person.Cadre1, Verbs.RecordConfirm, Version(1));
        bot.Clock.Advance(TimeSpan.FromDays(2));
        await bot.RunSchedulerAsync();
        Assert.Single(bot.Connector.CardsTo(Person.Recorder), Waiting);
        Assert.Single(bot.Connector.CardsTo(Person.Cadre1), Waiting);
    }

    [Fact]
    public async Task Record_Disputed_GoesBackToTheRecorder_AndTheRevisionIsAVersionVerifiedAgain()
    {
        await using var bot = await StartAsync();
        bot.Clock.SetUtcNow(AfterTheTalk);
        await bot.ExecuteAsync(Person.Recorder, Verbs.RecordSubmit, RecordForm("form-a"));

        var noComment = CardText.Of(await bot.ExecuteAsync(Person.Cadre1, Verbs.RecordDispute, Version(1)));
        var disputed = CardText.Of(await bot.ExecuteAsync(Person.Cadre1, Verbs.RecordDispute, new Dictionary<string, string>(Version(1)) { [DataKeys.Comment] = "结束时间应为10:00" }));
        var todo = CardText.Of(await bot.ExecuteAsync(Person.Recorder, Verbs.RecordTodo, new { }));
        var reviseForm = CardText.Of(await bot.ExecuteAsync(Person.Recorder, Verbs.RecordNew, Ids()));
        var revised = CardText.Of(await bot.ExecuteAsync(Person.Recorder, Verbs.RecordSubmit, RecordForm("form-b", end: "10:00")));
        var stale = CardText.Of(await bot.ExecuteAsync(Person.Cadre1, Verbs.RecordConfirm, Version(1)));
        var confirmed = CardText.Of(await bot.ExecuteAsync(Person.Cadre1, Verbs.RecordConfirm, Version(2)));

        Assert.Contains("提出异议须说明哪里有误", noComment, StringComparison.Ordinal);
        Assert.Contains("本人有异议", disputed, StringComparison.Ordinal);
        Assert.Contains(bot.Connector.CardsTo(Person.Recorder), c => c.Contains("结束时间应为10:00", StringComparison.Ordinal) && c.Contains("修改记录", StringComparison.Ordinal));
        Assert.Contains("有异议，待修改", todo, StringComparison.Ordinal);
        Assert.Contains("结束时间应为10:00", reviseForm, StringComparison.Ordinal);
        Assert.Contains("第2版", revised, StringComparison.Ordinal);
        Assert.Contains("本版修改了：结束时间", revised, StringComparison.Ordinal);
        Assert.Contains("已修改为第2版", stale, StringComparison.Ordinal);
        Assert.Contains("已核实", confirmed, StringComparison.Ordinal);
        var record = await RecordOf(bot);
        Assert.Equal(2, record!.Versions.Count);
        Assert.Equal(VerificationDecision.Disputed, record.Versions[0].VerificationBy(new PersonId(Person.Cadre1.AadObjectId))!.Decision);
        Assert.Equal(new DateTimeOffset(2026, 3, 5, 10, 30, 0, TimeSpan.FromHours(8)), record.Versions[0].Content.EndedAt);
        Assert.Equal(RecordStatus.Verified, record.Status);
    }

    [Fact]
    public async Task Record_SubmittedTwice_IsOneVersion_AndConfirmedTwice_IsOneVerification()
    {
        await using var bot = await StartAsync();
        bot.Clock.SetUtcNow(AfterTheTalk);

        await bot.ExecuteAsync(Person.Recorder, Verbs.RecordSubmit, RecordForm("form-a"));
        await bot.ExecuteAsync(Person.Recorder, Verbs.RecordSubmit, RecordForm("form-a"));
        await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => bot.ExecuteAsync(Person.Cadre1, Verbs.RecordConfirm, Version(1))));

        var record = await RecordOf(bot);
        Assert.Single(record!.Versions);
        Assert.Single(record.Current.Verifications);
        Assert.Equal(1, Count(bot.Connector.CardsTo(Person.Cadre1), "确认无误"));
        var rows = 0;
        await foreach (var _ in bot.Services.GetRequiredService<TableSet>()[TalkRows.Talks].QueryAsync<TableEntity>(
            TableFilter.Of($"PartitionKey eq {TalkForm} and RowKey ge {"recordc|"} and RowKey lt {"recordc}"}")))
        {
            rows++;
        }

        Assert.Equal(1, rows);
    }

    [Fact]
    public async Task Record_WithEndBeforeStart_InTheFuture_OrForAMissingTalk_IsRefused_AndNothingIsStored()
    {
        await using var bot = await StartAsync();

        var future = CardText.Of(await bot.ExecuteAsync(Person.Recorder, Verbs.RecordSubmit, RecordForm("form-a")));
        bot.Clock.SetUtcNow(AfterTheTalk);
        var backwards = CardText.Of(await bot.ExecuteAsync(Person.Recorder, Verbs.RecordSubmit, RecordForm("form-a", end: "09:00")));
        var missingData = RecordForm("form-a");
        missingData.Remove("place");
        missingData["p1.items"] = "";
        var missing = CardText.Of(await bot.ExecuteAsync(Person.Recorder, Verbs.RecordSubmit, missingData));
        var noTalk = CardText.Of(await bot.ExecuteAsync(Person.Recorder, Verbs.RecordSubmit,
            new Dictionary<string, string>(RecordForm("form-a")) { [DataKeys.TalkId] = "ffffffffffffffffffffffffffffffff" }));

        Assert.Contains("谈话尚未结束", future, StringComparison.Ordinal);
        Assert.Contains("结束时间须晚于开始时间", backwards, StringComparison.Ordinal);
        Assert.Contains("必须填写“谈话地点”", missing, StringComparison.Ordinal);
        Assert.Contains("李干部需要整改，请列出整改事项", missing, StringComparison.Ordinal);
        Assert.Contains("未找到该谈话", noTalk, StringComparison.Ordinal);
        Assert.Null(await RecordOf(bot));
        Assert.DoesNotContain(bot.Connector.CardsTo(Person.Cadre1), c => c.Contains("确认无误", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Record_CraftedInvokes_FromPeopleOutsideTheTalk_AreRefused_AndChangeNothing()
    {
        await using var bot = await StartAsync();
        bot.Clock.SetUtcNow(AfterTheTalk);
        await bot.ExecuteAsync(Person.Recorder, Verbs.RecordSubmit, RecordForm("form-a"));

        var talkerLogs = CardText.Of(await bot.ExecuteAsync(Person.Leader, Verbs.RecordSubmit, RecordForm("form-x", problems: "篡改")));
        var otherViews = CardText.Of(await bot.ExecuteAsync(Person.Cadre2, Verbs.RecordShow, Ids()));
        var otherConfirms = CardText.Of(await bot.ExecuteAsync(Person.Cadre2, Verbs.RecordConfirm, Version(1)));
        var strangerConfirms = CardText.Of(await bot.ExecuteAsync(Person.Stranger, Verbs.RecordConfirm, Version(1)));
        var talkerViews = CardText.Of(await bot.ExecuteAsync(Person.Leader, Verbs.RecordShow, Ids()));

        Assert.Contains("没有此操作的权限", talkerLogs, StringComparison.Ordinal);
        Assert.Contains("没有此操作的权限", otherViews, StringComparison.Ordinal);
        Assert.DoesNotContain("公务接待超标准", otherViews, StringComparison.Ordinal);
        Assert.Contains("未找到该谈话", otherConfirms, StringComparison.Ordinal);
        Assert.Contains("未找到您的组织信息", strangerConfirms, StringComparison.Ordinal);
        Assert.Contains("公务接待超标准", talkerViews, StringComparison.Ordinal);
        var record = await RecordOf(bot);
        Assert.Single(record!.Versions);
        Assert.Empty(record.Current.Verifications);
    }

    [Fact]
    public async Task Record_OfACollectiveTalk_EachTalkeeVerifiesOnlyTheirOwnPart()
    {
        // Both on 钱组长's tier line (000 §二2).
        await using var bot = await StartAsync(Person.Cadre1, Person.Cadre3);
        bot.Clock.SetUtcNow(AfterTheTalk);

        await bot.ExecuteAsync(Person.Recorder, Verbs.RecordSubmit, RecordForm("form-a", talkees: 2));
        var first = bot.Connector.CardsTo(Person.Cadre1).Last(c => c.Contains(Verbs.RecordConfirm, StringComparison.Ordinal));
        var afterOne = CardText.Of(await bot.ExecuteAsync(Person.Cadre1, Verbs.RecordConfirm, Version(1)));
        var afterBoth = CardText.Of(await bot.ExecuteAsync(Person.Cadre3, Verbs.RecordConfirm, Version(1)));

        Assert.Contains("（第1人）", first, StringComparison.Ordinal);
        Assert.DoesNotContain("（第2人）", first, StringComparison.Ordinal);
        Assert.Contains("待本人核实", afterOne, StringComparison.Ordinal);
        Assert.Contains("已核实", afterBoth, StringComparison.Ordinal);
        Assert.Equal(RecordStatus.Verified, (await RecordOf(bot))!.Status);
    }

    [Fact]
    public async Task RecordTodo_ListsTheTalkHeldWithoutARecord_ThenAwaitingVerification_ThenNothing()
    {
        await using var bot = await StartAsync();
        var before = CardText.Of(await bot.ExecuteAsync(Person.Recorder, Verbs.RecordTodo, new { }));
        bot.Clock.SetUtcNow(AfterTheTalk);
        var held = CardText.Of(await bot.ExecuteAsync(Person.Recorder, Verbs.RecordTodo, new { }));
        await bot.ExecuteAsync(Person.Recorder, Verbs.RecordSubmit, RecordForm("form-a"));
        var waiting = CardText.Of(await bot.ExecuteAsync(Person.Recorder, Verbs.RecordTodo, new { }));
        await bot.ExecuteAsync(Person.Cadre1, Verbs.RecordConfirm, Version(1));
        var done = CardText.Of(await bot.ExecuteAsync(Person.Office, Verbs.RecordTodo, new { }));

        Assert.Contains("没有待登记", before, StringComparison.Ordinal);
        Assert.Contains("尚未登记记录", held, StringComparison.Ordinal);
        Assert.Contains("待本人核实：李干部", waiting, StringComparison.Ordinal);
        Assert.Contains("没有待登记", done, StringComparison.Ordinal);
    }
}
