using TalkBot.EndToEnd.Tests.Harness;
using Xunit.Abstractions;

namespace TalkBot.EndToEnd.Tests;

public sealed class SmokeTests(PeersFixture peers, ITestOutputHelper output) : EndToEndTest(peers, output)
{
    [Fact]
    public Task Help_InPersonalChat_RepliesWithTalkBotCard() => RunScenarioAsync(async playground =>
    {
        await playground.SendMessageAsync("帮助");

        var card = await playground.WaitForCardAsync("TalkBot");

        Assert.Contains("TalkBot", await PlaygroundPage.GetCardTextAsync(card), StringComparison.Ordinal);
        await playground.ScreenshotAsync("smoke-help.png");
    });
}
