using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace TalkBot.Bot.Infrastructure.Connector;

/// <summary>The Bot Connector REST calls TalkBot makes (PROTOCOL §3), shaped like the SDK's <c>ConnectorClient</c>.</summary>
public interface IConnectorClient
{
    Task<ResourceResponse?> ReplyToActivityAsync(string serviceUrl, string conversationId, string activityId, Activity activity, CancellationToken cancellationToken);

    Task<ResourceResponse?> SendToConversationAsync(string serviceUrl, string conversationId, Activity activity, CancellationToken cancellationToken);

    Task<ResourceResponse?> UpdateActivityAsync(string serviceUrl, string conversationId, Activity activity, CancellationToken cancellationToken);

    /// <summary>Creates (or finds) the 1:1 conversation with <paramref name="userId"/> for a proactive message.</summary>
    Task<ConversationResourceResponse> CreateConversationAsync(
        string serviceUrl, string botId, string? botName, string userId, string tenantId, CancellationToken cancellationToken);

    Task<TeamsChannelAccount?> GetConversationMemberAsync(string serviceUrl, string conversationId, string userId, CancellationToken cancellationToken);
}

/// <summary>A Connector call that did not succeed. 429 carries <see cref="RetryAfter"/>; 403/404 mean unreachable.</summary>
public sealed class ConnectorException(int statusCode, string? errorCode, string message, TimeSpan? retryAfter)
    : Exception(message)
{
    public int StatusCode { get; } = statusCode;

    /// <summary>The error code from the body, such as <c>MessageWritesBlocked</c> or <c>ConversationNotFound</c>.</summary>
    public string? ErrorCode { get; } = errorCode;

    public TimeSpan? RetryAfter { get; } = retryAfter;
}

/// <summary>
/// The Connector over HTTP. It calls only service URLs that <see cref="ServiceUrlPolicy"/> allows, so that neither the
/// bot's token nor a message goes to a host a stored reference or an answer named (refused as 403: unreachable).
/// </summary>
public sealed class ConnectorClient(HttpClient http, IBotTokenProvider tokens, ServiceUrlPolicy serviceUrls) : IConnectorClient
{
    public Task<ResourceResponse?> ReplyToActivityAsync(
        string serviceUrl, string conversationId, string activityId, Activity activity, CancellationToken cancellationToken) =>
        SendAsync<ResourceResponse>(HttpMethod.Post, Url(serviceUrl, "v3/conversations", conversationId, "activities", activityId), activity, cancellationToken);

    public Task<ResourceResponse?> SendToConversationAsync(string serviceUrl, string conversationId, Activity activity, CancellationToken cancellationToken) =>
        SendAsync<ResourceResponse>(HttpMethod.Post, Url(serviceUrl, "v3/conversations", conversationId, "activities"), activity, cancellationToken);

    public Task<ResourceResponse?> UpdateActivityAsync(string serviceUrl, string conversationId, Activity activity, CancellationToken cancellationToken)
    {
        var id = activity.Id ?? throw new ArgumentException("An update names the activity it replaces (activity.id).", nameof(activity));
        return SendAsync<ResourceResponse>(HttpMethod.Put, Url(serviceUrl, "v3/conversations", conversationId, "activities", id), activity, cancellationToken);
    }

    public async Task<ConversationResourceResponse> CreateConversationAsync(
        string serviceUrl, string botId, string? botName, string userId, string tenantId, CancellationToken cancellationToken)
    {
        // PROTOCOL §3: without the tenant Teams answers 400 "Could not parse tenant id"; isGroup is ignored but harmless.
        var body = new JsonObject
        {
            ["bot"] = new JsonObject { ["id"] = botId, ["name"] = botName },
            ["members"] = new JsonArray(new JsonObject { ["id"] = userId }),
            ["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = tenantId } },
            ["tenantId"] = tenantId,
            ["isGroup"] = false,
        };
        return await SendAsync<ConversationResourceResponse>(HttpMethod.Post, Url(serviceUrl, "v3/conversations"), body, cancellationToken).ConfigureAwait(false)
            ?? throw new ConnectorException(502, null, "The Connector created a conversation but returned no id.", null);
    }

    public async Task<TeamsChannelAccount?> GetConversationMemberAsync(string serviceUrl, string conversationId, string userId, CancellationToken cancellationToken)
    {
        try
        {
            return await SendAsync<TeamsChannelAccount>(HttpMethod.Get, Url(serviceUrl, "v3/conversations", conversationId, "members", userId), null, cancellationToken).ConfigureAwait(false);
        }
        catch (ConnectorException e) when (e.StatusCode == 404)
        {
            return null;
        }
    }

    /// <summary>
    /// Joins the service URL and the path per PROTOCOL §3: a missing trailing slash is added (Teams' URLs have one, the
    /// Playground's has none, and <c>new Uri(base, relative)</c> would drop the last segment), and every id is escaped,
    /// because Teams ids contain <c>:</c>, <c>@</c> and <c>;</c>.
    /// </summary>
    internal static Uri Url(string serviceUrl, string fixedPath, params string[] ids)
    {
        var baseUrl = serviceUrl.EndsWith('/') ? serviceUrl : serviceUrl + "/";
        var path = fixedPath;
        for (var i = 0; i < ids.Length; i++)
        {
            // Ids alternate with fixed segments: conversations/{id}/activities/{id}, conversations/{id}/members/{id}.
            path += "/" + (i % 2 == 0 ? Uri.EscapeDataString(ids[i]) : ids[i]);
        }

        return new Uri(baseUrl + path, UriKind.Absolute);
    }

    private async Task<T?> SendAsync<T>(HttpMethod method, Uri url, object? body, CancellationToken cancellationToken) where T : class
    {
        if (serviceUrls.Check(url.GetLeftPart(UriPartial.Path)) is { } refused)
        {
            throw new ConnectorException(403, "ServiceUrlNotAllowed", $"Connector call not made: {refused}", null);
        }

        using var request = new HttpRequestMessage(method, url);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body, body.GetType(), options: ConnectorJson.Options);
        }

        var token = await tokens.GetTokenAsync(cancellationToken).ConfigureAwait(false);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        using var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw await FailureAsync(response, cancellationToken).ConfigureAwait(false);
        }

        // The Playground answers some sends with 202 and no body (tests/EndToEnd/README.md).
        if (response.Content.Headers.ContentLength is 0 || response.StatusCode == HttpStatusCode.NoContent)
        {
            return null;
        }

        var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<T>(text, ConnectorJson.Options);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static async Task<ConnectorException> FailureAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        string? code = null;
        string? message = null;
        try
        {
            using var json = JsonDocument.Parse(text);
            if (json.RootElement.ValueKind == JsonValueKind.Object
                && json.RootElement.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.Object)
            {
                code = error.TryGetProperty("code", out var c) ? c.GetString() : null;
                message = error.TryGetProperty("message", out var m) ? m.GetString() : null;
            }
        }
        catch (JsonException)
        {
            // Not JSON: the status alone tells what happened.
        }

        var retryAfter = response.Headers.RetryAfter switch
        {
            { Delta: { } delta } => delta,
            { Date: { } date } => date - DateTimeOffset.UtcNow is var wait && wait > TimeSpan.Zero ? wait : TimeSpan.Zero,
            _ => (TimeSpan?)null,
        };
        var status = (int)response.StatusCode;
        return new ConnectorException(status, code, $"Connector call failed: HTTP {status} {code} {message}".TrimEnd(), retryAfter);
    }
}
