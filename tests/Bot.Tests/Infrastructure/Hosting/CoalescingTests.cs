using TalkBot.Bot.Infrastructure.Hosting;

namespace TalkBot.Bot.Tests.Infrastructure.Hosting;

/// <summary>
/// <see cref="Coalescing{TKey}"/>: calls for one key while a run goes are folded into one run after it; each call is
/// answered by a run that started after it; other keys run at once; a failure reaches the callers folded into it.
/// </summary>
public sealed class CoalescingTests
{
    [Fact]
    public async Task ABurstOfCalls_CostsTwoRuns_EachAnsweredByARunThatStartedAfterIt()
    {
        var coalescing = new Coalescing<string>();
        var release = new TaskCompletionSource();
        var starts = new List<int>();
        var calls = 0;
        async Task Work()
        {
            lock (starts)
            {
                starts.Add(Volatile.Read(ref calls));
            }

            await release.Task;
        }

        var first = coalescing.RunAsync("talk", Work);
        Interlocked.Increment(ref calls);
        var burst = new List<Task>();
        for (var i = 0; i < 20; i++)
        {
            burst.Add(coalescing.RunAsync("talk", Work));
            Interlocked.Increment(ref calls);
        }

        await Task.Delay(50);
        Assert.Equal([0], starts); // the first run holds; the burst waits for one run after it
        Assert.False(first.IsCompleted);
        release.SetResult();
        await Task.WhenAll(burst.Append(first));

        Assert.Equal([0, 21], starts); // the second run started after the last call of the burst
        Assert.Equal(0, coalescing.Pending);
    }

    [Fact]
    public async Task ACallAfterARunStarted_GetsARunOfItsOwn_AndOtherKeysRunAtOnce()
    {
        var coalescing = new Coalescing<string>();
        var release = new TaskCompletionSource();
        var runs = new List<string>();
        Func<Task> Work(string key) => async () =>
        {
            lock (runs)
            {
                runs.Add(key);
            }

            await release.Task;
        };

        var first = coalescing.RunAsync("a", Work("a1"));
        var other = coalescing.RunAsync("b", Work("b1"));
        await Task.Delay(50);
        var second = coalescing.RunAsync("a", Work("a2"));
        var folded = coalescing.RunAsync("a", Work("a3"));
        await Task.Delay(50);

        Assert.Equal(["a1", "b1"], runs.Order(StringComparer.Ordinal));
        release.SetResult();
        await Task.WhenAll(first, other, second, folded);
        Assert.Equal(["a1", "a2", "b1"], runs.Order(StringComparer.Ordinal)); // a3 folded into a2's run
        Assert.Same(second, folded);
    }

    [Fact]
    public async Task AFailedRun_FailsTheCallsFoldedIntoIt_AndTheNextCallRunsAgain()
    {
        var coalescing = new Coalescing<int>();
        var release = new TaskCompletionSource();
        var runs = 0;
        var first = coalescing.RunAsync(1, async () =>
        {
            Interlocked.Increment(ref runs);
            await release.Task;
        });
        var failing = coalescing.RunAsync(1, () =>
        {
            Interlocked.Increment(ref runs);
            throw new InvalidOperationException("counters kept changing");
        });
        var folded = coalescing.RunAsync(1, () => Task.CompletedTask);

        release.SetResult();
        await first;
        await Assert.ThrowsAsync<InvalidOperationException>(() => failing);
        await Assert.ThrowsAsync<InvalidOperationException>(() => folded);
        await coalescing.RunAsync(1, () =>
        {
            Interlocked.Increment(ref runs);
            return Task.CompletedTask;
        });

        Assert.Equal(3, runs);
        Assert.Equal(0, coalescing.Pending);
    }
}
