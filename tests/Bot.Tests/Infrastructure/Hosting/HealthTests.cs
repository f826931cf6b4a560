using System.Net;
using System.Text.Json;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using TalkBot.Bot.Features.Directory;
using TalkBot.Bot.Infrastructure.People;
using TalkBot.Bot.Tests.Features.Directory;
using TalkBot.Bot.Tests.Support;
using TalkBot.FakeGraph;

namespace TalkBot.Bot.Tests.Infrastructure.Hosting;

/// <summary>Issue 16: /healthz says the process is alive; /readyz says whether Table Storage (and Graph) answer.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class HealthTests(AzuriteFixture azurite)
{
    private static async Task<(HttpStatusCode Status, JsonElement Body)> GetAsync(BotUnderTest bot, string path)
    {
        using var client = bot.CreateClient();
        using var response = await client.GetAsync(path);
        return (response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone());
    }

    [Fact]
    public async Task WithStorageAnswering_BothAre200()
    {
        await using var bot = new BotUnderTest(azurite, DateTimeOffset.UtcNow);

        var live = await GetAsync(bot, "/healthz");
        var ready = await GetAsync(bot, "/readyz");

        Assert.Equal(HttpStatusCode.OK, live.Status);
        Assert.Equal(HttpStatusCode.OK, ready.Status);
        Assert.Equal("Healthy", ready.Body.GetProperty("checks").GetProperty("tables").GetString());
    }

    [Fact]
    public async Task WithStorageGone_ReadinessIs503_AndLivenessStays200()
    {
        await using var bot = new BotUnderTest(azurite, DateTimeOffset.UtcNow);
        _ = bot.Server;
        await new TableServiceClient(azurite.ConnectionString).DeleteTableAsync(bot.TablePrefix + PeopleStore.Table);

        var live = await GetAsync(bot, "/healthz");
        var ready = await GetAsync(bot, "/readyz");

        Assert.Equal(HttpStatusCode.OK, live.Status);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.Status);
        Assert.Equal("Unhealthy", ready.Body.GetProperty("checks").GetProperty("tables").GetString());
        Assert.DoesNotContain("devstoreaccount1", ready.Body.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithGraphAsTheDirectory_ReadinessFollowsGraph()
    {
        var graph = await FakeGraphServer.StartAsync(new FakeGraphOptions { Users = [new("00000000-0000-0000-0000-00000000c001", "郑局长", "局机关", "职员", null, "c001@test.local", null, true)] });
        await using var bot = new BotUnderTest(azurite, DateTimeOffset.UtcNow, settings: new Dictionary<string, string>
        {
            ["Directory:Source"] = "Graph",
            ["Directory:SyncInterval"] = "00:00:00",
            ["Graph:BaseUrl"] = graph.BaseUrl,
            ["Graph:AllowInsecureHttp"] = "true",
        })
        {
            Replace = services => services.AddSingleton(GraphDirectorySourceTests.Connection(graph)),
        };

        var up = await GetAsync(bot, "/readyz");
        await graph.DisposeAsync();
        bot.Clock.Advance(TimeSpan.FromMinutes(2));
        var down = await GetAsync(bot, "/readyz");

        Assert.Equal(HttpStatusCode.OK, up.Status);
        Assert.Equal("Healthy", up.Body.GetProperty("checks").GetProperty("graph").GetString());
        Assert.Equal(HttpStatusCode.ServiceUnavailable, down.Status);
        Assert.Equal("Unhealthy", down.Body.GetProperty("checks").GetProperty("graph").GetString());
    }
}
