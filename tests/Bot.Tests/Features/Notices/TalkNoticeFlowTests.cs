using System.Net;
using System.Text.Json;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using TalkBot.Bot.Features.Talks;
using TalkBot.Bot.Infrastructure.Storage;
using TalkBot.Bot.Tests.Support;
using TalkBot.Cards;
using TalkBot.Cards.Localization;
using TalkBot.Domain;

namespace TalkBot.Bot.Tests.Features.Notices;

/// <summary>
/// Issue 2's slice end to end inside the process: create a talk through the card, the notice reaches the talkee,
/// the talkee acknowledges or asks to postpone, the organiser's card for the talk follows in place (and a postponement
/// reaches them in a digest) — against real Table Storage (Azurite).
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class TalkNoticeFlowTests(AzuriteFixture azurite)
{
    // Monday 2 March 2026, 10:00 in Shanghai: the earliest valid talk date is Wednesday 4 March (000 §四(一)3).
    private static readonly DateTimeOffset Monday = new(2026, 3, 2, 10, 0, 0, TimeSpan.FromHours(8));

    private const string FormId = "0195a0b2c3d47e8f9a0b1c2d3e4f5a6b";

    private static object Form(string date = "2026-03-05", string? talkees = null, string formId = FormId) => new Dictionary<string, string>
    {
        [DataKeys.FormId] = formId,
        // Both on 钱组长's tier line (000 §二2: 所属单位主要领导); 赵局长 never opened TalkBot.
        ["talkees"] = talkees ?? $"{Person.Cadre1.AadObjectId},{Person.Cadre3.AadObjectId}",
        ["talkers"] = Person.Leader.AadObjectId,
        ["recorder"] = Person.Recorder.AadObjectId,
        ["kind"] = "Routine",
        ["format"] = "Individual",
        ["date"] = date,
        ["time"] = "09:30",
        ["place"] = "第三会议室",
        ["contentDate"] = "2026-03-02",
    };

    private async Task<BotUnderTest> StartAsync()
    {
        var bot = new BotUnderTest(azurite, Monday);
        _ = bot.Server; // start the host: tables created, directory loaded
        Assert.Equal(HttpStatusCode.OK, await bot.InstallAsync(Person.Office));
        Assert.Equal(HttpStatusCode.OK, await bot.InstallAsync(Person.Cadre1));
        return bot;
    }

    private static string Text(JsonElement card) => CardText.Of(card);

    // The message the talk is created from: its card becomes the organiser's card for the talk.
    private const string CreateCard = "card-create";

    // The organiser's card for the talk as it stands: the last update of the message it was created from.
    private static JsonElement OrganiserCardJson(BotUnderTest bot) => JsonSerializer.SerializeToElement(bot.Connector.Updated
        .Where(u => u.ConversationId == Person.Office.ConversationId && u.Activity.Id == CreateCard)
        .Select(u => u.Activity.Attachments![0].Content)
        .Last());

    private static string OrganiserCard(BotUnderTest bot) => Text(OrganiserCardJson(bot));

    // What a person was sent besides the welcome card of their install.
    private static List<string> Messages(BotUnderTest bot, Person person) =>
        [.. bot.Connector.CardsTo(person).Where(c => !c.Contains("TalkBot · 廉政谈话助手", StringComparison.Ordinal))];

    // Its facts, title → value: one per talkee for the notices.
    private static Dictionary<string, string> OrganiserFacts(BotUnderTest bot)
    {
        var facts = new Dictionary<string, string>(StringComparer.Ordinal);
        void Walk(JsonElement e)
        {
            if (e.ValueKind == JsonValueKind.Object)
            {
                if (e.TryGetProperty("title", out var title) && e.TryGetProperty("value", out var value) && value.ValueKind == JsonValueKind.String)
                {
                    facts[title.GetString()!] = value.GetString()!;
                }

                foreach (var property in e.EnumerateObject())
                {
                    Walk(property.Value);
                }
            }
            else if (e.ValueKind == JsonValueKind.Array)
            {
                foreach (var item in e.EnumerateArray())
                {
                    Walk(item);
                }
            }
        }

        Walk(OrganiserCardJson(bot));
        return facts;
    }

    // The notice card, not the welcome card that also names the 《层级廉政谈话通知书》: it has the 确认收到 button.
    private static bool IsNotice(string card) =>
        card.Contains("层级廉政谈话通知书", StringComparison.Ordinal) && card.Contains("确认收到", StringComparison.Ordinal);

    [Fact]
    public async Task CreateTalk_SendsTheNoticeToTheInstalledTalkee_AndNamesTheUnreachableOne()
    {
        await using var bot = await StartAsync();

        var card = Text(await bot.ExecuteAsync(Person.Office, Verbs.TalkCreate, Form(), CreateCard));

        Assert.Contains("谈话已创建", card, StringComparison.Ordinal);
        Assert.Contains("正在发送", card, StringComparison.Ordinal); // the click does not wait for the notices to go out
        Assert.StartsWith("无法送达", OrganiserFacts(bot)["赵局长"], StringComparison.Ordinal);
        Assert.Equal("已送达，待确认", OrganiserFacts(bot)["李干部"]);
        Assert.Empty(Messages(bot, Person.Office)); // the organiser's card follows; no message of its own
        var notices = bot.Connector.CardsTo(Person.Cadre1);
        Assert.Single(notices, c => IsNotice(c) && c.Contains("第三会议室", StringComparison.Ordinal));
        Assert.Empty(bot.Connector.CardsTo(Person.Cadre3));
    }

    [Fact]
    public async Task CreateTalk_LessThanTwoWorkingDaysAhead_ShowsTheRuleAndEarliestDate_AndStoresNothing()
    {
        await using var bot = await StartAsync();

        var card = Text(await bot.ExecuteAsync(Person.Office, Verbs.TalkCreate, Form(date: "2026-03-03")));

        Assert.Contains("000 §四(一)3", card, StringComparison.Ordinal);
        Assert.Contains("2026年3月4日", card, StringComparison.Ordinal);
        Assert.Null(await bot.Services.GetRequiredService<TalkStore>().GetAsync(new TalkId(FormId), default));
        Assert.DoesNotContain(bot.Connector.CardsTo(Person.Cadre1), IsNotice);
    }

    [Fact]
    public async Task CreateTalk_OutsideTheFiveDayWindow_IsRefusedWithTheRule()
    {
        await using var bot = await StartAsync();

        var card = Text(await bot.ExecuteAsync(Person.Office, Verbs.TalkCreate, Form(date: "2026-03-09")));

        Assert.Contains("000 §四(一)2", card, StringComparison.Ordinal);
        Assert.Null(await bot.Services.GetRequiredService<TalkStore>().GetAsync(new TalkId(FormId), default));
    }

    [Fact]
    public async Task CreateTalk_SubmittedTwice_CreatesOneTalk_AndSendsOneNotice()
    {
        await using var bot = await StartAsync();

        await bot.ExecuteAsync(Person.Office, Verbs.TalkCreate, Form());
        var second = Text(await bot.ExecuteAsync(Person.Office, Verbs.TalkCreate, Form()));

        Assert.Contains("谈话已创建", second, StringComparison.Ordinal);
        Assert.Single(bot.Connector.CardsTo(Person.Cadre1), IsNotice);
        var talks = bot.Services.GetRequiredService<TableSet>()[TalkRows.Talks];
        var rows = 0;
        await foreach (var _ in talks.QueryAsync<TableEntity>(TableFilter.Of($"RowKey eq {TalkRows.TalkRow}")))
        {
            rows++;
        }

        Assert.Equal(1, rows);
    }

    [Fact]
    public async Task CreateTalk_ByACadre_IsPolitelyRefused_AndStoresNothing()
    {
        await using var bot = await StartAsync();

        var card = Text(await bot.ExecuteAsync(Person.Cadre2, Verbs.TalkCreate, Form()));

        Assert.Contains("没有此操作的权限", card, StringComparison.Ordinal);
        Assert.Null(await bot.Services.GetRequiredService<TalkStore>().GetAsync(new TalkId(FormId), default));
    }

    [Fact]
    public async Task Acknowledge_Twice_RecordsOneAcknowledgement_AndTheOrganisersCardShowsIt_WithoutAMessage()
    {
        await using var bot = await StartAsync();
        await bot.ExecuteAsync(Person.Office, Verbs.TalkCreate, Form(), CreateCard);
        bot.Clock.Advance(TimeSpan.FromMinutes(5));

        var first = Text(await bot.ExecuteAsync(Person.Cadre1, Verbs.NoticeAcknowledge, new { talkId = FormId }));
        var retry = Text(await bot.ExecuteAsync(Person.Cadre1, Verbs.NoticeAcknowledge, new { talkId = FormId }));

        Assert.Contains("已确认", first, StringComparison.Ordinal);
        Assert.Equal(first, retry);
        var talks = bot.Services.GetRequiredService<TalkStore>();
        Assert.Equal(1, await talks.CountAcknowledgementsAsync(new TalkId(FormId), new PersonId(Person.Cadre1.AadObjectId), default));
        Assert.StartsWith("已确认收到（2026年3月2日", OrganiserFacts(bot)["李干部"], StringComparison.Ordinal);
        Assert.Contains("已确认 1/2", OrganiserCard(bot), StringComparison.Ordinal);
        Assert.Empty(Messages(bot, Person.Office));
    }

    [Fact]
    public async Task Acknowledge_ConcurrentRetries_RecordOneAcknowledgement()
    {
        await using var bot = await StartAsync();
        await bot.ExecuteAsync(Person.Office, Verbs.TalkCreate, Form(), CreateCard);

        await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => bot.ExecuteAsync(Person.Cadre1, Verbs.NoticeAcknowledge, new { talkId = FormId })));

        var talks = bot.Services.GetRequiredService<TalkStore>();
        Assert.Equal(1, await talks.CountAcknowledgementsAsync(new TalkId(FormId), new PersonId(Person.Cadre1.AadObjectId), default));
        Assert.Contains("已确认 1/2", OrganiserCard(bot), StringComparison.Ordinal);
        Assert.Empty(Messages(bot, Person.Office));
    }

    [Fact]
    public async Task MyNotices_ShowsTheNoticeAsItStands_FromTheTalkeesOwnLines()
    {
        await using var bot = await StartAsync();
        await bot.ExecuteAsync(Person.Office, Verbs.TalkCreate, Form());
        await bot.ExecuteAsync(Person.Cadre1, Verbs.NoticeAcknowledge, new { talkId = FormId });

        Assert.Equal(HttpStatusCode.OK, await bot.SendAsync(Person.Cadre1, "message", a => a["text"] = "我的通知"));

        var list = bot.Connector.CardsTo(Person.Cadre1)[^1];
        Assert.Contains("我的谈话通知书", list, StringComparison.Ordinal);
        Assert.Contains("第三会议室 · 已确认（2026年3月2日", list, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Acknowledge_SomeoneElsesNotice_FindsNothing_AndChangesNothing()
    {
        await using var bot = await StartAsync();
        await bot.ExecuteAsync(Person.Office, Verbs.TalkCreate, Form());

        var card = Text(await bot.ExecuteAsync(Person.Recorder, Verbs.NoticeAcknowledge, new { talkId = FormId, talkee = Person.Cadre1.AadObjectId }));

        Assert.Contains("未找到", card, StringComparison.Ordinal);
        var talks = bot.Services.GetRequiredService<TalkStore>();
        Assert.Equal(0, await talks.CountAcknowledgementsAsync(new TalkId(FormId), new PersonId(Person.Cadre1.AadObjectId), default));
        Assert.Equal(0, await talks.CountAcknowledgementsAsync(new TalkId(FormId), new PersonId(Person.Recorder.AadObjectId), default));
    }

    [Fact]
    public async Task Postpone_WithoutReason_IsRefused_AndChangesNothing()
    {
        await using var bot = await StartAsync();
        await bot.ExecuteAsync(Person.Office, Verbs.TalkCreate, Form());

        var card = Text(await bot.ExecuteAsync(Person.Cadre1, Verbs.NoticePostpone, new { talkId = FormId, reason = "  " }));

        Assert.Contains("须说明理由", card, StringComparison.Ordinal);
        var stored = await bot.Services.GetRequiredService<TalkStore>().GetNoticeAsync(new TalkId(FormId), new PersonId(Person.Cadre1.AadObjectId), default);
        Assert.Null(stored!.Notice.PostponementRequestedAt);
        Assert.DoesNotContain(bot.Connector.CardsTo(Person.Office), c => c.Contains("申请改期", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Postpone_WithReason_ShowsSubmitted_AndTheOrganiserGetsItInADigest_AndOnTheirCard()
    {
        await using var bot = await StartAsync();
        await bot.ExecuteAsync(Person.Office, Verbs.TalkCreate, Form(), CreateCard);

        var card = Text(await bot.ExecuteAsync(Person.Cadre1, Verbs.NoticePostpone, new { talkId = FormId, reason = "当天外出参加培训" }));

        Assert.Contains("改期申请已提交", card, StringComparison.Ordinal);
        var digest = Assert.Single(Messages(bot, Person.Office));
        Assert.Contains("1人申请谈话改期", digest, StringComparison.Ordinal);
        Assert.Contains("当天外出参加培训", digest, StringComparison.Ordinal);
        Assert.Contains("申请改期（", OrganiserCard(bot), StringComparison.Ordinal);

        // Told once: another click changes nothing, and the digest it was in is not sent again.
        await bot.ExecuteAsync(Person.Cadre1, Verbs.NoticePostpone, new { talkId = FormId, reason = "当天外出参加培训" });
        Assert.Single(Messages(bot, Person.Office));
    }

    [Fact]
    public async Task Postpone_ThenAcknowledge_BeforeTheDigest_LeavesNothingForTheOrganiserToDecide()
    {
        await using var bot = await StartAsync();
        await bot.ExecuteAsync(Person.Office, Verbs.TalkCreate, Form(), CreateCard);

        await bot.ExecuteOnlyAsync(Person.Cadre1, Verbs.NoticePostpone, new { talkId = FormId, reason = "当天外出参加培训" });
        await bot.ExecuteAsync(Person.Cadre1, Verbs.NoticeAcknowledge, new { talkId = FormId });

        Assert.Empty(Messages(bot, Person.Office));
        Assert.Contains("已确认 1/2", OrganiserCard(bot), StringComparison.Ordinal);
    }

    [Fact]
    public async Task BlockedTalkee_IsReportedUnreachableByName()
    {
        await using var bot = await StartAsync();
        bot.Connector.Refuse[Person.Cadre1.ConversationId] = 403;

        await bot.ExecuteAsync(Person.Office, Verbs.TalkCreate, Form(talkees: Person.Cadre1.AadObjectId), CreateCard);

        Assert.Contains("李干部", OrganiserCard(bot), StringComparison.Ordinal);
        Assert.Contains("屏蔽或卸载", OrganiserCard(bot), StringComparison.Ordinal);
    }

    [Fact]
    public async Task EnglishLocale_GetsEnglishCards()
    {
        await using var bot = await StartAsync();
        var office = Person.Office with { Locale = "en-US" };

        var card = Text(await bot.ExecuteAsync(office, Verbs.TalkCreate, Form(date: "2026-03-03")));

        Assert.Contains("000 §四(一)3", card, StringComparison.Ordinal);
        Assert.Contains("working days", card, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StrangerNotInTheDirectory_IsToldSo()
    {
        await using var bot = await StartAsync();

        var card = Text(await bot.ExecuteAsync(Person.Stranger, Verbs.TalkCreate, Form()));

        Assert.Contains("组织名录", card, StringComparison.Ordinal);
        Assert.Null(await bot.Services.GetRequiredService<TalkStore>().GetAsync(new TalkId(FormId), default));
    }

    [Fact]
    public async Task HelpMessage_RepliesWithTheWelcomeCard_AndActionSubmitFallbackIsHandled()
    {
        await using var bot = await StartAsync();

        Assert.Equal(HttpStatusCode.OK, await bot.SendAsync(Person.Office, "message", a => a["text"] = "帮助"));
        Assert.Equal(HttpStatusCode.OK, await bot.SendAsync(Person.Office, "message", a =>
            a["value"] = new System.Text.Json.Nodes.JsonObject { ["verb"] = Verbs.TalkNew }));

        var cards = bot.Connector.CardsTo(Person.Office);
        Assert.Contains(cards, c => c.Contains("新建谈话", StringComparison.Ordinal));
        Assert.Contains(cards, c => c.Contains(DataKeys.FormId, StringComparison.Ordinal));
    }
}
