using System.Security.Cryptography;
using System.Text;
using Azure.Core;
using TalkBot.Bot.Storage.Tables;
using TalkBot.Bot.Tests.Support;

namespace TalkBot.Bot.Tests.Storage;

public sealed class TableAuthenticationTests
{
    [Fact]
    public void SharedKeyLite_SignsDateAndAccountQualifiedPath()
    {
        var key = Convert.ToBase64String(Encoding.UTF8.GetBytes("not-a-real-key-0123456789"));
        var credential = new TableSharedKeyCredential("devstoreaccount1", key);
        var uri = new Uri("http://127.0.0.1:10002/devstoreaccount1/Talks(PartitionKey='a',RowKey='b')?$select=x");
        const string date = "Sun, 22 Nov 2026 12:00:00 GMT";

        var signature = SharedKeyLitePolicy.Sign(credential, date, uri);

        // The documented string-to-sign: date, newline, "/" + account + path (Azurite's path already names the account).
        var expectedInput = "Sun, 22 Nov 2026 12:00:00 GMT\n/devstoreaccount1/devstoreaccount1/Talks(PartitionKey='a',RowKey='b')";
        using var hmac = new HMACSHA256(Convert.FromBase64String(key));
        Assert.Equal(Convert.ToBase64String(hmac.ComputeHash(Encoding.UTF8.GetBytes(expectedInput))), signature);
    }

    [Fact]
    public void ConnectionString_ForDevelopmentStorage_PointsAtAzurite()
    {
        var connection = TableConnection.Parse("UseDevelopmentStorage=true");

        Assert.Equal("http://127.0.0.1:10002/devstoreaccount1", connection.Endpoint.ToString().TrimEnd('/'));
        Assert.Equal("devstoreaccount1", connection.Credential.AccountName);
    }

    [Fact]
    public void ConnectionString_ForAnAccount_BuildsTheTableEndpoint()
    {
        var key = Convert.ToBase64String(new byte[32]);

        var connection = TableConnection.Parse($"DefaultEndpointsProtocol=https;AccountName=talkbotprod;AccountKey={key};EndpointSuffix=core.chinacloudapi.cn");

        Assert.Equal("https://talkbotprod.table.core.chinacloudapi.cn/", connection.Endpoint.ToString());
    }

    [Fact]
    public async Task TokenCredential_SendsABearerTokenForStorage()
    {
        var http = new FakeHttpMessageHandler().On(_ => true, _ => new HttpResponseMessage(System.Net.HttpStatusCode.NoContent));
        var credential = new FixedCredential();
        var options = new TableClientOptions { Transport = new Azure.Core.Pipeline.HttpClientTransport(new HttpClient(http)) };
        var table = new TableServiceClient(new Uri("https://talkbotprod.table.core.windows.net"), credential, options).GetTableClient("Talks");

        await table.DeleteEntityAsync("a", "b");

        Assert.Equal("Bearer storage-token", http.Requests.Single().Authorization);
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
