using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.Json.Serialization;
using Azure.Data.Tables;
using TalkBot.Bot.Features.Directory;
using TalkBot.Bot.Features.Tab;
using TalkBot.Bot.Infrastructure.People;
using TalkBot.Bot.Infrastructure.Storage;
using TalkBot.Domain;
using TalkBot.Domain.People;
using TalkBot.Domain.Quiz;
using TalkBot.Domain.Records;
using TalkBot.Domain.Statistics;
using TalkBot.Domain.Talks;

namespace TalkBot.Bench;

/// <summary>A talk of a seeded month (<c>yyyy-MM</c>) as its ledger rows show it: where its record and its talkee's notice stand, and their quiz score.</summary>
internal sealed record LedgerTalk(Talk Talk, string Month, RecordStatus? Record, NoticeStatus Notice, int? QuizScore = null);

/// <summary>
/// The tab's endpoints of the dashboard bench, timed over HTTP against a real TalkBot process (the Release build, in
/// Development for the demo sign-in, on the seeded tables): the statistics page, a filtered page of the talk ledger
/// (goal ≤ 300 ms), the Excel export of the talk ledger of the whole month (≤ 5 s) and of the month's statistics. The
/// ledger rows of every seeded month are written as the product writes them (<see cref="TalkLedgerRows.Row"/>, under
/// the talk's month, in every partition of <see cref="TalkLedgerRows.Partitions"/> and the tables of
/// <see cref="TalkLedgerTables"/>; before the last month in the units' partitions only). Times are client round trips on the
/// loopback: server time plus a little.
/// </summary>
internal static class DashboardEndpoints
{
    private const int Rounds = 20;
    // The ledger reads a partition per unit of the office's levels: a handful of its slow requests tell its time.
    private const int LedgerRounds = 5;
    private const int ExportRounds = 3;
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromMinutes(5);
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    /// <summary>Writes the directory as an organisation file (demo/README.md's format) for the bot to load.</summary>
    public static async Task<string> WriteOrgFileAsync(PeopleLookup directory, CancellationToken cancellationToken)
    {
        var path = Path.Combine(Path.GetTempPath(), $"talkbot-dashboard-{Environment.ProcessId}.json");
        var units = directory.Units.Select(u => new OrgFile.UnitRow(u.Id.Value, u.Name, u.NameEn, u.Level, u.ParentId?.Value)).ToList();
        var people = directory.All.Select(p => new OrgFile.PersonRow(p.Id.Value, p.DisplayName, null, null, p.JobTitle, p.UnitId?.Value, p.ManagerId?.Value, p.Rank,
            [.. p.Roles])).ToList();
        await using var file = File.Create(path);
        await JsonSerializer.SerializeAsync(file, new OrgFile(new OrgFile.OrganisationInfo("示范市公安局（压测）", "Bench Bureau"), units, people), Json, cancellationToken);
        return path;
    }

    /// <summary>
    /// A month's talk ledger rows, grouped by table and partition and written in transactions of 100, where the product
    /// keeps them (<see cref="TalkLedgerTables"/>): the units' in the month's table and, for a talk with a step left, in
    /// the live talks' table too; the people's in <see cref="MatterIndex.Table"/>. With <paramref name="unitsOnly"/>, in
    /// the units' partitions alone, which are all the office's views read.
    /// </summary>
    public static async Task SeedLedgerAsync(TableSet set, PeopleLookup directory, IReadOnlyList<LedgerTalk> talks, bool unitsOnly, CancellationToken cancellationToken)
    {
        foreach (var month in talks.Select(t => t.Month).Distinct())
        {
            await set.EnsureAsync(TalkLedgerTables.MonthTable(month), cancellationToken);
        }

        var rows = talks.SelectMany(t => TalkLedgerRows.Partitions(t.Talk, directory).Where(p => !unitsOnly || MatterIndex.IsUnit(p))
            .SelectMany(partition => Rows(t, directory, partition).SelectMany(row => TablesOf(t.Month, row).Select(table => (Table: table, Row: row)))));
        var batches = rows.GroupBy(r => (r.Table, r.Row.PartitionKey)).SelectMany(g => g.Chunk(TableOperations.MaxTransactionActions));
        await Parallel.ForEachAsync(batches, new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = cancellationToken },
            async (batch, ct) => await set[batch[0].Table].SubmitAsync(batch.Select(r => new TableTransactionAction(TableTransactionActionType.UpsertReplace, r.Row)), ct));
    }

    private static IEnumerable<string> TablesOf(string month, TalkLedgerRow row)
    {
        if (!MatterIndex.IsUnit(row.PartitionKey))
        {
            yield return MatterIndex.Table;
            yield break;
        }

        yield return TalkLedgerTables.MonthTable(month);
        if (row.Live)
        {
            yield return TalkLedgerTables.LiveTable;
        }
    }

    private static IEnumerable<TalkLedgerRow> Rows(LedgerTalk t, PeopleLookup directory, string partition)
    {
        var recordAt = t.Record is null ? (DateTimeOffset?)null : t.Talk.ScheduledAt.AddHours(2);
        var line = TalkLedgerRows.Row(t.Talk, directory, t.Record?.ToString(), recordAt, t.Month, partition);
        yield return line;
        if (!TalkeeRows.Partitions(t.Talk, t.Talk.Talkees[0], directory).Contains(partition))
        {
            yield break; // the talkee's rows go only where a view shows them, as the product writes them
        }

        // Every notice of the month went out: delivered, answered or not deliverable, each with its row as the product writes it.
        // Each row says what its talk's line says about whether a step is left, as the product's whole write of a talk does.
        var notice = NoticeLedgerRows.Row(t.Talk.Id, t.Talk.Talkees[0], t.Notice, t.Notice is NoticeStatus.Acknowledged ? t.Talk.CreatedAt.AddHours(1) : null, t.Month,
            partition);
        notice.Live = line.Live;
        yield return notice;
        if (t.QuizScore is { } score)
        {
            var submitted = t.Talk.CreatedAt.AddHours(2);
            var quiz = QuizLedger.Row(QuizAttempt.Restore(t.Talk.Id, t.Talk.Talkees[0], 1, [.. Enumerable.Range(1, 10).Select(i => $"q{i:D3}")], submitted.AddMinutes(-10),
                submitted, new Dictionary<string, IReadOnlySet<string>>(), score), t.Month, partition);
            quiz.Live = line.Live;
            yield return quiz;
        }
    }

    /// <summary>Starts the bot on the seeded tables, signs in as the office and times each endpoint; true when the goals are met.</summary>
    public static async Task<bool> RunAsync(string botDll, string tables, string prefix, string orgFile, Person office, StatMonth month, UnitId committee,
        CancellationToken cancellationToken)
    {
        var bot = BotProcess.Start(botDll, new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            // Development's own settings log TalkBot at Debug; the bot measured logs as deployed.
            ["Logging__LogLevel__TalkBot"] = "Warning",
            ["ConnectionStrings__Tables"] = tables,
            ["Storage__TablePrefix"] = prefix,
            ["Directory__OrgFile"] = orgFile,
            ["MicrosoftAppId"] = "",
            ["Tab__DevSignIn"] = "true",
            ["Scheduler__Enabled"] = "false",
            ["Sender__DispatcherEnabled"] = "false",
            ["Plans__Enabled"] = "false",
            ["Statistics__Jobs"] = "false",
        });
        try
        {
            var clock = Stopwatch.StartNew();
            await bot.WaitUntilReadyAsync(ReadyTimeout, cancellationToken);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"bot ready after {clock.Elapsed.TotalSeconds:F0} s (the directory stored)"));
            using var client = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer() }) { BaseAddress = bot.Address, Timeout = TimeSpan.FromMinutes(2) };
            using (var signIn = await client.PostAsync(new Uri($"/api/tab/dev-sign-in?person={office.Id.Value}", UriKind.Relative), null, cancellationToken))
            {
                signIn.EnsureSuccessStatusCode();
            }

            var m = month.ToString();
            var ok = true;
            ok &= await TimeAsync(client, "statistics page over HTTP, whole bureau", $"/api/tab/statistics?month={m}", Rounds, 500, cancellationToken);
            ok &= await TimeAsync(client, "filtered ledger page (talks, one committee, the month)", $"/api/tab/ledgers/talks?month={m}&unit={committee.Value}", LedgerRounds, 300,
                cancellationToken);
            ok &= await TimeAsync(client, "ledger page as it opens (talks, one committee, this month and all still open)", $"/api/tab/ledgers/talks?unit={committee.Value}",
                LedgerRounds, 300, cancellationToken);
            // Every month at once is what 全部 asks for: twelve times the rows, no goal.
            await TimeAsync(client, "filtered ledger page (talks, one committee, every month)", $"/api/tab/ledgers/talks?month=all&unit={committee.Value}", LedgerRounds,
                double.PositiveInfinity, cancellationToken);
            ok &= await TimeAsync(client, "Excel export of the talk ledger, whole bureau, the month", $"/api/tab/ledgers/talks/export?format=xlsx&month={m}", ExportRounds, 5000,
                cancellationToken);
            ok &= await TimeAsync(client, "Excel export of the month's statistics, whole bureau", $"/api/tab/statistics/export?format=xlsx&month={m}", Rounds, 5000,
                cancellationToken);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"bot peak memory: {bot.PeakMemoryKiB() / 1024.0:F0} MiB"));
            return ok;
        }
        finally
        {
            bot.Stop();
        }
    }

    private static async Task<bool> TimeAsync(HttpClient client, string name, string path, int rounds, double goalMs, CancellationToken cancellationToken)
    {
        var times = new List<double>();
        long bytes = 0;
        string? rows = null;
        for (var i = 0; i < rounds + 1; i++)
        {
            var watch = Stopwatch.StartNew();
            using var response = await client.GetAsync(new Uri(path, UriKind.Relative), cancellationToken);
            var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
            watch.Stop();
            if (!response.IsSuccessStatusCode)
            {
                throw new InvalidOperationException($"{path} answered HTTP {(int)response.StatusCode}: {System.Text.Encoding.UTF8.GetString(body)}");
            }

            bytes = body.Length;
            rows ??= response.Content.Headers.ContentType?.MediaType == "application/json" && JsonDocument.Parse(body).RootElement.TryGetProperty("total", out var total)
                ? $", {total.GetInt32()} lines in the view" : null;
            if (i > 0)
            {
                times.Add(watch.Elapsed.TotalMilliseconds);
            }
        }

        var l = Latencies.Of(times);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{name}: p50 {l.P50:F0} ms  p95 {l.P95:F0} ms  max {l.Max:F0} ms ({(double.IsPositiveInfinity(goalMs) ? "no goal" : $"goal ≤ {goalMs:F0} ms")}; {rounds} requests, {bytes / 1024} KiB{rows})"));
        return l.P95 <= goalMs;
    }
}
