using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using TalkBot.Bot.Features.Directory;
using TalkBot.FakeGraph;

namespace TalkBot.Bot.Tests.Features.Directory;

public sealed class GraphDirectorySourceTests
{
    private static readonly string[] Selected =
        ["id", "displayName", "department", "jobTitle", "mail", "userPrincipalName", "accountEnabled"];

    private static GraphDirectorySource Source(FakeGraphServer server, int pageSize = 999) =>
        new(new GraphDirectoryOptions { BaseUrl = server.BaseUrl, PageSize = pageSize, AllowInsecureHttp = true }, new FixedTokenCredential());

    private static DirectoryPerson Expected(FakeGraphUser u) =>
        new(u.Id, u.DisplayName, u.Department, u.JobTitle, u.Mail, u.UserPrincipalName, u.ManagerId, u.AccountEnabled);

    private static FakeGraphUser User(string id, string? managerId = null, bool enabled = true) =>
        new(id, "Person " + id, "Engineering", "Engineer", id + "@contoso.example", id + "@contoso.example", managerId, enabled);

    [Fact]
    public async Task ReadPeople_2500Users_ReadsEveryoneWithTheirManagerInThreeRequests()
    {
        var options = FakeGraphOptions.Organisation(2500);
        await using var server = await FakeGraphServer.StartAsync(options);
        using var source = Source(server);

        var people = await source.ReadPeopleAsync(CancellationToken.None);

        Assert.Equal(options.Users.Select(Expected), people);
        Assert.Equal(3, server.Requests);
        Assert.Equal(3, source.Requests);
        // The organisation is varied enough for the comparison to mean something.
        Assert.True(people.Select(p => p.Department).Distinct().Count() > 5);
        Assert.Contains(people, p => p.Mail is null);
        Assert.Contains(people, p => !p.Enabled);
        var ids = people.Select(p => p.Id).ToHashSet();
        Assert.Single(people, p => p.ManagerId is null);
        Assert.All(people.Where(p => p.ManagerId is not null), p => Assert.Contains(p.ManagerId!, ids));
    }

    [Fact]
    public async Task ReadPeople_AsksForTheSelectedPropertiesTheManagersIdAndFullPages()
    {
        await using var server = await FakeGraphServer.StartAsync(FakeGraphOptions.Organisation(1200));
        using var source = Source(server);

        await source.ReadPeopleAsync(CancellationToken.None);

        var received = server.Received;
        Assert.Equal(2, received.Count);
        Assert.All(received, request =>
        {
            Assert.Equal(200, request.StatusCode);
            Assert.Equal(Selected.Order(), request.Parameters["$select"].Split(',').Order());
            Assert.Equal("manager($select=id)", request.Parameters["$expand"]);
            Assert.Equal("999", request.Parameters["$top"]);
        });
        Assert.False(received[0].Parameters.ContainsKey("$skiptoken"));
        Assert.True(received[1].Parameters.ContainsKey("$skiptoken"));
    }

    [Fact]
    public async Task ReadPeople_ThrottledOnce_WaitsTheServersRetryAfterAndStillReadsEveryone()
    {
        var options = FakeGraphOptions.Organisation(2500);
        await using var server = await FakeGraphServer.StartAsync(new FakeGraphOptions { Users = options.Users, ThrottleOnce = true });
        using var source = Source(server);

        var clock = Stopwatch.StartNew();
        var people = await source.ReadPeopleAsync(CancellationToken.None);
        clock.Stop();

        Assert.Equal(options.Users.Select(Expected), people);
        Assert.Equal(1, server.Throttled);
        Assert.Equal(3 + 1, server.Requests);
        Assert.Equal(3 + 1, source.Requests);
        Assert.True(clock.Elapsed >= TimeSpan.FromSeconds(1), $"read in {clock.Elapsed}, sooner than Retry-After");

        // The retry came after the server's Retry-After (1 s), not after the SDK's own backoff (3 s and more).
        var received = server.Received;
        var throttled = received.Single(r => r.StatusCode == 429);
        var retry = received[received.ToList().IndexOf(throttled) + 1];
        Assert.Equal(throttled.Parameters["$skiptoken"], retry.Parameters["$skiptoken"]);
        var wait = retry.At - throttled.At;
        Assert.InRange(wait, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2.9));
    }

    [Fact]
    public async Task ReadPeople_DisabledAccount_ComesBackNotEnabled()
    {
        await using var server = await FakeGraphServer.StartAsync(new FakeGraphOptions
        {
            Users = [User("head"), User("left", managerId: "head", enabled: false), User("stays", managerId: "head")],
        });
        using var source = Source(server);

        var people = (await source.ReadPeopleAsync(CancellationToken.None)).ToDictionary(p => p.Id);

        Assert.False(people["left"].Enabled);
        Assert.True(people["stays"].Enabled);
        Assert.True(people["head"].Enabled);
    }

    [Fact]
    public async Task ReadPeople_NoManager_HasNullManagerId()
    {
        await using var server = await FakeGraphServer.StartAsync(new FakeGraphOptions
        {
            Users = [User("head"), User("report", managerId: "head"), User("contractor")],
        });
        using var source = Source(server);

        var people = (await source.ReadPeopleAsync(CancellationToken.None)).ToDictionary(p => p.Id);

        Assert.Null(people["head"].ManagerId);
        Assert.Null(people["contractor"].ManagerId);
        Assert.Equal("head", people["report"].ManagerId);
    }

    [Fact]
    public async Task ReadPeople_ServerPagesSmallerThanTop_FollowsNextLinksToTheEnd()
    {
        // Graph returns at most 100 directory objects per page when $expand is used, whatever $top asks for.
        var options = FakeGraphOptions.Organisation(250);
        await using var server = await FakeGraphServer.StartAsync(new FakeGraphOptions { Users = options.Users, MaxPageSizeWithExpand = 100 });
        using var source = Source(server);

        var people = await source.ReadPeopleAsync(CancellationToken.None);

        Assert.Equal(options.Users.Select(Expected), people);
        Assert.Equal(3, server.Requests);
    }

    [Theory]
    [InlineData("http://127.0.0.1:5000/v1.0", false)]
    [InlineData("http://graph.example/v1.0", true)]
    [InlineData("graph.microsoft.com/v1.0", true)]
    public void Constructor_TokenWouldTravelInClearText_Throws(string baseUrl, bool allowInsecureHttp)
    {
        var options = new GraphDirectoryOptions { BaseUrl = baseUrl, AllowInsecureHttp = allowInsecureHttp };

        Assert.Throws<InvalidOperationException>(() => new GraphDirectorySource(options, new FixedTokenCredential()));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1000)]
    public void Constructor_PageSizeOutsideGraphsRange_Throws(int pageSize)
    {
        var options = new GraphDirectoryOptions { PageSize = pageSize };

        Assert.Throws<InvalidOperationException>(() => new GraphDirectorySource(options, new FixedTokenCredential()));
    }

    [Fact]
    public void Constructor_DefaultOptions_PointAtGraphOverHttps()
    {
        using var source = new GraphDirectorySource(new GraphDirectoryOptions(), new FixedTokenCredential());

        Assert.Equal(0, source.Requests);
        Assert.Equal("https://graph.microsoft.com/v1.0", new GraphDirectoryOptions().BaseUrl);
        Assert.Equal(999, new GraphDirectoryOptions().PageSize);
    }

    [Fact]
    public void AddGraphDirectorySource_WithSecret_ResolvesTheGraphSource()
    {
        using var provider = Services(("TenantId", "t"), ("ClientId", "c"), ("ClientSecret", "s"), ("PageSize", "500"));

        Assert.IsType<GraphDirectorySource>(provider.GetRequiredService<IDirectorySource>());
    }

    [Fact]
    public void AddGraphDirectorySource_WithoutSecret_FailsOnFirstUse()
    {
        using var provider = Services(("TenantId", "t"), ("ClientId", "c"));

        var error = Assert.Throws<InvalidOperationException>(() => provider.GetRequiredService<IDirectorySource>());
        Assert.Contains("ClientSecret", error.Message, StringComparison.Ordinal);
    }

    private static ServiceProvider Services(params (string Key, string Value)[] settings)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => KeyValuePair.Create<string, string?>(GraphDirectoryOptions.Section + ":" + s.Key, s.Value)))
            .Build();
        return new ServiceCollection().AddLogging().AddGraphDirectorySource(configuration).BuildServiceProvider();
    }

    [Fact]
    public async Task FakeGraph_Select_ReturnsOnlyTheSelectedPropertiesAndTheManagersId()
    {
        await using var server = await FakeGraphServer.StartAsync(FakeGraphOptions.Organisation(5));
        using var http = new HttpClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "t");

        using var page = JsonDocument.Parse(await http.GetStringAsync(
            server.BaseUrl + "/users?$select=id,mail&$expand=manager($select=id)&$top=2"));

        var users = page.RootElement.GetProperty("value").EnumerateArray().ToList();
        Assert.Equal(2, users.Count);
        Assert.Equal(["id", "mail"], users[0].EnumerateObject().Select(p => p.Name));
        Assert.Equal(["id", "mail", "manager"], users[1].EnumerateObject().Select(p => p.Name));
        var manager = users[1].GetProperty("manager");
        Assert.Equal(["@odata.type", "id"], manager.EnumerateObject().Select(p => p.Name));
        Assert.Equal(users[0].GetProperty("id").GetString(), manager.GetProperty("id").GetString());
        Assert.Contains("$skiptoken=", page.RootElement.GetProperty("@odata.nextLink").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task FakeGraph_WithoutBearerToken_Answers401()
    {
        await using var server = await FakeGraphServer.StartAsync(FakeGraphOptions.Organisation(5));
        using var http = new HttpClient();

        using var response = await http.GetAsync(new Uri(server.BaseUrl + "/users"));

        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(1, server.Unauthorized);
    }
}
