using Azure.Data.Tables;
using Microsoft.Playwright;
using Xunit.Abstractions;
using TalkBot.Bot.Features.Talks;
using TalkBot.Bot.Infrastructure.Storage;
using TalkBot.EndToEnd.Tests.Harness;

namespace TalkBot.EndToEnd.Tests;

/// <summary>
/// Issue 2's slice as people see it in the Agents Playground: the organiser creates a talk through the card, the
/// talkee receives the 《层级廉政谈话通知书》 and clicks 确认收到, the card shows 已确认, and the acknowledgement is in
/// Table Storage.
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
        var summary = await PlaygroundPage.GetCardTextAsync(created);
        Assert.Contains(talkee.Name, summary, StringComparison.Ordinal);
        Assert.Contains("已发送", summary, StringComparison.Ordinal);
        await playground.ScreenshotAsync("notice-created.png");

        await playground.SwitchUserAsync(talkee.Index);
        var notice = await playground.WaitForCardAsync("层级廉政谈话通知书");
        Assert.Contains("第三会议室", await PlaygroundPage.GetCardTextAsync(notice), StringComparison.Ordinal);
        await playground.ClickActionAsync(notice, "确认收到");
        var confirmed = await playground.WaitForCardAsync("已确认");
        await playground.ScreenshotAsync("notice-acknowledged.png");
        Assert.Equal(0, await confirmed.GetByRole(AriaRole.Button, new() { Name = "确认收到", Exact = true }).CountAsync());

        // The organiser hears of it.
        await playground.SwitchUserAsync(organiser.Index);
        await playground.WaitForCardAsync("已确认收到");

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
