using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using TalkBot.Bot.Infrastructure.Storage;
using TalkBot.Bot.Tests.Support;

namespace TalkBot.Bot.Tests.Infrastructure.Storage;

/// <summary>
/// <see cref="BackgroundLane"/> on Azurite: background calls go at most its width at once, one at a time while a request
/// is answered; a request's own calls never wait for the lane, even when background calls hold all of it.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class BackgroundLaneTests(AzuriteFixture azurite)
{
    /// <summary>Inside the lane: counts the calls in flight, and holds background calls at <see cref="Gate"/>.</summary>
    private sealed class Probe : HttpPipelinePolicy
    {
        private int inFlight;
        private int most;

        public int Most => Volatile.Read(ref most);

        public TaskCompletionSource Gate { get; set; } = Open();

        public static TaskCompletionSource Open()
        {
            var open = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            open.SetResult();
            return open;
        }

        public void Reset() => Volatile.Write(ref most, 0);

        public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
        {
            var now = Interlocked.Increment(ref inFlight);
            for (var seen = Most; now > seen && Interlocked.CompareExchange(ref most, now, seen) != seen; seen = Most)
            {
            }

            try
            {
                if (BackgroundLane.IsBackground)
                {
                    await Gate.Task;
                    await Task.Delay(20); // long enough for the others to pile up behind the lane
                }

                await ProcessNextAsync(message, pipeline);
            }
            finally
            {
                Interlocked.Decrement(ref inFlight);
            }
        }

        public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline) => ProcessNext(message, pipeline);
    }

    private async Task<TableClient> TableAsync(BackgroundLane lane, Probe probe)
    {
        var options = lane.AddTo(new TableClientOptions());
        options.AddPolicy(probe, HttpPipelinePosition.PerRetry);
        var table = new TableServiceClient(azurite.ConnectionString, options).GetTableClient("lane" + Guid.NewGuid().ToString("N")[..12]);
        await table.CreateIfNotExistsAsync();
        return table;
    }

    private static Task Background(TableClient table, int calls) => Task.Run(async () =>
    {
        BackgroundLane.Enter();
        await Task.WhenAll(Enumerable.Range(0, calls).Select(i => table.GetEntityIfExistsAsync<TableEntity>("p", i.ToString(System.Globalization.CultureInfo.InvariantCulture))));
    });

    [Fact]
    public async Task BackgroundCalls_GoAtFullWidth_AndOneAtATimeWhileARequestIsAnswered()
    {
        var lane = new BackgroundLane(3);
        var probe = new Probe();
        var table = await TableAsync(lane, probe);

        probe.Reset();
        await Background(table, 12);
        var idle = probe.Most;
        probe.Reset();
        using (lane.Answer())
        {
            await Background(table, 12);
        }

        var answering = probe.Most;

        Assert.Equal((3, 1), (idle, answering));
        Assert.Equal(0, lane.Answering);
        await table.DeleteAsync();
    }

    [Fact]
    public async Task ARequestsOwnCalls_NeverWaitForTheLane()
    {
        var lane = new BackgroundLane(1);
        var probe = new Probe { Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously) };
        var table = await TableAsync(lane, probe);

        var held = Background(table, 3); // the first holds the lane's one slot at the gate, the others wait for it
        using (lane.Answer())
        {
            var own = await table.GetEntityIfExistsAsync<TableEntity>("p", "own").WaitAsync(TimeSpan.FromSeconds(10));
            Assert.False(own.HasValue);
        }

        Assert.False(held.IsCompleted);
        probe.Gate.SetResult();
        await held.WaitAsync(TimeSpan.FromSeconds(10));
        await table.DeleteAsync();
    }
}
