using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using TalkBot.Bot.Infrastructure.Hosting;
using TalkBot.Cards;
using TalkBot.Cards.CreateTalk;
using TalkBot.Domain;
using TalkBot.Domain.Rules;
using TalkBot.Domain.Talks;
using TalkBot.FakeConnector;

namespace TalkBot.Bench;

/// <summary>One wave of clicks: how long each took, the storage calls the bot counted for each, and what went wrong.</summary>
/// <param name="TotalCallsPerClick">
/// Storage calls of the whole process from just before the wave until its background work settled, less what the bot
/// makes idle in as long (its polls), per click: what a click costs including what it left to the outbox and follow-ups.
/// </param>
internal sealed record WaveResult(Latencies Latency, Latencies HeaderCalls, double TotalCallsPerClick, IReadOnlyDictionary<string, int> Errors)
{
    public int ErrorCount => Errors.Values.Sum();
}

/// <summary>What one clicks run measured.</summary>
internal sealed record ClicksResult(
    int People, int Cadres, int PerTalk, WaveResult First, WaveResult Repeat, StoredAcknowledgements Stored,
    int OrganiserPosts, int OrganiserPuts, long PeakMemoryKiB, Latencies Raw, TimeSpan Elapsed);

/// <summary>
/// Issue 12's benchmark: the Release bot as a process on Azurite, Teams played by the fake Connector with Teams' default
/// limits, an organisation of N people. Every cadre and the organiser open TalkBot; the organiser creates the talks
/// through the create-talk form; once the notices have arrived, every cadre clicks 确认收到 at once (one wave), then
/// clicks it twice at once, one of the two also retried by Teams with the same activity id (the repeat wave).
/// </summary>
internal sealed class ClicksBench(ClickOptions options, FakeConnectorServer teams)
{
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan NoticeTimeout = TimeSpan.FromMinutes(3);
    private static readonly TimeSpan SettleTimeout = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan IdleWindow = TimeSpan.FromSeconds(10);

    // Installs are paced under Teams' tenant limit (50/s): each greets its person, and a 429 would fail the install.
    private static readonly TimeSpan InstallSpacing = TimeSpan.FromMilliseconds(40);

    private readonly TeamsActivities activities = new(teams.ServiceUrl.TrimEnd('/'));

    public async Task<ClicksResult> RunAsync(int people, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        teams.Reset();
        var org = await BenchOrganisation.WriteAsync(people, options.Cadres, options.WorkDirectory, cancellationToken);
        var prefix = "clicks" + DateTime.UtcNow.ToString("HHmmssfff", CultureInfo.InvariantCulture);
        Say(people, $"organisation of {people} people written to {org.Path}; table prefix {prefix}");

        var bot = BotProcess.Start(options.BotDll, Settings(prefix, org.Path));
        try
        {
            await bot.WaitUntilReadyAsync(ReadyTimeout, cancellationToken);
            Say(people, $"bot ready after {clock.Elapsed.TotalSeconds:F0} s (directory stored)");
            using var client = new BotClient(bot.Address);

            await InstallAsync(client, [org.Organiser, .. org.Cadres], cancellationToken);
            var (talks, date) = await CreateTalksAsync(client, org, cancellationToken);
            Say(people, $"{talks.Values.Distinct().Count()} talks created for {talks.Count} cadres, on {date:yyyy-MM-dd}");
            var notices = await WaitForNoticesAsync(org.Cadres, talks, cancellationToken);
            await SettleAsync(cancellationToken);
            var idle = await IdleCallsPerSecondAsync(client, cancellationToken);
            Say(people, $"notices delivered; idle bot makes {idle:F2} storage calls/s (its polls), subtracted from the totals");

            var organiser = (Posts: teams.Activities(org.Organiser.ConversationId).Count, Puts: teams.UpdatedActivities(org.Organiser.ConversationId).Count);
            var first = await WaveAsync(client, idle, [.. org.Cadres.Select(c => Acknowledge(c, talks[c], notices[c], NewId()))], cancellationToken);
            Say(people, $"first wave: {first.Latency.Count} clicks at once, slowest answered after {first.Latency.Max / 1000:F1} s");
            var repeat = await WaveAsync(client, idle, [.. org.Cadres.SelectMany(c =>
            {
                // Two clicks at once, the first also posted again with its activity id, as Teams retries an invoke.
                var (a, b) = (NewId(), NewId());
                return new[] { Acknowledge(c, talks[c], notices[c], a), Acknowledge(c, talks[c], notices[c], b), Acknowledge(c, talks[c], notices[c], a) };
            })], cancellationToken);
            Say(people, $"repeat wave: {repeat.Latency.Count} clicks at once, slowest answered after {repeat.Latency.Max / 1000:F1} s");
            var posts = teams.Activities(org.Organiser.ConversationId).Count - organiser.Posts;
            var puts = teams.UpdatedActivities(org.Organiser.ConversationId).Count - organiser.Puts;

            var stored = await StoredAcknowledgements.ReadAsync(options.Tables, prefix, org.Cadres, cancellationToken);
            var peak = bot.PeakMemoryKiB();
            Say(people, $"raw Azurite: {options.Cadres} workers at once, {options.RawRounds} rounds of a point read and an ETag-guarded merge");
            var raw = await RawAzurite.MeasureAsync(options.Tables, prefix, options.Cadres, options.RawRounds, cancellationToken);
            return new ClicksResult(people, options.Cadres, options.PerTalk, first, repeat, stored, posts, puts, peak, raw, clock.Elapsed);
        }
        finally
        {
            bot.Stop();
        }
    }

    /// <summary>
    /// The bot as deployed, with what the bench needs: its storage and directory, the scheduler and the outbox loop
    /// running, the storage calls counted, no app id (local, unauthenticated, as with the Playground).
    /// </summary>
    private Dictionary<string, string> Settings(string tablePrefix, string orgFile) => new()
    {
        ["ConnectionStrings__Tables"] = options.Tables,
        ["Storage__TablePrefix"] = tablePrefix,
        ["Storage__CountCalls"] = "true",
        ["Directory__OrgFile"] = orgFile,
        ["MicrosoftAppId"] = "",
        ["Scheduler__Enabled"] = "true",
        ["Sender__DispatcherEnabled"] = "true",
        // Not what is measured: in a month's last week the plans of the whole organisation would be made during the run.
        ["Plans__Enabled"] = "false",
    };

    private async Task InstallAsync(BotClient client, IReadOnlyList<BenchPerson> people, CancellationToken cancellationToken)
    {
        foreach (var person in people)
        {
            var posted = await client.PostAsync(activities.Install(person), cancellationToken);
            if (posted.Status != 200)
            {
                throw new InvalidOperationException($"Installing for {person.Name} answered HTTP {posted.Status}: {posted.Body}");
            }

            if (InstallSpacing > posted.Elapsed)
            {
                await Task.Delay(InstallSpacing - posted.Elapsed, cancellationToken);
            }
        }
    }

    /// <summary>
    /// The organiser submits the create-talk form once per talk (the form's id is the talk's id), with the earliest date
    /// the rules allow, as the form prefills it (000 §四(一)2–3).
    /// </summary>
    private async Task<(Dictionary<BenchPerson, TalkId> Talks, DateOnly Date)> CreateTalksAsync(BotClient client, BenchOrganisation org, CancellationToken cancellationToken)
    {
        var calendar = new CalendarOptions().Load(Path.GetDirectoryName(options.BotDll)!);
        var date = new TalkSchedulingRules(calendar, new TalkOptions().Policy).EarliestValidTalkDate(DateTimeOffset.UtcNow);
        var talks = new Dictionary<BenchPerson, TalkId>();
        foreach (var talkees in org.Cadres.Chunk(options.PerTalk))
        {
            var talk = TalkId.New(TimeProvider.System);
            var data = new JsonObject
            {
                [DataKeys.FormId] = talk.Value,
                [CreateTalkFields.Talkees] = string.Join(',', talkees.Select(t => t.Id)),
                [CreateTalkFields.Talkers] = org.Talker.Id,
                [CreateTalkFields.Recorder] = org.Recorder.Id,
                [CreateTalkFields.Kind] = nameof(TalkKind.Routine),
                [CreateTalkFields.Format] = talkees.Length > 1 ? nameof(TalkFormat.Collective) : nameof(TalkFormat.Individual),
                [CreateTalkFields.Date] = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                [CreateTalkFields.Time] = "09:00",
                [CreateTalkFields.Place] = "廉政谈话室",
                [CreateTalkFields.Preparation] = "对照日常廉政谈话10项内容准备汇报",
            };
            // Teams names the message the form is on (replyToId): that card becomes the organiser's card for the talk.
            var posted = await client.PostAsync(activities.Execute(org.Organiser, Verbs.TalkCreate, data, NewId(), replyToId: "form-" + talk.Value), cancellationToken);
            if (posted.Problem(_ => true) is { } problem)
            {
                throw new InvalidOperationException($"Creating a talk for {talkees.Length} talkees failed: {problem}");
            }

            foreach (var talkee in talkees)
            {
                talks[talkee] = talk;
            }
        }

        return (talks, date);
    }

    /// <summary>Waits until each cadre's chat holds their notice (the card names its talk); returns its activity id, which a click replies to.</summary>
    private async Task<Dictionary<BenchPerson, string>> WaitForNoticesAsync(
        IReadOnlyList<BenchPerson> cadres, Dictionary<BenchPerson, TalkId> talks, CancellationToken cancellationToken)
    {
        var notices = new Dictionary<BenchPerson, string>();
        var waited = Stopwatch.StartNew();
        while (true)
        {
            foreach (var cadre in cadres.Where(c => !notices.ContainsKey(c)))
            {
                if (teams.Activities(cadre.ConversationId).FirstOrDefault(a => a.Json.Contains(talks[cadre].Value, StringComparison.Ordinal)) is { } notice)
                {
                    notices[cadre] = notice.ActivityId;
                }
            }

            if (notices.Count == cadres.Count)
            {
                return notices;
            }

            if (waited.Elapsed > NoticeTimeout)
            {
                throw new TimeoutException($"{notices.Count} of {cadres.Count} notices delivered after {NoticeTimeout.TotalSeconds:F0} s.");
            }

            await Task.Delay(250, cancellationToken);
        }
    }

    /// <summary>All clicks of the wave posted at the same moment; then the background work they left is waited for.</summary>
    private async Task<WaveResult> WaveAsync(BotClient client, double idleCallsPerSecond, IReadOnlyList<JsonObject> clicks, CancellationToken cancellationToken)
    {
        var before = await client.StorageCountsAsync(cancellationToken);
        var clock = Stopwatch.StartNew();
        var answers = await client.BurstAsync(clicks, cancellationToken);
        await SettleAsync(cancellationToken);
        var after = await client.StorageCountsAsync(cancellationToken);
        var total = after.Total - before.Total - idleCallsPerSecond * clock.Elapsed.TotalSeconds;
        // Where they went, background work and idle polls included: which table each click's calls land on.
        Console.WriteLine("  storage calls per click by table: " + string.Join(", ", after.ByTable
            .Select(t => (t.Key, Calls: t.Value - before.ByTable.GetValueOrDefault(t.Key)))
            .Where(t => t.Calls > 0)
            .OrderByDescending(t => t.Calls)
            .Select(t => string.Create(CultureInfo.InvariantCulture, $"{t.Key} {(double)t.Calls / clicks.Count:F2}"))));

        var errors = answers
            .Select(a => a.Problem(card => Posted.HasContainer(card, "good")))
            .OfType<string>()
            .GroupBy(problem => problem, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        return new WaveResult(
            Latencies.Of(answers.Select(a => a.Elapsed.TotalMilliseconds)),
            Latencies.Of(answers.Where(a => a.StorageCalls is not null).Select(a => (double)a.StorageCalls!.Value)),
            total / clicks.Count,
            errors);
    }

    /// <summary>Until the fake Connector has seen no request for <see cref="ClickOptions.Settle"/>: the outbox is drained.</summary>
    private async Task SettleAsync(CancellationToken cancellationToken)
    {
        var last = teams.Snapshot().Requests;
        var quiet = Stopwatch.StartNew();
        var waited = Stopwatch.StartNew();
        while (quiet.Elapsed < options.Settle && waited.Elapsed < SettleTimeout)
        {
            await Task.Delay(250, cancellationToken);
            var now = teams.Snapshot().Requests;
            if (now != last)
            {
                (last, quiet) = (now, Stopwatch.StartNew());
            }
        }
    }

    private static async Task<double> IdleCallsPerSecondAsync(BotClient client, CancellationToken cancellationToken)
    {
        var before = await client.StorageCallsAsync(cancellationToken);
        await Task.Delay(IdleWindow, cancellationToken);
        return (await client.StorageCallsAsync(cancellationToken) - before) / IdleWindow.TotalSeconds;
    }

    private JsonObject Acknowledge(BenchPerson cadre, TalkId talk, string notice, string activityId) =>
        activities.Execute(cadre, Verbs.NoticeAcknowledge, new JsonObject { [DataKeys.TalkId] = talk.Value }, activityId, notice);

    private static string NewId() => Guid.NewGuid().ToString("N");

    private static void Say(int people, string line) => Console.WriteLine($"[{people}] {line}");
}
