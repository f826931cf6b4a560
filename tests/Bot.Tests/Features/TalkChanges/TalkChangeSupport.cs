using System.Net;
using Microsoft.Extensions.DependencyInjection;
using TalkBot.Bot.Features.Talks;
using TalkBot.Bot.Infrastructure.Scheduling;
using TalkBot.Bot.Tests.Support;
using TalkBot.Cards;
using TalkBot.Domain;
using TalkBot.Domain.Talks;

namespace TalkBot.Bot.Tests.Features.TalkChanges;

/// <summary>A talk created by the office for 李干部 on Thursday 5 March 2026 at 09:30, everyone involved with TalkBot open.</summary>
internal static class TalkChangeSupport
{
    // Monday 2 March 2026, 10:00 in Shanghai: the earliest valid date is Wednesday 4 March, the latest Saturday 7 March.
    public static readonly DateTimeOffset Monday = new(2026, 3, 2, 10, 0, 0, TimeSpan.FromHours(8));
    public static readonly DateTimeOffset TalkAt = new(2026, 3, 5, 9, 30, 0, TimeSpan.FromHours(8));

    public const string FormId = "0195a0b2c3d47e8f9a0b1c2d3e4f5a6c";
    public const string CreateCard = "card-create";
    public static readonly TalkId Id = new(FormId);
    public static readonly PersonId Cadre1 = new(Person.Cadre1.AadObjectId);

    public static async Task<BotUnderTest> StartWithTalkAsync(AzuriteFixture azurite)
    {
        var bot = new BotUnderTest(azurite, Monday);
        _ = bot.Server;
        foreach (var person in new[] { Person.Office, Person.Cadre1, Person.Leader, Person.Recorder })
        {
            Assert.Equal(HttpStatusCode.OK, await bot.InstallAsync(person));
        }

        var card = CardText.Of(await bot.ExecuteAsync(Person.Office, Verbs.TalkCreate, new Dictionary<string, string>
        {
            [DataKeys.FormId] = FormId,
            ["talkees"] = Person.Cadre1.AadObjectId,
            ["talkers"] = Person.Leader.AadObjectId,
            ["recorder"] = Person.Recorder.AadObjectId,
            ["kind"] = "Routine",
            ["format"] = "Individual",
            ["date"] = "2026-03-05",
            ["time"] = "09:30",
            ["place"] = "第三会议室",
            ["contentDate"] = "2026-03-02",
        }, CreateCard));
        Assert.Contains("谈话已创建", card, StringComparison.Ordinal);
        await bot.SettleAsync(); // the notice and the lead talker's 谈话安排 are delivered before the test goes on
        return bot;
    }

    /// <summary>The data of 登记无故缺席 for the talk: 李干部, or <paramref name="talkee"/>.</summary>
    public static Dictionary<string, string> Absent(string? talkee = null) => new()
    {
        [DataKeys.TalkId] = FormId, [DataKeys.Talkee] = talkee ?? Person.Cadre1.AadObjectId,
    };

    public static Task<Talk?> TalkAsync(BotUnderTest bot) => bot.Services.GetRequiredService<TalkStore>().GetAsync(Id, default);

    public static async Task<Notice> NoticeAsync(BotUnderTest bot) =>
        (await bot.Services.GetRequiredService<TalkStore>().GetNoticeAsync(Id, Cadre1, default))!.Notice;

    /// <summary>The talk's pending reminders in the schedule table, as (job, tag, due) — the follow-ups already run.</summary>
    public static async Task<List<ScheduleEntry>> RemindersAsync(BotUnderTest bot) =>
        [.. (await bot.Services.GetRequiredService<ScheduleStore>().ListAsync(default)).Where(e => e.Subject == FormId && e.Payload is null)];

    /// <summary>What a person was sent besides the welcome card of their install.</summary>
    public static List<string> Messages(BotUnderTest bot, Person person) =>
        [.. bot.Connector.CardsTo(person).Where(c => !c.Contains("TalkBot · 廉政谈话助手", StringComparison.Ordinal))];

    /// <summary>The organiser's card for the talk as it stands: the last update of the message it was created from.</summary>
    public static string OrganiserCard(BotUnderTest bot) => CardText.Of(System.Text.Json.JsonSerializer.SerializeToElement(bot.Connector.Updated
        .Where(u => u.ConversationId == Person.Office.ConversationId && u.Activity.Id == CreateCard)
        .Select(u => u.Activity.Attachments![0].Content)
        .Last()));

    public static DateTimeOffset Shanghai(int day, int hour, int minute = 0) => new(2026, 3, day, hour, minute, 0, TimeSpan.FromHours(8));
}
