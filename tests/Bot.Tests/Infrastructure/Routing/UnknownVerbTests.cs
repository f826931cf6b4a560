using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using TalkBot.Bot.Infrastructure.Connector;
using TalkBot.Bot.Tests.Support;
using TalkBot.Cards;

namespace TalkBot.Bot.Tests.Infrastructure.Routing;

/// <summary>Issue 16: a stale card's verb answers with the Universal Actions error, so the clicked card stays.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class UnknownVerbTests(AzuriteFixture azurite)
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 10, 0, 0, TimeSpan.FromHours(8));

    private static async Task<JsonElement> ClickAsync(BotUnderTest bot, Person person, string verb)
    {
        var activity = person.Activity("invoke");
        activity["name"] = "adaptiveCard/action";
        activity["value"] = new JsonObject { ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = verb, ["data"] = new JsonObject() } };
        using var response = await bot.PostAsync(activity);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    [Theory]
    [InlineData("zh-CN", "帮助")]
    [InlineData("en-US", "help")]
    public async Task RetiredVerb_AnswersTheErrorResponse_SayingToSendHelp(string locale, string help)
    {
        await using var bot = new BotUnderTest(azurite, Now);

        var answer = await ClickAsync(bot, Person.Office with { Locale = locale }, "notice.retired-in-2025");

        Assert.Equal(400, answer.GetProperty("statusCode").GetInt32());
        Assert.Equal(InvokeResponse.ErrorContentType, answer.GetProperty("type").GetString());
        Assert.Contains(help, answer.GetProperty("value").GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Empty(bot.Connector.Sent);
    }

    [Fact]
    public async Task KnownVerb_StillReplacesTheCard()
    {
        await using var bot = new BotUnderTest(azurite, Now);

        var answer = await ClickAsync(bot, Person.Office, Verbs.Help);

        Assert.Equal(200, answer.GetProperty("statusCode").GetInt32());
        Assert.Equal(InvokeResponse.AdaptiveCardContentType, answer.GetProperty("type").GetString());
    }
}
