using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace TalkBot.Bot.Tests.Infrastructure.Connector;

/// <summary>Issue 16: a malformed activity gets a 4xx with a short reason at the edge, and the router never sees it.</summary>
public sealed class ActivityValidationTests
{
    private static JsonObject Valid() => JsonNode.Parse(Activities.Message(Activities.LocalServiceUrl))!.AsObject();

    private static string With(Action<JsonObject> change)
    {
        var activity = Valid();
        change(activity);
        return activity.ToJsonString();
    }

    public static TheoryData<string, string, string> Malformed() => new()
    {
        { "no serviceUrl", With(a => a.Remove("serviceUrl")), "no serviceUrl" },
        { "no conversation", With(a => a.Remove("conversation")), "no conversation.id" },
        { "no from", With(a => a.Remove("from")), "no from.id" },
        { "no recipient", With(a => a.Remove("recipient")), "no recipient.id" },
        { "file serviceUrl", With(a => a["serviceUrl"] = "file:///etc/passwd"), "not an http(s) URL" },
        { "javascript serviceUrl", With(a => a["serviceUrl"] = "javascript:alert(1)"), "not an http(s) URL" },
        { "garbage serviceUrl", With(a => a["serviceUrl"] = "::garbage::"), "not an http(s) URL" },
        { "serviceUrl with credentials", With(a => a["serviceUrl"] = "http://user:pw@localhost/"), "credentials" },
        { "object id with a slash", With(a => a["from"]!["aadObjectId"] = "../people/x"), "aadObjectId" },
        { "over-long id", With(a => a["from"]!["id"] = new string('x', 600)), "invalid from" },
        { "control character in conversation id", With(a => a["conversation"]!["id"] = "a:1\u0000"), "invalid conversation" },
        { "over-long string", With(a => a["from"]!["name"] = new string('名', 40_000)), "longer than 32000" },
        { "wrong type for from", With(a => a["from"] = "x"), "wrong JSON type" },
        { "wrong type for text", With(a => a["text"] = 5), "wrong JSON type" },
        { "wrong type for timestamp", With(a => a["timestamp"] = "yesterday"), "wrong JSON type" },
        { "two tenants", With(a => a["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = "t2" } }), "differ" },
        { "tenant not an object", With(a => a["channelData"] = new JsonObject { ["tenant"] = 5 }), "channelData.tenant" },
        { "invalid locale", With(a => a["locale"] = "zh-CN\n<script>"), "locale" },
        { "invalid type", With(a => a["type"] = "mes sage"), "type" },
        { "array body", "[]", "not a JSON object" },
        { "not JSON", "{\"type\":", "not JSON" },
    };

    [Theory]
    [MemberData(nameof(Malformed))]
    public async Task MalformedActivity_Gets400WithItsReason_AndTheHandlerIsNotCalled(string because, string body, string reason)
    {
        await using var host = await ConnectorHost.StartAsync(null, null);

        using var response = await host.PostAsync(body);

        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, because);
        Assert.Contains(reason, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(host.Handler.Seen);
    }

    [Theory]
    [InlineData("\\ud800")]
    [InlineData("a\\udc00b")]
    public async Task LoneSurrogate_InCardData_Gets400(string escaped)
    {
        await using var host = await ConnectorHost.StartAsync(null, null);
        var body = Activities.Invoke("{\"action\":{\"type\":\"Action.Execute\",\"verb\":\"notice.acknowledge\",\"data\":{\"talkId\":\"" + escaped + "\"}}}");

        using var response = await host.PostAsync(body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("not valid Unicode", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(host.Handler.Seen);
    }

    [Fact]
    public async Task DeeplyNestedCardData_Gets400()
    {
        await using var host = await ConnectorHost.StartAsync(null, null);
        var nested = string.Concat(Enumerable.Repeat("{\"a\":", 40)) + "1" + new string('}', 40);

        using var response = await host.PostAsync(Activities.Invoke("""{"action":{"type":"Action.Execute","verb":"x","data":""" + nested + "}}"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(host.Handler.Seen);
    }

    [Fact]
    public async Task ServiceUrlOffThisMachine_WithoutAnAppId_IsForbidden()
    {
        await using var host = await ConnectorHost.StartAsync(null, null);

        using var response = await host.PostAsync(Activities.Message(TokenIssuer.ServiceUrl));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("not on this machine", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(host.Handler.Seen);
    }

    [Fact]
    public async Task ValidActivity_ReachesTheHandler()
    {
        await using var host = await ConnectorHost.StartAsync(null, null);

        using var response = await host.PostAsync(Valid().ToJsonString());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Single(host.Handler.Seen);
    }

    [Fact]
    public async Task BodyOverTheLimit_Gets413_BeforeItIsRead()
    {
        await using var host = await ConnectorHost.StartAsync(null, null, settings: new Dictionary<string, string?> { ["Connector:MaxBodyBytes"] = "4096" });
        var body = With(a => a["text"] = new string('x', 5000));

        using var response = await host.PostAsync(body);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Empty(host.Handler.Seen);
    }

    [Fact]
    public async Task ChunkedBodyOverTheLimit_Gets413()
    {
        await using var host = await ConnectorHost.StartAsync(null, null, settings: new Dictionary<string, string?> { ["Connector:MaxBodyBytes"] = "4096" });
        var body = Encoding.UTF8.GetBytes(With(a => a["text"] = new string('x', 5000)));
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = new UnsizedContent(body) };

        using var response = await host.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Empty(host.Handler.Seen);
    }

    [Fact]
    public async Task BodyUnderTheLimit_IsRead()
    {
        await using var host = await ConnectorHost.StartAsync(null, null, settings: new Dictionary<string, string?> { ["Connector:MaxBodyBytes"] = "8192" });
        var body = Encoding.UTF8.GetBytes(With(a => a["text"] = new string('x', 5000)));
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = new UnsizedContent(body) };

        using var response = await host.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    /// <summary>A body sent without a Content-Length (chunked), as a client that streams it would.</summary>
    private sealed class UnsizedContent(byte[] bytes) : HttpContent
    {
        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) => stream.WriteAsync(bytes).AsTask();

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }
}
