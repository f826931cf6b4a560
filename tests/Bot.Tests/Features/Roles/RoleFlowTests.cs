using System.Net;
using System.Text.Json;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using Person = TalkBot.Bot.Tests.Support.Person;
using TalkBot.Bot.Features.Roles;
using TalkBot.Bot.Infrastructure.People;
using TalkBot.Bot.Infrastructure.Storage;
using TalkBot.Bot.Tests.Support;
using TalkBot.Cards;
using TalkBot.Cards.Localization;
using TalkBot.Cards.Roles;
using TalkBot.Domain;
using TalkBot.Domain.People;

namespace TalkBot.Bot.Tests.Features.Roles;

/// <summary>
/// Issue 5: an administrator assigns Party and discipline roles and ranks (SPEC §1) on the card and by CSV, against
/// real Table Storage (Azurite): People rows change at once, every change is audited once, and a refused or invalid
/// request changes nothing.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class RoleFlowTests(AzuriteFixture azurite)
{
    private static readonly DateTimeOffset Monday = new(2026, 3, 2, 10, 0, 0, TimeSpan.FromHours(8));

    /// <summary>吴管理 of tests/Bot.Tests/TestData/org.json, the only administrator.</summary>
    private static readonly Person Admin = new("00000000-0000-0000-0000-00000000a006", "29:admin", "吴管理");

    private static PersonId Id(Person person) => new(person.AadObjectId);

    private async Task<BotUnderTest> StartAsync()
    {
        var bot = new BotUnderTest(azurite, Monday);
        _ = bot.Server; // tables created, directory loaded
        Assert.Equal(HttpStatusCode.OK, await bot.InstallAsync(Admin));
        return bot;
    }

    private static object Assignment(Person person, string roles, string rank) => new Dictionary<string, string>
    {
        [RoleFields.Person] = person.AadObjectId,
        [RoleFields.Roles] = roles,
        [RoleFields.Rank] = rank,
    };

    private static object Csv(string text) => new Dictionary<string, string> { [RoleFields.Csv] = text };

    private static string Text(JsonElement card) => CardText.Of(card);

    private static Task<Domain.People.Person?> StoredAsync(BotUnderTest bot, Person person) =>
        bot.Services.GetRequiredService<PeopleStore>().FindAsync(Id(person), default);

    private static Task<IReadOnlyList<RoleAuditEntity>> AuditAsync(BotUnderTest bot, Person person) =>
        bot.Services.GetRequiredService<RoleAssignmentStore>().HistoryAsync(Id(person), 100, default);

    private static async Task<int> RoleRowsAsync(BotUnderTest bot)
    {
        var rows = 0;
        await foreach (var _ in bot.Services.GetRequiredService<TableSet>()[RoleAssignmentStore.Table].QueryAsync<TableEntity>())
        {
            rows++;
        }

        return rows;
    }

    /// <summary>The value of the card's input <paramref name="id"/>, as the client would submit it untouched.</summary>
    private static string? InputValue(JsonElement element, string id)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                if (element.TryGetProperty("id", out var found) && found.GetString() == id)
                {
                    return element.TryGetProperty("value", out var value) ? value.GetString() : null;
                }

                foreach (var property in element.EnumerateObject())
                {
                    if (InputValue(property.Value, id) is { } inner)
                    {
                        return inner;
                    }
                }

                return null;
            case JsonValueKind.Array:
                return element.EnumerateArray().Select(e => InputValue(e, id)).FirstOrDefault(v => v is not null);
            default:
                return null;
        }
    }

    [Fact]
    public async Task Admin_AssignsOnTheCard_ThePeopleRowChangesAtOnce_AndTheChangeIsAudited()
    {
        await using var bot = await StartAsync();

        Assert.Equal(HttpStatusCode.OK, await bot.SendAsync(Admin, "message", a => a["text"] = "角色管理"));
        var manage = Assert.Single(bot.Connector.CardsTo(Admin), c => c.Contains(Verbs.RolesLoad, StringComparison.Ordinal));
        Assert.Contains("王干部", manage, StringComparison.Ordinal);
        Assert.Contains("person,roles,rank", manage, StringComparison.Ordinal);

        var editor = await bot.ExecuteAsync(Admin, Verbs.RolesLoad, new Dictionary<string, string> { [RoleFields.Person] = Person.Cadre2.AadObjectId });
        Assert.Contains("角色管理：王干部", Text(editor), StringComparison.Ordinal);
        Assert.Contains("纪委办（监察处）", Text(editor), StringComparison.Ordinal);
        Assert.Equal("UnitCommitteeMember", InputValue(editor, RoleFields.Roles)); // prefilled with what 王干部 holds
        Assert.Equal("SectionAndBelow", InputValue(editor, RoleFields.Rank));

        var saved = Text(await bot.ExecuteAsync(Admin, Verbs.RolesAssign, Assignment(Person.Cadre2, "Recorder,UnitCommitteeMember", "DeputyDivision")));

        Assert.Contains("角色已更新", saved, StringComparison.Ordinal);
        var stored = await StoredAsync(bot, Person.Cadre2);
        Assert.NotNull(stored);
        Assert.Equal(new HashSet<Role> { Role.Recorder, Role.UnitCommitteeMember }, stored.Roles);
        Assert.Equal(Rank.DeputyDivision, stored.Rank);
        Assert.Equal(("王干部", "cadre2@test.local", "第一基层党委委员", Person.Cadre1.AadObjectId), (stored.DisplayName, stored.UserPrincipalName, stored.JobTitle, stored.ManagerId?.Value));
        var audit = Assert.Single(await AuditAsync(bot, Person.Cadre2));
        Assert.Equal((Admin.AadObjectId, "吴管理", "Card"), (audit.By, audit.ByName, audit.Source));
        Assert.Equal(("UnitCommitteeMember", "SectionAndBelow"), (audit.RolesBefore, audit.RankBefore));
        Assert.Equal(("UnitCommitteeMember,Recorder", "DeputyDivision"), (audit.RolesAfter, audit.RankAfter));
        Assert.Equal(Monday, audit.At);

        // Everything that reads people sees it: as a recorder, 王干部 is now offered the records to log.
        Assert.Equal(HttpStatusCode.OK, await bot.InstallAsync(Person.Cadre2));
        Assert.Contains(bot.Connector.CardsTo(Person.Cadre2), c => c.Contains("待办记录", StringComparison.Ordinal));

        var history = Text(await bot.ExecuteAsync(Admin, Verbs.RolesLoad, new Dictionary<string, string> { [RoleFields.Person] = Person.Cadre2.AadObjectId }));
        Assert.Contains("吴管理（卡片）", history, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SameSubmitTwice_ChangesOnce_AndAddsOneAuditLine()
    {
        await using var bot = await StartAsync();

        await bot.ExecuteAsync(Admin, Verbs.RolesAssign, Assignment(Person.Cadre1, "UnitHead,UnitSecretary", "Division"));
        var second = Text(await bot.ExecuteAsync(Admin, Verbs.RolesAssign, Assignment(Person.Cadre1, "UnitSecretary,UnitHead", "Division")));

        Assert.Contains("角色未变更", second, StringComparison.Ordinal);
        Assert.Single(await AuditAsync(bot, Person.Cadre1));
        Assert.Equal(Rank.Division, (await StoredAsync(bot, Person.Cadre1))!.Rank);
    }

    [Fact]
    public async Task NonAdministrator_IsRefused_EvenWithACraftedInvoke_AndNothingChanges()
    {
        await using var bot = await StartAsync();
        Assert.Equal(HttpStatusCode.OK, await bot.InstallAsync(Person.Office));

        Assert.Equal(HttpStatusCode.OK, await bot.SendAsync(Person.Office, "message", a => a["text"] = "roles"));
        var assign = Text(await bot.ExecuteAsync(Person.Office, Verbs.RolesAssign, Assignment(Person.Office, "DisciplineOffice,Administrator", "Division")));
        var import = Text(await bot.ExecuteAsync(Person.Office, Verbs.RolesImport, Csv($"person,roles,rank\n{Person.Cadre1.AadObjectId},Administrator,Division")));
        var load = Text(await bot.ExecuteAsync(Person.Office, Verbs.RolesLoad, new Dictionary<string, string> { [RoleFields.Person] = Person.Cadre1.AadObjectId }));

        Assert.Contains(bot.Connector.CardsTo(Person.Office), c => c.Contains("没有此操作的权限", StringComparison.Ordinal));
        Assert.All(new[] { assign, import, load }, card => Assert.Contains("没有此操作的权限", card, StringComparison.Ordinal));
        Assert.DoesNotContain("王干部", load, StringComparison.Ordinal);
        Assert.Equal([Role.DisciplineOffice], (await StoredAsync(bot, Person.Office))!.Roles);
        Assert.Equal([Role.UnitSecretary, Role.UnitHead], (await StoredAsync(bot, Person.Cadre1))!.Roles.Order());
        Assert.Equal(0, await RoleRowsAsync(bot));
    }

    [Fact]
    public async Task UnknownPerson_IsRefusedClearly_InBothLanguages()
    {
        await using var bot = await StartAsync();
        const string Nobody = "00000000-0000-0000-0000-0000000000ff";

        var zh = Text(await bot.ExecuteAsync(Admin, Verbs.RolesAssign, new Dictionary<string, string>
        {
            [RoleFields.Person] = Nobody, [RoleFields.Roles] = "Recorder", [RoleFields.Rank] = "Division",
        }));
        var en = Text(await bot.ExecuteAsync(Admin with { Locale = "en-US" }, Verbs.RolesAssign, new Dictionary<string, string>
        {
            [RoleFields.Person] = Nobody, [RoleFields.Roles] = "Recorder", [RoleFields.Rank] = "Division",
        }));

        Assert.Contains($"组织名录中没有“{Nobody}”", zh, StringComparison.Ordinal);
        Assert.Contains($"“{Nobody}” is not in the organisation directory", en, StringComparison.Ordinal);
        Assert.Equal(0, await RoleRowsAsync(bot));
    }

    [Fact]
    public async Task BadRank_IsShownInTheEditor_AndNothingChanges()
    {
        await using var bot = await StartAsync();

        var card = Text(await bot.ExecuteAsync(Admin, Verbs.RolesAssign, Assignment(Person.Cadre2, "Recorder", "Colonel")));

        Assert.Contains("角色管理：王干部", card, StringComparison.Ordinal);
        Assert.Contains("职级“Colonel”无效，应为正处级、副处级或科级及以下", card, StringComparison.Ordinal);
        var stored = await StoredAsync(bot, Person.Cadre2);
        Assert.Equal([Role.UnitCommitteeMember], stored!.Roles);
        Assert.Equal(Rank.SectionAndBelow, stored.Rank);
        Assert.Equal(0, await RoleRowsAsync(bot));
    }

    [Fact]
    public async Task Csv_WithOneBadRow_ImportsNothing_AndNamesTheLine()
    {
        await using var bot = await StartAsync();
        var csv = $"""
            person,roles,rank
            cadre1@test.local,单位主要领导;基层党委(党总支、党支部)书记,正处级
            {Person.Cadre2.AadObjectId},记录人;主席,副处级
            recorder@test.local,Recorder,SectionAndBelow
            """;

        var card = Text(await bot.ExecuteAsync(Admin, Verbs.RolesImport, Csv(csv)));

        Assert.Contains("未导入", card, StringComparison.Ordinal);
        Assert.Contains("第3行：“主席”不是规定的角色", card, StringComparison.Ordinal);
        Assert.Contains("cadre1@test.local", card, StringComparison.Ordinal); // the CSV is shown again to correct
        Assert.Equal(Rank.DeputyDivision, (await StoredAsync(bot, Person.Cadre1))!.Rank);
        Assert.Equal(0, await RoleRowsAsync(bot));
    }

    [Fact]
    public async Task GoodCsv_ImportsEveryRow_AuditsEachChange_AndAgainChangesNothing()
    {
        await using var bot = await StartAsync();
        var csv = $"""
            person,roles,rank
            cadre1@test.local,单位主要领导;基层党委（党总支、党支部）书记,正处级
            {Person.Cadre2.AadObjectId},记录人,副处级
            recorder@test.local,Recorder,SectionAndBelow
            """;

        var card = Text(await bot.ExecuteAsync(Admin, Verbs.RolesImport, Csv(csv)));

        Assert.Contains("导入完成：2 人已更新", card, StringComparison.Ordinal);
        Assert.Contains("1 人的角色和职级与当前相同", card, StringComparison.Ordinal);
        var cadre1 = await StoredAsync(bot, Person.Cadre1);
        Assert.Equal(new HashSet<Role> { Role.UnitHead, Role.UnitSecretary }, cadre1!.Roles);
        Assert.Equal(Rank.Division, cadre1.Rank);
        var cadre2 = await StoredAsync(bot, Person.Cadre2);
        Assert.Equal([Role.Recorder], cadre2!.Roles);
        Assert.Equal(Rank.DeputyDivision, cadre2.Rank);
        var first = Assert.Single(await AuditAsync(bot, Person.Cadre1));
        var second = Assert.Single(await AuditAsync(bot, Person.Cadre2));
        Assert.Equal(("Csv", 2, 3), (first.Source, first.Line, second.Line));
        Assert.NotNull(first.Import);
        Assert.Equal(first.Import, second.Import);
        Assert.Empty(await AuditAsync(bot, Person.Recorder));

        var again = Text(await bot.ExecuteAsync(Admin, Verbs.RolesImport, Csv(csv)));

        Assert.Contains("导入完成：0 人已更新", again, StringComparison.Ordinal);
        Assert.Single(await AuditAsync(bot, Person.Cadre1));
        Assert.Single(await AuditAsync(bot, Person.Cadre2));
    }

    [Fact]
    public async Task AssignedRoles_SurviveTheDirectorySyncOfARestart()
    {
        string prefix;
        {
            await using var bot = await StartAsync();
            prefix = bot.TablePrefix;
            await bot.ExecuteAsync(Admin, Verbs.RolesAssign, Assignment(Person.Cadre2, "Recorder", "Division"));
        }

        // The org file still says UnitCommitteeMember / SectionAndBelow; the start-up sync writes that first.
        await using var restarted = new BotUnderTest(azurite, Monday, prefix);
        _ = restarted.Server;

        var stored = await StoredAsync(restarted, Person.Cadre2);
        Assert.Equal([Role.Recorder], stored!.Roles);
        Assert.Equal(Rank.Division, stored.Rank);
        Assert.Single(await AuditAsync(restarted, Person.Cadre2));
    }
}
