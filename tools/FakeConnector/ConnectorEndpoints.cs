using System.Globalization;

namespace TalkBot.FakeConnector;

/// <summary>
/// The Bot Connector routes a bot calls on Teams, answered the way Teams answers them. Checks run in Teams' observable
/// order: network latency, a transient 503, the conversation's state (blocked, gone), then throttling; only a request
/// that passes all of them is delivered.
/// </summary>
internal sealed class ConnectorEndpoints(FakeConnectorOptions options, TeamsRateLimiter limiter, DeliveryLog log, PersonalChats chats)
{
    private readonly FailureInjector failures = new(options.FailureRate, options.Seed);
    private readonly HashSet<string> blocked = new(options.BlockedConversations, StringComparer.Ordinal);
    private readonly HashSet<string> missing = new(options.MissingConversations, StringComparer.Ordinal);
    private int nextActivityId;

    /// <summary>Adds the routes to <paramref name="app"/>.</summary>
    public void Map(IEndpointRouteBuilder app)
    {
        app.MapPost("/v3/conversations", (RequestDelegate)CreateConversationAsync);
        app.MapPost("/v3/conversations/{conversationId}/activities", (RequestDelegate)SendAsync);
        app.MapPost("/v3/conversations/{conversationId}/activities/{replyToId}", (RequestDelegate)SendAsync);
        app.MapPut("/v3/conversations/{conversationId}/activities/{activityId}", (RequestDelegate)UpdateAsync);
        app.MapGet("/v3/conversations/{conversationId}/members/{userId}", (RequestDelegate)MemberAsync);
        app.MapGet("/_stats", (RequestDelegate)(context => context.Response.WriteAsJsonAsync(log.Snapshot(), context.RequestAborted)));
    }

    private async Task SendAsync(HttpContext context)
    {
        if (!await PassesCommonChecksAsync(context))
        {
            return;
        }

        var conversationId = ConnectorPath.ConversationId(context);
        var json = await ReadBodyAsync(context);
        var activityId = $"1:{Interlocked.Increment(ref nextActivityId)}";
        log.Deliver(new DeliveredActivity(conversationId, activityId, ConnectorPath.ActivityId(context), options.TimeProvider.GetUtcNow(), json));
        await Answer(context, StatusCodes.Status201Created, new { id = activityId });
    }

    private async Task UpdateAsync(HttpContext context)
    {
        if (!await PassesCommonChecksAsync(context))
        {
            return;
        }

        var activityId = ConnectorPath.ActivityId(context) ?? string.Empty;
        var json = await ReadBodyAsync(context);
        log.Update(new DeliveredActivity(ConnectorPath.ConversationId(context), activityId, null, options.TimeProvider.GetUtcNow(), json));
        await Answer(context, StatusCodes.Status200OK, new { id = activityId });
    }

    /// <summary>Proactive messaging starts here; the fake does not throttle it, only Teams' send path is modelled.</summary>
    private async Task CreateConversationAsync(HttpContext context)
    {
        log.CountRequest();
        if (!await SurvivesNetworkAsync(context))
        {
            return;
        }

        var body = System.Text.Json.Nodes.JsonNode.Parse(await ReadBodyAsync(context) is { Length: > 0 } text ? text : "{}") as System.Text.Json.Nodes.JsonObject;
        if (chats.Create(body, out var refused) is { } id)
        {
            await Answer(context, StatusCodes.Status201Created, new { id });
            return;
        }

        log.CountForbidden();
        await Answer(context, StatusCodes.Status403Forbidden, Error(refused ? "BotNotInstalled" : "BadArgument", "The bot is not installed for the user."));
    }

    private async Task MemberAsync(HttpContext context)
    {
        log.CountRequest();
        var member = chats.Member(ConnectorPath.ConversationId(context), Uri.UnescapeDataString(context.Request.RouteValues["userId"]?.ToString() ?? ""));
        await (member is null
            ? Answer(context, StatusCodes.Status404NotFound, Error("MemberNotFoundInConversation", "The member is not in the conversation."))
            : Answer(context, StatusCodes.Status200OK, member));
    }

    /// <summary>Everything a send, reply or update goes through before it is accepted; false when already answered.</summary>
    private async Task<bool> PassesCommonChecksAsync(HttpContext context)
    {
        log.CountRequest();
        if (!await SurvivesNetworkAsync(context))
        {
            return false;
        }

        var conversationId = ConnectorPath.ConversationId(context);
        if (blocked.Contains(conversationId))
        {
            log.CountForbidden();
            await Answer(context, StatusCodes.Status403Forbidden, Error("MessageWritesBlocked", "The bot is blocked or was uninstalled by the user."));
            return false;
        }

        if (missing.Contains(conversationId))
        {
            log.CountNotFound();
            await Answer(context, StatusCodes.Status404NotFound, Error("ConversationNotFound", "The conversation does not exist."));
            return false;
        }

        if (!limiter.TryAdmit(conversationId, out var retryAfterSeconds))
        {
            log.CountThrottled();
            context.Response.Headers.RetryAfter = retryAfterSeconds.ToString(CultureInfo.InvariantCulture);
            await Answer(context, StatusCodes.Status429TooManyRequests, Error("TooManyRequests", "Rate limit exceeded."));
            return false;
        }

        return true;
    }

    /// <summary>Latency, then perhaps a 503; false when the request was failed.</summary>
    private async Task<bool> SurvivesNetworkAsync(HttpContext context)
    {
        if (options.Latency > TimeSpan.Zero)
        {
            await Task.Delay(options.Latency, options.TimeProvider, context.RequestAborted);
        }

        if (!failures.ShouldFail())
        {
            return true;
        }

        log.CountInjected503();
        await Answer(context, StatusCodes.Status503ServiceUnavailable, new { error = new { code = "ServiceUnavailable" } });
        return false;
    }

    private static object Error(string code, string message) => new { error = new { code, message } };

    private static Task Answer(HttpContext context, int status, object body)
    {
        context.Response.StatusCode = status;
        return context.Response.WriteAsJsonAsync(body, context.RequestAborted);
    }

    private static async Task<string> ReadBodyAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body);
        return await reader.ReadToEndAsync(context.RequestAborted);
    }
}
