using System.Diagnostics;
using System.Globalization;
using TalkBot.Bot.Features.Directory;
using TalkBot.FakeGraph;
using TalkBot.GraphBench;

// dotnet tools/GraphBench/bin/Release/net10.0/TalkBot.GraphBench.dll [--users 10000] [--latency-ms 50] [--expand-page-cap 100] [--tables CONNECTION]
// With --tables (scripts/bench.sh graph passes an in-memory Azurite), the organisation is then stored and its monthly plans made.
// Reads a fake Graph organisation through GraphDirectorySource: 50 ms per request and one 429 with Retry-After: 1.
// --expand-page-cap 100 models Graph's known limit of 100 objects per page when $expand is used.
int users = 10_000, latencyMs = 50;
int? expandPageCap = null;
string? tables = null;
for (var i = 0; i < args.Length; i++)
{
    if (args[i] == "--tables" && i + 1 < args.Length)
    {
        tables = args[++i];
        continue;
    }

    var value = i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : -1;
    switch (args[i])
    {
        case "--users" when value >= 0: users = value; i++; break;
        case "--latency-ms" when value >= 0: latencyMs = value; i++; break;
        case "--expand-page-cap" when value >= 1: expandPageCap = value; i++; break;
        default:
            Console.Error.WriteLine("usage: TalkBot.GraphBench [--users N] [--latency-ms N] [--expand-page-cap N] [--tables CONNECTION]");
            return 2;
    }
}

var organisation = FakeGraphOptions.Organisation(users);
await using var graph = await FakeGraphServer.StartAsync(new FakeGraphOptions
{
    Users = organisation.Users,
    Latency = TimeSpan.FromMilliseconds(latencyMs),
    ThrottleOnce = true,
    MaxPageSizeWithExpand = expandPageCap,
});
Console.WriteLine($"graph benchmark: {users} users, {latencyMs} ms per request, one 429 with Retry-After: 1" +
                  (expandPageCap is { } cap ? $", at most {cap} users per page with $expand" : string.Empty));

using var source = new GraphDirectorySource(
    new GraphDirectoryOptions { BaseUrl = graph.BaseUrl, AllowInsecureHttp = true },
    new BenchCredential());
var clock = Stopwatch.StartNew();
var people = await source.ReadPeopleAsync(CancellationToken.None);
clock.Stop();

var complete = people.Count == users && people.Select(p => p.Id).SequenceEqual(organisation.Users.Select(u => u.Id));
const int targetRequests = 20;
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"users read {people.Count}  requests {source.Requests} (server {graph.Requests}, throttled {graph.Throttled}; one per user would be {users + 1})  " +
    $"seconds {clock.Elapsed.TotalSeconds:F2}  peak MiB {PeakMemory.KiB() / 1024.0:F0}"));

var misses = new List<string>();
if (!complete)
{
    misses.Add($"read {people.Count} of {users} users");
}

if (source.Requests > targetRequests)
{
    misses.Add($"{source.Requests} requests > {targetRequests}");
}

if (tables is not null)
{
    await PlanBench.RunAsync(people, tables);
}

Console.WriteLine(misses.Count == 0 ? "targets met" : "targets missed: " + string.Join(", ", misses));
return misses.Count == 0 ? 0 : 1;
