using System.Net;
using Microsoft.Extensions.DependencyInjection;
using TalkBot.Bot.Features.Directory;
using TalkBot.Bot.Infrastructure.Audit;
using TalkBot.Bot.Infrastructure.People;
using TalkBot.Bot.Tests.Support;
using TalkBot.Cards;
using TalkBot.Cards.Builders;
using TalkBot.Domain;
using TalkBot.Domain.People;
using TalkBot.FakeGraph;

namespace TalkBot.Bot.Tests.Features.Directory;

/// <summary>
/// A tenant read from Graph only (the bot on Azurite, Graph played by the fake): units from reporting lines, roles from
/// role groups, corrections on 单位管理 that are audited and survive every sync, and 组织架构 saying why.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class UnitCorrectionTests(AzuriteFixture azurite)
{
    private const string Head = "00000000-0000-0000-0000-00000000d001";
    private const string Admin = "00000000-0000-0000-0000-00000000d002";
    private const string EastHead = "00000000-0000-0000-0000-00000000d003";
    private const string Clerk = "00000000-0000-0000-0000-00000000d004";
    private const string Office = "00000000-0000-0000-0000-00000000d005";

    private static FakeGraphUser User(string id, string name, string department, string? manager) =>
        new(id, name, department, "职员", null, $"{id[^4..]}@test.local", manager, true);

    private static FakeGraphOptions Tenant() => new()
    {
        Users =
        [
            User(Head, "郑局长", "测试局", null), User(Admin, "林管理员", "测试局", Head), User(EastHead, "东书记", "东城分局党委", Head),
            User(Clerk, "何干事", "东城分局党委", EastHead), User(Office, "办公室主任", "办公室", Head),
        ],
        Groups = new Dictionary<string, IReadOnlyList<string>> { ["g-admin"] = [Admin], ["g-secretary"] = [EastHead] },
    };

    private static readonly Dictionary<string, string> RoleGroups = new()
    {
        ["Directory:Graph:RoleGroups:Administrator"] = "g-admin",
        ["Directory:Graph:RoleGroups:UnitSecretary"] = "g-secretary",
    };

    private static Support.Person AdminPerson => new(Admin, "29:admin", "林管理员");

    private static Support.Person ClerkPerson => new(Clerk, "29:clerk", "何干事");

    private DirectorySyncTestsStart Start(FakeGraphServer graph) => new(azurite, graph, RoleGroups);

    [Fact]
    public async Task GraphOnly_UnitsFromReportingLines_RolesFromGroups_AndGroupChangesFollowAtTheNextSync()
    {
        await using var graph = await FakeGraphServer.StartAsync(Tenant());
        await using var bot = Start(graph).Bot;
        _ = bot.Server;
        var people = bot.Services.GetRequiredService<PeopleStore>();

        var units = await people.ListUnitsAsync(default);
        var east = units.Single(u => u.Name == "东城分局党委");
        Assert.Equal(UnitLevel.PartyCommittee, east.Level);
        Assert.Equal(units.Single(u => u.Level == UnitLevel.Bureau).Id, east.ParentId);
        Assert.Contains(Role.UnitSecretary, (await people.FindAsync(new PersonId(EastHead), default))!.Roles);
        Assert.Contains(Role.Administrator, (await people.FindAsync(new PersonId(Admin), default))!.Roles);

        graph.Tenant.RemoveMember("g-secretary", EastHead);
        graph.Tenant.AddMember("g-secretary", Clerk);
        var before = graph.Requests;
        await bot.Services.GetRequiredService<DirectorySync>().SyncAsync(default);

        Assert.Equal(2, graph.Requests - before); // one users delta, one groups delta
        Assert.DoesNotContain(Role.UnitSecretary, (await people.FindAsync(new PersonId(EastHead), default))!.Roles);
        Assert.Contains(Role.UnitSecretary, (await people.FindAsync(new PersonId(Clerk), default))!.Roles);
    }

    [Fact]
    public async Task Correction_OnTheCard_IsAudited_AndSurvivesEverySync()
    {
        await using var graph = await FakeGraphServer.StartAsync(Tenant());
        await using var bot = Start(graph).Bot;
        _ = bot.Server;
        var people = bot.Services.GetRequiredService<PeopleStore>();
        var office = (await people.ListUnitsAsync(default)).Single(u => u.Name == "办公室");
        var east = (await people.ListUnitsAsync(default)).Single(u => u.Name == "东城分局党委");
        Assert.Equal(UnitLevel.Department, office.Level);

        var card = CardText.Of(await bot.ExecuteAsync(AdminPerson, Verbs.UnitsCorrect,
            new Dictionary<string, string> { [UnitCards.UnitInput] = office.Id.Value, [UnitCards.LevelInput] = "Branch", [UnitCards.ParentInput] = east.Id.Value }));

        Assert.Contains("更正已保存", card, StringComparison.Ordinal);
        Assert.Contains("林管理员", card, StringComparison.Ordinal);
        graph.Tenant.Set(User(Office, "办公室主任（新）", "办公室", Head));
        await bot.Services.GetRequiredService<DirectorySync>().SyncAsync(default);
        var corrected = (await people.ListUnitsAsync(default)).Single(u => u.Id == office.Id);
        Assert.Equal((UnitLevel.Branch, east.Id), (corrected.Level, corrected.ParentId!.Value));
        var audit = await bot.Services.GetRequiredService<AuditLog>().ListAsync(DateTimeOffset.UtcNow.AddDays(1), 10, default);
        Assert.Single(audit, a => a.Object == Domain.Audit.AuditObject.Unit && a.ObjectId == office.Id.Value && a.Actor == new PersonId(Admin));

        // The same correction again: nothing changes, nothing more is audited.
        var again = CardText.Of(await bot.ExecuteAsync(AdminPerson, Verbs.UnitsCorrect,
            new Dictionary<string, string> { [UnitCards.UnitInput] = office.Id.Value, [UnitCards.LevelInput] = "Branch", [UnitCards.ParentInput] = east.Id.Value }));
        Assert.Contains("未作更改", again, StringComparison.Ordinal);

        // Back to what the directory says.
        var back = await bot.ExecuteAsync(AdminPerson, Verbs.UnitsCorrect, new Dictionary<string, string>
        {
            [UnitCards.UnitInput] = office.Id.Value, [UnitCards.LevelInput] = UnitCards.Derived, [UnitCards.ParentInput] = UnitCards.Derived,
        });
        Assert.True(UnitLevel.Department == (await people.ListUnitsAsync(default)).Single(u => u.Id == office.Id).Level, CardText.Of(back));
    }

    [Fact]
    public async Task Correction_ThatMakesACycle_IsRefusedWithTheRule_AndAClerkIsRefused()
    {
        await using var graph = await FakeGraphServer.StartAsync(Tenant());
        await using var bot = Start(graph).Bot;
        _ = bot.Server;
        var units = await bot.Services.GetRequiredService<PeopleStore>().ListUnitsAsync(default);
        var bureau = units.Single(u => u.Level == UnitLevel.Bureau);
        var east = units.Single(u => u.Name == "东城分局党委");

        var cycle = CardText.Of(await bot.ExecuteAsync(AdminPerson, Verbs.UnitsCorrect, new Dictionary<string, string>
        {
            [UnitCards.UnitInput] = bureau.Id.Value, [UnitCards.LevelInput] = UnitCards.Derived, [UnitCards.ParentInput] = east.Id.Value,
        }));
        var refused = CardText.Of(await bot.ExecuteAsync(ClerkPerson, Verbs.UnitsCorrect, new Dictionary<string, string>
        {
            [UnitCards.UnitInput] = east.Id.Value, [UnitCards.LevelInput] = "Branch", [UnitCards.ParentInput] = UnitCards.Derived,
        }));

        Assert.Contains("000 §二", cycle, StringComparison.Ordinal);
        Assert.Contains("不能设在", cycle, StringComparison.Ordinal);
        Assert.Contains("没有此操作的权限", refused, StringComparison.Ordinal);
        Assert.Equal(units, await bot.Services.GetRequiredService<PeopleStore>().ListUnitsAsync(default));
    }

    [Fact]
    public async Task OrgCard_SaysWhyTheUnitSitsWhereItDoes_AndUnitsCardListsThem()
    {
        await using var graph = await FakeGraphServer.StartAsync(Tenant());
        await using var bot = Start(graph).Bot;
        _ = bot.Server;

        Assert.Equal(HttpStatusCode.OK, await bot.SendAsync(ClerkPerson, "message", a => a["text"] = "组织架构"));
        Assert.Contains(bot.Connector.CardsTo(ClerkPerson), c => c.Contains("设在“测试局”之下：本单位负责人 东书记 的上级 郑局长 在该单位", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.OK, await bot.SendAsync(AdminPerson, "message", a => a["text"] = "单位管理"));
        Assert.Contains(bot.Connector.CardsTo(AdminPerson), c => c.Contains("基层党委 1 个", StringComparison.Ordinal));
    }
}

/// <summary>The bot reading the fake Graph, with role groups configured.</summary>
internal sealed class DirectorySyncTestsStart(AzuriteFixture azurite, FakeGraphServer graph, IReadOnlyDictionary<string, string> more)
{
    public BotUnderTest Bot { get; } = new(azurite, DateTimeOffset.UtcNow, settings: new Dictionary<string, string>(more)
    {
        ["Directory:Source"] = "Graph",
        ["Directory:SyncInterval"] = "00:00:00",
        ["Graph:BaseUrl"] = graph.BaseUrl,
        ["Graph:AllowInsecureHttp"] = "true",
        ["Graph:TenantId"] = "tenant-1",
        ["Graph:ClientId"] = "client-1",
    })
    {
        Replace = services => services.AddSingleton(GraphDirectorySourceTests.Connection(graph)),
    };
}
