using System.Net;
using System.Text.Json;
using TalkBot.Bot.Infrastructure.Connector;

namespace TalkBot.Bot.Tests.Infrastructure.Connector;

public sealed class MessagingEndpointTests
{
    [Theory]
    [InlineData("{not json")]
    [InlineData("[1,2,3]")]
    [InlineData("\"text\"")]
    [InlineData("{\"id\":\"1\"}")]
    [InlineData("{\"type\":\"\"}")]
    [InlineData("{\"type\":\"message\",\"timestamp\":\"not a time\"}")]
    public async Task MalformedActivity_Gets400_AndTheHandlerIsNotCalled(string body)
    {
        await using var host = await ConnectorHost.StartAsync(null, null);

        var response = await host.PostAsync(body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(host.Handler.Seen);
    }

    [Fact]
    public async Task UnknownActivityType_Gets200()
    {
        await using var host = await ConnectorHost.StartAsync(null, null);

        var response = await host.PostAsync("""{"type":"somethingNew","id":"9","serviceUrl":"http://localhost:1/","from":{"id":"x"},"recipient":{"id":"b"},"conversation":{"id":"c"}}""");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("{\"action\":{\"type\":\"Action.Submit\",\"verb\":\"x\"}}")]
    [InlineData("\"no object\"")]
    public async Task CardActionInvoke_WithoutExecuteAction_Gets200WithBody400(string value)
    {
        await using var host = await ConnectorHost.StartAsync(null, null);

        var response = await host.PostAsync(Activities.Invoke(value));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(400, body.RootElement.GetProperty("statusCode").GetInt32());
        Assert.Equal(InvokeResponse.ErrorContentType, body.RootElement.GetProperty("type").GetString());
        Assert.Empty(host.Handler.Seen);
    }

    [Fact]
    public async Task CardActionInvoke_AnswersWithTheHandlersCard()
    {
        await using var host = await ConnectorHost.StartAsync(null, null,
            respond: _ => InvokeResponse.Card(new System.Text.Json.Nodes.JsonObject { ["type"] = "AdaptiveCard", ["version"] = "1.5" }));

        var response = await host.PostAsync(Activities.Invoke("""{"action":{"type":"Action.Execute","verb":"notice.acknowledge","data":{"talkId":"t"}}}"""));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(200, body.RootElement.GetProperty("statusCode").GetInt32());
        Assert.Equal(InvokeResponse.AdaptiveCardContentType, body.RootElement.GetProperty("type").GetString());
        Assert.Equal("AdaptiveCard", body.RootElement.GetProperty("value").GetProperty("type").GetString());
    }

    [Fact]
    public async Task UnhandledInvoke_Gets501()
    {
        await using var host = await ConnectorHost.StartAsync(null, null);

        var response = await host.PostAsync("""{"type":"invoke","name":"composeExtension/query","id":"3","serviceUrl":"http://localhost:1/","from":{"id":"x"},"recipient":{"id":"b"},"conversation":{"id":"c"}}""");

        Assert.Equal(HttpStatusCode.NotImplemented, response.StatusCode);
    }

    [Fact]
    public async Task HandlerFailure_Gets500_AndTheEndpointKeepsServing()
    {
        var calls = 0;
        await using var host = await ConnectorHost.StartAsync(null, null, respond: _ =>
            ++calls == 1 ? throw new InvalidOperationException("boom") : null);

        var first = await host.PostAsync(Activities.Message(Activities.LocalServiceUrl));
        var second = await host.PostAsync(Activities.Message(Activities.LocalServiceUrl));

        Assert.Equal(HttpStatusCode.InternalServerError, first.StatusCode);
        Assert.DoesNotContain("boom", await first.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
    }

    [Fact]
    public async Task InvokeHandlerFailure_Gets200WithBody500()
    {
        await using var host = await ConnectorHost.StartAsync(null, null, respond: _ => throw new InvalidOperationException("boom"));

        var response = await host.PostAsync(Activities.Invoke("""{"action":{"type":"Action.Execute","verb":"x"}}"""));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(500, body.RootElement.GetProperty("statusCode").GetInt32());
    }
}
