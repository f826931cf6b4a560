using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;
using TalkBot.Bot.Infrastructure.Connector;

namespace TalkBot.Bot.Features.Tab;

/// <summary>The signing keys of the tab's tokens: Entra's published keys, refreshed as they roll (tests give their own).</summary>
public class TabSigningKeys
{
    private readonly ConfigurationManager<OpenIdConnectConfiguration>? metadata;

    public TabSigningKeys(TabOptions options, IHttpClientFactory http)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(http);
        metadata = new(options.OpenIdMetadataUrl, new OpenIdConnectConfigurationRetriever(),
            new HttpDocumentRetriever(http.CreateClient(BotMessagesEndpoint.AuthHttpClient)) { RequireHttps = true });
    }

    /// <summary>For a subclass that holds its keys itself.</summary>
    protected TabSigningKeys()
    {
    }

    public virtual async Task<ICollection<SecurityKey>> GetAsync(CancellationToken cancellationToken) =>
        (await metadata!.GetConfigurationAsync(cancellationToken).ConfigureAwait(false)).SigningKeys;

    public virtual void Refresh() => metadata?.RequestRefresh();
}

/// <summary>A tab token's verdict: the person it names, or why it is refused.</summary>
public readonly record struct TabTokenResult(PersonId? Person, string? Failure);

/// <summary>
/// Validates the token of Teams tab SSO (and of the browser's MSAL sign-in, which asks for the same API): issued by Entra
/// for a tenant the bot serves (<see cref="TenantPolicy"/>, the tenant settings of the connector), for the bot's own API
/// (audience <c>api://{Tab:Host}/{MicrosoftAppId}</c> or the app id itself), carrying the tab's delegated scope, signed
/// with Entra's keys (RS256), within its lifetime (5 minutes of skew, on the bot's clock). Its <c>oid</c> is the person's
/// id (<see cref="PersonId"/> is the Entra object id). Without an app id (local development) no token is accepted.
/// </summary>
public sealed class TabTokenValidator(BotConnectorOptions bot, TabOptions options, TenantPolicy tenants, TabSigningKeys keys, TimeProvider time)
{
    private readonly JsonWebTokenHandler handler = new();

    /// <summary>The audiences a tab token may be for.</summary>
    public IReadOnlyList<string> Audiences =>
        string.IsNullOrWhiteSpace(bot.MicrosoftAppId) ? []
        : string.IsNullOrWhiteSpace(options.Host) ? [bot.MicrosoftAppId]
        : [$"api://{options.Host}/{bot.MicrosoftAppId}", bot.MicrosoftAppId];

    public async Task<TabTokenResult> ValidateAsync(string authorization, CancellationToken cancellationToken)
    {
        if (Audiences.Count == 0)
        {
            return new(null, "no app id: tab tokens are not accepted");
        }

        var parts = (authorization ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length != 2 || !string.Equals(parts[0], "Bearer", StringComparison.Ordinal))
        {
            return new(null, "no bearer token");
        }

        JsonWebToken token;
        try
        {
            token = new JsonWebToken(parts[1]);
        }
        catch (ArgumentException)
        {
            return new(null, "malformed token");
        }

        // The tenant is the token's own claim, then held to the served tenants and to the issuer Entra uses for it.
        var tenant = token.TryGetPayloadValue<string>("tid", out var tid) ? tid : null;
        if (string.IsNullOrWhiteSpace(tenant) || !tenants.Serves(tenant))
        {
            return new(null, "token of a tenant the bot does not serve");
        }

        var parameters = new TokenValidationParameters
        {
            ValidIssuers = [$"https://sts.windows.net/{tenant}/", $"https://login.microsoftonline.com/{tenant}/v2.0"],
            ValidAudiences = Audiences,
            ValidateLifetime = true,
            ClockSkew = TimeSpan.FromMinutes(5),
            RequireSignedTokens = true,
            RequireExpirationTime = true,
            ValidAlgorithms = [SecurityAlgorithms.RsaSha256],
            LifetimeValidator = Lifetime,
        };
        TokenValidationResult result;
        try
        {
            parameters.IssuerSigningKeys = await keys.GetAsync(cancellationToken).ConfigureAwait(false);
            result = await handler.ValidateTokenAsync(parts[1], parameters).ConfigureAwait(false);
            if (!result.IsValid && result.Exception is SecurityTokenSignatureKeyNotFoundException)
            {
                keys.Refresh();
                parameters.IssuerSigningKeys = await keys.GetAsync(cancellationToken).ConfigureAwait(false);
                result = await handler.ValidateTokenAsync(parts[1], parameters).ConfigureAwait(false);
            }
        }
        catch (InvalidOperationException e)
        {
            return new(null, $"signing keys unavailable: {e.Message}");
        }

        if (!result.IsValid)
        {
            return new(null, result.Exception?.GetType().Name ?? "invalid token");
        }

        var scopes = token.TryGetPayloadValue<string>("scp", out var scp) ? scp.Split(' ', StringSplitOptions.RemoveEmptyEntries) : [];
        if (!scopes.Contains(options.Scope, StringComparer.Ordinal))
        {
            return new(null, "token without the tab's scope");
        }

        return token.TryGetPayloadValue<string>("oid", out var oid) && !string.IsNullOrWhiteSpace(oid)
            ? new(new PersonId(oid), null)
            : new(null, "token names no user");
    }

    private bool Lifetime(DateTime? notBefore, DateTime? expires, SecurityToken token, TokenValidationParameters parameters)
    {
        var now = time.GetUtcNow().UtcDateTime;
        return expires is { } exp && now <= exp.ToUniversalTime() + parameters.ClockSkew
            && (notBefore is not { } nbf || now >= nbf.ToUniversalTime() - parameters.ClockSkew);
    }
}
