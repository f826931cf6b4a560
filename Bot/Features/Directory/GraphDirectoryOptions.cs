namespace TalkBot.Bot.Features.Directory;

/// <summary>Reading the organisation from Microsoft Graph (section <c>Directory:Graph</c>).</summary>
public sealed class GraphDirectoryOptions
{
    public const string Section = "Directory:Graph";

    /// <summary>The largest <c>$top</c> that Graph accepts for <c>/users</c>.</summary>
    public const int MaxPageSize = 999;

    /// <summary>The Entra ID tenant (directory) id.</summary>
    public string TenantId { get; set; } = string.Empty;

    /// <summary>The app registration's client id; it needs the application permission User.Read.All.</summary>
    public string ClientId { get; set; } = string.Empty;

    /// <summary>
    /// The app registration's client secret. Set it only from a secret store (user-secrets in development, Key Vault
    /// or the host's secret environment variables in production), never in appsettings*.json.
    /// </summary>
    public string? ClientSecret { get; set; }

    /// <summary>Graph's root, version included. Tests and the benchmark point it at the local fake Graph.</summary>
    public string BaseUrl { get; set; } = "https://graph.microsoft.com/v1.0";

    /// <summary>Users per page (<c>$top</c>), 1 to <see cref="MaxPageSize"/>; the default needs one request per 999 users.</summary>
    public int PageSize { get; set; } = MaxPageSize;

    /// <summary>
    /// Lets <see cref="BaseUrl"/> be plain http, and only on a loopback host (the fake Graph in tests and the
    /// benchmark). Off by default, so that a token is never sent in clear text.
    /// </summary>
    public bool AllowInsecureHttp { get; set; }

    /// <summary>The validated <see cref="BaseUrl"/>; throws on a value that would leak a token or that Graph rejects.</summary>
    internal Uri ValidatedBaseUri()
    {
        if (!Uri.TryCreate(BaseUrl, UriKind.Absolute, out var uri))
        {
            throw new InvalidOperationException($"{Section}:BaseUrl '{BaseUrl}' is not an absolute URL.");
        }

        var secure = uri.Scheme == Uri.UriSchemeHttps;
        var allowedInsecure = uri.Scheme == Uri.UriSchemeHttp && AllowInsecureHttp && uri.IsLoopback;
        if (!secure && !allowedInsecure)
        {
            throw new InvalidOperationException(
                $"{Section}:BaseUrl '{BaseUrl}' must be https (plain http only with AllowInsecureHttp and a loopback host).");
        }

        if (PageSize is < 1 or > MaxPageSize)
        {
            throw new InvalidOperationException($"{Section}:PageSize must be between 1 and {MaxPageSize}; it is {PageSize}.");
        }

        return uri;
    }
}
