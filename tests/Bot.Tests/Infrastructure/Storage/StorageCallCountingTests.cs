using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using TalkBot.Bot.Infrastructure.Sending;
using TalkBot.Bot.Infrastructure.Storage;
using TalkBot.Bot.Tests.Support;

namespace TalkBot.Bot.Tests.Infrastructure.Storage;

/// <summary>
/// Storage:CountCalls on the whole bot against Azurite: a response says how many storage requests its own request made,
/// and /debug/storage-calls the totals per table. Scheduler and outbox loop are off here, so nothing else calls storage.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class StorageCallCountingTests(AzuriteFixture azurite)
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 2, 0, 0, TimeSpan.Zero);
    private static readonly Dictionary<string, string> Counting = new() { ["Storage:CountCalls"] = "true" };

    [Fact]
    public async Task Header_CountsTheStorageCallsOfItsOwnRequest()
    {
        await using var bot = new BotUnderTest(azurite, Now, settings: Counting);
        var counter = bot.Services.GetRequiredService<StorageCallCounter>();
        await bot.SettleAsync();
        var before = counter.Foreground;

        // The first message from someone: their conversation reference is read and stored.
        using var response = await bot.PostAsync(Person.Cadre1.Activity("message"));

        var header = int.Parse(response.Headers.GetValues(StorageCallCounting.Header).Single(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(header > 0, "a first message stores the conversation reference at least");
        // What it left running, and the store's upgrades, call storage in the background lane, before it answers or after.
        Assert.Equal(counter.Foreground - before, header);
    }

    [Fact]
    public async Task Header_IsZero_ForARequestThatCallsNoStorage_AfterOneThatDid()
    {
        await using var bot = new BotUnderTest(azurite, Now, settings: Counting);
        Assert.Equal(HttpStatusCode.OK, await bot.InstallAsync(Person.Cadre1));
        using var client = bot.CreateClient();

        using var response = await client.GetAsync("/healthz");

        Assert.Equal("0", response.Headers.GetValues(StorageCallCounting.Header).Single());
    }

    [Fact]
    public async Task DebugEndpoint_AnswersTheTotal_PerTableWithoutThePrefix()
    {
        await using var bot = new BotUnderTest(azurite, Now, settings: Counting);
        Assert.Equal(HttpStatusCode.OK, await bot.InstallAsync(Person.Cadre1));
        using var client = bot.CreateClient();

        using var body = JsonDocument.Parse(await client.GetStringAsync(StorageCallCounting.DebugPath));

        var total = body.RootElement.GetProperty("total").GetInt64();
        var byTable = body.RootElement.GetProperty("byTable").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetInt64());
        Assert.Equal(bot.Services.GetRequiredService<StorageCallCounter>().Total, total);
        Assert.Equal(total, byTable.Values.Sum());
        Assert.True(byTable.GetValueOrDefault(ConversationReferences.Table) > 0);
        Assert.DoesNotContain(byTable.Keys, name => name.StartsWith(bot.TablePrefix, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Off_ByDefault_NoHeaderAndNoEndpoint()
    {
        await using var bot = new BotUnderTest(azurite, Now);
        using var client = bot.CreateClient();

        using var health = await client.GetAsync("/healthz");
        using var debug = await client.GetAsync(StorageCallCounting.DebugPath);

        Assert.False(health.Headers.Contains(StorageCallCounting.Header));
        Assert.Equal(HttpStatusCode.NotFound, debug.StatusCode);
        Assert.Null(bot.Services.GetService<StorageCallCounter>());
    }

    [Theory]
    [InlineData("http://127.0.0.1:10002/devstoreaccount1/pfxTalks(PartitionKey='t1',RowKey='ack%7Cp1')", "Talks")]
    [InlineData("https://account.table.core.windows.net/pfxOutbox()?$filter=x", "Outbox")]
    [InlineData("http://127.0.0.1:10002/devstoreaccount1/Tables", "Tables")]
    [InlineData("http://127.0.0.1:10002/devstoreaccount1/$batch", StorageCallCounter.Transactions)]
    public void TableOf_NamesTheTableWithoutThePrefix(string uri, string table) =>
        Assert.Equal(table, new StorageCallCounter("pfx").TableOf(new Uri(uri)));
}
