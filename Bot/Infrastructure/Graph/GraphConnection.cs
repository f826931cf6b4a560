using Azure.Core;
using Azure.Identity;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Graph;
using Microsoft.Kiota.Authentication.Azure;
using Microsoft.Kiota.Http.HttpClientLibrary.Middleware;

namespace TalkBot.Bot.Infrastructure.Graph;

/// <summary>
/// The app registration TalkBot calls Microsoft Graph with (section <c>Graph</c>; the older <c>Directory:Graph</c> keys
/// are read when <c>Graph</c> has none). One registration serves every feature; each needs its own permission.
/// </summary>
public sealed class GraphOptions
{
    public const string Section = "Graph";
    public const string LegacySection = "Directory:Graph";

    public string TenantId { get; set; } = string.Empty;

    public string ClientId { get; set; } = string.Empty;

    /// <summary>From a secret store only. Empty: the host's managed identity (client <see cref="ClientId"/>) is used.</summary>
    public string? ClientSecret { get; set; }

    /// <summary>Graph's root, version included. Tests, the demo and the benchmark point it at the local fake Graph.</summary>
    public string BaseUrl { get; set; } = "https://graph.microsoft.com/v1.0";

    /// <summary>Plain http, and only to a loopback host (the fake Graph). Off by default: a token never goes in clear text.</summary>
    public bool AllowInsecureHttp { get; set; }

    public static GraphOptions From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var options = new GraphOptions();
        configuration.GetSection(LegacySection).Bind(options);
        configuration.GetSection(Section).Bind(options);
        return options;
    }

    /// <summary>The validated <see cref="BaseUrl"/>; throws on a value that would leak a token.</summary>
    public Uri ValidatedBaseUri()
    {
        if (!Uri.TryCreate(BaseUrl, UriKind.Absolute, out var uri))
        {
            throw new InvalidOperationException($"{Section}:BaseUrl '{BaseUrl}' is not an absolute URL.");
        }

        var allowedInsecure = uri.Scheme == Uri.UriSchemeHttp && AllowInsecureHttp && uri.IsLoopback;
        if (uri.Scheme != Uri.UriSchemeHttps && !allowedInsecure)
        {
            throw new InvalidOperationException(
                $"{Section}:BaseUrl '{BaseUrl}' must be https (plain http only with AllowInsecureHttp and a loopback host).");
        }

        return uri;
    }

    internal TokenCredential Credential()
    {
        if (string.IsNullOrWhiteSpace(TenantId) || string.IsNullOrWhiteSpace(ClientId))
        {
            throw new InvalidOperationException($"{Section} needs TenantId and ClientId (and ClientSecret from a secret store, or a managed identity).");
        }

        return string.IsNullOrWhiteSpace(ClientSecret)
            ? new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(ClientId))
            : new ClientSecretCredential(TenantId, ClientId, ClientSecret);
    }
}

/// <summary>
/// Graph clients over one HTTP pipeline per kind: <see cref="Client"/> retries 429/503 after the server's Retry-After
/// (the SDK's retry handler); <see cref="Unretried"/> leaves throttling to its caller (a limiter that pauses every
/// request of a kind on one 429, not just the one answered). Both count the requests that leave the process.
/// </summary>
public sealed class GraphConnection : IDisposable
{
    private readonly HttpClient retried;
    private readonly HttpClient unretried;
    private readonly RequestCounter counter = new();

    public GraphConnection(GraphOptions options, TokenCredential credential, Func<HttpMessageHandler>? finalHandler = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(credential);
        var baseUri = options.ValidatedBaseUri();
        BaseUrl = baseUri.AbsoluteUri.TrimEnd('/');
        retried = Pipeline(counter, finalHandler?.Invoke(), retry: true);
        unretried = Pipeline(counter, finalHandler?.Invoke(), retry: false);

        // The token goes to Graph's own host only (nextLinks stay on it); Kiota itself refuses http except on loopback.
        var authentication = new AzureIdentityAuthenticationProvider(
            credential, allowedHosts: [baseUri.Host], observabilityOptions: null, isCaeEnabled: true,
            scopes: $"{baseUri.GetLeftPart(UriPartial.Authority)}/.default");
        Client = new GraphServiceClient(retried, authentication, BaseUrl);
        Unretried = new GraphServiceClient(unretried, authentication, BaseUrl);
    }

    /// <summary>Graph's root with its version, no trailing slash.</summary>
    public string BaseUrl { get; }

    public GraphServiceClient Client { get; }

    public GraphServiceClient Unretried { get; }

    /// <summary>HTTP requests sent so far by both clients, retries included.</summary>
    public long Requests => counter.Count;

    public void Dispose()
    {
        retried.Dispose();
        unretried.Dispose();
    }

    private static HttpClient Pipeline(RequestCounter counter, HttpMessageHandler? finalHandler, bool retry)
    {
        var handlers = GraphClientFactory.CreateDefaultHandlers().Where(h => retry || h is not RetryHandler).ToList();
        handlers.Add(new CountingHandler(counter));
        return GraphClientFactory.Create(handlers, finalHandler: finalHandler);
    }

    private sealed class RequestCounter
    {
        private long count;

        public long Count => Interlocked.Read(ref count);

        public void Increment() => Interlocked.Increment(ref count);
    }

    /// <summary>Innermost, after the retry handler: a retried request counts twice, as the server sees it.</summary>
    private sealed class CountingHandler(RequestCounter counter) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            counter.Increment();
            return base.SendAsync(request, cancellationToken);
        }
    }
}

public static class GraphServices
{
    /// <summary>
    /// Registers the <see cref="GraphConnection"/> from <c>Graph</c> (once, whichever feature asks first). The credential
    /// is made when the connection is first used, so a bot without Graph never needs one.
    /// </summary>
    public static IServiceCollection AddGraphConnection(this IServiceCollection services, IConfiguration configuration)
    {
        var options = GraphOptions.From(configuration);
        services.TryAddSingleton(options);
        services.TryAddSingleton(sp => new GraphConnection(sp.GetRequiredService<GraphOptions>(), sp.GetRequiredService<GraphOptions>().Credential()));
        return services;
    }
}
