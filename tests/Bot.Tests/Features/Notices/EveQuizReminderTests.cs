using System.Net;
using TalkBot.Bot.Tests.Support;
using TalkBot.Cards;

namespace TalkBot.Bot.Tests.Features.Notices;

/// <summary>
/// On Azurite: the routine talk's quiz comes before the talk (000 §三). On the eve, a talkee who has not taken it is told so
/// with the button to start it, and nobody else is; the record form then shows who took it.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class EveQuizReminderTests(AzuriteFixture azurite)
{
    private static readonly TimeSpan Cst = TimeSpan.FromHours(8);
    private const string TalkForm = "0195a0b2c3d47e8f9a0b1c2d3e4f5a7c";
    private const string LeadForm = "0195a0b2c3d47e8f9a0b1c2d3e4f5a6e";
    private const string NotTaken = "您尚未完成廉政常识测试";

    private async Task<BotUnderTest> StartAsync(string kind)
    {
        var bot = new BotUnderTest(azurite, new DateTimeOffset(2026, 3, 2, 10, 0, 0, Cst));
        _ = bot.Server;
        foreach (var person in new[] { Person.Office, Person.Leader, Person.Recorder, Person.Cadre1 })
        {
            Assert.Equal(HttpStatusCode.OK, await bot.InstallAsync(person));
        }

        var verb = Verbs.TalkCreate;
        var form = new Dictionary<string, string>();
        if (kind == "Reminder")
        {
            // A reminder talk comes from a lead (000 §三2–3): the lead is registered, then its talk arranged.
            await bot.RegisterLeadAsync(LeadForm, Person.Cadre1);
            verb = Verbs.LeadTalkCreate;
            form[DataKeys.LeadId] = LeadForm;
        }

        await bot.ExecuteAsync(Person.Office, verb, new Dictionary<string, string>(form)
        {
            [DataKeys.FormId] = TalkForm, ["talkees"] = Person.Cadre1.AadObjectId, ["talkers"] = Person.Leader.AadObjectId,
            ["recorder"] = Person.Recorder.AadObjectId, ["kind"] = kind, ["date"] = "2026-03-05", ["time"] = "09:30",
            ["place"] = "第三会议室", ["contentDate"] = "2026-03-02",
        });
        await bot.SettleAsync();
        return bot;
    }

    private static string Eve(BotUnderTest bot, Person person) => bot.Connector.CardsTo(person).Single(c => c.Contains("谈话提醒", StringComparison.Ordinal));

    [Fact]
    public async Task RoutineTalk_TalkeeWithoutQuiz_IsRemindedOnTheEve_WithTheStartButton_AndTheTalkerIsNot()
    {
        await using var bot = await StartAsync("Routine");
        bot.Clock.SetUtcNow(new DateTimeOffset(2026, 3, 4, 9, 0, 0, Cst));

        await bot.RunSchedulerAsync();

        var talkee = Eve(bot, Person.Cadre1);
        Assert.Contains(NotTaken, talkee, StringComparison.Ordinal);
        Assert.Contains("000 §三", talkee, StringComparison.Ordinal);
        Assert.Contains("开始测试", talkee, StringComparison.Ordinal);
        Assert.DoesNotContain(NotTaken, Eve(bot, Person.Leader), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReminderTalk_HasNoQuiz_AndItsEveReminderAsksForNone()
    {
        await using var bot = await StartAsync("Reminder");
        bot.Clock.SetUtcNow(new DateTimeOffset(2026, 3, 4, 9, 0, 0, Cst));

        await bot.RunSchedulerAsync();

        // The talk exists (its eve reminder went out) and asks for no quiz.
        Assert.DoesNotContain(NotTaken, Eve(bot, Person.Cadre1), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RecordForm_OfARoutineTalk_ShowsThatTheTalkeeDidNotTakeTheQuiz()
    {
        await using var bot = await StartAsync("Routine");
        bot.Clock.SetUtcNow(new DateTimeOffset(2026, 3, 5, 11, 0, 0, Cst));

        var form = CardText.Of(await bot.ExecuteAsync(Person.Recorder, Verbs.RecordNew, new Dictionary<string, string> { [DataKeys.TalkId] = TalkForm }));

        Assert.Contains("谈话前廉政常识测试（000 §三）", form, StringComparison.Ordinal);
        Assert.Contains("未参加测试", form, StringComparison.Ordinal);
    }
}
