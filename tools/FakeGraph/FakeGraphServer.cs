using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;

namespace TalkBot.FakeGraph;

/// <summary>
/// A local Microsoft Graph on a real socket, serving <c>GET /v1.0/users</c> from <see cref="FakeGraphOptions.Users"/>, the
/// users and groups delta queries, installed Teams apps and Outlook events from its <see cref="Tenant"/>,
/// so that the Graph SDK's own paging, authentication and retry code run as against the real service. Point
/// <c>Directory:Graph:BaseUrl</c> at <see cref="BaseUrl"/> (plain http, so with AllowInsecureHttp).
/// </summary>
public sealed class FakeGraphServer : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly FakeGraphLog log;

    private FakeGraphServer(WebApplication app, FakeGraphLog log, FakeTenant tenant, string baseUrl)
    {
        this.app = app;
        this.log = log;
        Tenant = tenant;
        BaseUrl = baseUrl;
    }

    /// <summary>The tenant behind the newer endpoints (delta, groups, installed apps, events), to change in a test.</summary>
    public FakeTenant Tenant { get; }

    /// <summary>Requests answered 503 on purpose.</summary>
    public int Failed => log.Failed;

    /// <summary>Requests that came while a 429's Retry-After had not yet passed: a client not honouring it.</summary>
    public int RetryAfterIgnored => log.RetryAfterIgnored;

    /// <summary>Graph's root with its version and no trailing slash, e.g. "http://127.0.0.1:5099/v1.0".</summary>
    public string BaseUrl { get; }

    /// <summary>Requests received, whatever the answer (401 and 429 included).</summary>
    public int Requests => log.Requests;

    /// <summary>Requests answered 429.</summary>
    public int Throttled => log.Throttled;

    /// <summary>Requests answered 401 for want of a bearer token.</summary>
    public int Unauthorized => log.Unauthorized;

    /// <summary>Every request received, oldest first.</summary>
    public IReadOnlyList<FakeGraphRequest> Received => log.Received();

    /// <summary>Starts Kestrel on 127.0.0.1 and returns once it accepts connections.</summary>
    public static async Task<FakeGraphServer> StartAsync(FakeGraphOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();

        // The empty builder brings no logging providers and no configuration sources: a test run prints nothing.
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, options.Port));
        builder.Services.AddRoutingCore();

        var log = new FakeGraphLog();
        var users = new UsersEndpoint(options, log);
        var app = builder.Build();
        app.UseRouting();
        app.MapGet("/v1.0/users", users.HandleAsync);
        var tenant = new FakeTenant(options.Users, options.Groups);
        var gate = new GraphGate(options, log);
        var delta = new DeltaEndpoint(options, tenant, gate, log);
        var writes = new WriteEndpoints(options, tenant, gate, log);
        // The SDKs call the delta functions with their parentheses; Graph's own links leave them out.
        app.MapGet("/v1.0/users/delta", delta.UsersAsync);
        app.MapGet("/v1.0/users/delta()", delta.UsersAsync);
        app.MapGet("/v1.0/groups/delta", delta.GroupsAsync);
        app.MapGet("/v1.0/groups/delta()", delta.GroupsAsync);
        app.MapPost("/v1.0/users/{user}/teamwork/installedApps", (HttpContext c, string user) => writes.InstallAsync(c, user));
        app.MapPost("/v1.0/users/{mailbox}/events", (HttpContext c, string mailbox) => writes.CreateEventAsync(c, mailbox));
        app.MapMethods("/v1.0/users/{mailbox}/events/{id}", ["PATCH"], (HttpContext c, string mailbox, string id) => writes.UpdateEventAsync(c, mailbox, id));
        app.MapPost("/v1.0/users/{mailbox}/events/{id}/cancel", (HttpContext c, string mailbox, string id) => writes.CancelEventAsync(c, mailbox, id));

        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        return new FakeGraphServer(app, log, tenant, address.TrimEnd('/') + "/v1.0");
    }

    /// <summary>Stops Kestrel and releases the port.</summary>
    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
