using System.Text;
using Azure;
using Azure.Core;
using TalkBot.Bot.Storage.Tables;
using TalkBot.Bot.Tests.Infrastructure;

namespace TalkBot.Bot.Tests.Storage;

public enum Colour
{
    Red,
    Green,
}

public sealed class Sample : ITableEntity
{
    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public string? Text { get; set; }
    public bool Flag { get; set; }
    public int Small { get; set; }
    public long Big { get; set; }
    public double Ratio { get; set; }
    public Guid Key { get; set; }
    public DateTimeOffset When { get; set; }
    public DateTime? Day { get; set; }
    public byte[]? Bytes { get; set; }
    public Colour Colour { get; set; }
    public int? Maybe { get; set; }
}

/// <summary>The Table Storage client against a real Azurite.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class TableClientTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private TableClient table = null!;

    public async Task InitializeAsync()
    {
        table = new TableServiceClient(azurite.ConnectionString).GetTableClient("t" + Guid.NewGuid().ToString("N")[..16]);
        await table.CreateIfNotExistsAsync();
    }

    public Task DisposeAsync() => table.DeleteAsync();

    private static Sample New(string pk = "p", string rk = "r") => new()
    {
        PartitionKey = pk,
        RowKey = rk,
        Text = "层级廉政谈话 'quoted' | 记录",
        Flag = true,
        Small = 42,
        Big = 9_007_199_254_740_993,
        Ratio = 0.1,
        Key = Guid.Parse("3f1c2a10-5b6d-4e7f-8a90-1b2c3d4e5f05"),
        When = new DateTimeOffset(2026, 2, 14, 9, 30, 15, 123, TimeSpan.FromHours(8)).AddTicks(4567),
        Day = new DateTime(2026, 10, 10, 0, 0, 0, DateTimeKind.Utc),
        Bytes = [1, 2, 3, 255],
        Colour = Colour.Green,
    };

    private static Sample WithSmall(Sample sample, int small)
    {
        sample.Small = small;
        return sample;
    }

    [Fact]
    public async Task Add_ThenGet_RoundTripsEveryType()
    {
        var sample = New();
        await table.AddEntityAsync(sample);

        var read = (await table.GetEntityAsync<Sample>("p", "r")).Value;

        Assert.Equal(sample.Text, read.Text);
        Assert.True(read.Flag);
        Assert.Equal(42, read.Small);
        Assert.Equal(9_007_199_254_740_993, read.Big);
        Assert.Equal(0.1, read.Ratio);
        Assert.Equal(sample.Key, read.Key);
        Assert.Equal(sample.When, read.When);
        Assert.Equal(sample.Day, read.Day);
        Assert.Equal(sample.Bytes, read.Bytes);
        Assert.Equal(Colour.Green, read.Colour);
        Assert.Null(read.Maybe);
        Assert.NotEqual(default, read.ETag);
        Assert.NotNull(read.Timestamp);
    }

    [Fact]
    public async Task Add_Twice_Fails409()
    {
        await table.AddEntityAsync(New());

        var e = await Assert.ThrowsAsync<RequestFailedException>(() => table.AddEntityAsync(New()));

        Assert.Equal(409, e.Status);
        Assert.Equal("EntityAlreadyExists", e.ErrorCode);
    }

    [Fact]
    public async Task Upsert_MergeKeepsOtherProperties_ReplaceDropsThem()
    {
        await table.AddEntityAsync(New());
        var partial = new TableEntity("p", "r") { ["Small"] = 7 };

        await table.UpsertEntityAsync(partial, TableUpdateMode.Merge);
        var merged = (await table.GetEntityAsync<Sample>("p", "r")).Value;
        await table.UpsertEntityAsync(partial, TableUpdateMode.Replace);
        var replaced = (await table.GetEntityAsync<Sample>("p", "r")).Value;

        Assert.Equal(7, merged.Small);
        Assert.Equal("层级廉政谈话 'quoted' | 记录", merged.Text);
        Assert.Equal(7, replaced.Small);
        Assert.Null(replaced.Text);
    }

    [Fact]
    public async Task Update_WithStaleETag_Fails412_AndChangesNothing()
    {
        var sample = New();
        await table.AddEntityAsync(sample);
        var stale = sample.ETag;
        sample.Small = 1;
        await table.UpdateEntityAsync(sample, sample.ETag, TableUpdateMode.Replace);
        sample.Small = 2;

        var e = await Assert.ThrowsAsync<RequestFailedException>(() => table.UpdateEntityAsync(sample, stale, TableUpdateMode.Replace));

        Assert.Equal(412, e.Status);
        Assert.Equal(1, (await table.GetEntityAsync<Sample>("p", "r")).Value.Small);
    }

    [Fact]
    public async Task Delete_WithETag_RemovesTheEntity_AndGetIfExistsSaysSo()
    {
        var sample = New();
        await table.AddEntityAsync(sample);

        await table.DeleteEntityAsync("p", "r", sample.ETag);

        Assert.False((await table.GetEntityIfExistsAsync<Sample>("p", "r")).HasValue);
        var e = await Assert.ThrowsAsync<RequestFailedException>(() => table.GetEntityAsync<Sample>("p", "r"));
        Assert.Equal(404, e.Status);
    }

    [Fact]
    public async Task Query_FollowsContinuationAcrossPages_WithFilterAndSelect()
    {
        for (var batch = 0; batch < 3; batch++)
        {
            await table.SubmitTransactionAsync(Enumerable.Range(batch * 20, 20)
                .Select(i => new TableTransactionAction(TableTransactionActionType.Add, WithSmall(New("q", i.ToString("D3")), i))));
        }

        var pages = 0;
        var rows = new List<Sample>();
        await foreach (var page in table.QueryAsync<Sample>(TableClient.CreateQueryFilter($"PartitionKey eq {"q"} and Small ge {10}"), maxPerPage: 7, select: ["Small"]).AsPages())
        {
            pages++;
            rows.AddRange(page.Values);
        }

        Assert.Equal(50, rows.Count);
        Assert.True(pages >= 8, $"{pages} pages");
        Assert.All(rows, r => Assert.Null(r.Text));
        Assert.Equal(Enumerable.Range(10, 50), rows.Select(r => r.Small));
    }

    [Fact]
    public async Task CreateQueryFilter_EscapesQuotesAndChinese()
    {
        var odd = New("p", "odd");
        odd.Text = "王's 谈话";
        await table.AddEntityAsync(odd);
        await table.AddEntityAsync(New("p", "plain"));

        var filter = TableClient.CreateQueryFilter($"Text eq {"王's 谈话"}");
        var rows = new List<Sample>();
        await foreach (var row in table.QueryAsync<Sample>(filter))
        {
            rows.Add(row);
        }

        Assert.Equal("Text eq '王''s 谈话'", filter);
        Assert.Equal("odd", Assert.Single(rows).RowKey);
    }

    [Fact]
    public void CreateQueryFilter_FormatsTypedLiterals()
    {
        var filter = TableClient.CreateQueryFilter(
            $"A eq {5L} and B eq {Guid.Empty} and C ge {new DateTimeOffset(2026, 1, 1, 8, 0, 0, TimeSpan.FromHours(8))} and D eq {true} and E eq {2.0} and F eq {0.25}");

        Assert.Equal("A eq 5L and B eq guid'00000000-0000-0000-0000-000000000000' and C ge datetime'2026-01-01T00:00:00.0000000Z' and D eq true and E eq 2.0 and F eq 0.25", filter);
    }

    [Fact]
    public async Task Transaction_OfOneHundred_IsStoredWhole()
    {
        await table.SubmitTransactionAsync(Enumerable.Range(0, 100).Select(i => new TableTransactionAction(TableTransactionActionType.Add, New("b", i.ToString("D3")))));

        var count = 0;
        await foreach (var _ in table.QueryAsync<Sample>(TableClient.CreateQueryFilter($"PartitionKey eq {"b"}")))
        {
            count++;
        }

        Assert.Equal(100, count);
    }

    [Fact]
    public async Task Transaction_WithOneFailingAction_RollsBackAll_AndNamesTheAction()
    {
        await table.AddEntityAsync(New("b", "002"));

        var e = await Assert.ThrowsAsync<TableTransactionFailedException>(() => table.SubmitTransactionAsync(
            Enumerable.Range(0, 4).Select(i => new TableTransactionAction(TableTransactionActionType.Add, New("b", i.ToString("D3"))))));

        Assert.Equal(409, e.Status);
        Assert.Equal(2, e.FailedTransactionActionIndex);
        Assert.Equal("EntityAlreadyExists", e.ErrorCode);
        Assert.False((await table.GetEntityIfExistsAsync<Sample>("b", "000")).HasValue);
    }

    [Fact]
    public async Task Transaction_UpdateWithStaleETag_Fails412()
    {
        var sample = New();
        await table.AddEntityAsync(sample);
        var stale = sample.ETag;
        await table.UpsertEntityAsync(sample, TableUpdateMode.Replace);

        var e = await Assert.ThrowsAsync<TableTransactionFailedException>(() => table.SubmitTransactionAsync(
            [new TableTransactionAction(TableTransactionActionType.UpdateReplace, sample, stale)]));

        Assert.Equal(412, e.Status);
    }

    [Fact]
    public async Task Transaction_OfMoreThanOneHundred_OrTwoPartitions_IsRefusedBeforeSending()
    {
        await Assert.ThrowsAsync<InvalidOperationException>(() => table.SubmitTransactionAsync(
            Enumerable.Range(0, 101).Select(i => new TableTransactionAction(TableTransactionActionType.Add, New("b", i.ToString("D3"))))));
        await Assert.ThrowsAsync<InvalidOperationException>(() => table.SubmitTransactionAsync(
            [new TableTransactionAction(TableTransactionActionType.Add, New("x")), new TableTransactionAction(TableTransactionActionType.Add, New("y"))]));
    }

    [Fact]
    public void UnmappablePropertyType_IsRefusedAtFirstUse()
    {
        Assert.Throws<NotSupportedException>(() => table.QueryAsync<Unmappable>());
    }

    public sealed class Unmappable : ITableEntity
    {
        public string PartitionKey { get; set; } = "";
        public string RowKey { get; set; } = "";
        public DateTimeOffset? Timestamp { get; set; }
        public ETag ETag { get; set; }
        public decimal Money { get; set; }
    }
}
