using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TalkBot.Bot.Infrastructure.Connector;

namespace TalkBot.Bot.Tests.Infrastructure.Connector;

/// <summary>
/// A minimal host with only the Connector and a recording handler: the same two calls Program.cs makes, on a TestServer.
/// </summary>
public sealed class ConnectorHost : IAsyncDisposable
{
    private readonly WebApplication app;

    private ConnectorHost(WebApplication app, RecordingHandler handler)
    {
        this.app = app;
        Handler = handler;
        Client = app.GetTestClient();
    }

    public RecordingHandler Handler { get; }

    public HttpClient Client { get; }

    /// <summary>The remote address the next requests appear to come from.</summary>
    public static IPAddress RemoteAddress { get; set; } = IPAddress.Loopback;

    public static async Task<ConnectorHost> StartAsync(
        TokenIssuer? issuer,
        string? appId,
        IPAddress? remote = null,
        Func<ITurnContext, InvokeResponse?>? respond = null,
        IReadOnlyDictionary<string, string?>? settings = null)
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseTestServer();
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["MicrosoftAppId"] = appId,
            ["MicrosoftAppPassword"] = appId is null ? null : "test-secret-not-used",
            ["MicrosoftAppTenantId"] = appId is null ? null : TokenIssuer.TenantId,
            ["OpenIdMetadataUrl"] = TokenIssuer.MetadataUrl,
            ["EntraOpenIdMetadataUrl"] = TokenIssuer.EntraMetadataUrl,
        });
        if (settings is not null)
        {
            builder.Configuration.AddInMemoryCollection(settings);
        }

        builder.Services.AddBotConnector(builder.Configuration);
        if (issuer is not null)
        {
            builder.Services.AddHttpClient(BotMessagesEndpoint.AuthHttpClient).ConfigurePrimaryHttpMessageHandler(() => issuer.Metadata);
        }

        var handler = new RecordingHandler(respond);
        builder.Services.AddSingleton<IActivityHandler>(handler);
        var app = builder.Build();
        var address = remote ?? IPAddress.Loopback;
        app.Use((HttpContext context, RequestDelegate next) =>
        {
            context.Connection.RemoteIpAddress = address;
            return next(context);
        });
        app.MapBotMessages("/api/messages");
        await app.StartAsync();
        return new ConnectorHost(app, handler);
    }

    public Task<HttpResponseMessage> PostAsync(string body, string? token = null, string scheme = "Bearer")
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        if (token is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", $"{scheme} {token}");
        }

        return Client.SendAsync(request);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await app.DisposeAsync();
    }

    public sealed class RecordingHandler(Func<ITurnContext, InvokeResponse?>? respond) : IActivityHandler
    {
        public List<Activity> Seen { get; } = [];

        public Task<InvokeResponse?> OnActivityAsync(ITurnContext turn, CancellationToken cancellationToken)
        {
            Seen.Add(turn.Activity);
            return Task.FromResult(respond?.Invoke(turn));
        }
    }
}

public static class Activities
{
    /// <summary>The Agents Playground's service URL: the only kind a bot without an app id follows.</summary>
    public const string LocalServiceUrl = "http://localhost:56150/_connector";

    public static string Message(string serviceUrl = TokenIssuer.ServiceUrl, string channelId = "msteams") => $$"""
        {"type":"message","id":"1","channelId":"{{channelId}}","serviceUrl":"{{serviceUrl}}","text":"帮助",
         "from":{"id":"29:abc","aadObjectId":"00000000-0000-0000-0000-00000000a001"},"recipient":{"id":"28:bot"},
         "conversation":{"id":"a:1","conversationType":"personal","tenantId":"t1"},"locale":"zh-CN"}
        """;

    public static string Invoke(string value, string serviceUrl = LocalServiceUrl) => $$"""
        {"type":"invoke","name":"adaptiveCard/action","id":"2","channelId":"msteams","serviceUrl":"{{serviceUrl}}",
         "from":{"id":"29:abc"},"recipient":{"id":"28:bot"},"conversation":{"id":"a:1"},"value":{{value}}}
        """;
}
