using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;

namespace TalkBot.FakeConnector;

/// <summary>
/// A local stand-in for Teams' Bot Connector on a real socket, so that the bot's own HttpClient, retry and throttling
/// code run exactly as in production. Point the bot's serviceUrl at <see cref="ServiceUrl"/>.
/// </summary>
public sealed class FakeConnectorServer : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly TeamsRateLimiter limiter;
    private readonly DeliveryLog log;

    private readonly PersonalChats chats;

    private FakeConnectorServer(WebApplication app, TeamsRateLimiter limiter, DeliveryLog log, PersonalChats chats, string serviceUrl)
    {
        this.app = app;
        this.chats = chats;
        this.limiter = limiter;
        this.log = log;
        ServiceUrl = serviceUrl;
    }

    /// <summary>The base address with a trailing slash, e.g. "http://127.0.0.1:5099/"; callers append "v3/conversations/...".</summary>
    public string ServiceUrl { get; }

    /// <summary>Starts Kestrel on 127.0.0.1 with <paramref name="options"/> and returns once it accepts connections.</summary>
    public static async Task<FakeConnectorServer> StartAsync(FakeConnectorOptions options, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();

        // The empty builder brings no logging providers and no configuration sources: a test run prints nothing.
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, options.Port));
        builder.Services.AddRoutingCore();

        var limiter = new TeamsRateLimiter(options);
        var log = new DeliveryLog();
        var app = builder.Build();
        var chats = new PersonalChats();
        new ConnectorEndpoints(options, limiter, log, chats).Map(app);

        await app.StartAsync(ct);
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        return new FakeConnectorServer(app, limiter, log, chats, address.TrimEnd('/') + "/");
    }

    /// <summary>The app is installed for the person (Graph did it, or they did): a conversation may now be opened with their object id.</summary>
    public void Install(string aadObjectId) => chats.Install(aadObjectId);

    public bool IsInstalled(string aadObjectId) => chats.IsInstalled(aadObjectId);

    /// <summary>Personal conversations opened with an object id so far.</summary>
    public int PersonalConversations => chats.Conversations;

    /// <summary>The counters and deliveries so far.</summary>
    public FakeConnectorStats Snapshot() => log.Snapshot();

    /// <summary>The sends and replies delivered to <paramref name="conversationId"/> (unescaped), oldest first.</summary>
    public IReadOnlyList<DeliveredActivity> Activities(string conversationId) => log.Delivered(conversationId);

    /// <summary>The updates accepted for <paramref name="conversationId"/> (unescaped), oldest first.</summary>
    public IReadOnlyList<DeliveredActivity> UpdatedActivities(string conversationId) => log.Updated(conversationId);

    /// <summary>Forgets counters, deliveries and rate windows, so that one server can serve several benchmark rounds.</summary>
    public void Reset()
    {
        log.Reset();
        limiter.Reset();
    }

    /// <summary>Stops Kestrel and releases the port.</summary>
    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
