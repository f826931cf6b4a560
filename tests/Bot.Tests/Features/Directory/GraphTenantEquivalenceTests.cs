using Microsoft.Extensions.DependencyInjection;
using TalkBot.Bot.Features.Plans;
using TalkBot.Bot.Infrastructure.People;
using TalkBot.Bot.Tests.Support;
using TalkBot.Domain.People;
using TalkBot.Domain.Plans;
using TalkBot.FakeGraph;

namespace TalkBot.Bot.Tests.Features.Directory;

/// <summary>
/// A tenant that lives in Graph only (departments, managers, role groups; nothing assigned by card) gives the same four
/// tiers (000 §二) and the same monthly plans as the organisation file that describes the same organisation.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class GraphTenantEquivalenceTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task GraphOnlyTenant_OfFourLevels_GivesTheSameTiersAndPlans_AsTheOrganisationFile()
    {
        var tenant = new FourLevelTenant();
        Assert.True(tenant.People >= 2000, $"{tenant.People} people");
        var file = Path.Combine(Path.GetTempPath(), $"four-level-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, tenant.OrgFileJson());
        try
        {
            var fromFile = await ReadAsync(new BotUnderTest(azurite, DateTimeOffset.UtcNow, settings: new Dictionary<string, string> { ["Directory:OrgFile"] = file }));
            await using var graph = await FakeGraphServer.StartAsync(tenant.Graph());
            var settings = new Dictionary<string, string>
            {
                ["Directory:Source"] = "Graph",
                ["Directory:SyncInterval"] = "00:00:00",
                ["Graph:BaseUrl"] = graph.BaseUrl,
                ["Graph:AllowInsecureHttp"] = "true",
            };
            foreach (var role in Enum.GetValues<Role>())
            {
                settings[$"Directory:Graph:RoleGroups:{role}"] = FourLevelTenant.GroupOf(role);
            }

            var fromGraph = await ReadAsync(new BotUnderTest(azurite, DateTimeOffset.UtcNow, settings: settings)
            {
                Replace = services => services.AddSingleton(GraphDirectorySourceTests.Connection(graph)),
            });

            Assert.Equal(tenant.People, fromGraph.People);
            Assert.True(fromFile.Tiers.Count > 250, $"{fromFile.Tiers.Count} tier lines");
            Assert.Equal(4, fromFile.Tiers.Select(t => t.Split('|')[0]).Distinct().Count());
            Assert.Equal(fromFile.Tiers, fromGraph.Tiers);
            Assert.Equal(fromFile.Plans, fromGraph.Plans);
            Assert.Equal(fromFile.Levels, fromGraph.Levels);
        }
        finally
        {
            File.Delete(file);
        }
    }

    private sealed record Organisation(int People, IReadOnlyList<string> Tiers, IReadOnlyList<string> Plans, IReadOnlyList<string> Levels);

    /// <summary>What the bot stored, in terms both sources share: people's ids and units' names.</summary>
    private static async Task<Organisation> ReadAsync(BotUnderTest bot)
    {
        await using var running = bot;
        _ = running.Server;
        var store = bot.Services.GetRequiredService<PeopleStore>();
        var people = await store.ListAsync(default);
        var units = await store.ListUnitsAsync(default);
        var names = units.ToDictionary(u => u.Id, u => u.Name);
        string Unit(Domain.UnitId? id) => id is { } u ? names[u] : "-";
        string Ids(IEnumerable<Domain.PersonId> ids) => string.Join(',', ids.Select(i => i.Value).Order(StringComparer.Ordinal));
        var directory = PlanDirectory.Of(people, units);
        var tiers = directory.Assignments
            .Select(a => $"{(int)a.Tier}|{a.Talker.Value}|{a.Talkee.Value}|{a.Line}|{Unit(a.Unit)}|{Ids(a.Assistants)}|{Ids(a.DelegateTo)}|{Ids(a.MayInviteJointly)}")
            .Order(StringComparer.Ordinal).ToList();
        var plans = directory.ItemsByTalker()
            .SelectMany(p => p.Value.Select(i => $"{p.Key.Value}|{i.Talkee.Value}|{i.Tier}|{i.Line}|{Unit(i.Unit)}|{i.Status}"))
            .Order(StringComparer.Ordinal).ToList();
        var levels = units.Select(u => $"{u.Name}|{u.Level}|{(u.ParentId is { } p ? names[p] : "-")}").Order(StringComparer.Ordinal).ToList();
        return new Organisation(people.Count, tiers, plans, levels);
    }
}
