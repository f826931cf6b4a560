using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using TalkBot.Bot.Features.Directory;
using TalkBot.Bot.Infrastructure.People;
using TalkBot.Domain;
using TalkBot.Domain.People;
using DirectoryPerson = TalkBot.Domain.People.Person;

namespace TalkBot.Bot.Tests.Support;

/// <summary>
/// An organisation of any size, the same on every run: the bureau with its discipline office and organisation department,
/// party committees with four branches each, and the roles of SPEC §1 where they belong. Names repeat (a few hundred
/// Chinese names for thousands of people), so that namesakes must be told apart by unit and post.
/// </summary>
public sealed class GeneratedOrganisation
{
    public const string Bureau = "bureau";
    public const string Office = "office";
    public const string OrgDept = "orgdept";

    private static readonly string[] Surnames = ["王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "胡", "朱", "高", "林", "何", "郭", "马", "罗"];

    private static readonly string[] GivenNames =
        ["伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "涛", "明", "超", "秀英", "华", "平", "刚",
         "建国", "志强", "海燕", "晓东", "红梅", "文斌", "立华", "建平", "晓燕", "国庆"];

    private static readonly string[] Posts = ["科员", "副科长", "科长", "民警", "辅警", "综合管理岗", "技术岗"];

    private readonly List<DirectoryPerson> people = [];
    private readonly List<Unit> units = [];

    private GeneratedOrganisation(int size)
    {
        units.Add(new Unit(new UnitId(Bureau), "局机关", "Bureau", UnitLevel.Bureau));
        units.Add(new Unit(new UnitId(Office), "纪委办", "Discipline Office", UnitLevel.Department, new UnitId(Bureau)));
        units.Add(new Unit(new UnitId(OrgDept), "组织部门", "Organisation Department", UnitLevel.Department, new UnitId(Bureau)));
        var committees = Math.Max(1, size / 250);
        for (var c = 1; c <= committees; c++)
        {
            units.Add(new Unit(new UnitId($"c{c}"), $"第{c}分局党委", $"Party Committee {c}", UnitLevel.PartyCommittee, new UnitId(Bureau)));
            for (var b = 1; b <= 4; b++)
            {
                units.Add(new Unit(new UnitId($"c{c}b{b}"), $"第{c}分局第{b}党支部", $"Committee {c} Branch {b}", UnitLevel.Branch, new UnitId($"c{c}")));
            }
        }

        Secretary = Add(Bureau, "局党委书记", Rank.Division, Role.BureauSecretary);
        Add(Bureau, "纪检监察组组长", Rank.Division, Role.DisciplineGroupLeader, Role.DisciplineSecretary);
        Add(Bureau, "纪检监察组副组长", Rank.DeputyDivision, Role.DeputyGroupLeader);
        OfficeHead = Add(Office, "纪委办主任", Rank.DeputyDivision, Role.DisciplineOffice, Role.DisciplineOfficeHead);
        Recorder = Add(Office, "纪委办干事", Rank.SectionAndBelow, Role.Recorder);
        for (var i = 0; i < 4; i++)
        {
            Add(Office, "纪委办干事", Rank.SectionAndBelow, Role.DisciplineOffice);
        }

        Administrator = Add(Office, "系统管理员", Rank.SectionAndBelow, Role.Administrator);
        Add(OrgDept, "组织部门负责人", Rank.DeputyDivision, Role.OrganizationDept, Role.OrganizationDeptHead);
        for (var c = 1; c <= committees; c++)
        {
            Add($"c{c}", "分局党委书记", Rank.Division, Role.UnitSecretary, Role.UnitHead);
            Add($"c{c}", "派驻纪检监察组组长", Rank.DeputyDivision, Role.StationedDisciplineLeader, Role.UnitCommitteeMember);
            Add($"c{c}", "分局党委委员", Rank.DeputyDivision, Role.UnitCommitteeMember);
            Add($"c{c}", "分局记录员", Rank.SectionAndBelow, Role.Recorder);
            for (var b = 1; b <= 4; b++)
            {
                Add($"c{c}b{b}", "党支部书记", Rank.SectionAndBelow, Role.UnitSecretary);
            }
        }

        Cadre = Add("c1b1", "科员", Rank.SectionAndBelow);
        var branches = units.Where(u => u.Level == UnitLevel.Branch).Select(u => u.Id.Value).ToList();
        while (people.Count < size)
        {
            var n = people.Count;
            Add(branches[n % branches.Count], Posts[n % Posts.Length], Rank.SectionAndBelow);
        }
    }

    public IReadOnlyList<DirectoryPerson> People => people;

    public IReadOnlyList<Unit> Units => units;

    /// <summary>The bureau's party secretary: may create routine talks, but is not of the discipline office.</summary>
    public DirectoryPerson Secretary { get; }

    /// <summary>The head of the discipline office: may do everything a form offers, but assign roles.</summary>
    public DirectoryPerson OfficeHead { get; }

    public DirectoryPerson Recorder { get; }

    public DirectoryPerson Administrator { get; }

    /// <summary>A cadre without a role: may choose nobody in any form.</summary>
    public DirectoryPerson Cadre { get; }

    public static GeneratedOrganisation Of(int size) => new(size);

    public PeopleLookup Lookup() => new(people, units);

    /// <summary>The same person as Teams presents them to the bot.</summary>
    public static Person InTeams(DirectoryPerson person, string locale = "zh-CN") =>
        new(person.Id.Value, "29:" + person.Id.Value[^12..], person.DisplayName, locale);

    /// <summary>Writes the organisation in the org file format (demo/README.md) and returns the path.</summary>
    public string WriteOrgFile()
    {
        var file = new OrgFile(
            new OrgFile.OrganisationInfo("生成局", "Generated Bureau"),
            [.. units.Select(u => new OrgFile.UnitRow(u.Id.Value, u.Name, u.NameEn, u.Level, u.ParentId?.Value))],
            [.. people.Select(p => new OrgFile.PersonRow(p.Id.Value, p.DisplayName, p.UserPrincipalName, p.UserPrincipalName, p.JobTitle, p.UnitId?.Value,
                p.ManagerId?.Value, p.Rank, [.. p.Roles]))]);
        var path = Path.Combine(Path.GetTempPath(), $"talkbot-org-{people.Count}-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, JsonSerializer.Serialize(file, Json));
        return path;
    }

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    private DirectoryPerson Add(string unit, string post, Rank rank, params Role[] roles)
    {
        var n = people.Count;
        var name = Surnames[n % Surnames.Length] + GivenNames[n / Surnames.Length % GivenNames.Length];
        var person = new DirectoryPerson(
            new PersonId(string.Create(CultureInfo.InvariantCulture, $"00000000-0000-4000-9000-{n + 1:x12}")),
            name,
            new UnitId(unit),
            post,
            rank,
            roles.ToHashSet(),
            ManagerId: null,
            UserPrincipalName: string.Create(CultureInfo.InvariantCulture, $"user{n + 1:d5}@bureau.example"));
        people.Add(person);
        return person;
    }
}
