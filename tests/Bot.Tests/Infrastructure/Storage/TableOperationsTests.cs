using Azure;
using Azure.Data.Tables;
using TalkBot.Bot.Infrastructure.Storage;
using TalkBot.Bot.Tests.Support;

namespace TalkBot.Bot.Tests.Infrastructure.Storage;

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

/// <summary>
/// Azure.Data.Tables against a real Azurite, with what TalkBot adds to it (<see cref="TableOperations"/>,
/// <see cref="TableFilter"/>, <see cref="TableEntityTypes"/>): each test names an SDK fact the product relies on or guards.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class TableOperationsTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private TableClient table = null!;

    public async Task InitializeAsync()
    {
        table = new TableServiceClient(azurite.ConnectionString).GetTableClient("t" + Guid.NewGuid().ToString("N")[..16]);
        await table.CreateIfNotExistsAsync();
    }

    public async Task DisposeAsync() => await table.DeleteAsync();

    private static Sample New(string pk = "p", string rk = "r", int small = 42) => new()
    {
        PartitionKey = pk,
        RowKey = rk,
        Text = "层级廉政谈话 'quoted' | 记录",
        Flag = true,
        Small = small,
        Big = 9_007_199_254_740_993,
        Ratio = 0.1,
        Key = Guid.Parse("3f1c2a10-5b6d-4e7f-8a90-1b2c3d4e5f05"),
        When = new DateTimeOffset(2026, 2, 14, 9, 30, 15, 123, TimeSpan.FromHours(8)).AddTicks(4567),
        Day = new DateTime(2026, 10, 10, 0, 0, 0, DateTimeKind.Utc),
        Bytes = [1, 2, 3, 255],
        Colour = Colour.Green,
    };

    [Fact]
    public async Task Add_ThenFind_RoundTripsEveryTypeTalkBotStores()
    {
        var sample = New();
        Assert.True(await table.TryAddAsync(sample, default));

        var read = await table.FindAsync<Sample>("p", "r", default);

        Assert.NotNull(read);
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
        Assert.Equal(sample.ETag, read.ETag);
        Assert.Null(await table.FindAsync<Sample>("p", "absent", default));
    }

    [Fact]
    public async Task TryAdd_Twice_IsFalseTheSecondTime()
    {
        Assert.True(await table.TryAddAsync(New(), default));
        Assert.False(await table.TryAddAsync(New(), default));
    }

    [Fact]
    public async Task SdkUpdate_DoesNotWriteTheNewETagBack_TryUpdateDoes()
    {
        var sample = New();
        await table.AddEntityAsync(sample);
        var read = (await table.GetEntityAsync<Sample>("p", "r")).Value;
        var first = read.ETag;

        read.Small = 1;
        await table.UpdateEntityAsync(read, read.ETag, TableUpdateMode.Replace);
        Assert.Equal(first, read.ETag); // the SDK leaves the old one in the entity

        read = (await table.GetEntityAsync<Sample>("p", "r")).Value;
        read.Small = 2;
        Assert.True(await table.TryUpdateAsync(read, default));
        read.Small = 3;
        // A lease claimed by an update is renewed by the next: it works only because the ETag was written back.
        Assert.True(await table.TryUpdateAsync(read, default));
        Assert.Equal(3, (await table.FindAsync<Sample>("p", "r", default))!.Small);
    }

    [Fact]
    public async Task TryUpdate_WithAStaleETag_IsFalse_AndChangesNothing()
    {
        var sample = New();
        await table.AddEntityAsync(sample);
        var stale = (await table.GetEntityAsync<Sample>("p", "r")).Value;
        var fresh = (await table.GetEntityAsync<Sample>("p", "r")).Value;
        fresh.Small = 1;
        Assert.True(await table.TryUpdateAsync(fresh, default));

        stale.Small = 2;
        Assert.False(await table.TryUpdateAsync(stale, default));
        Assert.Equal(1, (await table.FindAsync<Sample>("p", "r", default))!.Small);
    }

    [Fact]
    public async Task SdkUpdate_WithADefaultETag_Throws_AndTryUpdateRefusesItBeforeSending()
    {
        await table.AddEntityAsync(New());
        var neverRead = New(small: 7);

        await Assert.ThrowsAnyAsync<ArgumentException>(() => table.UpdateEntityAsync(neverRead, default, TableUpdateMode.Replace));
        var e = await Assert.ThrowsAsync<ArgumentException>(() => table.TryUpdateAsync(neverRead, default));

        Assert.Contains("no ETag", e.Message, StringComparison.Ordinal);
        Assert.Equal(42, (await table.FindAsync<Sample>("p", "r", default))!.Small);
    }

    [Fact]
    public async Task Transaction_WritesEachNewETagBack()
    {
        var head = New("b", "head");
        await table.AddEntityAsync(head);
        head = (await table.GetEntityAsync<Sample>("b", "head")).Value;
        var part = New("b", "part");
        head.Small = 1;

        await table.SubmitAsync([new(TableTransactionActionType.UpdateReplace, head, head.ETag), new(TableTransactionActionType.Add, part)], default);

        Assert.Equal((await table.FindAsync<Sample>("b", "head", default))!.ETag, head.ETag);
        Assert.Equal((await table.FindAsync<Sample>("b", "part", default))!.ETag, part.ETag);
        head.Small = 2;
        Assert.True(await table.TrySaveAsync(head, head.ETag, [], default));
    }

    [Fact]
    public async Task TrySubmit_WithOneFailingAction_IsFalse_AndStoresNothing()
    {
        await table.AddEntityAsync(New("b", "002"));

        var stored = await table.TrySubmitAsync(
            Enumerable.Range(0, 4).Select(i => new TableTransactionAction(TableTransactionActionType.Add, New("b", i.ToString("D3")))), default);

        Assert.False(stored);
        Assert.Null(await table.FindAsync<Sample>("b", "000", default));
    }

    [Fact]
    public async Task TrySubmit_UpdateWithAStaleETag_IsFalse()
    {
        await table.AddEntityAsync(New());
        var stale = (await table.GetEntityAsync<Sample>("p", "r")).Value;
        await table.UpsertAsync(New(small: 5), default);

        Assert.False(await table.TrySubmitAsync([new TableTransactionAction(TableTransactionActionType.UpdateReplace, stale, stale.ETag)], default));
        Assert.Equal(5, (await table.FindAsync<Sample>("p", "r", default))!.Small);
    }

    [Fact]
    public async Task Transaction_OfOneHundred_IsStoredWhole()
    {
        await table.SubmitAsync(Enumerable.Range(0, 100).Select(i => new TableTransactionAction(TableTransactionActionType.Add, New("b", i.ToString("D3")))), default);

        Assert.Equal(100, (await table.QueryAllAsync<Sample>(TableFilter.Of($"PartitionKey eq {"b"}"), default)).Count);
    }

    [Fact]
    public async Task Transaction_OfMoreThanOneHundred_OrTwoPartitions_OrAnUnguardedUpdate_IsRefusedBeforeSending()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => table.SubmitAsync(
            Enumerable.Range(0, 101).Select(i => new TableTransactionAction(TableTransactionActionType.Add, New("b", i.ToString("D3")))), default));
        await Assert.ThrowsAsync<ArgumentException>(() => table.SubmitAsync(
            [new TableTransactionAction(TableTransactionActionType.Add, New("x")), new TableTransactionAction(TableTransactionActionType.Add, New("y"))], default));
        await Assert.ThrowsAsync<ArgumentException>(() => table.SubmitAsync(
            [new TableTransactionAction(TableTransactionActionType.UpdateMerge, New("x"))], default));
        await Assert.ThrowsAsync<ArgumentException>(() => table.SubmitAsync([], default));

        Assert.Empty(await table.QueryAllAsync<Sample>("", default));
    }

    [Fact]
    public async Task Query_FollowsContinuationAcrossPages_WithFilterAndSelect()
    {
        for (var batch = 0; batch < 3; batch++)
        {
            await table.SubmitAsync(Enumerable.Range(batch * 20, 20)
                .Select(i => new TableTransactionAction(TableTransactionActionType.Add, New("q", i.ToString("D3"), i))), default);
        }

        var pages = 0;
        var rows = new List<Sample>();
        await foreach (var page in table.QueryAsync<Sample>(TableFilter.Of($"PartitionKey eq {"q"} and Small ge {10}"), maxPerPage: 7, select: ["Small"]).AsPages())
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
    public async Task Filter_EscapesQuotesAndChinese()
    {
        var odd = New("p", "odd");
        odd.Text = "王's 谈话";
        await table.AddEntityAsync(odd);
        await table.AddEntityAsync(New("p", "plain"));

        var filter = TableFilter.Of($"Text eq {"王's 谈话"}");

        Assert.Equal("Text eq '王''s 谈话'", filter);
        Assert.Equal("odd", Assert.Single(await table.QueryAllAsync<Sample>(filter, default)).RowKey);
    }

    [Fact]
    public void SdkFilter_WritesAWholeDoubleAsAnInteger_AndDatesToTheSecond_TableFilterKeepsBoth()
    {
        var at = new DateTimeOffset(2026, 1, 1, 8, 0, 0, 250, TimeSpan.FromHours(8));

        var sdk = TableClient.CreateQueryFilter($"E eq {2.0} and C ge {at}");
        var ours = TableFilter.Of($"A eq {5L} and B eq {Guid.Empty} and C ge {at} and D eq {true} and E eq {2.0} and F eq {0.25}");

        Assert.Contains("E eq 2 ", sdk + " ", StringComparison.Ordinal);
        Assert.DoesNotContain(".250", sdk, StringComparison.Ordinal);
        Assert.Equal("A eq 5L and B eq guid'00000000-0000-0000-0000-000000000000' and C ge datetime'2026-01-01T00:00:00.2500000Z' and D eq true and E eq 2.0 and F eq 0.25", ours);
    }

    [Fact]
    public async Task Filter_OnAWholeDoubleAndASubSecondDate_FindsExactlyTheRow()
    {
        var whole = New("d", "whole");
        whole.Ratio = 2.0;
        whole.When = new DateTimeOffset(2026, 3, 1, 9, 0, 0, 600, TimeSpan.Zero);
        await table.AddEntityAsync(whole);
        await table.AddEntityAsync(New("d", "other"));

        var byRatio = await table.QueryAllAsync<Sample>(TableFilter.Of($"PartitionKey eq {"d"} and Ratio eq {2.0}"), default);
        var later = await table.QueryAllAsync<Sample>(
            TableFilter.Of($"PartitionKey eq {"d"} and When gt {new DateTimeOffset(2026, 3, 1, 9, 0, 0, 500, TimeSpan.Zero)}"), default);

        Assert.Equal("whole", Assert.Single(byRatio).RowKey);
        Assert.Equal("whole", Assert.Single(later).RowKey);
    }

    [Fact]
    public void RowsStartingWith_StopsAtTheNextPrefix()
    {
        Assert.Equal("PartitionKey eq 't1' and RowKey ge 'notice|' and RowKey lt 'notice}'", TableFilter.RowsStartingWith("t1", "notice|"));
    }

    [Fact]
    public async Task SdkStoresADecimalAsADoubleWithoutAWord_TableEntityTypesRefusesTheClass()
    {
        await table.AddEntityAsync(new Unmappable { PartitionKey = "m", RowKey = "r", Money = 0.1m + 0.2m });
        var raw = (await table.GetEntityAsync<TableEntity>("m", "r")).Value;

        Assert.IsType<double>(raw["Money"]);
        Assert.Equal(["Unmappable.Money: Decimal"], TableEntityTypes.Problems(typeof(Unmappable)));
        Assert.Empty(TableEntityTypes.Problems(typeof(Sample)));
        Assert.Throws<InvalidOperationException>(() => TableEntityTypes.Verify(typeof(Unmappable).Assembly));
    }

    [Fact]
    public void EveryEntityOfTheBot_IsStorable()
    {
        TableEntityTypes.Verify(typeof(Program).Assembly);
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
