using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using TalkBot.Bot.Tests.Support;

namespace TalkBot.Bot.Tests.Infrastructure.Connector;

/// <summary>
/// Plays the Bot Framework token service for tests: RSA keys made here, an OpenID metadata document and a JWKS with
/// per-key endorsements served through a fake handler, and tokens signed with those keys.
/// </summary>
public sealed class TokenIssuer : IDisposable
{
    public const string MetadataUrl = "https://login.test.local/v1/.well-known/openidconfiguration";
    public const string JwksUrl = "https://login.test.local/v1/.well-known/keys";
    public const string Issuer = "https://api.botframework.com";
    public const string AppId = "11111111-2222-3333-4444-555555555555";
    public const string ServiceUrl = "https://smba.trafficmanager.net/teams/";
    public const string TenantId = "t1";
    public const string EntraMetadataUrl = "https://login.test.local/common/v2.0/.well-known/openid-configuration";

    /// <summary>The issuer Entra gives a v2.0 token of <paramref name="tenant"/>.</summary>
    public static string EntraIssuer(string tenant) => $"https://login.microsoftonline.com/{tenant}/v2.0";

    private readonly RSA teamsKey = RSA.Create(2048);
    private readonly RSA webchatOnlyKey = RSA.Create(2048);
    private readonly RSA unknownKey = RSA.Create(2048);

    public TokenIssuer()
    {
        var jwks = new JsonObject
        {
            ["keys"] = new JsonArray(Jwk(teamsKey, "teams-key", "msteams", "webchat"), Jwk(webchatOnlyKey, "webchat-key", "webchat")),
        };
        var metadata = new JsonObject
        {
            ["issuer"] = Issuer,
            ["jwks_uri"] = JwksUrl,
            ["id_token_signing_alg_values_supported"] = new JsonArray("RS256"),
            ["token_endpoint_auth_methods_supported"] = new JsonArray("private_key_jwt"),
        };
        var entraMetadata = new JsonObject
        {
            ["issuer"] = "https://login.microsoftonline.com/{tenantid}/v2.0",
            ["jwks_uri"] = JwksUrl,
            ["id_token_signing_alg_values_supported"] = new JsonArray("RS256"),
        };
        Metadata = new FakeHttpMessageHandler()
            .OnGet(MetadataUrl, metadata.ToJsonString()).OnGet(EntraMetadataUrl, entraMetadata.ToJsonString()).OnGet(JwksUrl, jwks.ToJsonString());
    }

    public FakeHttpMessageHandler Metadata { get; }

    public enum Key { Teams, WebchatOnly, Unknown }

    public string Token(
        Key key = Key.Teams,
        string issuer = Issuer,
        string audience = AppId,
        string? serviceUrl = ServiceUrl,
        TimeSpan? expiresIn = null,
        TimeSpan? notBeforeIn = null,
        IReadOnlyDictionary<string, object>? claims = null)
    {
        var now = DateTime.UtcNow;
        var (rsa, kid) = key switch
        {
            Key.Teams => (teamsKey, "teams-key"),
            Key.WebchatOnly => (webchatOnlyKey, "webchat-key"),
            _ => (unknownKey, "unknown-key"),
        };
        var payload = new Dictionary<string, object>(claims ?? new Dictionary<string, object>());
        if (serviceUrl is not null)
        {
            payload["serviceurl"] = serviceUrl;
        }

        var notBefore = now + (notBeforeIn ?? TimeSpan.FromMinutes(-5));
        var expires = now + (expiresIn ?? TimeSpan.FromMinutes(30));
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            IssuedAt = notBefore,
            NotBefore = notBefore,
            Expires = expires,
            Claims = payload,
            SigningCredentials = new SigningCredentials(new RsaSecurityKey(rsa) { KeyId = kid }, SecurityAlgorithms.RsaSha256),
        });
    }

    /// <summary>A v2.0 token Entra issues in <paramref name="tenant"/> to the bot's own app (the Playground with credentials).</summary>
    public string EntraToken(string tenant = TenantId, string? serviceUrl = null) => Token(
        issuer: EntraIssuer(tenant),
        serviceUrl: serviceUrl,
        claims: new Dictionary<string, object> { ["ver"] = "2.0", ["azp"] = AppId, ["tid"] = tenant });

    /// <summary>A token with <c>alg: none</c> and no signature.</summary>
    public static string Unsigned(string audience = AppId)
    {
        static string B64(string json) => Base64UrlEncoder.Encode(Encoding.UTF8.GetBytes(json));
        var exp = DateTimeOffset.UtcNow.AddMinutes(30).ToUnixTimeSeconds();
        return $"{B64("{\"alg\":\"none\",\"typ\":\"JWT\"}")}.{B64($"{{\"iss\":\"{Issuer}\",\"aud\":\"{audience}\",\"exp\":{exp},\"serviceurl\":\"{ServiceUrl}\"}}")}.";
    }

    private static JsonObject Jwk(RSA rsa, string kid, params string[] endorsements)
    {
        var p = rsa.ExportParameters(false);
        return new JsonObject
        {
            ["kty"] = "RSA",
            ["use"] = "sig",
            ["kid"] = kid,
            ["n"] = Base64UrlEncoder.Encode(p.Modulus!),
            ["e"] = Base64UrlEncoder.Encode(p.Exponent!),
            ["endorsements"] = new JsonArray([.. endorsements.Select(e => (JsonNode)e)]),
        };
    }

    public void Dispose()
    {
        teamsKey.Dispose();
        webchatOnlyKey.Dispose();
        unknownKey.Dispose();
    }
}
