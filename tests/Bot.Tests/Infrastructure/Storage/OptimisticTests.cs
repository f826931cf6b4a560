using TalkBot.Bot.Infrastructure.Storage;

namespace TalkBot.Bot.Tests.Infrastructure.Storage;

public sealed class OptimisticTests
{
    [Fact]
    public async Task Retry_ReadsAgainAfterALostRace_AndReturnsTheResult()
    {
        var attempts = 0;

        var result = await Optimistic.RetryAsync<string>(async () =>
        {
            await Task.Yield();
            return ++attempts < 3 ? Optimistic.Again : "saved";
        }, () => "busy");

        Assert.Equal("saved", result);
        Assert.Equal(3, attempts);
    }

    [Fact]
    public async Task Retry_GivesUpAsBusy_AfterItsAttempts()
    {
        var attempts = 0;

        var result = await Optimistic.RetryAsync<string>(() =>
        {
            attempts++;
            return Task.FromResult<Attempt<string>>(Optimistic.Again);
        }, () => "busy");

        Assert.Equal("busy", result);
        Assert.Equal(Optimistic.MaxAttempts, attempts);
    }
}
