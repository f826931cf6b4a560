using System.Globalization;
using TalkBot.Bench;
using TalkBot.FakeConnector;

// dotnet tools/Bench/bin/Release/net10.0/TalkBot.Bench.dll fanout --tables CONN --bot PATH [--messages 10000]
// dotnet tools/Bench/bin/Release/net10.0/TalkBot.Bench.dll clicks --tables CONN --bot PATH [--people 10000 | --compare 250,10000]
// dotnet tools/Bench/bin/Release/net10.0/TalkBot.Bench.dll dashboard --tables CONN [--people 10000]
// dotnet tools/Bench/bin/Release/net10.0/TalkBot.Bench.dll fuzz --tables CONN --bot PATH --org PATH [--count 10000] [--seed 16]
// scripts/bench.sh starts Azurite and passes these.
if (args.Length > 0 && args[0] == "clicks")
{
    return await ClicksReport.RunAsync(ClickOptions.Parse(args[1..]));
}

if (args.Length > 0 && args[0] == "dashboard")
{
    return await DashboardBench.RunAsync(args[1..]);
}

if (args.Length > 0 && args[0] == "fuzz")
{
    return await FuzzBench.RunAsync(args[1..]);
}

if (args.Length == 0 || args[0] != "fanout")
{
    Console.Error.WriteLine("usage: TalkBot.Bench fanout --tables CONNECTION --bot Bot.dll --org org.json [--messages N] [--tenant-limit N] [--failure-rate F] [--runs plain,kill,term]");
    Console.Error.WriteLine("       TalkBot.Bench clicks --tables CONNECTION --bot Bot.dll [--people N | --compare N,N] [--cadres N] [--per-talk N] [--raw-rounds N] [--settle S]");
    Console.Error.WriteLine("       TalkBot.Bench fuzz --tables CONNECTION --bot Bot.dll --org org.json [--count N] [--seed N]");
    return 2;
}

var options = BenchOptions.Parse(args[1..]);
Console.WriteLine($"fan-out benchmark: {options.Messages} notices to {options.Messages} conversations; tenant limit {options.TenantLimit}/s; " +
                  $"{options.FailureRate:P0} of requests answered 503; Teams' per-conversation limits enforced");
await using var teams = await FakeConnectorServer.StartAsync(new FakeConnectorOptions
{
    TenantLimitPerSecond = options.TenantLimit,
    FailureRate = options.FailureRate,
    Seed = 20261127,
});
var bench = new FanOutBench(options, teams);
var results = new List<FanOutResult>();
foreach (var run in options.Runs)
{
    results.Add(await bench.RunAsync(run, run, CancellationToken.None));
}

Console.WriteLine();
Console.WriteLine("run    messages  delivered  lost  duplicated  rate/s  rate/limit  peak MiB  429s  503s  failed  seconds  restarts");
foreach (var r in results)
{
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{r.Name,-6} {r.Messages,8}  {r.Delivered,9}  {r.Lost,4}  {r.Duplicates,10}  {r.RatePerSecond,6:F1}  {r.RateOverLimit,10:F3}  {r.PeakMemoryKiB / 1024.0,8:F0}  {r.Throttled,4}  {r.Injected503,4}  {r.FailedStored,6}  {r.Elapsed.TotalSeconds,7:F0}  {r.Restarts,8}"));
}

var ok = true;
foreach (var r in results)
{
    var misses = new List<string>();
    if (r.Name == "plain" && r.RateOverLimit < 0.97)
    {
        misses.Add($"rate/limit {r.RateOverLimit:F3} < 0.97");
    }

    if (r.Lost > 0)
    {
        misses.Add($"{r.Lost} lost");
    }

    if (r.Duplicates > 0)
    {
        misses.Add($"{r.Duplicates} duplicated");
    }

    ok &= misses.Count == 0;
    Console.WriteLine($"{r.Name}: {(misses.Count == 0 ? "targets met" : "targets missed: " + string.Join(", ", misses))}");
}

return ok ? 0 : 1;
