using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using TalkBot.Bot.Infrastructure.Storage;
using TalkBot.Bot.Tests.Support;

namespace TalkBot.Bot.Tests.Infrastructure.Storage;

/// <summary>
/// <see cref="BackgroundLane"/> on Azurite: background calls go at most its width at once, also while a few requests are
/// answered; a wave of requests they let pass, and go one at a time when it lasts longer than the lane holds them; a
/// request's own calls never wait for the lane, even when background calls hold all of it.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class BackgroundLaneTests(AzuriteFixture azurite)
{
    /// <summary>Inside the lane: counts the calls in flight, and holds background calls at <see cref="Gate"/>.</summary>
    private sealed class Probe : HttpPipelinePolicy
    {
        private int inFlight;
        private int most;
        private int started;

        public int Most => Volatile.Read(ref most);

        /// <summary>Background calls that got through the lane.</summary>
        public int Started => Volatile.Read(ref started);

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
            if (BackgroundLane.IsBackground)
            {
                Interlocked.Increment(ref started);
            }

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

    private static List<IDisposable> Answering(BackgroundLane lane, int requests) => [.. Enumerable.Range(0, requests).Select(_ => lane.Answer())];

    [Fact]
    public async Task BackgroundCalls_GoAtFullWidth_AlsoWhileAFewRequestsAreAnswered()
    {
        var lane = new BackgroundLane(3);
        var probe = new Probe();
        var table = await TableAsync(lane, probe);

        await Background(table, 12);
        var idle = probe.Most;
        probe.Reset();
        var few = Answering(lane, BackgroundLane.WaveFrom - 1);
        await Background(table, 12);
        few.ForEach(a => a.Dispose());

        Assert.Equal((3, 3), (idle, probe.Most));
        Assert.Equal(0, lane.Answering);
        await table.DeleteAsync();
    }

    [Fact]
    public async Task AWave_IsLetPass_ThenTheBackgroundGoesAtFullWidth()
    {
        var lane = new BackgroundLane(3);
        var probe = new Probe();
        var table = await TableAsync(lane, probe);

        var wave = Answering(lane, BackgroundLane.WaveFrom);
        var background = Background(table, 12);
        await Task.Delay(BackgroundLane.MaxHold / 2);
        var duringWave = probe.Started;
        wave.ForEach(a => a.Dispose());
        await background;

        Assert.Equal(0, duringWave);
        Assert.Equal(3, probe.Most);
        await table.DeleteAsync();
    }

    [Fact]
    public async Task AWaveLongerThanTheLaneHolds_LetsTheBackgroundGoOneAtATime()
    {
        var lane = new BackgroundLane(3);
        var probe = new Probe();
        var table = await TableAsync(lane, probe);

        var wave = Answering(lane, BackgroundLane.WaveFrom + 10);
        await Background(table, 12).WaitAsync(TimeSpan.FromSeconds(30));
        wave.ForEach(a => a.Dispose());

        Assert.Equal((12, 1), (probe.Started, probe.Most));
        await table.DeleteAsync();
    }

    [Fact]
    public async Task ARequestsOwnCalls_NeverWaitForTheLane()
    {
        var lane = new BackgroundLane(1);
        var probe = new Probe { Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously) };
        var table = await TableAsync(lane, probe);

        var held = Background(table, 3); // the first holds the lane's one slot at the gate, the others wait for it
        var wave = Answering(lane, BackgroundLane.WaveFrom);
        var own = await table.GetEntityIfExistsAsync<TableEntity>("p", "own").WaitAsync(TimeSpan.FromSeconds(10));
        wave.ForEach(a => a.Dispose());
        Assert.False(own.HasValue);

        Assert.False(held.IsCompleted);
        probe.Gate.SetResult();
        await held.WaitAsync(TimeSpan.FromSeconds(10));
        await table.DeleteAsync();
    }
}
