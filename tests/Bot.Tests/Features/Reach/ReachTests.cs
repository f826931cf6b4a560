using Microsoft.Extensions.DependencyInjection;
using TalkBot.Bot.Features.Reach;
using TalkBot.Bot.Infrastructure.Connector;
using TalkBot.Bot.Infrastructure.Sending;
using TalkBot.Bot.Tests.Features.Directory;
using TalkBot.Bot.Tests.Support;
using TalkBot.Cards.Builders;
using TalkBot.Cards.Localization;
using TalkBot.Domain;
using TalkBot.FakeConnector;
using TalkBot.FakeGraph;

namespace TalkBot.Bot.Tests.Features.Reach;

/// <summary>
/// Reaching a cadre TalkBot holds no chat for: the app installed through the fake Graph, the conversation opened through
/// the fake Teams (which opens it only once the app is installed), the card delivered; never for someone who removed
/// TalkBot; without the permission, administrators told once and the person left unreachable; installs paced on 429.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class ReachTests(AzuriteFixture azurite)
{
    private const string CatalogApp = "catalog-talkbot";
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 10, 0, 0, TimeSpan.FromHours(8));
    private static readonly string Admin = "00000000-0000-0000-0000-00000000a006";

    private static readonly Support.Person[] Everyone = [Person.Office, Person.Leader, Person.Recorder, Person.Cadre1, Person.Cadre2];

    private sealed record Rig(FakeGraphServer Graph, FakeConnectorServer Teams, BotUnderTest Bot) : IAsyncDisposable
    {
        public Messenger Messenger => Bot.Services.GetRequiredService<Messenger>();

        public async ValueTask DisposeAsync()
        {
            await Bot.DisposeAsync();
            await Teams.DisposeAsync();
            await Graph.DisposeAsync();
        }

        /// <summary>Tells the person through the messenger and lets the outbox send it; true when it reached their chat.</summary>
        public async Task<bool> TellAsync(Support.Person person, string text)
        {
            var key = "tell|" + Guid.NewGuid().ToString("N");
            await Messenger.TellAsync(new PersonId(person.AadObjectId), l => ReminderCard.Build(new ReminderView(text, [text]), l), default, key);
            await Bot.SettleAsync();
            var outbox = Bot.Services.GetRequiredService<OutboxStore>();
            return await outbox.FindAsync(key, new PersonId(person.AadObjectId), default) is { Delivered: true };
        }

        /// <summary>
        /// Tells each person at once, then lets the outbox send everything in one settle (settles run side by side race:
        /// one returns while another's send still waits for Graph's Retry-After); true for each message that reached its chat.
        /// </summary>
        public async Task<bool[]> TellAllAsync(IEnumerable<Support.Person> people, string text)
        {
            var told = people.Select(p => (Id: new PersonId(p.AadObjectId), Key: "tell|" + Guid.NewGuid().ToString("N"))).ToList();
            await Task.WhenAll(told.Select(t => Messenger.TellAsync(t.Id, l => ReminderCard.Build(new ReminderView(text, [text]), l), default, t.Key)));
            await Bot.SettleAsync();
            var outbox = Bot.Services.GetRequiredService<OutboxStore>();
            return await Task.WhenAll(told.Select(async t => await outbox.FindAsync(t.Key, t.Id, default) is { Delivered: true }));
        }

        public int Installs => Graph.Received.Count(r => r.Path.EndsWith("/teamwork/installedApps", StringComparison.Ordinal));
    }

    private async Task<Rig> StartAsync(bool forbidden = false, int? writesPerSecond = null, IReadOnlyDictionary<string, string>? more = null)
    {
        var teams = await FakeConnectorServer.StartAsync(new FakeConnectorOptions());
        var graph = await FakeGraphServer.StartAsync(new FakeGraphOptions
        {
            Users = [.. Everyone.Select(p => new FakeGraphUser(p.AadObjectId, p.Name, null, null, null, null, null, true)),
                new FakeGraphUser(Admin, "吴管理", null, null, null, null, null, true)],
            CatalogAppId = CatalogApp,
            InstallForbidden = forbidden,
            WritesPerSecond = writesPerSecond,
            OnInstalled = teams.Install,
        });
        var settings = new Dictionary<string, string>
        {
            ["Reach:CatalogAppId"] = CatalogApp,
            ["Reach:ServiceUrl"] = teams.ServiceUrl,
            ["Reach:TenantId"] = "tenant-1",
            ["Graph:BaseUrl"] = graph.BaseUrl,
            ["Graph:AllowInsecureHttp"] = "true",
            ["Sender:RetryDelay"] = "00:00:00.050",
        };
        foreach (var (key, value) in more ?? new Dictionary<string, string>())
        {
            settings[key] = value;
        }

        var bot = new BotUnderTest(azurite, Now, connector: new ConnectorClient(new HttpClient(), new NoBotTokenProvider(), new ServiceUrlPolicy(new BotConnectorOptions(), new EdgeOptions())), settings: settings)
        {
            Replace = services => services.AddSingleton(GraphDirectorySourceTests.Connection(graph)),
        };
        _ = bot.Server;
        return new Rig(graph, teams, bot);
    }

    [Fact]
    public async Task Tell_SomeoneWhoNeverOpenedTalkBot_InstallsTheApp_OpensTheChat_AndDelivers_ThenReusesIt()
    {
        await using var rig = await StartAsync();

        Assert.True(await rig.TellAsync(Person.Cadre1, "第一条"));
        Assert.True(await rig.TellAsync(Person.Cadre1, "第二条"));

        Assert.Equal(1, rig.Installs);
        var chat = "a:personal-" + Person.Cadre1.AadObjectId;
        Assert.Equal(2, rig.Teams.Activities(chat).Count);
        var reference = await rig.Bot.Services.GetRequiredService<ConversationReferences>().FindAsync(new PersonId(Person.Cadre1.AadObjectId), default);
        Assert.Equal(("29:" + Person.Cadre1.AadObjectId, chat, "tenant-1"), (reference!.UserId, reference.ConversationId, reference.TenantId));
    }

    [Fact]
    public async Task Tell_WhenTheAppIsThereAlready_OpensTheChatAfterGraphs409()
    {
        await using var rig = await StartAsync();
        rig.Graph.Tenant.Install(Person.Cadre2.AadObjectId, CatalogApp);
        rig.Teams.Install(Person.Cadre2.AadObjectId);

        Assert.True(await rig.TellAsync(Person.Cadre2, "你好"));

        Assert.Contains(rig.Graph.Received, r => r.StatusCode == 409);
        Assert.Single(rig.Teams.Activities("a:personal-" + Person.Cadre2.AadObjectId));
    }

    [Fact]
    public async Task Tell_SomeoneWhoRemovedTalkBot_IsNotInstalledAgain_AndStaysUnreachable()
    {
        await using var rig = await StartAsync();
        var references = rig.Bot.Services.GetRequiredService<ConversationReferences>();
        var person = new PersonId(Person.Cadre1.AadObjectId);
        await references.SaveAsync(new PersonalConversation(person, "29:x", null, "28:talkbot", null, "a:old", rig.Teams.ServiceUrl, "msteams", "tenant-1", null), default);
        await references.MarkRemovedAsync(person, default);

        Assert.False(await rig.TellAsync(Person.Cadre1, "你好"));

        Assert.Equal(0, rig.Installs);
        Assert.False(rig.Graph.Tenant.IsInstalled(Person.Cadre1.AadObjectId, CatalogApp));
    }

    [Fact]
    public async Task Tell_WithoutThePermission_LeavesPeopleUnreachable_AndTellsAdministratorsOnce_NamingIt()
    {
        await using var rig = await StartAsync(forbidden: true);
        var admin = new PersonId(Admin);
        await rig.Bot.Services.GetRequiredService<ConversationReferences>().SaveAsync(
            new PersonalConversation(admin, "29:admin", null, "28:talkbot", null, "c-admin", rig.Teams.ServiceUrl, "msteams", "tenant-1", "zh-CN"), default);

        Assert.False(await rig.TellAsync(Person.Cadre1, "一"));
        Assert.False(await rig.TellAsync(Person.Cadre2, "二"));
        rig.Bot.Clock.Advance(TimeSpan.FromMinutes(1));
        await rig.Bot.RunSchedulerAsync();
        await rig.Bot.RunSchedulerAsync();

        Assert.Equal(1, rig.Installs); // the second person is not tried while the permission is known to be missing
        var told = rig.Teams.Activities("c-admin");
        Assert.Single(told);
        Assert.Contains(PermissionNotice.Permission, told[0].Json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ManyAtOnce_ThrottledByGraph_WaitForRetryAfter_AndAllArrive()
    {
        await using var rig = await StartAsync(writesPerSecond: 2, more: new Dictionary<string, string> { ["Reach:InstallsPerSecond"] = "20", ["Reach:Concurrency"] = "5" });

        var delivered = await rig.TellAllAsync(Everyone, "计划");

        Assert.All(delivered, Assert.True);
        Assert.True(rig.Graph.Throttled > 0, "Graph should have answered 429 at least once");
        Assert.Equal(0, rig.Graph.RetryAfterIgnored);
        Assert.Equal(Everyone.Length, rig.Graph.Tenant.InstalledCount);
    }
}
