using System.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using TalkBot.Bot.Features.Directory;
using TalkBot.Bot.Infrastructure.Graph;
using TalkBot.FakeGraph;

namespace TalkBot.GraphBench;

/// <summary>The directory read: everyone (with and without Graph's 100-per-page cap on $expand), then ten changes by delta.</summary>
internal static class ReadBench
{
    public const int FullTarget = 20;
    public const int DeltaTarget = 3;

    /// <summary>Reads everyone and the role groups; returns what was read, the requests and the links for the delta.</summary>
    public static async Task<(IReadOnlyList<DirectoryPerson> People, long Requests, double Seconds, string Users, string Groups)> FullAsync(
        FakeGraphServer graph, IReadOnlyList<string> groups, int pageSize)
    {
        using var connection = Connection(graph);
        var source = new GraphDirectorySource(connection, new GraphDirectoryOptions { PageSize = pageSize }, NullLogger<GraphDirectorySource>.Instance);
        var clock = Stopwatch.StartNew();
        var people = await source.ReadPeopleAsync(null, CancellationToken.None);
        var members = await source.ReadGroupsAsync(groups, null, CancellationToken.None);
        return (people.People, connection.Requests, clock.Elapsed.TotalSeconds, people.DeltaLink!, members.DeltaLink!);
    }

    /// <summary>Ten people change (new titles, departments; one leaves the directory); the next sync reads them.</summary>
    public static async Task<(int Changes, long Requests, double Seconds)> DeltaAsync(
        FakeGraphServer graph, IReadOnlyList<FakeGraphUser> users, IReadOnlyList<string> groups, string usersLink, string groupsLink)
    {
        foreach (var user in users.Skip(500).Take(9))
        {
            graph.Tenant.Set(user with { JobTitle = "Changed", Department = "Legal" });
        }

        graph.Tenant.Remove(users[900].Id);
        using var connection = Connection(graph);
        var source = new GraphDirectorySource(connection, new GraphDirectoryOptions(), NullLogger<GraphDirectorySource>.Instance);
        var clock = Stopwatch.StartNew();
        var people = await source.ReadPeopleAsync(usersLink, CancellationToken.None);
        var members = await source.ReadGroupsAsync(groups, groupsLink, CancellationToken.None);
        return (people.People.Count + people.Removed.Count + members.Members.Count, connection.Requests, clock.Elapsed.TotalSeconds);
    }

    public static GraphConnection Connection(FakeGraphServer graph) =>
        new(new GraphOptions { BaseUrl = graph.BaseUrl, AllowInsecureHttp = true }, new BenchCredential());
}
