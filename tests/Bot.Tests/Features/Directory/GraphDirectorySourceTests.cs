using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using TalkBot.Bot.Features.Directory;
using TalkBot.Bot.Infrastructure.Graph;
using TalkBot.FakeGraph;

namespace TalkBot.Bot.Tests.Features.Directory;

/// <summary>The Graph source against the local Graph-shaped server: delta rounds, paging, throttling, expiry, role groups.</summary>
public sealed class GraphDirectorySourceTests
{
    internal static GraphConnection Connection(FakeGraphServer server) =>
        new(new GraphOptions { BaseUrl = server.BaseUrl, AllowInsecureHttp = true }, new FixedTokenCredential());

    private static GraphDirectorySource Source(GraphConnection connection, int pageSize = 999) =>
        new(connection, new GraphDirectoryOptions { PageSize = pageSize });

    private static DirectoryPerson Expected(FakeGraphUser u) =>
        new(u.Id, u.DisplayName, u.Department, u.JobTitle, u.Mail, u.UserPrincipalName, u.ManagerId, u.AccountEnabled);

    [Fact]
    public async Task FirstRead_2500Users_ReadsEveryoneWithTheirManagerInThreeRequests_AndGivesADeltaLink()
    {
        var options = FakeGraphOptions.Organisation(2500);
        await using var server = await FakeGraphServer.StartAsync(options);
        using var connection = Connection(server);

        var read = await Source(connection).ReadPeopleAsync(null, default);

        Assert.True(read.Full);
        Assert.Equal(options.Users.Select(Expected), read.People);
        Assert.Equal(3, server.Requests);
        Assert.Equal(3, connection.Requests);
        Assert.NotNull(read.DeltaLink);
        Assert.Contains(read.People, p => p.Mail is null);
        Assert.Contains(read.People, p => !p.Enabled);
        Assert.Single(read.People, p => p.ManagerId is null);
        Assert.All(server.Received, r =>
        {
            Assert.StartsWith("/v1.0/users/delta", r.Path, StringComparison.Ordinal);
            Assert.False(r.Parameters.ContainsKey("$expand")); // the manager comes as manager@delta: Graph's cap with $expand does not apply
        });
    }

    [Fact]
    public async Task FirstRead_WhenGraphCapsPagesWithExpand_StillNeedsNoMoreRequests()
    {
        var options = FakeGraphOptions.Organisation(2500);
        await using var server = await FakeGraphServer.StartAsync(new FakeGraphOptions { Users = options.Users, MaxPageSizeWithExpand = 100 });
        using var connection = Connection(server);

        var read = await Source(connection).ReadPeopleAsync(null, default);

        Assert.Equal(2500, read.People.Count);
        Assert.Equal(3, server.Requests);
    }

    [Fact]
    public async Task Delta_TenChangesInALargeTenant_CostOneRequest_AndBringChangesAndRemovals()
    {
        var options = FakeGraphOptions.Organisation(3000);
        await using var server = await FakeGraphServer.StartAsync(options);
        using var connection = Connection(server);
        var source = Source(connection);
        var first = await source.ReadPeopleAsync(null, default);
        var changed = options.Users.Skip(100).Take(9).Select(u => u with { JobTitle = "Changed", Department = "Legal" }).ToList();
        changed.ForEach(server.Tenant.Set);
        server.Tenant.Remove(options.Users[200].Id);
        var before = connection.Requests;

        var delta = await source.ReadPeopleAsync(first.DeltaLink, default);

        Assert.False(delta.Full);
        Assert.Equal(changed.Select(Expected), delta.People);
        Assert.Equal([options.Users[200].Id], delta.Removed);
        Assert.Equal(1, connection.Requests - before);
        var nothing = await source.ReadPeopleAsync(delta.DeltaLink, default);
        Assert.Empty(nothing.People);
        Assert.Empty(nothing.Removed);
    }

    [Fact]
    public async Task Delta_ExpiredLink_ReadsEveryoneAgain()
    {
        var options = FakeGraphOptions.Organisation(50);
        await using var server = await FakeGraphServer.StartAsync(options);
        using var connection = Connection(server);
        var source = Source(connection);
        var first = await source.ReadPeopleAsync(null, default);
        server.Tenant.ExpireDeltaLinks();

        var again = await source.ReadPeopleAsync(first.DeltaLink, default);

        Assert.True(again.Full);
        Assert.Equal(50, again.People.Count);
        Assert.Contains(server.Received, r => r.StatusCode == 410);
    }

    [Fact]
    public async Task FirstRead_ThrottledAndFailing_WaitsTheServersRetryAfterAndStillReadsEveryone()
    {
        var options = FakeGraphOptions.Organisation(1200);
        await using var server = await FakeGraphServer.StartAsync(new FakeGraphOptions { Users = options.Users, FailEvery = 2 });
        using var connection = Connection(server);

        var read = await Source(connection, pageSize: 500).ReadPeopleAsync(null, default);

        Assert.Equal(1200, read.People.Count);
        Assert.True(server.Failed > 0);
    }

    [Fact]
    public async Task Groups_FirstReadListsMembers_ThenOnlyChanges_InOneRequestEach()
    {
        var options = FakeGraphOptions.Organisation(10);
        var ids = options.Users.Select(u => u.Id).ToList();
        await using var server = await FakeGraphServer.StartAsync(new FakeGraphOptions
        {
            Users = options.Users,
            Groups = new Dictionary<string, IReadOnlyList<string>> { ["g-sec"] = [ids[0]], ["g-head"] = [ids[1], ids[2]], ["g-other"] = [ids[3]] },
        });
        using var connection = Connection(server);
        var source = Source(connection);

        var first = await source.ReadGroupsAsync(["g-sec", "g-head"], null, default);
        Assert.Equal(3, first.Members.Count);
        Assert.DoesNotContain(first.Members, m => m.Group == "g-other");
        server.Tenant.RemoveMember("g-head", ids[2]);
        server.Tenant.AddMember("g-sec", ids[4]);
        var before = connection.Requests;

        var delta = await source.ReadGroupsAsync(["g-sec", "g-head"], first.DeltaLink, default);

        Assert.Equal(1, connection.Requests - before);
        Assert.Equal(
            [new GroupMemberChange("g-head", ids[2], true), new GroupMemberChange("g-sec", ids[4], false)],
            delta.Members.OrderBy(m => m.Group, StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("http://graph.example.com/v1.0", true)]
    [InlineData("http://127.0.0.1:5000/v1.0", false)]
    [InlineData("not a url", false)]
    public void Connection_TokenWouldTravelInClearText_Throws(string baseUrl, bool allowInsecureHttp) =>
        Assert.Throws<InvalidOperationException>(() => new GraphConnection(new GraphOptions { BaseUrl = baseUrl, AllowInsecureHttp = allowInsecureHttp }, new FixedTokenCredential()));

    [Theory]
    [InlineData(0)]
    [InlineData(1000)]
    public async Task PageSizeOutsideGraphsRange_Throws(int pageSize)
    {
        using var connection = new GraphConnection(new GraphOptions(), new FixedTokenCredential());
        await Assert.ThrowsAsync<InvalidOperationException>(() => Source(connection, pageSize).ReadPeopleAsync(null, default));
    }

    [Fact]
    public void GraphOptions_LegacyDirectoryGraphKeys_AreRead_AndGraphWins()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Directory:Graph:TenantId"] = "old-tenant",
            ["Directory:Graph:ClientId"] = "old-client",
            ["Graph:ClientId"] = "new-client",
        }).Build();

        var options = GraphOptions.From(configuration);

        Assert.Equal(("old-tenant", "new-client", "https://graph.microsoft.com/v1.0"), (options.TenantId, options.ClientId, options.BaseUrl));
        using var provider = new ServiceCollection().AddGraphConnection(configuration).BuildServiceProvider();
        Assert.NotNull(provider.GetRequiredService<GraphConnection>()); // a managed identity: no secret needed up front
    }

    [Fact]
    public async Task FakeGraph_UsersDelta_SelectsManagerAsManagerDelta_AndPagesByPreference()
    {
        await using var server = await FakeGraphServer.StartAsync(FakeGraphOptions.Organisation(5));
        using var http = new HttpClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "t");
        http.DefaultRequestHeaders.Add("Prefer", "odata.maxpagesize=2");

        using var page = JsonDocument.Parse(await http.GetStringAsync(server.BaseUrl + "/users/delta?$select=id,mail,manager"));

        var users = page.RootElement.GetProperty("value").EnumerateArray().ToList();
        Assert.Equal(2, users.Count);
        Assert.Equal(users[0].GetProperty("id").GetString(), users[1].GetProperty("manager@delta")[0].GetProperty("id").GetString());
        Assert.Contains("$skiptoken=", page.RootElement.GetProperty("@odata.nextLink").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task FakeGraph_WithoutBearerToken_Answers401()
    {
        await using var server = await FakeGraphServer.StartAsync(FakeGraphOptions.Organisation(5));
        using var http = new HttpClient();

        using var response = await http.GetAsync(new Uri(server.BaseUrl + "/users/delta"));

        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(1, server.Unauthorized);
    }
}
