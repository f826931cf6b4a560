using Microsoft.Extensions.DependencyInjection;
using TalkBot.Bot.Features.Calendar;
using TalkBot.Bot.Features.Talks;
using TalkBot.Bot.Tests.Features.Directory;
using TalkBot.Bot.Tests.Support;
using TalkBot.Cards;
using TalkBot.Domain;
using TalkBot.Domain.Talks;
using TalkBot.FakeGraph;

namespace TalkBot.Bot.Tests.Features.Calendar;

/// <summary>
/// A scheduled talk's Outlook event in the service mailbox of the fake Graph: made once after the talk is saved (as a
/// follow-up), with the talkees, talkers and recorder, the kind as subject, time, place and a link, and nothing
/// confidential; moved and cancelled by the operations a later issue will call; refused writes logged, not retried.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class TalkEventsTests(AzuriteFixture azurite)
{
    private const string Mailbox = "talkbot@test.local";
    private static readonly DateTimeOffset Monday = new(2026, 3, 2, 10, 0, 0, TimeSpan.FromHours(8));

    private static readonly Dictionary<string, string> Form = new()
    {
        [DataKeys.FormId] = "0195a0b2c3d47e8f9a0b1c2d3e4f5a6c",
        ["talkees"] = Person.Cadre1.AadObjectId,
        ["talkers"] = Person.Leader.AadObjectId,
        ["recorder"] = Person.Recorder.AadObjectId,
        ["kind"] = "Routine",
        ["format"] = "Individual",
        ["date"] = "2026-03-05",
        ["time"] = "09:30",
        ["place"] = "第三会议室",
        ["contentDate"] = "2026-03-02",
        ["preparation"] = "机密：关于某项目的举报材料",
    };

    private async Task<(FakeGraphServer Graph, BotUnderTest Bot)> StartAsync(bool forbidden = false, bool online = false)
    {
        var graph = await FakeGraphServer.StartAsync(new FakeGraphOptions { CalendarForbidden = forbidden });
        var bot = new BotUnderTest(azurite, Monday, settings: new Dictionary<string, string>
        {
            ["CalendarEvents:Mailbox"] = Mailbox,
            ["CalendarEvents:OnlineMeeting"] = online ? "true" : "false",
            ["Graph:BaseUrl"] = graph.BaseUrl,
            ["Graph:AllowInsecureHttp"] = "true",
        })
        {
            Replace = services => services.AddSingleton(GraphDirectorySourceTests.Connection(graph)),
        };
        _ = bot.Server;
        return (graph, bot);
    }

    private static async Task<Talk> TalkAsync(BotUnderTest bot)
    {
        await bot.ExecuteAsync(Person.Office, Verbs.TalkCreate, Form);
        var talks = await bot.Services.GetRequiredService<TalkStore>().ListTalksNoticedToAsync(new PersonId(Person.Cadre1.AadObjectId), default);
        return (await bot.Services.GetRequiredService<TalkStore>().GetAsync(talks.Single(), default))!;
    }

    [Fact]
    public async Task ScheduledTalk_GetsOneEvent_WithItsPeopleKindTimePlaceAndLink_AndNothingConfidential()
    {
        var (graph, bot) = await StartAsync(online: true);
        await using var _ = graph;
        await using var __ = bot;

        var talk = await TalkAsync(bot);
        Assert.Equal(TalkEventOutcome.Unchanged, await bot.Services.GetRequiredService<TalkEvents>().CreateAsync(talk, default));

        var saved = Assert.Single(graph.Tenant.Events(Mailbox));
        var json = saved.Body.ToJsonString();
        Assert.Equal("日常廉政谈话", saved.Subject);
        Assert.Equal("2026-03-05T01:30:00", saved.Body["start"]!["dateTime"]!.GetValue<string>());
        Assert.Equal("第三会议室", saved.Body["location"]!["displayName"]!.GetValue<string>());
        Assert.Equal(["cadre1@test.local", "leader@test.local", "recorder@test.local"],
            saved.Body["attendees"]!.AsArray().Select(a => a!["emailAddress"]!["address"]!.GetValue<string>()).Order());
        Assert.Contains("teams.microsoft.com/l/chat", json, StringComparison.Ordinal);
        Assert.True(saved.Body["isOnlineMeeting"]!.GetValue<bool>());
        Assert.Equal("talkbot-talk-" + talk.Id.Value, saved.TransactionId);
        Assert.DoesNotContain("举报", json, StringComparison.Ordinal);
        Assert.DoesNotContain("机密", json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MovedAndCancelledTalk_UpdatesThenCancelsTheSameEvent_Once()
    {
        var (graph, bot) = await StartAsync();
        await using var _ = graph;
        await using var __ = bot;
        var events = bot.Services.GetRequiredService<TalkEvents>();
        var talk = await TalkAsync(bot);
        var moved = Talk.Restore(talk.Id, talk.Kind, talk.Talkees, talk.Talkers, talk.Recorder, talk.Organiser, talk.ScheduledAt.AddDays(1), "第五会议室",
            talk.ContentDeterminedOn, talk.Preparation, talk.CreatedAt, talk.Status);

        Assert.Equal(TalkEventOutcome.Updated, await events.UpdateAsync(moved, default));
        Assert.Equal(TalkEventOutcome.Cancelled, await events.CancelAsync(talk.Id, default));
        Assert.Equal(TalkEventOutcome.Unchanged, await events.CancelAsync(talk.Id, default));

        var saved = Assert.Single(graph.Tenant.Events(Mailbox));
        Assert.Equal("第五会议室", saved.Body["location"]!["displayName"]!.GetValue<string>());
        Assert.Equal("2026-03-06T01:30:00", saved.Body["start"]!["dateTime"]!.GetValue<string>());
        Assert.True(saved.Cancelled);
        Assert.Equal("此次谈话已取消。", saved.CancelComment);
    }

    [Fact]
    public async Task WithoutThePermission_TheTalkStillStands_AndTheEventIsRefused()
    {
        var (graph, bot) = await StartAsync(forbidden: true);
        await using var _ = graph;
        await using var __ = bot;

        var talk = await TalkAsync(bot);

        Assert.Empty(graph.Tenant.Events(Mailbox));
        Assert.Equal(TalkEventOutcome.Refused, await bot.Services.GetRequiredService<TalkEvents>().CreateAsync(talk, default));
    }

    [Fact]
    public void Invitation_NamesTalkeesTalkersAndRecorderOnce()
    {
        var a = new PersonId("a");
        var talk = Talk.Restore(new TalkId("t1"), TalkKind.Routine, [a], [new PersonId("b"), a], new PersonId("c"), new PersonId("o"), Monday, "会议室",
            DateOnly.FromDateTime(Monday.Date), null, Monday, TalkStatus.Scheduled);

        var invitation = TalkInvitation.For(talk, TimeSpan.FromMinutes(90));

        Assert.Equal([a, new PersonId("b"), new PersonId("c")], invitation.Attendees);
        Assert.Equal(Monday.AddMinutes(90), invitation.End);
    }
}
