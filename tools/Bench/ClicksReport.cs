using System.Globalization;
using TalkBot.FakeConnector;

namespace TalkBot.Bench;

/// <summary>
/// Runs the clicks scenario once per organisation size, prints the figures and checks issue 12's targets: the first
/// wave's p99 within 3× raw Azurite's at the same concurrency, at most 4 storage calls for an acknowledgement (the
/// header's median: the common case), no error in either wave, exactly one acknowledgement per cadre, at most 250 MiB
/// at 10,000 people and, with two sizes, the larger's p99 within 1.3× the smaller's. The repeat wave posts three
/// clicks per cadre at once; its latency is printed, not judged against the raw p99 taken at the first wave's concurrency.
/// </summary>
internal static class ClicksReport
{
    private const double RawFactor = 3;
    private const double MaxCallsPerAcknowledgement = 4;
    private const double MaxPeakMiB = 250;
    private const int LargeOrganisation = 10_000;
    private const double SizeFactor = 1.3;

    public static async Task<int> RunAsync(ClickOptions options)
    {
        Console.WriteLine($"clicks benchmark: {options.Cadres} cadres, {options.PerTalk} per talk, organisations of {string.Join(" and ", options.People)} people; " +
                          "Teams' default limits (per conversation 7/1 s, 8/2 s, 60/30 s; tenant 50/s)");
        await using var teams = await FakeConnectorServer.StartAsync(new FakeConnectorOptions());
        var bench = new ClicksBench(options, teams);
        var results = new List<ClicksResult>();
        try
        {
            foreach (var people in options.People)
            {
                results.Add(await bench.RunAsync(people, CancellationToken.None));
            }
        }
        catch (Exception e) when (e is InvalidOperationException or TimeoutException)
        {
            // The set-up did not come about (the bot did not start, a talk was refused, notices did not arrive): nothing to measure.
            Console.WriteLine("clicks run stopped: " + e.Message);
            return 1;
        }
        finally
        {
            if (Directory.Exists(options.WorkDirectory))
            {
                Directory.Delete(options.WorkDirectory, recursive: true);
            }
        }

        Print(results);
        var misses = results.SelectMany(Misses).ToList();
        if (results.Count > 1)
        {
            var (small, large) = (results.MinBy(r => r.People)!, results.MaxBy(r => r.People)!);
            if (large.First.Latency.P99 > SizeFactor * small.First.Latency.P99)
            {
                misses.Add(Invariant($"p99 at {large.People} people {large.First.Latency.P99:F0} ms > {SizeFactor} × p99 at {small.People} people {small.First.Latency.P99:F0} ms"));
            }
        }

        Console.WriteLine(misses.Count == 0 ? "targets met" : "targets missed: " + string.Join("; ", misses));
        return misses.Count == 0 ? 0 : 1;
    }

    private static void Print(IReadOnlyList<ClicksResult> results)
    {
        Console.WriteLine();
        Console.WriteLine("people  cadres  per-talk  wave    clicks  p50 ms  p95 ms  p99 ms  max ms  calls/click header p50/max  total/click  errors");
        foreach (var r in results)
        {
            foreach (var (name, wave) in new[] { ("first", r.First), ("repeat", r.Repeat) })
            {
                var l = wave.Latency;
                var header = wave.HeaderCalls.Count == 0 ? "n/a" : Invariant($"{wave.HeaderCalls.P50:F0} / {wave.HeaderCalls.Max:F0}");
                Console.WriteLine(Invariant(
                    $"{r.People,6}  {r.Cadres,6}  {r.PerTalk,8}  {name,-6}  {l.Count,6}  {l.P50,6:F0}  {l.P95,6:F0}  {l.P99,6:F0}  {l.Max,6:F0}  {header,27}  {wave.TotalCallsPerClick,11:F1}  {wave.ErrorCount,6}"));
            }
        }

        Console.WriteLine();
        Console.WriteLine("people  acks stored/expected  duplicates  notices acknowledged  organiser POST/PUT  peak MiB  raw p99 ms  p99/raw  seconds");
        foreach (var r in results)
        {
            Console.WriteLine(Invariant(
                $"{r.People,6}  {r.Stored.Stored,11} / {r.Cadres,-8}  {r.Stored.Duplicates,10}  {r.Stored.NoticesAcknowledged,20}  {r.OrganiserPosts,11} / {r.OrganiserPuts,-4}  {r.PeakMemoryKiB / 1024.0,8:F0}  {r.Raw.P99,10:F1}  {Ratio(r),7:F1}  {r.Elapsed.TotalSeconds,7:F0}"));
        }

        foreach (var r in results)
        {
            foreach (var (name, wave) in new[] { ("first", r.First), ("repeat", r.Repeat) })
            {
                foreach (var (problem, count) in wave.Errors.OrderByDescending(e => e.Value))
                {
                    Console.WriteLine(Invariant($"errors at {r.People} people, {name} wave: {count} × {problem}"));
                }
            }
        }

        Console.WriteLine();
    }

    private static IEnumerable<string> Misses(ClicksResult r)
    {
        var at = Invariant($"at {r.People} people: ");
        if (Ratio(r) > RawFactor)
        {
            yield return at + Invariant($"p99 {r.First.Latency.P99:F0} ms > {RawFactor} × raw Azurite p99 {r.Raw.P99:F1} ms");
        }

        if (r.First.HeaderCalls.Count == 0)
        {
            yield return at + "no storage call counts in the answers";
        }
        else if (r.First.HeaderCalls.P50 > MaxCallsPerAcknowledgement)
        {
            yield return at + Invariant($"{r.First.HeaderCalls.P50:F0} storage calls per acknowledgement > {MaxCallsPerAcknowledgement}");
        }

        if (r.First.ErrorCount + r.Repeat.ErrorCount > 0)
        {
            yield return at + Invariant($"{r.First.ErrorCount + r.Repeat.ErrorCount} errors");
        }

        if (r.Stored.Stored != r.Cadres || r.Stored.Duplicates > 0 || r.Stored.NoticesAcknowledged != r.Cadres)
        {
            yield return at + Invariant($"acknowledgements {r.Stored.Stored} of {r.Cadres} stored, {r.Stored.Duplicates} duplicated, {r.Stored.NoticesAcknowledged} notices acknowledged");
        }

        if (r.People >= LargeOrganisation && r.PeakMemoryKiB / 1024.0 > MaxPeakMiB)
        {
            yield return at + Invariant($"peak memory {r.PeakMemoryKiB / 1024.0:F0} MiB > {MaxPeakMiB} MiB");
        }
    }

    private static double Ratio(ClicksResult r) => r.Raw.P99 > 0 ? r.First.Latency.P99 / r.Raw.P99 : double.PositiveInfinity;

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
