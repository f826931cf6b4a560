using System.Net;
using Microsoft.Extensions.DependencyInjection;
using TalkBot.Bot.Features.Directory;
using TalkBot.Bot.Infrastructure.People;
using TalkBot.Bot.Tests.Support;
using TalkBot.Domain;
using TalkBot.Domain.People;
using TalkBot.FakeGraph;

namespace TalkBot.Bot.Tests.Features.Directory;

/// <summary>
/// The directory from Microsoft Graph into Table Storage (the bot on Azurite, Graph played by the local Graph-shaped
/// server): people, units from departments and reporting lines stored; roles and ranks kept across syncs; people who
/// left kept inactive; 同步组织 for administrators only, with the last sync on their 组织架构 card.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class DirectorySyncTests(AzuriteFixture azurite)
{
    private const string Head = "00000000-0000-0000-0000-00000000c001";
    private const string Admin = "00000000-0000-0000-0000-00000000c002";
    private const string Clerk = "00000000-0000-0000-0000-00000000c003";

    private static FakeGraphUser User(string id, string name, string department, string? manager, bool enabled = true) =>
        new(id, name, department, "职员", null, $"{id[^4..]}@test.local", manager, enabled);

    private static List<FakeGraphUser> Users() =>
    [
        User(Head, "郑局长", "局机关", null),
        User(Admin, "林管理员", "纪委办", Head),
        User(Clerk, "何干事", "纪委办", Admin),
    ];

    private BotUnderTest Start(FakeGraphServer graph, IReadOnlyDictionary<string, string>? more = null)
    {
        var settings = new Dictionary<string, string>
        {
            ["Directory:Source"] = "Graph",
            ["Directory:SyncInterval"] = "00:00:00",
            ["Graph:BaseUrl"] = graph.BaseUrl,
            ["Graph:AllowInsecureHttp"] = "true",
            ["Graph:TenantId"] = "tenant-1",
            ["Graph:ClientId"] = "client-1",
        };
        foreach (var (key, value) in more ?? new Dictionary<string, string>())
        {
            settings[key] = value;
        }

        return new(azurite, DateTimeOffset.UtcNow, settings: settings)
        {
            Replace = services => services.AddSingleton(GraphDirectorySourceTests.Connection(graph)),
        };
    }

    [Fact]
    public void Merge_KeepsAssignedRolesAndRank_PlacesPeopleInTheirUnits_AndGroupsDecideTheirRoles()
    {
        var stored = new Domain.People.Person(new PersonId(Admin), "旧名字", null, null, Rank.DeputyDivision,
            new HashSet<Role> { Role.Administrator, Role.UnitHead }, null);
        var office = new UnitId("office");
        var people = DirectoryMerge.Merge(
            [new(Admin, "林管理员", "纪委办", "主任", null, "a@x", Head, true), new(Clerk, "何干事", "新部门", null, null, null, null, false)],
            new Dictionary<PersonId, UnitId?> { [new PersonId(Admin)] = office },
            [stored], [], new HashSet<Role> { Role.UnitHead, Role.Recorder },
            new Dictionary<PersonId, HashSet<Role>> { [new PersonId(Clerk)] = [Role.Recorder] });

        var admin = people.Single(p => p.Id.Value == Admin);
        Assert.Equal(("林管理员", Rank.DeputyDivision, office), (admin.DisplayName, admin.Rank, admin.UnitId!.Value));
        Assert.Equal([Role.Administrator], admin.Roles); // UnitHead is the group's now, and the admin is not in it
        Assert.Equal(new PersonId(Head), admin.ManagerId);
        var clerk = people.Single(p => p.Id.Value == Clerk);
        Assert.Equal([Role.Recorder], clerk.Roles);
        Assert.False(clerk.Active);
        Assert.Null(clerk.UnitId);
    }

    [Fact]
    public async Task StartUp_StoresPeopleAndReportingLines_AndASecondSyncKeepsRolesAndMarksLeaversInactive()
    {
        await using var graph = await FakeGraphServer.StartAsync(new FakeGraphOptions { Users = Users() });
        await using var bot = Start(graph);
        _ = bot.Server;
        var people = bot.Services.GetRequiredService<PeopleStore>();

        var stored = await people.ListAsync(default);
        Assert.Equal(3, stored.Count);
        Assert.Equal(new PersonId(Admin), stored.Single(p => p.Id.Value == Clerk).ManagerId);
        Assert.Equal("纪委办", (await people.ListUnitsAsync(default)).Single(u => u.Id == stored.Single(p => p.Id.Value == Clerk).UnitId).Name);
        Assert.Equal(1, graph.Requests);

        // An administrator is assigned (by the role card, here directly); the clerk leaves the directory.
        Assert.True(await people.UpdateRolesAsync(new PersonId(Admin), new HashSet<Role> { Role.Administrator, Role.DisciplineOffice }, Rank.DeputyDivision, default));
        graph.Tenant.Remove(Clerk);
        var status = await bot.Services.GetRequiredService<DirectorySync>().SyncAsync(default);

        Assert.Equal(2, status.People);
        var admin = await people.FindAsync(new PersonId(Admin), default);
        Assert.Contains(Role.Administrator, admin!.Roles);
        Assert.Equal(Rank.DeputyDivision, admin.Rank);
        var clerk = await people.FindAsync(new PersonId(Clerk), default);
        Assert.False(clerk!.Active);
        Assert.Equal("何干事", clerk.DisplayName);
    }

    [Fact]
    public async Task SyncCommand_IsForAdministrators_AndTheirOrgCardShowsTheLastSync()
    {
        await using var graph = await FakeGraphServer.StartAsync(new FakeGraphOptions { Users = Users() });
        await using var bot = Start(graph);
        _ = bot.Server;
        var admin = new Support.Person(Admin, "29:admin", "林管理员");
        var clerk = new Support.Person(Clerk, "29:clerk", "何干事");
        await bot.Services.GetRequiredService<PeopleStore>().UpdateRolesAsync(new PersonId(Admin), new HashSet<Role> { Role.Administrator }, Rank.DeputyDivision, default);
        var before = graph.Requests;

        Assert.Equal(HttpStatusCode.OK, await bot.SendAsync(clerk, "message", a => a["text"] = "同步组织"));
        Assert.Contains(bot.Connector.CardsTo(clerk), c => c.Contains("没有此操作的权限", StringComparison.Ordinal));
        Assert.Equal(before, graph.Requests);

        Assert.Equal(HttpStatusCode.OK, await bot.SendAsync(admin, "message", a => a["text"] = "同步组织"));
        Assert.Contains(bot.Connector.CardsTo(admin), c => c.Contains("组织架构已同步", StringComparison.Ordinal) && c.Contains("3 人", StringComparison.Ordinal));
        Assert.True(graph.Requests > before);

        Assert.Equal(HttpStatusCode.OK, await bot.SendAsync(admin, "message", a => a["text"] = "组织架构"));
        Assert.Contains(bot.Connector.CardsTo(admin), c => c.Contains("最近一次组织同步", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.OK, await bot.SendAsync(clerk, "message", a => a["text"] = "组织架构"));
        Assert.DoesNotContain(bot.Connector.CardsTo(clerk), c => c.Contains("最近一次组织同步", StringComparison.Ordinal));
    }
}
