using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using TalkBot.Bot.Infrastructure.Connector;
using TalkBot.Bot.Infrastructure.Sending;
using TalkBot.Bot.Tests.Support;
using TalkBot.Cards.Builders;
using TalkBot.Cards.Localization;
using TalkBot.Domain;
using TalkBot.FakeConnector;

namespace TalkBot.Bot.Tests.Infrastructure.Sending;

/// <summary>
/// The proactive sender over HTTP against a fake Teams that enforces Teams' limits and fails on purpose, with the
/// outbox on Azurite: 429 with Retry-After, 503, 403 and 404, the stored status of each send, "resend to failed",
/// one send per key, and a fan-out drained after an instance died holding some of it.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class ProactiveSenderTests(AzuriteFixture azurite)
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 10, 0, 0, TimeSpan.FromHours(8));

    private static readonly Dictionary<string, string> FastRetries = new()
    {
        ["Sender:RetryDelay"] = "00:00:00.050",
        ["Sender:MaxRetryDelay"] = "00:00:00.500",
    };

    private BotUnderTest Start(IReadOnlyDictionary<string, string>? settings = null)
    {
        var bot = new BotUnderTest(azurite, Now, connector: new ConnectorClient(new HttpClient(), new NoBotTokenProvider(), new ServiceUrlPolicy(new BotConnectorOptions(), new EdgeOptions())), settings: settings ?? FastRetries);
        _ = bot.Server;
        return bot;
    }

    private static async Task<PersonalConversation> ReachableAsync(BotUnderTest bot, FakeConnectorServer teams, string person, string conversation)
    {
        var reference = new PersonalConversation(new PersonId(person), "29:" + conversation, null, "28:talkbot", "TalkBot", conversation, teams.ServiceUrl, "msteams", "tenant-1", "zh-CN");
        await bot.Services.GetRequiredService<ConversationReferences>().SaveAsync(reference, default);
        return reference;
    }

    private static OutboundMessage Message(string key, PersonalConversation to, string text, Escalation? escalation = null) => new(
        key, to.Person, to, CardMessages.Proactive(to, ReminderCard.Build(new ReminderView(text, [text]), Locale.ZhCn)), escalation);

    private static ProactiveSender Sender(BotUnderTest bot) => bot.Services.GetRequiredService<ProactiveSender>();

    /// <summary>
    /// Queues the message and drains the outbox, as the dispatcher does once poked, until the send is finished (another
    /// drain running at the same time may hold it); returns the stored outcome.
    /// </summary>
    private static async Task<SendOutcome> SendNowAsync(BotUnderTest bot, OutboundMessage message)
    {
        await Outbox(bot).EnqueueAsync(message, DateTimeOffset.UtcNow, default);
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            await bot.RunOutboxAsync();
            var stored = (await Outbox(bot).FindAsync(message.Key, message.Person, default))!;
            if (stored.Status is SendStatus.Sent or SendStatus.Failed or SendStatus.Unreachable || DateTime.UtcNow > deadline)
            {
                return stored;
            }

            await Task.Delay(100);
        }
    }

    private static OutboxStore Outbox(BotUnderTest bot) => bot.Services.GetRequiredService<OutboxStore>();

    [Fact]
    public async Task Send_ThrottledWith429_WaitsForRetryAfter_AndDeliversEachOnce()
    {
        // The bot's own limit is set loose on purpose, so that Teams' 429 is what holds it back.
        var settings = new Dictionary<string, string>(FastRetries) { ["Sender:ConversationPerSecond"] = "100", ["Sender:ConversationPer2Seconds"] = "100" };
        await using var teams = await FakeConnectorServer.StartAsync(new FakeConnectorOptions());
        await using var bot = Start(settings);
        var to = await ReachableAsync(bot, teams, Person.Cadre1.AadObjectId, "c-429");

        var clock = Stopwatch.StartNew();
        var outcomes = await Task.WhenAll(Enumerable.Range(1, 9).Select(i => SendNowAsync(bot, Message($"k429|{i}", to, $"第{i}条"))));

        Assert.All(outcomes, o => Assert.Equal(SendStatus.Sent, o.Status));
        var stats = teams.Snapshot();
        Assert.True(stats.Throttled > 0, "Teams should have answered 429 at least once");
        Assert.Equal(9, stats.DeliveredPerConversation["c-429"]);
        Assert.True(clock.Elapsed >= TimeSpan.FromSeconds(1), $"the Retry-After of at least 1 s was not waited for ({clock.Elapsed})");
    }

    [Fact]
    public async Task Send_WithinTeamsLimits_DrawsNo429()
    {
        await using var teams = await FakeConnectorServer.StartAsync(new FakeConnectorOptions());
        await using var bot = Start();
        var to = await ReachableAsync(bot, teams, Person.Cadre1.AadObjectId, "c-limits");

        var outcomes = await Task.WhenAll(Enumerable.Range(1, 12).Select(i => SendNowAsync(bot, Message($"klim|{i}", to, $"第{i}条"))));

        Assert.All(outcomes, o => Assert.Equal(SendStatus.Sent, o.Status));
        var stats = teams.Snapshot();
        Assert.Equal(0, stats.Throttled);
        Assert.Equal(12, stats.Delivered);
    }

    [Fact]
    public async Task Send_Injected503_IsRetried_AndDeliveredOnce()
    {
        await using var teams = await FakeConnectorServer.StartAsync(new FakeConnectorOptions { FailureRate = 0.4, Seed = 7 });
        await using var bot = Start();
        var people = Enumerable.Range(1, 10).Select(i => $"00000000-0000-0000-0000-0000000b{i:D4}").ToList();
        var targets = new List<PersonalConversation>();
        foreach (var (person, i) in people.Select((p, i) => (p, i)))
        {
            targets.Add(await ReachableAsync(bot, teams, person, $"c-503-{i}"));
        }

        var outcomes = await Task.WhenAll(targets.Select(t => SendNowAsync(bot, Message("k503", t, "通知"))));

        Assert.All(outcomes, o => Assert.Equal(SendStatus.Sent, o.Status));
        var stats = teams.Snapshot();
        Assert.True(stats.Injected503 > 0);
        Assert.Equal(10, stats.DistinctConversations);
        Assert.Equal(0, stats.Duplicates);
        foreach (var person in people)
        {
            Assert.Equal(SendStatus.Sent, (await Outbox(bot).FindAsync("k503", new PersonId(person), default))!.Status);
        }
    }

    [Fact]
    public async Task Send_Failing503EveryTime_IsStoredFailed_AndResendToFailedDeliversItOnce()
    {
        var failing = await FakeConnectorServer.StartAsync(new FakeConnectorOptions { FailureRate = 1 });
        var port = new Uri(failing.ServiceUrl).Port;
        await using var bot = Start(new Dictionary<string, string>(FastRetries) { ["Sender:MaxRetries"] = "2" });
        var to = await ReachableAsync(bot, failing, Person.Cadre1.AadObjectId, "c-fail");

        var outcome = await SendNowAsync(bot, Message("kfail", to, "整改提醒"));

        Assert.Equal(SendStatus.Failed, outcome.Status);
        Assert.Equal(503, outcome.HttpStatus);
        Assert.Equal(3, failing.Snapshot().Injected503); // the first try and two retries
        Assert.Equal(SendStatus.Failed, (await Outbox(bot).FindAsync("kfail", to.Person, default))!.Status);
        var failed = Assert.Single(await Outbox(bot).ListFailedAsync(default));
        Assert.Equal("kfail", failed.Key);

        // The office sees the failure and resends: Teams is back (same address), the send goes out once.
        await failing.DisposeAsync();
        await using var teams = await FakeConnectorServer.StartAsync(new FakeConnectorOptions { Port = port });
        var list = await bot.ExecuteAsync(Person.Office, Cards.Verbs.SendFailed, new { });
        Assert.Contains("全部重发", CardText.Of(list), StringComparison.Ordinal);
        var resent = await bot.ExecuteAsync(Person.Office, Cards.Verbs.SendResend, new { });
        Assert.Contains("已重新发送 1 条消息", CardText.Of(resent), StringComparison.Ordinal);
        var again = await bot.ExecuteAsync(Person.Office, Cards.Verbs.SendResend, new { });
        Assert.Contains("没有需要重发的消息", CardText.Of(again), StringComparison.Ordinal);

        // The resend queued it; the dispatcher (here the drain after each click) sent it.
        Assert.Equal(1, teams.Snapshot().DeliveredPerConversation["c-fail"]);
        Assert.Equal(SendStatus.Sent, (await Outbox(bot).FindAsync("kfail", to.Person, default))!.Status);
        Assert.Empty(await Outbox(bot).ListFailedAsync(default));
        Assert.Equal(0, await bot.RunOutboxAsync());
    }

    [Fact]
    public async Task ResendToFailed_IsRefusedToATalkee()
    {
        await using var bot = Start();
        var card = await bot.ExecuteAsync(Person.Cadre1, Cards.Verbs.SendResend, new { });
        Assert.Contains("没有此操作的权限", CardText.Of(card), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(403, "已屏蔽或卸载")]
    [InlineData(404, "会话已不存在")]
    public async Task Send_BlockedOrGone_IsUnreachable_NotRetried_AndEscalatedToTheRecorderByName(int status, string reason)
    {
        var blocked = new HashSet<string>(StringComparer.Ordinal) { "c-cadre" };
        await using var teams = await FakeConnectorServer.StartAsync(new FakeConnectorOptions
        {
            BlockedConversations = status == 403 ? blocked : new HashSet<string>(),
            MissingConversations = status == 404 ? blocked : new HashSet<string>(),
        });
        await using var bot = Start();
        await ReachableAsync(bot, teams, Person.Cadre1.AadObjectId, "c-cadre");
        await ReachableAsync(bot, teams, Person.Recorder.AadObjectId, "c-recorder");
        var messenger = bot.Services.GetRequiredService<Messenger>();
        var escalation = new Escalation([new PersonId(Person.Recorder.AadObjectId), new PersonId(Person.Office.AadObjectId)], "整改逾期提醒", "the overdue reminder");

        await messenger.TellAsync(new PersonId(Person.Cadre1.AadObjectId), l => ReminderCard.Build(new ReminderView("整改情况逾期未报", ["请上报"]), l), default, "kblock", escalation);
        await bot.SettleAsync();

        var stats = teams.Snapshot();
        Assert.Equal(1, stats.Requests - stats.Delivered); // one try, no retry
        var stored = await Outbox(bot).FindAsync("kblock", new PersonId(Person.Cadre1.AadObjectId), default);
        Assert.Equal(SendStatus.Unreachable, stored!.Status);
        Assert.Equal(status, stored.HttpStatus);
        using var told = System.Text.Json.JsonDocument.Parse(Assert.Single(teams.Activities("c-recorder")).Json);
        var text = CardText.Of(told.RootElement);
        Assert.Contains("消息无法送达", text, StringComparison.Ordinal);
        Assert.Contains(Person.Cadre1.Name, text, StringComparison.Ordinal);
        Assert.Contains(reason, text, StringComparison.Ordinal);
        Assert.Null(await bot.Services.GetRequiredService<ConversationReferences>().FindAsync(new PersonId(Person.Cadre1.AadObjectId), default));

        // A re-run of the same reminder neither sends nor escalates again.
        await messenger.TellAsync(new PersonId(Person.Cadre1.AadObjectId), l => ReminderCard.Build(new ReminderView("整改情况逾期未报", ["请上报"]), l), default, "kblock", escalation);
        await bot.SettleAsync();
        Assert.Equal(1, teams.Snapshot().Requests - teams.Snapshot().Delivered);
        Assert.Single(teams.Activities("c-recorder"));
    }

    [Fact]
    public async Task Send_SameKeyTwice_SendsOnce()
    {
        await using var teams = await FakeConnectorServer.StartAsync(new FakeConnectorOptions());
        await using var bot = Start();
        var to = await ReachableAsync(bot, teams, Person.Cadre1.AadObjectId, "c-once");

        var outcomes = await Task.WhenAll(SendNowAsync(bot, Message("konce", to, "提醒")), SendNowAsync(bot, Message("konce", to, "提醒")));
        var third = await SendNowAsync(bot, Message("konce", to, "提醒"));

        Assert.Contains(outcomes, o => o.Status == SendStatus.Sent);
        Assert.Equal(SendStatus.Sent, third.Status);
        Assert.Equal(1, teams.Snapshot().Delivered);
    }

    [Fact]
    public async Task FanOut_WithAnInstanceDeadHoldingPartOfIt_IsDeliveredOnceEach_AfterItsLeaseLapses()
    {
        await using var teams = await FakeConnectorServer.StartAsync(new FakeConnectorOptions { FailureRate = 0.05, Seed = 3 });
        await using var bot = Start();
        var targets = new List<PersonalConversation>();
        for (var i = 0; i < 60; i++)
        {
            targets.Add(await ReachableAsync(bot, teams, $"00000000-0000-0000-0000-0000000c{i:D4}", $"c-fan-{i}"));
        }

        Assert.Equal(60, await Sender(bot).EnqueueAsync(targets.Select(t => Message("kfan", t, "通知书")), default));
        Assert.Equal(0, await Sender(bot).EnqueueAsync(targets.Select(t => Message("kfan", t, "通知书")), default));

        // An instance claims ten and dies before sending them.
        var dead = await Outbox(bot).ClaimAsync(DateTimeOffset.UtcNow, "dead-instance", TimeSpan.FromSeconds(2), 10, default);
        Assert.Equal(10, dead.Count);

        Assert.Equal(50, await bot.RunOutboxAsync());
        Assert.Equal(50, teams.Snapshot().DistinctConversations);
        await Task.Delay(TimeSpan.FromSeconds(2.5));
        Assert.Equal(10, await bot.RunOutboxAsync());

        var stats = teams.Snapshot();
        Assert.Equal(0, stats.Lost(targets.Select(t => t.ConversationId)));
        Assert.Equal(0, stats.Duplicates);
        Assert.Equal(0, await Outbox(bot).CountPendingAsync(default));
    }

    [Fact]
    public async Task Send_StoredAsSentByAnInstanceThatDiedBeforeLettingItGo_IsNotSentAgain()
    {
        await using var teams = await FakeConnectorServer.StartAsync(new FakeConnectorOptions());
        await using var bot = Start();
        var to = await ReachableAsync(bot, teams, Person.Cadre1.AadObjectId, "c-died-after-send");
        await Outbox(bot).EnqueueAsync(Message("kdied", to, "提醒"), DateTimeOffset.UtcNow, default);

        // Another instance claims it, sends it (Teams has it: its outcome is stored) and dies before deleting the row.
        var held = Assert.Single(await Outbox(bot).ClaimAsync(DateTimeOffset.UtcNow, "dead-instance", TimeSpan.FromSeconds(1), 10, default));
        Assert.True(held.FirstClaim);
        await Outbox(bot).RecordAsync(held.Key, held.Person, new SendOutcome(SendStatus.Sent, "act-1"), DateTimeOffset.UtcNow, default);
        await Task.Delay(TimeSpan.FromSeconds(1.5));

        Assert.Equal(1, await bot.RunOutboxAsync());
        Assert.Equal(0, teams.Snapshot().Delivered);
        Assert.Equal(0, await Outbox(bot).CountPendingAsync(default));
    }

    [Fact]
    public async Task Claim_ByTwoInstancesAtOnce_GivesEachRowToOneOfThem()
    {
        await using var teams = await FakeConnectorServer.StartAsync(new FakeConnectorOptions());
        await using var bot = Start();
        var targets = new List<PersonalConversation>();
        for (var i = 0; i < 24; i++)
        {
            targets.Add(await ReachableAsync(bot, teams, $"00000000-0000-0000-0000-0000000d{i:D4}", $"c-race-{i}"));
        }

        await Sender(bot).EnqueueAsync(targets.Select(t => Message("krace", t, "通知书")), default);
        var claims = await Task.WhenAll(
            Outbox(bot).ClaimAsync(DateTimeOffset.UtcNow, "instance-a", TimeSpan.FromMinutes(1), 16, default),
            Outbox(bot).ClaimAsync(DateTimeOffset.UtcNow, "instance-b", TimeSpan.FromMinutes(1), 16, default));

        var persons = claims.SelectMany(c => c).Select(c => c.Person).ToList();
        Assert.Equal(persons.Count, persons.Distinct().Count());
        Assert.True(claims.All(c => c.Count > 0), "each instance claims something: losing every row of a page makes it look again");
        Assert.Equal(24, persons.Count + (await Outbox(bot).ClaimAsync(DateTimeOffset.UtcNow, "instance-c", TimeSpan.FromMinutes(1), 24, default)).Count);
    }
}
