using Azure.Core;
using Azure.Data.Tables;
using TalkBot.Bot.Infrastructure.Storage;
using TalkBot.Bot.Tests.Support;

namespace TalkBot.Bot.Tests.Infrastructure.Storage;

/// <summary>How TalkBot connects to Table Storage: a connection string (Azurite by default), or an endpoint with a token.</summary>
public sealed class TableAuthenticationTests
{
    [Fact]
    public void NoConnectionString_PointsAtAzurite()
    {
        var client = TableStorage.CreateServiceClient(new StorageOptions(), null);

        Assert.Equal("http://127.0.0.1:10002/devstoreaccount1", client.Uri.ToString().TrimEnd('/'));
        Assert.Equal("devstoreaccount1", client.AccountName);
    }

    [Fact]
    public void ConnectionString_ForAnAccount_BuildsTheTableEndpoint()
    {
        var key = Convert.ToBase64String(new byte[32]);

        var client = TableStorage.CreateServiceClient(new StorageOptions(),
            $"DefaultEndpointsProtocol=https;AccountName=talkbotprod;AccountKey={key};EndpointSuffix=core.chinacloudapi.cn");

        Assert.Equal("https://talkbotprod.table.core.chinacloudapi.cn/", client.Uri.ToString());
    }

    [Fact]
    public async Task TableEndpoint_SendsABearerTokenForStorage_AndIgnoresTheConnectionString()
    {
        var http = new FakeHttpMessageHandler().On(_ => true, _ => new HttpResponseMessage(System.Net.HttpStatusCode.NoContent));
        var credential = new FixedCredential();
        var options = new TableClientOptions { Transport = new Azure.Core.Pipeline.HttpClientTransport(new HttpClient(http)) };
        var client = TableStorage.CreateServiceClient(new StorageOptions { TableEndpoint = "https://talkbotprod.table.core.windows.net" },
            TableStorage.DevelopmentStorage, credential, options);

        await client.GetTableClient("Talks").DeleteEntityAsync("a", "b");

        var request = http.Requests.Single();
        Assert.Equal("Bearer storage-token", request.Authorization);
        Assert.StartsWith("https://talkbotprod.table.core.windows.net/", request.Uri.ToString(), StringComparison.Ordinal);
        Assert.Equal(["https://storage.azure.com/.default"], credential.Scopes);
    }

    private sealed class FixedCredential : TokenCredential
    {
        public string[] Scopes { get; private set; } = [];

        public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken)
        {
            Scopes = requestContext.Scopes;
            return new AccessToken("storage-token", DateTimeOffset.UtcNow.AddHours(1));
        }

        public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            ValueTask.FromResult(GetToken(requestContext, cancellationToken));
    }
}
