using Microsoft.Extensions.Configuration;
using System.Net;

namespace TalkBot.Bot.Tests.Infrastructure.Connector;

/// <summary>Issue 16: tokens and activities bound to the bot's tenant(s); Entra tokens never skip the serviceurl check.</summary>
public sealed class TenantBindingTests : IDisposable
{
    private const string OtherTenant = "t-other";
    private readonly TokenIssuer issuer = new();

    public void Dispose() => issuer.Dispose();

    private static string MessageOf(string tenant, string serviceUrl = TokenIssuer.ServiceUrl) =>
        Activities.Message(serviceUrl).Replace("\"tenantId\":\"t1\"", $"\"tenantId\":\"{tenant}\"", StringComparison.Ordinal);

    [Fact]
    public async Task BotFrameworkToken_ForAnActivityOfTheBotsTenant_IsAccepted()
    {
        await using var host = await ConnectorHost.StartAsync(issuer, TokenIssuer.AppId);

        var response = await host.PostAsync(MessageOf(TokenIssuer.TenantId), issuer.Token());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Single(host.Handler.Seen);
    }

    [Fact]
    public async Task SingleTenant_ActivityOfAnotherTenant_IsRejected()
    {
        await using var host = await ConnectorHost.StartAsync(issuer, TokenIssuer.AppId);

        var response = await host.PostAsync(MessageOf(OtherTenant), issuer.Token());

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(host.Handler.Seen);
    }

    [Fact]
    public async Task SingleTenant_ActivityNamingNoTenant_IsRejected()
    {
        await using var host = await ConnectorHost.StartAsync(issuer, TokenIssuer.AppId);

        var response = await host.PostAsync(Activities.Message().Replace(",\"tenantId\":\"t1\"", "", StringComparison.Ordinal), issuer.Token());

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task ConfiguredTenants_AreServedToo()
    {
        await using var host = await ConnectorHost.StartAsync(issuer, TokenIssuer.AppId,
            settings: new Dictionary<string, string?> { ["Connector:Tenants:0"] = OtherTenant });

        var response = await host.PostAsync(MessageOf(OtherTenant), issuer.Token());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task LegacyMultiTenant_WithoutAList_ServesAnyTenant()
    {
        await using var host = await ConnectorHost.StartAsync(issuer, TokenIssuer.AppId,
            settings: new Dictionary<string, string?> { ["MicrosoftAppType"] = "MultiTenant", ["MicrosoftAppTenantId"] = "" });

        var response = await host.PostAsync(MessageOf(OtherTenant), issuer.Token());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task EntraToken_OfTheBotsTenant_WithAMatchingServiceUrlClaim_IsAccepted()
    {
        await using var host = await ConnectorHost.StartAsync(issuer, TokenIssuer.AppId);

        var response = await host.PostAsync(MessageOf(TokenIssuer.TenantId), issuer.EntraToken(serviceUrl: TokenIssuer.ServiceUrl));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task EntraToken_IssuedInAnotherTenant_IsRejected()
    {
        // Before issue 16 the issuer of whatever tenant the token named for itself was accepted.
        await using var host = await ConnectorHost.StartAsync(issuer, TokenIssuer.AppId);

        var response = await host.PostAsync(MessageOf(TokenIssuer.TenantId), issuer.EntraToken(OtherTenant, serviceUrl: TokenIssuer.ServiceUrl));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(host.Handler.Seen);
    }

    [Fact]
    public async Task EntraToken_WithoutServiceUrlClaim_CannotNameATeamsServiceUrl()
    {
        await using var host = await ConnectorHost.StartAsync(issuer, TokenIssuer.AppId);

        var response = await host.PostAsync(MessageOf(TokenIssuer.TenantId), issuer.EntraToken());

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(host.Handler.Seen);
    }

    [Fact]
    public async Task EntraToken_WithAnotherServiceUrlClaim_IsRejected()
    {
        await using var host = await ConnectorHost.StartAsync(issuer, TokenIssuer.AppId);

        var response = await host.PostAsync(MessageOf(TokenIssuer.TenantId), issuer.EntraToken(serviceUrl: "https://smba.trafficmanager.net/emea/"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task EntraToken_WithoutServiceUrlClaim_IsTakenForThePlaygroundOnThisMachine()
    {
        await using var host = await ConnectorHost.StartAsync(issuer, TokenIssuer.AppId,
            settings: new Dictionary<string, string?> { ["Connector:ServiceHosts:0"] = "localhost" });

        var response = await host.PostAsync(MessageOf(TokenIssuer.TenantId, Activities.LocalServiceUrl), issuer.EntraToken());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task ValidToken_ForAServiceUrlOffTheAllowList_IsForbidden()
    {
        const string elsewhere = "https://attacker.example/teams/";
        await using var host = await ConnectorHost.StartAsync(issuer, TokenIssuer.AppId);

        var response = await host.PostAsync(MessageOf(TokenIssuer.TenantId, elsewhere), issuer.Token(serviceUrl: elsewhere));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("allowed Teams service host", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(host.Handler.Seen);
    }

    [Fact]
    public async Task ValidToken_ForAServiceHostAddedToTheList_IsAccepted()
    {
        const string regional = "https://teams.contoso-bots.example/amer/";
        await using var host = await ConnectorHost.StartAsync(issuer, TokenIssuer.AppId,
            settings: new Dictionary<string, string?> { ["Connector:ServiceHosts:0"] = "*.contoso-bots.example" });

        var response = await host.PostAsync(MessageOf(TokenIssuer.TenantId, regional), issuer.Token(serviceUrl: regional));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public void SingleTenant_WithoutATenantId_RefusesToStart()
    {
        var configuration = new Microsoft.Extensions.Configuration.ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["MicrosoftAppId"] = TokenIssuer.AppId, ["MicrosoftAppPassword"] = "x" })
            .Build();

        var e = Assert.Throws<InvalidOperationException>(() =>
            TalkBot.Bot.Infrastructure.Connector.BotMessagesEndpoint.AddBotConnector(new Microsoft.Extensions.DependencyInjection.ServiceCollection(), configuration));

        Assert.Contains("MicrosoftAppTenantId", e.Message, StringComparison.Ordinal);
    }
}
