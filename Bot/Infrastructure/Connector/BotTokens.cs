using Azure.Core;
using Azure.Identity;
using Microsoft.Identity.Client;

namespace TalkBot.Bot.Infrastructure.Connector;

/// <summary>The bearer token for calls to the Connector (PROTOCOL §2); null when the bot runs without an identity.</summary>
public interface IBotTokenProvider
{
    Task<string?> GetTokenAsync(CancellationToken cancellationToken);
}

/// <summary>Local development: the Agents Playground accepts Connector calls without a token (PROTOCOL §7).</summary>
public sealed class NoBotTokenProvider : IBotTokenProvider
{
    public Task<string?> GetTokenAsync(CancellationToken cancellationToken) => Task.FromResult<string?>(null);
}

/// <summary>
/// Client credentials with MSAL against the bot's tenant authority (PROTOCOL §2: multi-tenant registration is
/// deprecated, so SingleTenant uses <c>MicrosoftAppTenantId</c>; legacy MultiTenant uses <c>botframework.com</c>).
/// MSAL caches the token and renews it before it expires.
/// </summary>
public sealed class MsalBotTokenProvider : IBotTokenProvider
{
    internal const string Scope = "https://api.botframework.com/.default";
    private readonly IConfidentialClientApplication app;

    public MsalBotTokenProvider(BotConnectorOptions options)
    {
        var tenant = options.IsMultiTenant || string.IsNullOrWhiteSpace(options.MicrosoftAppTenantId)
            ? "botframework.com"
            : options.MicrosoftAppTenantId;
        Authority = $"{options.AuthorityHost.TrimEnd('/')}/{tenant}";
        app = ConfidentialClientApplicationBuilder.Create(options.MicrosoftAppId)
            .WithClientSecret(options.MicrosoftAppPassword ?? throw new InvalidOperationException("MicrosoftAppPassword is required for a SingleTenant or MultiTenant bot."))
            .WithAuthority(Authority)
            .Build();
    }

    public string Authority { get; }

    public async Task<string?> GetTokenAsync(CancellationToken cancellationToken)
    {
        var result = await app.AcquireTokenForClient([Scope]).ExecuteAsync(cancellationToken).ConfigureAwait(false);
        return result.AccessToken;
    }
}

/// <summary>A user-assigned managed identity (<c>MicrosoftAppType=UserAssignedMSI</c>): no secret at all.</summary>
public sealed class ManagedIdentityBotTokenProvider(BotConnectorOptions options) : IBotTokenProvider
{
    private readonly ManagedIdentityCredential credential = new(ManagedIdentityId.FromUserAssignedClientId(options.MicrosoftAppId));

    public async Task<string?> GetTokenAsync(CancellationToken cancellationToken)
    {
        var token = await credential.GetTokenAsync(new TokenRequestContext([MsalBotTokenProvider.Scope]), cancellationToken).ConfigureAwait(false);
        return token.Token;
    }
}
