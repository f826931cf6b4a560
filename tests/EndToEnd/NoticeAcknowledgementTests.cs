using Azure.Data.Tables;
using Microsoft.Playwright;
using Xunit.Abstractions;
using TalkBot.Bot.Features.Talks;
using TalkBot.Bot.Infrastructure.Storage;
using TalkBot.EndToEnd.Tests.Harness;

namespace TalkBot.EndToEnd.Tests;

/// <summary>
/// Issue 2's slice as people see it in the Agents Playground: the organiser creates a talk through the card, the
/// talkee receives the 《层级廉政谈话通知书》 and clicks 确认收到, the card shows 已确认, the organiser's card for the talk
/// follows in place, and the acknowledgement is in Table Storage.
/// </summary>
public sealed class NoticeAcknowledgementTests(PeersFixture peers, ITestOutputHelper output) : EndToEndTest(peers, output)
{
    [Fact]
    public Task Organiser_CreatesTalk_TalkeeAcknowledges_CardShowsConfirmed_AndItIsStored() => RunScenarioAsync(async playground =>
    {
        var organiser = Peers.People[0];
        var talkee = Peers.People.Single(p => p.Name == DemoRoles.FirstCadre);
        var (talker, recorder) = (DemoRoles.Talker, DemoRoles.Recorder);

        // The talkee opens TalkBot first, so the bot holds their conversation (PROTOCOL §6: install, then proactive).
        await playground.SwitchUserAsync(talkee.Index);
        await playground.SwitchUserAsync(organiser.Index);

        var created = await playground.CreateRoutineTalkAsync(talkee.Name, talker, recorder, "第三会议室");
        Assert.Contains(talkee.Name, await PlaygroundPage.GetCardTextAsync(created), StringComparison.Ordinal);
        // The click answers at once; the card it came from then follows the notice: delivered, waiting for the talkee.
        var delivered = await playground.WaitForCardAsync("已送达，待确认");
        Assert.Contains(talkee.Name, await PlaygroundPage.GetCardTextAsync(delivered), StringComparison.Ordinal);
        await playground.ScreenshotAsync("notice-created.png");

        await playground.SwitchUserAsync(talkee.Index);
        var notice = await playground.WaitForCardAsync("层级廉政谈话通知书");
        Assert.Contains("第三会议室", await PlaygroundPage.GetCardTextAsync(notice), StringComparison.Ordinal);
        await playground.ClickActionAsync(notice, "确认收到");
        var confirmed = await playground.WaitForCardAsync("已确认");
        await playground.ScreenshotAsync("notice-acknowledged.png");
        Assert.Equal(0, await confirmed.GetByRole(AriaRole.Button, new() { Name = "确认收到", Exact = true }).CountAsync());

        // The organiser's card for the talk shows it, updated in place: no new message.
        await playground.SwitchUserAsync(organiser.Index);
        var followed = await playground.WaitForCardAsync("已确认收到");
        Assert.Contains("已确认 1/1", await PlaygroundPage.GetCardTextAsync(followed), StringComparison.Ordinal);

        // And it is in Table Storage: one acknowledgement row for this talkee.
        var tables = new TableServiceClient(Peers.TablesConnectionString ?? "UseDevelopmentStorage=true").GetTableClient(TalkRows.Talks);
        var rows = new List<AcknowledgementEntity>();
        var filter = TableFilter.Of($"RowKey eq {TalkRows.AcknowledgementRow(talkee.AadObjectId)}");
        await foreach (var row in tables.QueryAsync<AcknowledgementEntity>(filter))
        {
            rows.Add(row);
        }

        Assert.Single(rows);
    });
}
