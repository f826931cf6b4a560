using System.Diagnostics;
using System.Net;
using Microsoft.Extensions.DependencyInjection.Extensions;
using TalkBot.Bot.Infrastructure.Hosting;

namespace TalkBot.Bot.Infrastructure.Connector;

/// <summary>The host's two calls: <c>services.AddBotConnector(configuration)</c> and <c>app.MapBotMessages(path)</c>.</summary>
public static partial class BotMessagesEndpoint
{
    public const string AuthHttpClient = "TalkBot.BotAuth";

    public static IServiceCollection AddBotConnector(this IServiceCollection services, IConfiguration configuration)
    {
        var options = new BotConnectorOptions();
        configuration.Bind(options);
        if (options.IsAuthenticationEnabled && !options.IsManagedIdentity && string.IsNullOrWhiteSpace(options.MicrosoftAppPassword))
        {
            // Refuse to start rather than fail on the first message: the bot could not answer anyone.
            throw new InvalidOperationException(
                "MicrosoftAppId is set but MicrosoftAppPassword is not. Set the client secret, or MicrosoftAppType=UserAssignedMSI for a managed identity.");
        }

        if (options.IsAuthenticationEnabled && !options.IsMultiTenant && string.IsNullOrWhiteSpace(options.MicrosoftAppTenantId))
        {
            // A SingleTenant (or managed identity) bot serves its own tenant only: without it, it would serve none.
            throw new InvalidOperationException(
                $"MicrosoftAppType={options.MicrosoftAppType} needs MicrosoftAppTenantId, the tenant whose tokens and activities the bot accepts.");
        }

        var edge = new EdgeOptions();
        configuration.GetSection(EdgeOptions.Section).Bind(edge);
        if (edge.MaxBodyBytes is < 1024 or > 1024 * 1024)
        {
            throw new InvalidOperationException($"{EdgeOptions.Section}:MaxBodyBytes must be between 1024 and 1048576 bytes.");
        }

        services.AddSingleton(options);
        services.AddSingleton(edge);
        services.AddSingleton<TenantPolicy>();
        services.AddSingleton<ServiceUrlPolicy>();
        services.AddSingleton<ActivityValidator>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddHttpClient(AuthHttpClient);
        services.AddSingleton(sp => new BotAuthenticator(
            options, sp.GetRequiredService<TenantPolicy>(), sp.GetRequiredService<IHttpClientFactory>().CreateClient(AuthHttpClient), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<IBotTokenProvider>(_ => !options.IsAuthenticationEnabled
            ? new NoBotTokenProvider()
            : options.IsManagedIdentity ? new ManagedIdentityBotTokenProvider(options) : new MsalBotTokenProvider(options));
        services.AddHttpClient<IConnectorClient, ConnectorClient>(client => client.Timeout = TimeSpan.FromSeconds(30))
            .AddHttpMessageHandler(() => new ConnectorMetricsHandler());
        return services;
    }

    public static IEndpointConventionBuilder MapBotMessages(this IEndpointRouteBuilder endpoints, string pattern)
    {
        // The Playground probes the endpoint with HEAD before it connects (tests/EndToEnd/README.md).
        endpoints.MapMethods(pattern, [HttpMethods.Head], () => Results.Ok());
        return endpoints.MapPost(pattern, HandleAsync);
    }

    /// <summary>One POST, traced and timed (TalkBotTelemetry): the invoke latency operators watch.</summary>
    private static async Task<IResult> HandleAsync(
        HttpContext http,
        BotAuthenticator authenticator,
        BotConnectorOptions options,
        EdgeOptions edge,
        ActivityValidator validator,
        IActivityHandler handler,
        IConnectorClient connector,
        ILoggerFactory loggers,
        CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        using var span = TalkBotTelemetry.Source.StartActivity("TalkBot activity");
        var seen = new Seen();
        var result = await AnswerAsync(http, authenticator, options, edge, validator, handler, connector, loggers, seen, cancellationToken).ConfigureAwait(false);
        var status = (result as IStatusCodeHttpResult)?.StatusCode ?? StatusCodes.Status200OK;
        var tags = new TagList { { "activity.type", seen.Type ?? "(refused)" }, { "activity.name", seen.Name ?? "" }, { "http.response.status_code", status } };
        TalkBotTelemetry.ActivityDuration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, tags);
        span?.SetTag("activity.type", seen.Type).SetTag("activity.name", seen.Name).SetTag("http.response.status_code", status);
        return result;
    }

    private static async Task<IResult> AnswerAsync(
        HttpContext http,
        BotAuthenticator authenticator,
        BotConnectorOptions options,
        EdgeOptions edge,
        ActivityValidator validator,
        IActivityHandler handler,
        IConnectorClient connector,
        ILoggerFactory loggers,
        Seen seen,
        CancellationToken cancellationToken)
    {
        var logger = loggers.CreateLogger("TalkBot.Bot.Connector");
        var identity = await authenticator.AuthenticateAsync(http.Request.Headers.Authorization.ToString(), cancellationToken).ConfigureAwait(false);
        if (identity.IsRefused)
        {
            return Refuse(logger, StatusCodes.Status401Unauthorized, identity.Failure!);
        }

        // PROTOCOL §1: with no app id the SDK lets unauthenticated calls in; TalkBot narrows that to this machine.
        if (!options.IsAuthenticationEnabled && !IsLoopback(http.Connection.RemoteIpAddress))
        {
            return Refuse(logger, StatusCodes.Status401Unauthorized, "no app id configured and the caller is not on this machine");
        }

        // The shape once, here: the router, the turn and storage never see a malformed activity.
        var (activity, refusal) = await ActivityReader.ReadAsync(http.Request, edge.MaxBodyBytes, cancellationToken).ConfigureAwait(false);
        refusal ??= validator.Check(activity!);
        if (refusal is not null)
        {
            return Refuse(logger, refusal.StatusCode, refusal.Reason);
        }

        (seen.Type, seen.Name) = (activity!.Type, activity.Name);
        var activityProblem = await authenticator.CheckActivityAsync(identity, activity!, cancellationToken).ConfigureAwait(false);
        if (activityProblem is not null)
        {
            return Refuse(logger, StatusCodes.Status401Unauthorized, activityProblem);
        }

        if (activity!.Type == ActivityTypes.Invoke && activity.Name == InvokeNames.AdaptiveCardAction
            && AdaptiveCardInvokeValue.TryRead(activity) is null)
        {
            // PROTOCOL §5: the SDK's answer to a value without an Action.Execute: HTTP 200, body 400.
            return Results.Json(
                InvokeResponse.Error(400, "BadRequest", "The invoke value has no Action.Execute action."), ConnectorJson.Options);
        }

        var turn = new TurnContext(activity, identity.Principal, connector);
        InvokeResponse? answer;
        try
        {
            answer = await handler.OnActivityAsync(turn, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogHandlerFailed(logger, activity.Type ?? "", activity.Id ?? "", e);
            return activity.Type == ActivityTypes.Invoke
                ? Results.Json(InvokeResponse.Error(500, "InternalError", "TalkBot could not complete this action. Please try again."), ConnectorJson.Options)
                : Results.StatusCode(StatusCodes.Status500InternalServerError);
        }

        if (activity.Type != ActivityTypes.Invoke)
        {
            return Results.Ok();
        }

        return answer is null
            ? Results.StatusCode(StatusCodes.Status501NotImplemented)
            : Results.Json(answer, ConnectorJson.Options, statusCode: StatusCodes.Status200OK);
    }

    private static bool IsLoopback(IPAddress? address) => address is not null && IPAddress.IsLoopback(address);

    /// <summary>A refusal: logged and counted with its reason; a 401 says no more than that, the rest say why.</summary>
    private static IResult Refuse(ILogger logger, int status, string reason)
    {
        LogRefused(logger, reason);
        TalkBotTelemetry.Refused.Add(1, new TagList { { "http.response.status_code", status }, { "reason", reason } });
        return status == StatusCodes.Status401Unauthorized ? Results.Unauthorized() : Results.Json(new { error = reason }, statusCode: status);
    }

    /// <summary>What the request turned out to be, for its span and metrics.</summary>
    private sealed class Seen
    {
        public string? Type { get; set; }

        public string? Name { get; set; }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused a request to the messaging endpoint: {Reason}")]
    private static partial void LogRefused(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Handling the {Type} activity {Id} failed")]
    private static partial void LogHandlerFailed(ILogger logger, string type, string id, Exception exception);
}
