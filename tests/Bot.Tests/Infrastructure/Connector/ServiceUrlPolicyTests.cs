using TalkBot.Bot.Infrastructure.Connector;

namespace TalkBot.Bot.Tests.Infrastructure.Connector;

public sealed class ServiceUrlPolicyTests
{
    private static ServiceUrlPolicy WithAppId(params string[] hosts) =>
        new(new BotConnectorOptions { MicrosoftAppId = "app" }, new EdgeOptions { ServiceHosts = hosts });

    private static readonly ServiceUrlPolicy Development = new(new BotConnectorOptions(), new EdgeOptions());

    [Theory]
    [InlineData("https://smba.trafficmanager.net/teams/")]
    [InlineData("https://smba.trafficmanager.net/amer/")]
    [InlineData("https://SMBA.trafficmanager.net/emea/")]
    [InlineData("https://smba.infra.gcc.teams.microsoft.com/gcc")]
    [InlineData("https://smba.infra.gov.teams.microsoft.us/gcch")]
    [InlineData("https://smba.infra.dod.teams.microsoft.us/teams")]
    public void WithAnAppId_TheTeamsServiceHosts_AreFollowedByDefault(string url) => Assert.Null(WithAppId().Check(url));

    [Theory]
    [InlineData("http://smba.trafficmanager.net/teams/", "https")]
    [InlineData("https://smba.trafficmanager.net:8443/teams/", "https")]
    [InlineData("https://smba.trafficmanager.net.attacker.example/", "allowed Teams service host")]
    [InlineData("https://attacker.example/smba.trafficmanager.net/", "allowed Teams service host")]
    [InlineData("http://localhost:56150/_connector", "allowed Teams service host")]
    [InlineData("https://smba.trafficmanager.net/teams/?x=1", "query")]
    public void WithAnAppId_OtherUrls_AreRefused(string url, string reason) =>
        Assert.Contains(reason, WithAppId().Check(url), StringComparison.Ordinal);

    [Fact]
    public void Wildcard_CoversSubdomainsOnly()
    {
        var policy = WithAppId("*.bots.example");

        Assert.Null(policy.Check("https://eu.bots.example/"));
        Assert.NotNull(policy.Check("https://bots.example/"));
        Assert.NotNull(policy.Check("https://evilbots.example/"));
        Assert.NotNull(policy.Check("https://smba.trafficmanager.net/teams/"));
    }

    [Theory]
    [InlineData("http://localhost:56150/_connector")]
    [InlineData("http://127.0.0.1:3979/")]
    [InlineData("http://[::1]:5000/")]
    public void WithoutAnAppId_ThisMachine_IsFollowed(string url) => Assert.Null(Development.Check(url));

    [Theory]
    [InlineData("https://smba.trafficmanager.net/teams/")]
    [InlineData("http://10.0.0.5/")]
    [InlineData("http://localhost.attacker.example/")]
    public void WithoutAnAppId_OtherMachines_AreRefused(string url) => Assert.NotNull(Development.Check(url));

    [Fact]
    public async Task ConnectorClient_DoesNotCallARefusedServiceUrl_NorSendItsToken()
    {
        var http = new TalkBot.Bot.Tests.Support.FakeHttpMessageHandler();
        var client = new ConnectorClient(new HttpClient(http), new NoBotTokenProvider(), WithAppId());

        var e = await Assert.ThrowsAsync<ConnectorException>(() =>
            client.SendToConversationAsync("https://attacker.example/", "a:1", new Activity { Type = "message" }, default));

        Assert.Equal(403, e.StatusCode);
        Assert.Empty(http.Requests);
    }
}
