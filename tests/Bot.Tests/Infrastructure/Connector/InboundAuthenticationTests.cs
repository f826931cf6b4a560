using System.Net;
using Microsoft.Extensions.Configuration;

namespace TalkBot.Bot.Tests.Infrastructure.Connector;

public sealed class InboundAuthenticationTests : IDisposable
{
    private readonly TokenIssuer issuer = new();

    public void Dispose() => issuer.Dispose();

    [Fact]
    public async Task ValidToken_IsAccepted_AndReachesTheHandler()
    {
        await using var host = await ConnectorHost.StartAsync(issuer, TokenIssuer.AppId);

        var response = await host.PostAsync(Activities.Message(), issuer.Token());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Single(host.Handler.Seen);
    }

    public static TheoryData<string, string> BadTokens() => new()
    {
        { "expired", "expired" },
        { "not yet valid", "future" },
        { "wrong audience", "audience" },
        { "wrong issuer", "issuer" },
        { "unsigned", "unsigned" },
        { "signed by an unknown key", "unknown-key" },
        { "serviceurl of another service", "serviceurl" },
        { "no serviceurl claim", "no-serviceurl" },
        { "key not endorsed for msteams", "unendorsed" },
        { "garbage", "garbage" },
    };

    [Theory]
    [MemberData(nameof(BadTokens))]
    public async Task BadToken_IsRejectedWith401_AndTheHandlerIsNotCalled(string because, string kind)
    {
        await using var host = await ConnectorHost.StartAsync(issuer, TokenIssuer.AppId);
        var token = kind switch
        {
            "expired" => issuer.Token(expiresIn: TimeSpan.FromMinutes(-10), notBeforeIn: TimeSpan.FromMinutes(-60)),
            "future" => issuer.Token(notBeforeIn: TimeSpan.FromMinutes(20), expiresIn: TimeSpan.FromMinutes(60)),
            "audience" => issuer.Token(audience: "99999999-9999-9999-9999-999999999999"),
            "issuer" => issuer.Token(issuer: "https://evil.example"),
            "unsigned" => TokenIssuer.Unsigned(),
            "unknown-key" => issuer.Token(TokenIssuer.Key.Unknown),
            "serviceurl" => issuer.Token(serviceUrl: "https://attacker.example/"),
            "no-serviceurl" => issuer.Token(serviceUrl: null),
            "unendorsed" => issuer.Token(TokenIssuer.Key.WebchatOnly),
            _ => "not.a.token",
        };

        var response = await host.PostAsync(Activities.Message(), token);

        Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, because);
        Assert.Empty(host.Handler.Seen);
    }

    [Fact]
    public async Task MissingAuthorization_WithAnAppId_IsRejected()
    {
        await using var host = await ConnectorHost.StartAsync(issuer, TokenIssuer.AppId);

        var response = await host.PostAsync(Activities.Message());

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(host.Handler.Seen);
    }

    [Fact]
    public async Task WrongScheme_IsRejected()
    {
        await using var host = await ConnectorHost.StartAsync(issuer, TokenIssuer.AppId);

        var response = await host.PostAsync(Activities.Message(), issuer.Token(), scheme: "Basic");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task NoAppId_FromLoopback_IsAcceptedWithoutToken()
    {
        await using var host = await ConnectorHost.StartAsync(null, appId: null, remote: IPAddress.Loopback);

        var response = await host.PostAsync(Activities.Message(Activities.LocalServiceUrl));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Single(host.Handler.Seen);
    }

    [Fact]
    public async Task NoAppId_FromAnotherMachine_IsRejected()
    {
        await using var host = await ConnectorHost.StartAsync(null, appId: null, remote: IPAddress.Parse("10.1.2.3"));

        var response = await host.PostAsync(Activities.Message(Activities.LocalServiceUrl));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(host.Handler.Seen);
    }
}

public sealed class ConnectorConfigurationTests
{
    [Fact]
    public void AppIdWithoutSecret_RefusesToStart()
    {
        var configuration = new Microsoft.Extensions.Configuration.ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["MicrosoftAppId"] = TokenIssuer.AppId })
            .Build();

        var e = Assert.Throws<InvalidOperationException>(() =>
            TalkBot.Bot.Infrastructure.Connector.BotMessagesEndpoint.AddBotConnector(new Microsoft.Extensions.DependencyInjection.ServiceCollection(), configuration));

        Assert.Contains("MicrosoftAppPassword", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ManagedIdentity_NeedsNoSecret()
    {
        var configuration = new Microsoft.Extensions.Configuration.ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["MicrosoftAppId"] = TokenIssuer.AppId, ["MicrosoftAppType"] = "UserAssignedMSI", ["MicrosoftAppTenantId"] = TokenIssuer.TenantId,
            })
            .Build();

        var services = TalkBot.Bot.Infrastructure.Connector.BotMessagesEndpoint.AddBotConnector(new Microsoft.Extensions.DependencyInjection.ServiceCollection(), configuration);

        Assert.NotEmpty(services);
    }
}
