using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;

namespace TalkBot.Bot.Infrastructure.Storage;

/// <summary>
/// The storage calls of work nobody waits on (<see cref="Hosting.BackgroundWork"/>: follow-ups, 我的通知 lines; the
/// store's upgrades at start-up) go through a lane: at most <see cref="StorageOptions.BackgroundCalls"/> at once; while a
/// wave of requests is being answered (<see cref="WaveFrom"/> at once or more) each waits for it to pass, at most
/// <see cref="MaxHold"/>, and then goes one at a time. What a wave of clicks leaves behind thus waits in the bot rather than at the store in front of the
/// clicks' own calls, and drains at full width once they have their answers; a few requests at a time (the usual day)
/// never hold it. A request's own calls never wait for the lane; background work started from a request is in the lane
/// from its start.
/// </summary>
public sealed class BackgroundLane
{
    private static readonly AsyncLocal<bool> InBackground = new();
    private readonly SemaphoreSlim wide;
    private readonly SemaphoreSlim narrow = new(1, 1);
    private int answering;

    /// <summary>Requests answered at once from which they are a wave, which background calls let pass.</summary>
    public const int WaveFrom = 4;

    /// <summary>The longest a background call lets a wave pass; after that it goes, one at a time, so that a long wave never starves the background.</summary>
    public static readonly TimeSpan MaxHold = TimeSpan.FromSeconds(1);

    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(20);

    public BackgroundLane(int calls)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(calls, 1);
        wide = new SemaphoreSlim(calls, calls);
    }

    /// <summary>Whether the current flow is background work.</summary>
    public static bool IsBackground => InBackground.Value;

    /// <summary>Requests being answered now.</summary>
    public int Answering => Volatile.Read(ref answering);

    /// <summary>Puts the rest of the current flow, and whatever it starts, in the lane.</summary>
    public static void Enter() => InBackground.Value = true;

    /// <summary>Marks a request as being answered until the result is disposed.</summary>
    public IDisposable Answer()
    {
        Interlocked.Increment(ref answering);
        return new Answered(this);
    }

    /// <summary>Puts each background call of the pipeline of <paramref name="options"/> in the lane, once per try (a retry's wait holds no slot).</summary>
    public TableClientOptions AddTo(TableClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.AddPolicy(new LanePolicy(this), HttpPipelinePosition.PerRetry);
        return options;
    }

    /// <summary>
    /// Waits for the lane: a slot of its width; then, while a wave of requests is being answered, for the wave to pass,
    /// at most <see cref="MaxHold"/>, and one at a time after that. The result, disposed, frees it.
    /// </summary>
    internal async ValueTask<Slot> EnterAsync(CancellationToken cancellationToken)
    {
        await wide.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            for (var held = TimeSpan.Zero; Answering >= WaveFrom && held < MaxHold; held += Poll)
            {
                await Task.Delay(Poll, cancellationToken).ConfigureAwait(false);
            }

            if (Answering < WaveFrom)
            {
                return new Slot(this, false);
            }

            await narrow.WaitAsync(cancellationToken).ConfigureAwait(false);
            return new Slot(this, true);
        }
        catch
        {
            wide.Release();
            throw;
        }
    }

    internal readonly struct Slot(BackgroundLane lane, bool narrowed) : IDisposable
    {
        public void Dispose()
        {
            if (narrowed)
            {
                lane.narrow.Release();
            }

            lane.wide.Release();
        }
    }

    private sealed class Answered(BackgroundLane lane) : IDisposable
    {
        private int disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref disposed, 1) == 0)
            {
                Interlocked.Decrement(ref lane.answering);
            }
        }
    }

    private sealed class LanePolicy(BackgroundLane lane) : HttpPipelinePolicy
    {
        public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
        {
            if (!InBackground.Value)
            {
                await ProcessNextAsync(message, pipeline).ConfigureAwait(false);
                return;
            }

            using (await lane.EnterAsync(message.CancellationToken).ConfigureAwait(false))
            {
                await ProcessNextAsync(message, pipeline).ConfigureAwait(false);
            }
        }

        public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
        {
            if (!InBackground.Value)
            {
                ProcessNext(message, pipeline);
                return;
            }

            using (lane.EnterAsync(message.CancellationToken).AsTask().GetAwaiter().GetResult())
            {
                ProcessNext(message, pipeline);
            }
        }
    }
}

/// <summary>Counts the requests being answered for the background lane.</summary>
public static class BackgroundLaneMiddleware
{
    /// <summary>While a request is answered, background storage calls go one at a time (<see cref="BackgroundLane"/>).</summary>
    public static WebApplication UseBackgroundLane(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var lane = app.Services.GetRequiredService<BackgroundLane>();
        app.Use(async (context, next) =>
        {
            using (lane.Answer())
            {
                await next(context).ConfigureAwait(false);
            }
        });
        return app;
    }
}
