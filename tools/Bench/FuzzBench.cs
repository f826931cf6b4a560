using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using TalkBot.FakeConnector;
using TalkBot.Fuzz;

namespace TalkBot.Bench;

/// <summary>
/// Issue 16's benchmark: the fuzz corpus (tools/Fuzz, with 2 MB and 20 MB bodies among it) against a real TalkBot
/// process on Azurite, answering through a local fake Teams. Prints the requests, the 4xx by reason, the 5xx (goal 0)
/// and the bot's peak memory.
/// </summary>
internal static class FuzzBench
{
    private const string UnhandledInvoke = "unknown type or invoke: invoke";

    public static async Task<int> RunAsync(string[] args)
    {
        string? Value(string name)
        {
            var i = Array.IndexOf(args, name);
            return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
        }

        var count = int.Parse(Value("--count") ?? "10000", CultureInfo.InvariantCulture);
        var seed = int.Parse(Value("--seed") ?? "16", CultureInfo.InvariantCulture);
        var options = new BenchOptions(
            Value("--tables") ?? throw new ArgumentException("--tables CONNECTION is required"),
            Path.GetFullPath(Value("--bot") ?? throw new ArgumentException("--bot PATH is required")),
            Path.GetFullPath(Value("--org") ?? throw new ArgumentException("--org PATH is required")),
            0, 50, 0, [], TimeSpan.FromSeconds(60));

        // Teams' limits are off here: hundreds of requests a second to a few dozen chats would have the bot's replies
        // throttled, which the fan-out benchmark measures; this one measures what malformed input does.
        await using var teams = await FakeConnectorServer.StartAsync(new FakeConnectorOptions
        {
            TenantLimitPerSecond = 100_000, ConversationLimits = [], FailureRate = 0, Seed = seed,
        });
        var corpus = new FuzzCorpus(seed, teams.ServiceUrl, await PeopleAsync(options.OrgFile), 256 * 1024) { HugeBodySizes = [2 << 20, 20 << 20] };
        Console.WriteLine($"fuzz benchmark: {count} requests of the corpus (seed {seed}, {FuzzCorpus.Kinds} kinds) against the built bot; " +
                          "replies to a fake Teams without rate limits");

        var bot = BotProcess.Start(options.BotDll, new Dictionary<string, string>
        {
            ["ConnectionStrings__Tables"] = options.Tables,
            ["Storage__TablePrefix"] = "fuzz" + DateTime.UtcNow.ToString("HHmmssfff", CultureInfo.InvariantCulture),
            ["Directory__OrgFile"] = options.OrgFile,
            ["Scheduler__Enabled"] = "false",
            ["Sender__DispatcherEnabled"] = "true",
            ["Sender__PollInterval"] = "00:00:00.500",
        });
        using var http = new HttpClient { BaseAddress = bot.Address, Timeout = TimeSpan.FromSeconds(60) };
        try
        {
            await WaitReadyAsync(http);
            var tally = new Dictionary<string, int>(StringComparer.Ordinal);
            var (serverErrors, unhandled, peak) = (0, 0, 0L);
            var clock = Stopwatch.StartNew();
            var sent = 0;
            foreach (var fuzz in corpus.Cases(count))
            {
                var outcome = await SendAsync(http, fuzz);
                sent++;
                if (outcome.StartsWith("501", StringComparison.Ordinal) && fuzz.Kind.StartsWith(UnhandledInvoke, StringComparison.Ordinal))
                {
                    unhandled++;
                }
                else if (outcome.StartsWith('5') || outcome.StartsWith("200 invoke 5", StringComparison.Ordinal))
                {
                    serverErrors++;
                    Console.WriteLine($"  {outcome} for {fuzz.Kind}");
                }

                tally[outcome] = tally.GetValueOrDefault(outcome) + 1;
                if (sent % 100 == 0)
                {
                    peak = Math.Max(peak, bot.PeakMemoryKiB());
                }
            }

            peak = Math.Max(peak, bot.PeakMemoryKiB());
            Print(sent, tally, unhandled, serverErrors, peak, clock.Elapsed);
            return serverErrors == 0 ? 0 : 1;
        }
        finally
        {
            bot.Stop();
        }
    }

    private static async Task<string> SendAsync(HttpClient http, FuzzCase fuzz)
    {
        using var content = new ByteArrayContent(fuzz.Body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        try
        {
            using var response = await http.PostAsync("/api/messages", content);
            var body = await response.Content.ReadAsStringAsync();
            var status = (int)response.StatusCode;
            return status switch
            {
                200 when Field(body, "statusCode") is { } invoke => $"200 invoke {invoke}",
                >= 400 and < 500 => $"{status} {Field(body, "error") ?? "(no reason)"}",
                _ => status.ToString(CultureInfo.InvariantCulture),
            };
        }
        catch (HttpRequestException)
        {
            // A 413 answered before a 20 MB body was sent whole: the bot closes the connection on the rest.
            return "connection closed by the bot while sending";
        }
    }

    private static string? Field(string body, string name)
    {
        try
        {
            using var json = JsonDocument.Parse(body);
            return json.RootElement.ValueKind == JsonValueKind.Object && json.RootElement.TryGetProperty(name, out var value)
                ? value.ToString()
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static void Print(int sent, Dictionary<string, int> tally, int unhandled, int serverErrors, long peakKiB, TimeSpan elapsed)
    {
        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"requests       {sent} in {elapsed.TotalSeconds:F0} s ({sent / elapsed.TotalSeconds:F0}/s)"));
        Console.WriteLine($"2xx            {tally.Where(t => t.Key.StartsWith('2')).Sum(t => t.Value)} (invoke answers: " +
                          string.Join(", ", tally.Where(t => t.Key.StartsWith("200 invoke", StringComparison.Ordinal)).Select(t => $"{t.Key[11..]}: {t.Value}")) + ")");
        Console.WriteLine($"4xx            {tally.Where(t => t.Key.StartsWith('4')).Sum(t => t.Value)}, by reason:");
        foreach (var (key, n) in tally.Where(t => t.Key.StartsWith('4')).OrderByDescending(t => t.Value))
        {
            Console.WriteLine($"  {n,6}  {key}");
        }

        foreach (var (key, n) in tally.Where(t => t.Key.StartsWith('c')))
        {
            Console.WriteLine($"other          {n} {key}");
        }

        Console.WriteLine($"501            {unhandled} (invoke names the bot does not handle, answered as the Bot Framework SDK does)");
        Console.WriteLine($"5xx            {serverErrors} (goal 0; invoke answers of 500 included)");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"peak memory    {peakKiB / 1024.0:F0} MiB (the bot's VmHWM)"));
        Console.WriteLine(serverErrors == 0 ? "fuzz: target met" : "fuzz: target missed");
    }

    private static async Task<IReadOnlyList<FuzzPerson>> PeopleAsync(string orgFile)
    {
        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(orgFile));
        return [.. json.RootElement.GetProperty("people").EnumerateArray().Select((p, i) =>
            new FuzzPerson(p.GetProperty("id").GetString()!, $"29:fuzz-{i}", p.GetProperty("displayName").GetString()!))];
    }

    private static async Task WaitReadyAsync(HttpClient http)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(60))
        {
            try
            {
                using var ready = await http.GetAsync("/readyz");
                if (ready.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(250);
        }

        throw new InvalidOperationException("The bot did not become ready within 60 s.");
    }
}
