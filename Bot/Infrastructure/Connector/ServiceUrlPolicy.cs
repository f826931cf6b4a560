namespace TalkBot.Bot.Infrastructure.Connector;

/// <summary>
/// Which service URLs the bot follows: it stores them as conversation references and sends its token there, so an
/// activity naming any other host is refused at the edge, and the Connector client refuses to call one.
/// With an app id: https, the default port, a host on <see cref="EdgeOptions.EffectiveServiceHosts"/>. Without one
/// (local development): only this machine (the Agents Playground), http or https.
/// </summary>
public sealed class ServiceUrlPolicy(BotConnectorOptions bot, EdgeOptions edge)
{
    public const int MaxLength = 512;

    /// <summary>Why <paramref name="serviceUrl"/> is not a service URL at all (a malformed activity), or null.</summary>
    public static string? ShapeProblem(string? serviceUrl) => Parse(serviceUrl, out _);

    /// <summary>Why <paramref name="serviceUrl"/> is not followed, or null when it is.</summary>
    public string? Check(string? serviceUrl)
    {
        if (Parse(serviceUrl, out var uri) is { } shape)
        {
            return shape;
        }

        if (!bot.IsAuthenticationEnabled)
        {
            return uri.IsLoopback ? null : "serviceUrl is not on this machine (no MicrosoftAppId)";
        }

        if (!IsAllowedHost(uri.IdnHost))
        {
            return "serviceUrl host is not an allowed Teams service host";
        }

        // A loopback host on the list (the Playground with credentials) may be plain http on any port.
        return uri.IsLoopback || (uri.Scheme == "https" && uri.IsDefaultPort) ? null : "serviceUrl is not https on the default port";
    }

    public bool IsAllowed(string? serviceUrl) => Check(serviceUrl) is null;

    private static string? Parse(string? serviceUrl, out Uri uri)
    {
        uri = null!;
        if (string.IsNullOrEmpty(serviceUrl))
        {
            return "no serviceUrl";
        }

        if (serviceUrl.Length > MaxLength
            || !Uri.TryCreate(serviceUrl, UriKind.Absolute, out var parsed)
            || (uri = parsed).Scheme is not ("http" or "https")
            || string.IsNullOrEmpty(uri.Host))
        {
            return "serviceUrl is not an http(s) URL";
        }

        return uri.UserInfo.Length > 0 || uri.Query.Length > 0 || uri.Fragment.Length > 0
            ? "serviceUrl carries credentials, a query or a fragment"
            : null;
    }

    private bool IsAllowedHost(string host)
    {
        foreach (var allowed in edge.EffectiveServiceHosts)
        {
            var match = allowed.StartsWith("*.", StringComparison.Ordinal)
                ? host.EndsWith(allowed[1..], StringComparison.OrdinalIgnoreCase) && host.Length > allowed.Length - 1
                : string.Equals(host, allowed, StringComparison.OrdinalIgnoreCase);
            if (match)
            {
                return true;
            }
        }

        return false;
    }
}
