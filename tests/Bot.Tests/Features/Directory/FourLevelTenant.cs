using System.Globalization;
using System.Text.Json;
using TalkBot.Domain.People;
using TalkBot.FakeGraph;

namespace TalkBot.Bot.Tests.Features.Directory;

/// <summary>
/// One organisation of four levels (局 → 8 基层党委 → 4 党总支 each → 4 党支部 each, and the bureau's 纪检监察组), 2,000+
/// people, written two ways: an organisation file (units with levels and parents, people with roles) and a Graph tenant
/// (departments named after the units, managers along the lines, one role group per role).
/// </summary>
internal sealed class FourLevelTenant
{
    private readonly List<(string Id, string Name, UnitLevel Level, string? Parent)> units = [];
    private readonly List<(string Id, string Name, string Unit, string? Manager, Role[] Roles)> people = [];

    public FourLevelTenant(int membersPerBranch = 14)
    {
        units.Add(("bureau", "测试局", UnitLevel.Bureau, null));
        units.Add(("group", "纪检监察组", UnitLevel.Department, "bureau"));
        var head = Add("局党委书记", "bureau", null, Role.BureauSecretary);
        for (var m = 1; m <= 4; m++)
        {
            Add($"局党委委员{m}", "bureau", head, Role.BureauCommitteeMember);
        }

        var leader = Add("纪检监察组组长", "group", head, Role.DisciplineGroupLeader, Role.BureauCommitteeMember);
        Add("纪检监察组副组长1", "group", leader, Role.DeputyGroupLeader);
        Add("纪检监察组副组长2", "group", leader, Role.DeputyGroupLeader);
        for (var c = 1; c <= 8; c++)
        {
            var committee = $"c{c}";
            units.Add((committee, $"第{c}分局党委", UnitLevel.PartyCommittee, "bureau"));
            var secretary = Add($"第{c}分局党委书记", committee, head, Role.UnitSecretary, Role.UnitHead);
            for (var m = 1; m <= 3; m++)
            {
                Add($"第{c}分局党委委员{m}", committee, secretary, Role.UnitCommitteeMember);
            }

            Add($"第{c}分局派驻组长", committee, secretary, Role.StationedDisciplineLeader);
            for (var g = 1; g <= 4; g++)
            {
                var general = $"c{c}g{g}";
                units.Add((general, $"第{c}分局第{g}党总支", UnitLevel.GeneralBranch, committee));
                var generalSecretary = Add($"第{c}分局第{g}党总支书记", general, secretary, Role.UnitSecretary, Role.UnitHead);
                Add($"第{c}分局第{g}党总支委员", general, generalSecretary, Role.UnitCommitteeMember);
                for (var b = 1; b <= 4; b++)
                {
                    var branch = $"c{c}g{g}b{b}";
                    units.Add((branch, $"第{c}分局第{g}总支第{b}党支部", UnitLevel.Branch, general));
                    var branchSecretary = Add($"第{c}分局第{g}总支第{b}党支部书记", branch, generalSecretary, Role.UnitSecretary, Role.UnitHead);
                    for (var m = 1; m <= membersPerBranch; m++)
                    {
                        Add($"党员{c}-{g}-{b}-{m}", branch, branchSecretary);
                    }
                }
            }
        }
    }

    public int People => people.Count;

    public string UnitName(string id) => units.Single(u => u.Id == id).Name;

    /// <summary>The organisation file (demo/README.md's format).</summary>
    public string OrgFileJson() => JsonSerializer.Serialize(new
    {
        organisation = new { name = "测试局" },
        units = units.Select(u => new { id = u.Id, name = u.Name, level = u.Level.ToString(), parentId = u.Parent }),
        people = people.Select(p => new
        {
            id = p.Id, displayName = p.Name, userPrincipalName = Upn(p.Id), jobTitle = (string?)null, unitId = p.Unit, managerId = p.Manager,
            rank = "SectionAndBelow", roles = p.Roles.Select(r => r.ToString()),
        }),
    });

    /// <summary>The Graph tenant: the same people, departments named after their units, one group per role.</summary>
    public FakeGraphOptions Graph() => new()
    {
        Users = [.. people.Select(p => new FakeGraphUser(p.Id, p.Name, UnitName(p.Unit), null, Upn(p.Id), Upn(p.Id), p.Manager, true))],
        Groups = Enum.GetValues<Role>().ToDictionary(GroupOf, r => (IReadOnlyList<string>)[.. people.Where(p => p.Roles.Contains(r)).Select(p => p.Id)]),
    };

    public static string GroupOf(Role role) => "g-" + role.ToString().ToLowerInvariant();

    private string Add(string name, string unit, string? manager, params Role[] roles)
    {
        var id = string.Create(CultureInfo.InvariantCulture, $"00000000-0000-4000-9000-{people.Count + 1:x12}");
        people.Add((id, name, unit, manager, roles));
        return id;
    }

    private static string Upn(string id) => id[^6..] + "@four.test";
}
