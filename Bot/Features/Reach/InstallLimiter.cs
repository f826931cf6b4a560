namespace TalkBot.Bot.Features.Reach;

/// <summary>
/// Paces installs through Graph: at most <see cref="ReachOptions.Concurrency"/> at once and
/// <see cref="ReachOptions.InstallsPerSecond"/> a second, and when Graph answers one of them 429 every install waits for
/// its Retry-After (not just the one answered, which is what a per-request retry would do, drawing more 429s).
/// Time is the wall clock's: waits are real even when a test moves the bot's clock.
/// </summary>
public sealed class InstallLimiter(ReachOptions options, TimeProvider? wireClock = null)
{
    private readonly TimeProvider clock = wireClock ?? TimeProvider.System;
    private readonly SemaphoreSlim slots = new(Math.Max(1, options.Concurrency));
    private readonly Lock gate = new();
    private DateTimeOffset next = DateTimeOffset.MinValue;
    private DateTimeOffset pausedUntil = DateTimeOffset.MinValue;
    private long honoured;

    /// <summary>429s whose Retry-After every install waited for.</summary>
    public long RetryAftersHonoured => Interlocked.Read(ref honoured);

    /// <summary>Runs <paramref name="call"/> in a slot, paced, again after a 429 (once its Retry-After is over) or a transient failure.</summary>
    public async Task<T> RunAsync<T>(Func<CancellationToken, Task<T>> call, Func<T, TimeSpan?> retryAfter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(call);
        ArgumentNullException.ThrowIfNull(retryAfter);
        await slots.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            for (var attempt = 1; ; attempt++)
            {
                await WaitTurnAsync(cancellationToken).ConfigureAwait(false);
                var result = await call(cancellationToken).ConfigureAwait(false);
                if (retryAfter(result) is not { } wait || attempt > options.MaxRetries)
                {
                    return result;
                }

                Pause(wait);
            }
        }
        finally
        {
            slots.Release();
        }
    }

    private void Pause(TimeSpan wait)
    {
        lock (gate)
        {
            var until = clock.GetUtcNow() + wait;
            if (until > pausedUntil)
            {
                pausedUntil = until;
                Interlocked.Increment(ref honoured);
            }
        }
    }

    /// <summary>
    /// Takes the next paced turn, waiting it out; a pause a 429 started while this one waited is waited out too, and the
    /// turn taken again after it, so that no install is sent inside a Retry-After it began before.
    /// </summary>
    private async Task WaitTurnAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            TimeSpan delay;
            bool turn;
            lock (gate)
            {
                var now = clock.GetUtcNow();
                turn = now >= pausedUntil;
                if (turn)
                {
                    var at = now > next ? now : next;
                    next = at + TimeSpan.FromSeconds(1.0 / Math.Max(1, options.InstallsPerSecond));
                    delay = at - now;
                }
                else
                {
                    delay = pausedUntil - now;
                }
            }

            if (delay > TimeSpan.Zero)
            {
                await Task.Delay(delay, clock, cancellationToken).ConfigureAwait(false);
            }

            if (turn && !IsPaused())
            {
                return;
            }
        }
    }

    private bool IsPaused()
    {
        lock (gate)
        {
            return clock.GetUtcNow() < pausedUntil;
        }
    }
}
