using Microsoft.Extensions.Time.Testing;
using TalkBot.Bot.Infrastructure.Sending;

namespace TalkBot.Bot.Tests.Infrastructure.Sending;

/// <summary>The sender's own limits (PROTOCOL §9), on a fake clock: per conversation, per tenant, and no head-of-line blocking.</summary>
public sealed class SendRateLimiterTests
{
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 3, 2, 2, 0, 0, TimeSpan.Zero));

    private SendRateLimiter Limiter(int tenantPerSecond = 50) =>
        new(new SenderOptions { WireClock = clock, TenantPerSecond = tenantPerSecond, RateGuard = TimeSpan.FromMilliseconds(20) });

    private static async Task<bool> IsDoneSoonAsync(Task task) => await Task.WhenAny(task, Task.Delay(200)) == task;

    [Fact]
    public async Task Conversation_SevenInOneSecond_TheEighthWaitsForTheFirstToLeaveTheWindow()
    {
        var limiter = Limiter();
        for (var i = 0; i < 7; i++)
        {
            Assert.True(await IsDoneSoonAsync(limiter.WaitAsync("t", "c", default)));
        }

        var eighth = limiter.WaitAsync("t", "c", default);
        Assert.False(await IsDoneSoonAsync(eighth));
        clock.Advance(TimeSpan.FromMilliseconds(1000));
        Assert.False(await IsDoneSoonAsync(eighth));
        clock.Advance(TimeSpan.FromMilliseconds(25));
        Assert.True(await IsDoneSoonAsync(eighth));
    }

    [Fact]
    public async Task Conversation_EightInTwoSeconds_TheNinthWaitsForTheTwoSecondWindow()
    {
        var limiter = Limiter();
        for (var i = 0; i < 7; i++)
        {
            await limiter.WaitAsync("t", "c", default);
        }

        clock.Advance(TimeSpan.FromMilliseconds(1100));
        Assert.True(await IsDoneSoonAsync(limiter.WaitAsync("t", "c", default)));
        var ninth = limiter.WaitAsync("t", "c", default);
        clock.Advance(TimeSpan.FromMilliseconds(800)); // 1.9 s after the first: still 8 in the last 2 s
        Assert.False(await IsDoneSoonAsync(ninth));
        clock.Advance(TimeSpan.FromMilliseconds(150));
        Assert.True(await IsDoneSoonAsync(ninth));
    }

    [Fact]
    public async Task Tenant_FiftyConversationsInOneSecond_TheFiftyFirstWaits()
    {
        var limiter = Limiter(tenantPerSecond: 50);
        for (var i = 0; i < 50; i++)
        {
            Assert.True(await IsDoneSoonAsync(limiter.WaitAsync("t", $"c{i}", default)));
        }

        var next = limiter.WaitAsync("t", "c50", default);
        Assert.False(await IsDoneSoonAsync(next));
        Assert.True(await IsDoneSoonAsync(limiter.WaitAsync("other-tenant", "c51", default)));
        clock.Advance(TimeSpan.FromMilliseconds(1025));
        Assert.True(await IsDoneSoonAsync(next));
    }

    [Fact]
    public async Task SlowlyAnsweredSends_CountFromTheirAnswer_SoTheNextIsNotEarlyForTeams()
    {
        var limiter = Limiter();
        var slots = new List<SendSlot>();
        for (var i = 0; i < 7; i++)
        {
            slots.Add(await limiter.WaitAsync("t", "c", default));
        }

        // The first requests opened new connections: they were answered 300 ms later.
        clock.Advance(TimeSpan.FromMilliseconds(300));
        slots.ForEach(limiter.Sent);

        var eighth = limiter.WaitAsync("t", "c", default);
        clock.Advance(TimeSpan.FromMilliseconds(750)); // 1.05 s after the plan, 0.75 s after the answers
        Assert.False(await IsDoneSoonAsync(eighth));
        clock.Advance(TimeSpan.FromMilliseconds(300));
        Assert.True(await IsDoneSoonAsync(eighth));
    }

    [Fact]
    public async Task BusyConversation_DoesNotHoldUpAnother()
    {
        var limiter = Limiter();
        for (var i = 0; i < 7; i++)
        {
            await limiter.WaitAsync("t", "busy", default);
        }

        var waiting = limiter.WaitAsync("t", "busy", default);
        Assert.True(await IsDoneSoonAsync(limiter.WaitAsync("t", "quiet", default)));
        Assert.False(waiting.IsCompleted);
    }
}
