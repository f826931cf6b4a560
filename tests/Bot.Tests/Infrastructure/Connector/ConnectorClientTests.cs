using System.Net;
using System.Text.Json;
using TalkBot.Bot.Infrastructure.Connector;
using TalkBot.Bot.Tests.Support;

namespace TalkBot.Bot.Tests.Infrastructure.Connector;

public sealed class ConnectorClientTests
{
    private sealed class FixedToken(string? token) : IBotTokenProvider
    {
        public Task<string?> GetTokenAsync(CancellationToken cancellationToken) => Task.FromResult(token);
    }

    /// <summary>A bot with an app id that follows the test hosts (and loopback, as the Playground).</summary>
    internal static ServiceUrlPolicy TestHosts { get; } = new(
        new BotConnectorOptions { MicrosoftAppId = "app" }, new EdgeOptions { ServiceHosts = ["x.test", "smba.trafficmanager.net", "localhost"] });

    private static (ConnectorClient Client, FakeHttpMessageHandler Http) Create(string? token = "tkn", HttpStatusCode status = HttpStatusCode.Created, string body = """{"id":"act-1"}""")
    {
        var http = new FakeHttpMessageHandler().On(_ => true, _ => FakeHttpMessageHandler.Json(status, body));
        return (new ConnectorClient(new HttpClient(http), new FixedToken(token), TestHosts), http);
    }

    [Theory]
    [InlineData("https://smba.trafficmanager.net/teams/")]
    [InlineData("http://localhost:56150/_connector")]
    public async Task Send_JoinsServiceUrlWithOrWithoutSlash_AndEscapesIds(string serviceUrl)
    {
        var (client, http) = Create();

        var response = await client.SendToConversationAsync(serviceUrl, "19:abc@unq.gbl.spaces;messageid=1", new Activity { Type = "message" }, default);

        Assert.Equal("act-1", response?.Id);
        var expected = serviceUrl.TrimEnd('/') + "/v3/conversations/19%3Aabc%40unq.gbl.spaces%3Bmessageid%3D1/activities";
        Assert.Equal(expected, http.Requests.Single().Uri.AbsoluteUri);
    }

    [Fact]
    public async Task Reply_PostsToTheRepliedActivity_WithBearerToken()
    {
        var (client, http) = Create();

        await client.ReplyToActivityAsync("https://x.test/", "a:1", "1:2", new Activity { Type = "message", Text = "谈话" }, default);

        var request = http.Requests.Single();
        Assert.Equal(HttpMethod.Post, request.Method);
        Assert.Equal("https://x.test/v3/conversations/a%3A1/activities/1%3A2", request.Uri.AbsoluteUri);
        Assert.Equal("Bearer tkn", request.Authorization);
        Assert.Equal("谈话", JsonDocument.Parse(request.Body!).RootElement.GetProperty("text").GetString());
    }

    [Fact]
    public async Task Update_PutsTheActivityById()
    {
        var (client, http) = Create(status: HttpStatusCode.OK);

        await client.UpdateActivityAsync("https://x.test", "a:1", new Activity { Id = "m1", Type = "message" }, default);

        Assert.Equal(HttpMethod.Put, http.Requests.Single().Method);
        Assert.Equal("https://x.test/v3/conversations/a%3A1/activities/m1", http.Requests.Single().Uri.AbsoluteUri);
    }

    [Fact]
    public async Task CreateConversation_SendsTenantAndMember()
    {
        var (client, http) = Create(body: """{"id":"a:new"}""");

        var created = await client.CreateConversationAsync("https://x.test/", "28:app", "TalkBot", "29:user", "tenant-1", default);

        Assert.Equal("a:new", created.Id);
        using var body = JsonDocument.Parse(http.Requests.Single().Body!);
        Assert.Equal("tenant-1", body.RootElement.GetProperty("channelData").GetProperty("tenant").GetProperty("id").GetString());
        Assert.Equal("29:user", body.RootElement.GetProperty("members")[0].GetProperty("id").GetString());
        Assert.Equal("28:app", body.RootElement.GetProperty("bot").GetProperty("id").GetString());
        Assert.Equal("https://x.test/v3/conversations", http.Requests.Single().Uri.AbsoluteUri);
    }

    [Fact]
    public async Task NoToken_SendsNoAuthorization()
    {
        var (client, http) = Create(token: null);

        await client.SendToConversationAsync("http://localhost:1/_connector", "c", new Activity { Type = "message" }, default);

        Assert.Null(http.Requests.Single().Authorization);
    }

    [Fact]
    public async Task Throttled_ThrowsWithRetryAfterAndStatus()
    {
        var http = new FakeHttpMessageHandler().On(_ => true, _ =>
        {
            var response = FakeHttpMessageHandler.Json((HttpStatusCode)429, """{"error":{"code":"Throttled","message":"slow down"}}""");
            response.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(TimeSpan.FromSeconds(7));
            return response;
        });
        var client = new ConnectorClient(new HttpClient(http), new FixedToken(null), TestHosts);

        var e = await Assert.ThrowsAsync<ConnectorException>(() => client.SendToConversationAsync("https://x.test/", "c", new Activity { Type = "message" }, default));

        Assert.Equal(429, e.StatusCode);
        Assert.Equal("Throttled", e.ErrorCode);
        Assert.Equal(TimeSpan.FromSeconds(7), e.RetryAfter);
    }

    [Fact]
    public async Task Blocked_ThrowsForbiddenWithTheCode()
    {
        var (client, _) = Create(status: HttpStatusCode.Forbidden, body: """{"error":{"code":"MessageWritesBlocked","message":"blocked"}}""");

        var e = await Assert.ThrowsAsync<ConnectorException>(() => client.SendToConversationAsync("https://x.test/", "c", new Activity { Type = "message" }, default));

        Assert.Equal(403, e.StatusCode);
        Assert.Equal("MessageWritesBlocked", e.ErrorCode);
    }

    [Fact]
    public async Task Playground202WithoutBody_GivesNoId()
    {
        var http = new FakeHttpMessageHandler().On(_ => true, _ => new HttpResponseMessage(HttpStatusCode.Accepted));
        var client = new ConnectorClient(new HttpClient(http), new FixedToken(null), TestHosts);

        var response = await client.SendToConversationAsync("https://x.test/", "c", new Activity { Type = "message" }, default);

        Assert.Null(response);
    }

    [Fact]
    public void Reply_SwapsFromAndRecipient_AndKeepsConversationAndLocale()
    {
        var incoming = JsonSerializer.Deserialize<Activity>(Activities.Message(), ConnectorJson.Options)!;

        var reply = incoming.CreateReply("好");

        Assert.Equal("28:bot", reply.From?.Id);
        Assert.Equal("29:abc", reply.Recipient?.Id);
        Assert.Equal("a:1", reply.Conversation?.Id);
        Assert.Equal("1", reply.ReplyToId);
        Assert.Equal("zh-CN", reply.Locale);
        Assert.Equal("t1", incoming.GetTenantId());
    }
}
