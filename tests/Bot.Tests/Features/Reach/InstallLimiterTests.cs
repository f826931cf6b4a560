using Microsoft.Extensions.Time.Testing;
using TalkBot.Bot.Features.Reach;

namespace TalkBot.Bot.Tests.Features.Reach;

/// <summary>The pacing and pausing of installs, on a fake wall clock so that every wait is exact.</summary>
public sealed class InstallLimiterTests
{
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 3, 2, 2, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task AnInstallWaitingItsTurn_WhenAnotherDraws429_IsNotSentUntilTheRetryAfterIsOver()
    {
        var limiter = new InstallLimiter(new ReachOptions { InstallsPerSecond = 2, Concurrency = 2, MaxRetries = 1 }, clock);
        var sent = new List<(string Who, DateTimeOffset At)>();
        var firstAnswered = new TaskCompletionSource<TimeSpan?>();

        var first = limiter.RunAsync(
            _ =>
            {
                lock (sent) { sent.Add(("first", clock.GetUtcNow())); }
                return sent.Count(s => s.Who == "first") == 1 ? firstAnswered.Task : Task.FromResult<TimeSpan?>(null);
            },
            r => r,
            default);
        // The second takes the next paced turn, half a second on, and waits for it.
        var second = limiter.RunAsync(
            _ =>
            {
                lock (sent) { sent.Add(("second", clock.GetUtcNow())); }
                return Task.FromResult<TimeSpan?>(null);
            },
            r => r,
            default);
        await Task.Yield();

        // The first is answered 429 with Retry-After 3 s while the second waits for its turn.
        firstAnswered.SetResult(TimeSpan.FromSeconds(3));
        for (var step = 0; step < 40; step++)
        {
            clock.Advance(TimeSpan.FromMilliseconds(100));
            await Task.Delay(5);
        }

        await Task.WhenAll(first, second);
        var start = new DateTimeOffset(2026, 3, 2, 2, 0, 0, TimeSpan.Zero);
        Assert.All(sent.Skip(1), s => Assert.True(s.At >= start.AddSeconds(3), $"{s.Who} sent at {(s.At - start).TotalMilliseconds} ms, inside the Retry-After"));
        Assert.Equal(3, sent.Count);
    }

    [Fact]
    public async Task Installs_ArePacedAtTheirRate()
    {
        var limiter = new InstallLimiter(new ReachOptions { InstallsPerSecond = 4, Concurrency = 4 }, clock);
        var sent = new List<DateTimeOffset>();

        var runs = Enumerable.Range(0, 4).Select(_ => limiter.RunAsync(
            _ =>
            {
                lock (sent) { sent.Add(clock.GetUtcNow()); }
                return Task.FromResult<TimeSpan?>(null);
            },
            r => r,
            default)).ToList();
        for (var step = 0; step < 20; step++)
        {
            clock.Advance(TimeSpan.FromMilliseconds(50));
            await Task.Delay(5);
        }

        await Task.WhenAll(runs);
        var gaps = sent.Order().Zip(sent.Order().Skip(1), (a, b) => b - a);
        Assert.All(gaps, gap => Assert.True(gap >= TimeSpan.FromMilliseconds(250), $"{gap.TotalMilliseconds} ms between installs"));
    }
}
