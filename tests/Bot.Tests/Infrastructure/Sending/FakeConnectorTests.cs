using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using TalkBot.FakeConnector;

namespace TalkBot.Bot.Tests.Infrastructure.Sending;

/// <summary>
/// The fake Bot Connector must throttle and fail the way Teams does, or the sender tested against it proves nothing.
/// The clock is frozen (FakeTimeProvider) wherever a window matters, so bursts land in the same instant.
/// </summary>
public sealed class FakeConnectorTests : IDisposable
{
    private readonly HttpClient http = new();
    private readonly FakeTimeProvider clock = new();

    public void Dispose() => http.Dispose();

    [Fact]
    public async Task Send_EighthInOneSecond_Gets429WithRetryAfter()
    {
        await using var server = await StartAsync();

        for (var i = 0; i < 7; i++)
        {
            Assert.Equal(HttpStatusCode.Created, (await SendAsync(server, "a:1")).StatusCode);
        }

        using var eighth = await SendAsync(server, "a:1");

        Assert.Equal(HttpStatusCode.TooManyRequests, eighth.StatusCode);
        Assert.True(eighth.Headers.RetryAfter?.Delta >= TimeSpan.FromSeconds(1), $"Retry-After was {eighth.Headers.RetryAfter}");
        Assert.Equal("TooManyRequests", await ErrorCodeAsync(eighth));
        var stats = server.Snapshot();
        Assert.Equal((7, 1, 8), (stats.Delivered, stats.Throttled, stats.Requests));
    }

    [Fact]
    public async Task Send_OneSecondAfterBurst_EighthSucceedsButNinthHitsTheTwoSecondWindow()
    {
        await using var server = await StartAsync();
        for (var i = 0; i < 7; i++)
        {
            await SendAsync(server, "a:1");
        }

        clock.Advance(TimeSpan.FromSeconds(1));
        using var eighth = await SendAsync(server, "a:1");
        using var ninth = await SendAsync(server, "a:1");
        clock.Advance(TimeSpan.FromSeconds(1));
        using var afterTwoSeconds = await SendAsync(server, "a:1");

        Assert.Equal(HttpStatusCode.Created, eighth.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, ninth.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(1), ninth.Headers.RetryAfter?.Delta);
        Assert.Equal(HttpStatusCode.Created, afterTwoSeconds.StatusCode);
    }

    [Fact]
    public async Task Send_RetriesWhileThrottled_DoNotCountAgainstTheWindow()
    {
        await using var server = await StartAsync();
        for (var i = 0; i < 12; i++)
        {
            await SendAsync(server, "a:1");
        }

        clock.Advance(TimeSpan.FromSeconds(1));
        using var next = await SendAsync(server, "a:1");

        Assert.Equal(HttpStatusCode.Created, next.StatusCode);
        Assert.Equal(5, server.Snapshot().Throttled);
    }

    [Fact]
    public async Task Send_SixtyConversationsAtOnce_TenantLimitAdmitsFifty()
    {
        await using var server = await StartAsync(new FakeConnectorOptions { TenantLimitPerSecond = 50, TimeProvider = clock });

        var responses = await Task.WhenAll(Enumerable.Range(0, 60).Select(i => SendAsync(server, $"a:{i}")));

        Assert.Equal(50, responses.Count(r => r.StatusCode == HttpStatusCode.Created));
        Assert.Equal(10, responses.Count(r => r.StatusCode == HttpStatusCode.TooManyRequests));
        Assert.All(responses.Where(r => r.StatusCode == HttpStatusCode.TooManyRequests), r => Assert.Equal(TimeSpan.FromSeconds(1), r.Headers.RetryAfter?.Delta));
        var stats = server.Snapshot();
        Assert.Equal((50, 50, 10), (stats.DistinctConversations, stats.Delivered, stats.Throttled));
    }

    [Fact]
    public async Task Send_WithFailureRateOne_Answers503AndDeliversNothing()
    {
        await using var server = await StartAsync(new FakeConnectorOptions { FailureRate = 1, TimeProvider = clock });

        using var response = await SendAsync(server, "a:1");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("ServiceUnavailable", await ErrorCodeAsync(response));
        var stats = server.Snapshot();
        Assert.Equal((1, 0, 0), (stats.Injected503, stats.Delivered, stats.DistinctConversations));
        Assert.Empty(server.Activities("a:1"));
    }

    [Fact]
    public async Task Send_WithTheSameSeed_FailsTheSameRequests()
    {
        async Task<string> PatternAsync()
        {
            await using var server = await StartAsync(new FakeConnectorOptions { FailureRate = 0.5, Seed = 42, TimeProvider = clock, TenantLimitPerSecond = 0, ConversationLimits = [] });
            var pattern = "";
            for (var i = 0; i < 30; i++)
            {
                using var response = await SendAsync(server, "a:1");
                pattern += response.StatusCode == HttpStatusCode.Created ? '.' : 'x';
            }

            return pattern;
        }

        var first = await PatternAsync();

        Assert.Equal(first, await PatternAsync());
        Assert.Contains('x', first);
        Assert.Contains('.', first);
    }

    [Fact]
    public async Task Send_ToBlockedConversation_Gets403MessageWritesBlocked()
    {
        await using var server = await StartAsync(new FakeConnectorOptions { BlockedConversations = new HashSet<string> { "a:blocked" }, TimeProvider = clock });

        using var blocked = await SendAsync(server, "a:blocked");
        using var other = await SendAsync(server, "a:other");

        Assert.Equal(HttpStatusCode.Forbidden, blocked.StatusCode);
        Assert.Equal("MessageWritesBlocked", await ErrorCodeAsync(blocked));
        Assert.Equal(HttpStatusCode.Created, other.StatusCode);
        Assert.Equal((1, 1), (server.Snapshot().Forbidden, server.Snapshot().Delivered));
    }

    [Fact]
    public async Task Send_ToMissingConversation_Gets404ConversationNotFound()
    {
        await using var server = await StartAsync(new FakeConnectorOptions { MissingConversations = new HashSet<string> { "a:gone" }, TimeProvider = clock });

        using var response = await SendAsync(server, "a:gone");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("ConversationNotFound", await ErrorCodeAsync(response));
        Assert.Equal((1, 0), (server.Snapshot().NotFound, server.Snapshot().Delivered));
    }

    [Theory]
    [InlineData("a:1@x;messageid=3")]
    [InlineData("19:a/b%20c@thread.v2")]
    public async Task Send_WithEscapedConversationId_IsRecordedUnescaped(string conversationId)
    {
        await using var server = await StartAsync();

        using var response = await SendAsync(server, conversationId, "找到我");

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var delivered = Assert.Single(server.Activities(conversationId));
        using var json = JsonDocument.Parse(delivered.Json);
        Assert.Equal("找到我", json.RootElement.GetProperty("text").GetString());
        Assert.Equal(conversationId, Assert.Single(server.Snapshot().DeliveredPerConversation).Key);
        Assert.Equal(clock.GetUtcNow(), delivered.At);
    }

    [Fact]
    public async Task Send_AnswersANewActivityIdEachTime()
    {
        await using var server = await StartAsync();

        var first = await IdAsync(await SendAsync(server, "a:1"));
        var second = await IdAsync(await SendAsync(server, "a:1"));

        Assert.False(string.IsNullOrEmpty(first));
        Assert.NotEqual(first, second);
        Assert.Equal([first, second], server.Activities("a:1").Select(a => a.ActivityId));
    }

    [Fact]
    public async Task Reply_IsDeliveredWithTheRepliedActivity()
    {
        await using var server = await StartAsync();

        using var response = await http.PostAsJsonAsync($"{server.ServiceUrl}v3/conversations/{Uri.EscapeDataString("a:1")}/activities/{Uri.EscapeDataString("1:77")}", new { type = "message", text = "re" });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("1:77", Assert.Single(server.Activities("a:1")).ReplyToId);
    }

    [Fact]
    public async Task Update_Answers200_AndCountsAsUpdateNotDelivery()
    {
        await using var server = await StartAsync();

        using var response = await http.PutAsJsonAsync($"{server.ServiceUrl}v3/conversations/{Uri.EscapeDataString("a:1")}/activities/{Uri.EscapeDataString("1:5")}", new { type = "message", text = "已确认" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("1:5", await IdAsync(response));
        var stats = server.Snapshot();
        Assert.Equal((1, 0), (stats.Updates, stats.Delivered));
        using var updated = JsonDocument.Parse(Assert.Single(server.UpdatedActivities("a:1")).Json);
        Assert.Equal("已确认", updated.RootElement.GetProperty("text").GetString());
    }

    [Fact]
    public async Task Update_SharesTheConversationWindowWithSends()
    {
        await using var server = await StartAsync();
        for (var i = 0; i < 7; i++)
        {
            await SendAsync(server, "a:1");
        }

        using var response = await http.PutAsJsonAsync($"{server.ServiceUrl}v3/conversations/a%3A1/activities/1%3A1", new { type = "message" });

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Equal(0, server.Snapshot().Updates);
    }

    [Fact]
    public async Task CreateConversation_Answers201WithANewConversationId()
    {
        await using var server = await StartAsync();

        using var response = await http.PostAsJsonAsync($"{server.ServiceUrl}v3/conversations", new { isGroup = false });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.StartsWith("a:new-", await IdAsync(response), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Stats_CountDuplicatesAndLostConversations()
    {
        await using var server = await StartAsync(new FakeConnectorOptions { TimeProvider = clock });
        foreach (var conversation in new[] { "a:A", "a:A", "a:B", "a:C", "a:C", "a:C" })
        {
            await SendAsync(server, conversation);
            clock.Advance(TimeSpan.FromSeconds(1));
        }

        var stats = server.Snapshot();

        Assert.Equal(3, stats.Duplicates);
        Assert.Equal(3, stats.DistinctConversations);
        Assert.Equal(1, stats.Lost(["a:A", "a:B", "a:D", "a:D"]));
        Assert.Equal(clock.GetUtcNow() - TimeSpan.FromSeconds(1), stats.LastDeliveryAt);
        Assert.Equal(stats.LastDeliveryAt - TimeSpan.FromSeconds(5), stats.FirstDeliveryAt);
    }

    [Fact]
    public async Task StatsEndpoint_ServesTheSnapshotAsJson()
    {
        await using var server = await StartAsync();
        await SendAsync(server, "a:1");
        await SendAsync(server, "a:1");

        using var stats = JsonDocument.Parse(await http.GetStringAsync($"{server.ServiceUrl}_stats"));

        Assert.Equal(2, stats.RootElement.GetProperty("delivered").GetInt32());
        Assert.Equal(1, stats.RootElement.GetProperty("duplicates").GetInt32());
        Assert.Equal(2, stats.RootElement.GetProperty("deliveredPerConversation").GetProperty("a:1").GetInt32());
    }

    [Fact]
    public async Task Reset_ForgetsDeliveriesAndWindows()
    {
        await using var server = await StartAsync();
        for (var i = 0; i < 8; i++)
        {
            await SendAsync(server, "a:1");
        }

        server.Reset();
        using var response = await SendAsync(server, "a:1");

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal((1, 0, 1), (server.Snapshot().Delivered, server.Snapshot().Throttled, server.Snapshot().Requests));
    }

    [Fact]
    public async Task Latency_HoldsTheAnswerUntilTheClockMoves()
    {
        await using var server = await StartAsync(new FakeConnectorOptions { Latency = TimeSpan.FromSeconds(2), TimeProvider = clock });

        var pending = SendAsync(server, "a:1");
        while (server.Snapshot().Requests == 0)
        {
            await Task.Delay(10);
        }

        await Task.Delay(100);
        Assert.False(pending.IsCompleted);
        clock.Advance(TimeSpan.FromSeconds(2));
        using var response = await pending.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Fact]
    public async Task Start_WithTwoServers_EachGetsItsOwnPort()
    {
        await using var first = await StartAsync();
        await using var second = await StartAsync();

        Assert.NotEqual(first.ServiceUrl, second.ServiceUrl);
        Assert.Matches(@"^http://127\.0\.0\.1:\d+/$", first.ServiceUrl);
    }

    private Task<FakeConnectorServer> StartAsync(FakeConnectorOptions? options = null) =>
        FakeConnectorServer.StartAsync(options ?? new FakeConnectorOptions { TimeProvider = clock });

    private Task<HttpResponseMessage> SendAsync(FakeConnectorServer server, string conversationId, string text = "hello") =>
        http.PostAsJsonAsync($"{server.ServiceUrl}v3/conversations/{Uri.EscapeDataString(conversationId)}/activities", new { type = "message", text });

    private static async Task<string?> ErrorCodeAsync(HttpResponseMessage response)
    {
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return body.RootElement.GetProperty("error").GetProperty("code").GetString();
    }

    private static async Task<string?> IdAsync(HttpResponseMessage response)
    {
        using (response)
        {
            using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            return body.RootElement.GetProperty("id").GetString();
        }
    }
}
