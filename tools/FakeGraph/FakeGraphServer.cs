using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;

namespace TalkBot.FakeGraph;

/// <summary>
/// A local Microsoft Graph on a real socket, serving <c>GET /v1.0/users</c> from <see cref="FakeGraphOptions.Users"/>,
/// so that the Graph SDK's own paging, authentication and retry code run as against the real service. Point
/// <c>Directory:Graph:BaseUrl</c> at <see cref="BaseUrl"/> (plain http, so with AllowInsecureHttp).
/// </summary>
public sealed class FakeGraphServer : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly FakeGraphLog log;

    private FakeGraphServer(WebApplication app, FakeGraphLog log, string baseUrl)
    {
        this.app = app;
        this.log = log;
        BaseUrl = baseUrl;
    }

    /// <summary>Graph's root with its version and no trailing slash, e.g. "http://127.0.0.1:5099/v1.0".</summary>
    public string BaseUrl { get; }

    /// <summary>Requests received on <c>/v1.0/users</c>, whatever the answer (401 and 429 included).</summary>
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

        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        return new FakeGraphServer(app, log, address.TrimEnd('/') + "/v1.0");
    }

    /// <summary>Stops Kestrel and releases the port.</summary>
    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
