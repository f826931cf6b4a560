using System.Net;
using TalkBot.Bot.Tests.Support;

namespace TalkBot.Bot.Tests.Infrastructure.Routing;

/// <summary>A reply Teams will not take at once (throttled) is queued in the outbox and sent, never a failed request.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class ReplyQueueTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task AThrottledReply_IsAnswered200_AndSentFromTheOutbox_Once()
    {
        await using var bot = new BotUnderTest(azurite, new DateTimeOffset(2026, 3, 2, 2, 0, 0, TimeSpan.Zero));
        Assert.Equal(HttpStatusCode.OK, await bot.InstallAsync(Person.Cadre1));
        var before = bot.Connector.CardsTo(Person.Cadre1).Count;
        bot.Connector.RefuseOnce[Person.Cadre1.ConversationId] = 429;

        var activity = Person.Cadre1.Activity("message");
        activity["text"] = "帮助";
        using var response = await bot.PostAsync(activity);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(before, bot.Connector.CardsTo(Person.Cadre1).Count); // not taken yet

        await bot.SettleAsync();
        var cards = bot.Connector.CardsTo(Person.Cadre1);
        Assert.Equal(before + 1, cards.Count);
        Assert.Contains("TalkBot · 廉政谈话助手", cards[^1], StringComparison.Ordinal);

        // The same activity again (Teams retrying it) is answered again, but its queued reply is not sent twice.
        bot.Connector.RefuseOnce[Person.Cadre1.ConversationId] = 429;
        using var retry = await bot.PostAsync(activity);
        await bot.SettleAsync();
        Assert.Equal(before + 1, bot.Connector.CardsTo(Person.Cadre1).Count);
    }
}
