using System.Globalization;
using TalkBot.FakeGraph;
using TalkBot.GraphBench;

// dotnet tools/GraphBench/bin/Release/net10.0/TalkBot.GraphBench.dll --tables CONNECTION [--users 10000] [--latency-ms 50]
//   [--installs 10000] [--install-limit 200] [--talks 2000] [--event-limit 16] [--delta-page-cap N]
// scripts/bench.sh graph passes an in-memory Azurite. Every Graph call goes to the local fake Graph with the latency given.
int users = 10_000, latencyMs = 50, installs = 10_000, installLimit = 200, talks = 2_000, eventLimit = 16, deltaPageCap = 999;
string? tables = null;
for (var i = 0; i < args.Length; i++)
{
    if (args[i] == "--tables" && i + 1 < args.Length)
    {
        tables = args[++i];
        continue;
    }

    var value = i + 1 < args.Length && int.TryParse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : -1;
    switch (args[i])
    {
        case "--users" when value >= 1: users = value; i++; break;
        case "--latency-ms" when value >= 0: latencyMs = value; i++; break;
        case "--installs" when value >= 0: installs = value; i++; break;
        case "--install-limit" when value >= 1: installLimit = value; i++; break;
        case "--talks" when value >= 0: talks = value; i++; break;
        case "--event-limit" when value >= 1: eventLimit = value; i++; break;
        case "--delta-page-cap" when value >= 1: deltaPageCap = value; i++; break;
        default:
            Console.Error.WriteLine("usage: TalkBot.GraphBench --tables CONNECTION [--users N] [--latency-ms N] [--installs N] [--install-limit N] [--talks N] [--event-limit N] [--delta-page-cap N]");
            return 2;
    }
}

if (tables is null)
{
    Console.Error.WriteLine("--tables CONNECTION is required (scripts/bench.sh graph gives an in-memory Azurite)");
    return 2;
}

var organisation = FakeGraphOptions.Organisation(users).Users;
// Eight role groups of a hundred people each, read with the users in one groups delta query.
var groups = Enumerable.Range(1, 8).ToDictionary(g => $"role-group-{g}", g => (IReadOnlyList<string>)[.. organisation.Skip(g * 100).Take(100).Select(u => u.Id)]);
var misses = new List<string>();
Console.WriteLine($"graph benchmark: {users} users, {latencyMs} ms per Graph request, 8 role groups");
foreach (var cap in new int?[] { null, 100 })
{
    await using var graph = await FakeGraphServer.StartAsync(new FakeGraphOptions
    {
        Users = organisation, Groups = groups, Latency = TimeSpan.FromMilliseconds(latencyMs), MaxPageSizeWithExpand = cap, MaxDeltaPageSize = deltaPageCap,
    });
    var full = await ReadBench.FullAsync(graph, [.. groups.Keys], 999);
    var label = cap is { } c ? $"with Graph's cap of {c} per page on $expand" : "without a page cap";
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"full read {label}: {full.People.Count} users, {full.Requests} requests, {full.Seconds:F2} s"));
    if (full.Requests > ReadBench.FullTarget || full.People.Count != users)
    {
        misses.Add($"full read {label}: {full.Requests} requests > {ReadBench.FullTarget}");
    }

    if (cap is null)
    {
        // Issue 5's figures: that organisation stored and its monthly plans made.
        await PlanBench.RunAsync(full.People, tables);
        var delta = await ReadBench.DeltaAsync(graph, organisation, [.. groups.Keys], full.Users, full.Groups);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"delta sync after 10 changes: {delta.Changes} changes read, {delta.Requests} requests, {delta.Seconds:F2} s"));
        if (delta.Requests > ReadBench.DeltaTarget)
        {
            misses.Add($"delta: {delta.Requests} requests > {ReadBench.DeltaTarget}");
        }
    }
}

if (installs > 0)
{
    Console.WriteLine(await WriteBench.InstallsAsync([.. organisation.Take(installs)], latencyMs, installLimit, tables));
}

if (talks > 0)
{
    Console.WriteLine(await WriteBench.EventsAsync(organisation, talks, latencyMs, eventLimit, tables));
}

Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"peak memory {PeakMemory.KiB() / 1024.0:F0} MiB"));
Console.WriteLine(misses.Count == 0 ? "targets met" : "targets missed: " + string.Join(", ", misses));
return misses.Count == 0 ? 0 : 1;
