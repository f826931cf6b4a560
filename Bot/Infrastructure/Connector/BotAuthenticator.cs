using System.Collections.Concurrent;
using System.Security.Claims;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace TalkBot.Bot.Infrastructure.Connector;

/// <summary>Who called, as far as the token says; <see cref="Failure"/> is set when the caller is refused.</summary>
public sealed record InboundIdentity(ClaimsPrincipal? Principal, bool FromBotFramework, string? SigningKeyId, string? Failure)
{
    public static InboundIdentity Refused(string why) => new(null, false, null, why);

    public static InboundIdentity Anonymous { get; } = new(null, false, null, null);

    public bool IsRefused => Failure is not null;
}

/// <summary>
/// Inbound JWT validation per PROTOCOL §1: the Bot Framework channel path (issuer https://api.botframework.com,
/// audience = app id, RS256/384/512, lifetime with 5 minutes of skew, keys from the OpenID metadata, then the
/// <c>serviceurl</c> claim and the key's channel endorsements against the activity) and the Entra path for tokens that
/// Entra issues for the bot in a tenant it serves (<see cref="TenantPolicy"/>; the Agents Playground with credentials).
/// </summary>
public sealed class BotAuthenticator
{
    internal const string BotFrameworkIssuer = "https://api.botframework.com";

    private static readonly TimeSpan EndorsementsLifetime = TimeSpan.FromHours(24);
    private static readonly TimeSpan EndorsementsMinimumRefresh = TimeSpan.FromMinutes(5);

    private readonly BotConnectorOptions options;
    private readonly TenantPolicy tenants;
    private readonly TimeProvider time;
    private readonly IDocumentRetriever retriever;
    private readonly ConfigurationManager<OpenIdConnectConfiguration> botFrameworkMetadata;
    private readonly ConfigurationManager<OpenIdConnectConfiguration> entraMetadata;
    private readonly JsonWebTokenHandler handler = new();
    private readonly SemaphoreSlim endorsementsLock = new(1, 1);
    private ConcurrentDictionary<string, string[]> endorsements = new(StringComparer.Ordinal);
    private DateTimeOffset endorsementsFetchedAt = DateTimeOffset.MinValue;

    public BotAuthenticator(BotConnectorOptions options, TenantPolicy tenants, HttpClient http, TimeProvider time)
    {
        this.options = options;
        this.tenants = tenants;
        this.time = time;
        retriever = new HttpDocumentRetriever(http) { RequireHttps = true };
        botFrameworkMetadata = new(options.OpenIdMetadataUrl, new OpenIdConnectConfigurationRetriever(), retriever);
        entraMetadata = new(options.EntraOpenIdMetadataUrl, new OpenIdConnectConfigurationRetriever(), retriever);
    }

    /// <summary>Validates the Authorization header. Without an app id (local development) no token is asked for.</summary>
    public async Task<InboundIdentity> AuthenticateAsync(string? authorization, CancellationToken cancellationToken)
    {
        if (!options.IsAuthenticationEnabled)
        {
            return InboundIdentity.Anonymous;
        }

        // PROTOCOL §1: only "Bearer <token>", exactly two parts.
        var parts = (authorization ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length != 2 || !string.Equals(parts[0], "Bearer", StringComparison.Ordinal))
        {
            return InboundIdentity.Refused("no bearer token");
        }

        JsonWebToken unvalidated;
        try
        {
            unvalidated = new JsonWebToken(parts[1]);
        }
        catch (ArgumentException)
        {
            return InboundIdentity.Refused("malformed token");
        }

        var fromBotFramework = string.Equals(unvalidated.Issuer, BotFrameworkIssuer, StringComparison.Ordinal);
        var metadata = fromBotFramework ? botFrameworkMetadata : entraMetadata;
        OpenIdConnectConfiguration configuration;
        try
        {
            configuration = await metadata.GetConfigurationAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (InvalidOperationException e)
        {
            return InboundIdentity.Refused($"signing keys unavailable: {e.Message}");
        }

        var parameters = new TokenValidationParameters
        {
            ValidIssuers = fromBotFramework ? [BotFrameworkIssuer] : EntraIssuers(),
            ValidAudience = options.MicrosoftAppId,
            ValidateLifetime = true,
            ClockSkew = TimeSpan.FromMinutes(5),
            RequireSignedTokens = true,
            RequireExpirationTime = true,
            ValidAlgorithms = [SecurityAlgorithms.RsaSha256, SecurityAlgorithms.RsaSha384, SecurityAlgorithms.RsaSha512],
            IssuerSigningKeys = configuration.SigningKeys,
            LifetimeValidator = ValidateLifetime,
        };

        var result = await handler.ValidateTokenAsync(parts[1], parameters).ConfigureAwait(false);
        if (!result.IsValid && result.Exception is SecurityTokenSignatureKeyNotFoundException)
        {
            // Keys roll over: refresh once and try again (JwtBearer's RefreshOnIssuerKeyNotFound does the same).
            metadata.RequestRefresh();
            configuration = await metadata.GetConfigurationAsync(cancellationToken).ConfigureAwait(false);
            parameters.IssuerSigningKeys = configuration.SigningKeys;
            result = await handler.ValidateTokenAsync(parts[1], parameters).ConfigureAwait(false);
        }

        if (!result.IsValid)
        {
            return InboundIdentity.Refused(result.Exception?.GetType().Name ?? "invalid token");
        }

        if (!fromBotFramework && !AppIdMatches(unvalidated))
        {
            return InboundIdentity.Refused("token issued for another app");
        }

        return new InboundIdentity(new ClaimsPrincipal(result.ClaimsIdentity), fromBotFramework, unvalidated.Kid, null);
    }

    /// <summary>
    /// The checks that need the activity (PROTOCOL §1): the <c>serviceurl</c> claim equals the activity's service URL,
    /// the signing key is endorsed for the activity's channel, and the activity is of a tenant the bot serves. An
    /// Entra-issued token carries no <c>serviceurl</c> claim (the Agents Playground with credentials): it is taken only
    /// for a service URL on this machine, so that it can never point the bot's replies and stored references elsewhere.
    /// </summary>
    public async Task<string?> CheckActivityAsync(InboundIdentity identity, Activity activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(identity);
        ArgumentNullException.ThrowIfNull(activity);
        if (!options.IsAuthenticationEnabled)
        {
            return null;
        }

        if (!tenants.Serves(activity.GetTenantId()))
        {
            return "activity of a tenant this bot does not serve";
        }

        var claim = identity.Principal?.FindFirst("serviceurl")?.Value;
        if (string.IsNullOrEmpty(claim))
        {
            return identity.FromBotFramework || !IsLoopback(activity.ServiceUrl) ? "token has no serviceurl claim" : null;
        }

        if (!string.Equals(claim, activity.ServiceUrl, StringComparison.OrdinalIgnoreCase))
        {
            return "serviceurl claim does not match the activity";
        }

        if (!identity.FromBotFramework)
        {
            return null;
        }

        var keyEndorsements = await EndorsementsAsync(identity.SigningKeyId ?? "", cancellationToken).ConfigureAwait(false);
        if (keyEndorsements is null)
        {
            return "signing key has no endorsements";
        }

        return !keyEndorsements.Contains(activity.ChannelId ?? "", StringComparer.Ordinal)
            ? "signing key not endorsed for the activity's channel"
            : null;
    }

    private static bool IsLoopback(string? url) => Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.IsLoopback;

    private bool ValidateLifetime(DateTime? notBefore, DateTime? expires, SecurityToken token, TokenValidationParameters parameters)
    {
        var now = time.GetUtcNow().UtcDateTime;
        return expires is { } exp && now <= exp.ToUniversalTime() + parameters.ClockSkew
            && (notBefore is not { } nbf || now >= nbf.ToUniversalTime() - parameters.ClockSkew);
    }

    private string[] EntraIssuers() =>
        tenants.EntraIssuerTenants.Distinct(StringComparer.OrdinalIgnoreCase)
            .SelectMany(t => new[] { $"https://sts.windows.net/{t}/", $"https://login.microsoftonline.com/{t}/v2.0" }).ToArray();

    // PROTOCOL §1: v1.0 tokens name the calling app in "appid", v2.0 tokens in "azp"; either must be this bot.
    private bool AppIdMatches(JsonWebToken token)
    {
        var version = token.TryGetPayloadValue<string>("ver", out var ver) ? ver : null;
        var claim = version == "1.0" ? "appid" : "azp";
        return token.TryGetPayloadValue<string>(claim, out var appId) && string.Equals(appId, options.MicrosoftAppId, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The raw JWKS's <c>endorsements</c> for a key (JwtBearer does not read them); null when the key is absent.</summary>
    private async Task<string[]?> EndorsementsAsync(string keyId, CancellationToken cancellationToken)
    {
        if (IsFresh() && endorsements.TryGetValue(keyId, out var known))
        {
            return known;
        }

        await endorsementsLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (time.GetUtcNow() - endorsementsFetchedAt > EndorsementsMinimumRefresh || !IsFresh())
            {
                var configuration = await botFrameworkMetadata.GetConfigurationAsync(cancellationToken).ConfigureAwait(false);
                var jwks = await retriever.GetDocumentAsync(configuration.JwksUri, cancellationToken).ConfigureAwait(false);
                endorsements = ParseEndorsements(jwks);
                endorsementsFetchedAt = time.GetUtcNow();
            }
        }
        finally
        {
            endorsementsLock.Release();
        }

        return endorsements.TryGetValue(keyId, out var found) ? found : null;
    }

    private bool IsFresh() => time.GetUtcNow() - endorsementsFetchedAt < EndorsementsLifetime;

    internal static ConcurrentDictionary<string, string[]> ParseEndorsements(string jwks)
    {
        var map = new ConcurrentDictionary<string, string[]>(StringComparer.Ordinal);
        using var document = JsonDocument.Parse(jwks);
        if (!document.RootElement.TryGetProperty("keys", out var keys) || keys.ValueKind != JsonValueKind.Array)
        {
            return map;
        }

        foreach (var key in keys.EnumerateArray())
        {
            if (key.TryGetProperty("kid", out var kid) && kid.ValueKind == JsonValueKind.String)
            {
                map[kid.GetString()!] = key.TryGetProperty("endorsements", out var list) && list.ValueKind == JsonValueKind.Array
                    ? list.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!).ToArray()
                    : [];
            }
        }

        return map;
    }
}
