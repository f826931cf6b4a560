using System.Diagnostics;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging.Abstractions;
using TalkBot.Bot.Features.Calendar;
using TalkBot.Bot.Features.Reach;
using TalkBot.Bot.Infrastructure.Connector;
using TalkBot.Bot.Infrastructure.Hosting;
using TalkBot.Bot.Infrastructure.People;
using TalkBot.Bot.Infrastructure.Scheduling;
using TalkBot.Bot.Infrastructure.Sending;
using TalkBot.Bot.Infrastructure.Storage;
using TalkBot.Domain;
using TalkBot.Domain.Calendar;
using TalkBot.Domain.People;
using TalkBot.Domain.Talks;
using TalkBot.FakeConnector;
using TalkBot.FakeGraph;

namespace TalkBot.GraphBench;

/// <summary>What TalkBot writes to Graph in bulk: the app installed for 10,000 people on a plan day, and a month of events.</summary>
internal static class WriteBench
{
    /// <summary>Everyone reached through the real opener: install (paced, 429s honoured), conversation, stored reference.</summary>
    public static async Task<string> InstallsAsync(IReadOnlyList<FakeGraphUser> users, int latencyMs, int graphLimit, string tablesConnection)
    {
        await using var teams = await FakeConnectorServer.StartAsync(new FakeConnectorOptions());
        await using var graph = await FakeGraphServer.StartAsync(new FakeGraphOptions
        {
            Users = users, Latency = TimeSpan.FromMilliseconds(latencyMs), WritesPerSecond = graphLimit, CatalogAppId = "talkbot", OnInstalled = teams.Install,
        });
        var tables = Tables(tablesConnection, "gi", ConversationReferences.Table, ReachStore.Table, ScheduleStore.Table);
        await tables.EnsureCreatedAsync(CancellationToken.None);
        // Paced a little above Graph's limit, so that Graph's 429s show how they are honoured.
        var options = new ReachOptions { CatalogAppId = "talkbot", ServiceUrl = teams.ServiceUrl, TenantId = "tenant", BotId = "28:talkbot", InstallsPerSecond = graphLimit * 5 / 4, Concurrency = 32 };
        using var connection = ReadBench.Connection(graph);
        var limiter = new InstallLimiter(options);
        var opener = new GraphConversationOpener(
            new TeamsAppInstaller(connection, options, limiter), new ConnectorClient(new HttpClient(), new NoBotTokenProvider(), new ServiceUrlPolicy(new BotConnectorOptions(), new EdgeOptions())),
            new ConversationReferences(tables, new SenderOptions(), TimeProvider.System), tables, new ReachStore(tables), new ScheduleStore(tables), options, TimeProvider.System,
            NullLogger<GraphConversationOpener>.Instance);

        var clock = Stopwatch.StartNew();
        var opened = 0;
        await Parallel.ForEachAsync(users, new ParallelOptions { MaxDegreeOfParallelism = 64 }, async (user, ct) =>
        {
            if (await opener.OpenAsync(new PersonId(user.Id), ct) is not null)
            {
                Interlocked.Increment(ref opened);
            }
        });
        var seconds = clock.Elapsed.TotalSeconds;
        return $"installs: {opened} of {users.Count} people reached ({graph.Tenant.InstalledCount} installed, {teams.PersonalConversations} chats opened); " +
               $"Graph requests {connection.Requests}, 429s {graph.Throttled} (honoured {graph.Throttled - graph.RetryAfterIgnored}, ignored {graph.RetryAfterIgnored}); " +
               $"{seconds:F1} s at Graph's {graphLimit}/s";
    }

    /// <summary>A month of talks, each given its event in the service mailbox; the SDK's retry handler honours Retry-After.</summary>
    public static async Task<string> EventsAsync(IReadOnlyList<FakeGraphUser> users, int talks, int latencyMs, int graphLimit, string tablesConnection)
    {
        await using var graph = await FakeGraphServer.StartAsync(new FakeGraphOptions { Latency = TimeSpan.FromMilliseconds(latencyMs), WritesPerSecond = graphLimit });
        var tables = Tables(tablesConnection, "ge", PeopleStore.Table, TalkEventStore.Table);
        await tables.EnsureCreatedAsync(CancellationToken.None);
        var people = new PeopleStore(tables);
        await people.ReplaceAllAsync(
            [.. users.Select(u => new Person(new PersonId(u.Id), u.DisplayName, null, null, Rank.SectionAndBelow, new HashSet<Role>(), null, true, u.UserPrincipalName))], [], CancellationToken.None);
        using var connection = ReadBench.Connection(graph);
        var calendar = WorkingCalendar.WeekendsOnly(TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai"));
        var events = new TalkEvents(connection, new TalkEventStore(tables), people, new CalendarEventOptions { Mailbox = "talkbot@contoso.example", NoticeLink = "https://teams.microsoft.com/l/chat/0/0?users=28:talkbot" },
            new LocalePolicy(new LocalizationOptions()), calendar, TimeProvider.System, NullLogger<TalkEvents>.Instance);
        var month = new DateTimeOffset(2026, 11, 2, 1, 0, 0, TimeSpan.Zero);
        var list = Enumerable.Range(0, talks).Select(i => Talk.Restore(
            new TalkId($"bench-{i:D5}"), TalkKind.Routine, [new PersonId(users[(i * 3 + 1) % users.Count].Id)], [new PersonId(users[(i * 3 + 2) % users.Count].Id)],
            new PersonId(users[(i * 3 + 3) % users.Count].Id), new PersonId(users[0].Id), month.AddHours(i % 28 * 24 + i % 8), "第三会议室",
            new DateOnly(2026, 11, 1), null, month, TalkStatus.Scheduled)).ToList();

        var clock = Stopwatch.StartNew();
        var created = 0;
        // Exchange serves a few concurrent requests per mailbox: four at a time.
        await Parallel.ForEachAsync(list, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (talk, ct) =>
        {
            if (await events.CreateAsync(talk, ct) == TalkEventOutcome.Created)
            {
                Interlocked.Increment(ref created);
            }
        });
        return $"events: {created} of {talks} talks in a month, Graph requests {connection.Requests}, 429s {graph.Throttled} (retried after Retry-After), " +
               $"{clock.Elapsed.TotalSeconds:F1} s at the mailbox's {graphLimit}/s";
    }

    private static TableSet Tables(string connection, string prefix, params string[] names) =>
        TableSet.For(new TableServiceClient(connection), prefix + DateTime.UtcNow.ToString("HHmmss", System.Globalization.CultureInfo.InvariantCulture), names);
}
