namespace TalkBot.Bot.Infrastructure.Connector;

/// <summary>
/// The bot's identity, read from the configuration root with the Bot Framework's key names, so that the Azure Bot
/// deployment guides apply as written: <c>MicrosoftAppId</c>, <c>MicrosoftAppPassword</c>, <c>MicrosoftAppTenantId</c>,
/// <c>MicrosoftAppType</c>.
/// </summary>
public sealed class BotConnectorOptions
{
    /// <summary>The bot's Entra app (client) id. Empty means local development: no tokens in or out (PROTOCOL §1).</summary>
    public string? MicrosoftAppId { get; set; }

    /// <summary>The client secret (SingleTenant / MultiTenant). Never in the repository: environment or a key vault.</summary>
    public string? MicrosoftAppPassword { get; set; }

    /// <summary>The bot's tenant: the token authority for SingleTenant bots (PROTOCOL §2).</summary>
    public string? MicrosoftAppTenantId { get; set; }

    /// <summary><c>SingleTenant</c> (default; new registrations), <c>MultiTenant</c> (legacy) or <c>UserAssignedMSI</c>.</summary>
    public string MicrosoftAppType { get; set; } = "SingleTenant";

    /// <summary>The Bot Framework OpenID metadata for inbound tokens (PROTOCOL §1). Tests point it at a local copy.</summary>
    public string OpenIdMetadataUrl { get; set; } = "https://login.botframework.com/v1/.well-known/openidconfiguration";

    /// <summary>The Entra metadata for tokens issued by Entra (Agents Playground with credentials, PROTOCOL §1 and §7).</summary>
    public string EntraOpenIdMetadataUrl { get; set; } = "https://login.microsoftonline.com/common/v2.0/.well-known/openid-configuration";

    /// <summary>The authority host for outbound tokens.</summary>
    public string AuthorityHost { get; set; } = "https://login.microsoftonline.com";

    public bool IsAuthenticationEnabled => !string.IsNullOrWhiteSpace(MicrosoftAppId);

    public bool IsManagedIdentity => string.Equals(MicrosoftAppType, "UserAssignedMSI", StringComparison.OrdinalIgnoreCase);

    public bool IsMultiTenant => string.Equals(MicrosoftAppType, "MultiTenant", StringComparison.OrdinalIgnoreCase);
}
