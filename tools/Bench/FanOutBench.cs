using System.Diagnostics;
using System.Globalization;
using Azure.Data.Tables;
using TalkBot.Bot.Infrastructure.Sending;
using TalkBot.Bot.Infrastructure.Storage;
using TalkBot.Cards.Builders;
using TalkBot.Cards.Localization;
using TalkBot.Cards.Views;
using TalkBot.Domain;
using TalkBot.Domain.Talks;
using TalkBot.FakeConnector;

namespace TalkBot.Bench;

/// <summary>What one fan-out run measured.</summary>
internal sealed record FanOutResult(
    string Name, int Messages, int Delivered, int Lost, int Duplicates, double RatePerSecond, double RateOverLimit,
    long PeakMemoryKiB, int Throttled, int Injected503, int FailedStored, TimeSpan Elapsed, int Restarts);

/// <summary>
/// Issue 4's benchmark: a fan-out of notices to distinct conversations, queued in the outbox on Azurite and drained by
/// a real TalkBot process through a local fake Teams that enforces Teams' limits (429 with Retry-After) and injects
/// 503s; optionally the bot is killed (SIGKILL) once halfway and started again.
/// </summary>
internal sealed class FanOutBench(BenchOptions options, FakeConnectorServer teams)
{
    private const string Tenant = "bench-tenant";

    /// <param name="stopHalfway">"kill": SIGKILL halfway, as a crash; "term": SIGTERM halfway, as a deployment; else none.</param>
    public async Task<FanOutResult> RunAsync(string name, string stopHalfway, CancellationToken cancellationToken)
    {
        teams.Reset();
        var prefix = "bench" + DateTime.UtcNow.ToString("HHmmssfff", CultureInfo.InvariantCulture);
        var tables = TableSet.For(new TableServiceClient(options.Tables), prefix, OutboxStore.OutboxTable, OutboxStore.DeliveriesTable);
        await tables.EnsureCreatedAsync(cancellationToken);
        var outbox = new OutboxStore(tables);

        var queueClock = Stopwatch.StartNew();
        var conversations = new List<string>(options.Messages);
        var messages = Enumerable.Range(0, options.Messages).Select(i =>
        {
            var conversation = $"a:bench-{i:D6}";
            conversations.Add(conversation);
            return Notice(i, conversation);
        });
        var queued = await outbox.EnqueueManyAsync(messages, DateTimeOffset.UtcNow, cancellationToken);
        Console.WriteLine($"[{name}] queued {queued} notices in the outbox in {queueClock.Elapsed.TotalSeconds:F1} s (table prefix {prefix})");

        var clock = Stopwatch.StartNew();
        var bot = BotProcess.Start(options.BotDll, Settings(prefix));
        var peak = 0L;
        var restarts = 0;
        var lastProgress = (Count: -1, At: Stopwatch.StartNew());
        try
        {
            while (true)
            {
                await Task.Delay(200, cancellationToken);
                peak = Math.Max(peak, bot.PeakMemoryKiB());
                var stats = teams.Snapshot();
                if (stopHalfway is "kill" or "term" && restarts == 0 && stats.DistinctConversations >= options.Messages / 2)
                {
                    Console.WriteLine($"[{name}] {stats.DistinctConversations} delivered: stopping the bot ({(stopHalfway == "kill" ? "SIGKILL" : "SIGTERM")}) and starting it again");
                    if (stopHalfway == "kill")
                    {
                        bot.Kill();
                    }
                    else
                    {
                        bot.Terminate();
                    }

                    restarts++;
                    bot = BotProcess.Start(options.BotDll, Settings(prefix));
                }

                if (stats.DistinctConversations >= options.Messages && await outbox.CountPendingAsync(cancellationToken) == 0)
                {
                    break;
                }

                if (stats.Delivered != lastProgress.Count)
                {
                    lastProgress = (stats.Delivered, Stopwatch.StartNew());
                }
                else if (lastProgress.At.Elapsed > options.StallTimeout)
                {
                    Console.WriteLine($"[{name}] no delivery for {options.StallTimeout.TotalSeconds:F0} s: stopping with what arrived");
                    break;
                }
            }

            // Late duplicates would arrive within a moment of the last send.
            await Task.Delay(1000, cancellationToken);
            peak = Math.Max(peak, bot.PeakMemoryKiB());
        }
        finally
        {
            bot.Stop();
        }

        var final = teams.Snapshot();
        var span = (final.LastDeliveryAt - final.FirstDeliveryAt)?.TotalSeconds ?? 0;
        var rate = span > 0 ? (final.Delivered - 1) / span : 0;
        var failed = (await outbox.ListFailedAsync(cancellationToken)).Count;
        return new FanOutResult(name, options.Messages, final.Delivered, final.Lost(conversations), final.Duplicates, rate,
            rate / options.TenantLimit, peak, final.Throttled, final.Injected503, failed, clock.Elapsed, restarts);
    }

    /// <summary>The bot drains the outbox only: storage and the tenant limit from the bench, no scheduler.</summary>
    private Dictionary<string, string> Settings(string tablePrefix) => new()
    {
        ["ConnectionStrings__Tables"] = options.Tables,
        ["Storage__TablePrefix"] = tablePrefix,
        ["Directory__OrgFile"] = options.OrgFile,
        ["Scheduler__Enabled"] = "false",
        ["Sender__DispatcherEnabled"] = "true",
        ["Sender__TenantPerSecond"] = options.TenantLimit.ToString(CultureInfo.InvariantCulture),
        ["Sender__PollInterval"] = "00:00:00.500",
        // A stable instance name, as a pod or App Service instance has: the restarted bot resumes what it held.
        ["Sender__InstanceId"] = "bench-bot",
    };

    private OutboundMessage Notice(int i, string conversationId)
    {
        var person = new PersonId($"00000000-0000-0000-0000-{i:D12}");
        var conversation = new PersonalConversation(person, "29:bench-" + i.ToString(CultureInfo.InvariantCulture), $"干部{i}", "28:talkbot", "TalkBot",
            conversationId, teams.ServiceUrl, "msteams", Tenant, "zh-CN");
        var scheduled = new DateTimeOffset(2026, 12, 3, 9, 30, 0, TimeSpan.FromHours(8));
        var view = new NoticeView(new TalkId($"bench{i:D6}"), TalkKind.Routine, TalkFormat.Individual, $"干部{i}", ["王正清"], "刘芳",
            scheduled, "廉政谈话室", ["完成廉政常识测试", "对照日常廉政谈话10项内容准备汇报"], "纪委办 陈静", new NoticeState.Pending(), null,
            new NoticeQuiz(CanStart: true));
        var card = NoticeCard.Build(view, Locale.ZhCn);
        return new OutboundMessage("notice|bench", person, conversation, CardMessages.Proactive(conversation, card));
    }
}
