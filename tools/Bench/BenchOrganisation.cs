using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using TalkBot.Bot.Features.Directory;
using TalkBot.Domain.People;

namespace TalkBot.Bench;

/// <summary>A person of the generated organisation, as Teams presents them to the bot in their personal chat.</summary>
internal sealed record BenchPerson(string Id, string Name)
{
    public string UserId => "29:" + Id;

    public string ConversationId => "a:bench-" + Id;
}

/// <summary>
/// An organisation file (demo/README.md's format) of any size, written for one run: a bureau with its discipline group
/// and discipline office; one department under the bureau for each cadre, who is its head (主要领导); and grassroots
/// party committees of about 50 people each for everyone else, the first of each its secretary. The organiser is the
/// head of the discipline office, who may create every kind of talk (SPEC §1, 000 §四(一)); the talker is the
/// discipline group leader, whose tier-2 list holds the main leaders of the units under the bureau (000 §二2), so that
/// each cadre is on his line and a routine talk with them passes 新建谈话's tier check; the recorder is of the office
/// (000 §四(一)4).
/// </summary>
internal sealed record BenchOrganisation(string Path, BenchPerson Organiser, BenchPerson Talker, BenchPerson Recorder, IReadOnlyList<BenchPerson> Cadres)
{
    private const int CommitteeSize = 50;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    private static readonly string[] Surnames = ["王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭", "何", "高", "林", "罗"];

    private static readonly string[] GivenNames = ["伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "明", "超", "秀英", "华", "平"];

    public static async Task<BenchOrganisation> WriteAsync(int people, int cadres, string directory, CancellationToken cancellationToken)
    {
        var committees = Math.Max(1, (people - ClickOptions.Officials - cadres) / CommitteeSize);
        var units = new List<OrgFile.UnitRow>
        {
            new("bureau", "示范市公安局", "Bench Bureau", UnitLevel.Bureau, null),
            new("discipline-group", "派驻纪检监察组", "Discipline inspection group", UnitLevel.Department, "bureau"),
            new("discipline-office", "纪委办（监察处）", "Discipline office", UnitLevel.Department, "bureau"),
        };
        units.AddRange(Enumerable.Range(0, cadres).Select(c =>
            new OrgFile.UnitRow(Station(c), $"第{c + 1}派出所", $"Police station {c + 1}", UnitLevel.Department, "bureau")));
        units.AddRange(Enumerable.Range(0, committees).Select(c =>
            new OrgFile.UnitRow(Committee(c), $"第{c + 1}基层党委", $"Party committee {c + 1}", UnitLevel.PartyCommittee, "bureau")));

        var rows = new List<OrgFile.PersonRow>(people)
        {
            Row(0, "局党委书记", "bureau", null, Rank.Division, Role.BureauSecretary),
            Row(1, "派驻纪检监察组组长", "discipline-group", 0, Rank.Division, Role.DisciplineGroupLeader, Role.DisciplineSecretary, Role.BureauCommitteeMember),
            Row(2, "纪委办主任", "discipline-office", 1, Rank.DeputyDivision, Role.DisciplineOffice, Role.DisciplineOfficeHead),
            Row(3, "纪委办干事", "discipline-office", 2, Rank.SectionAndBelow, Role.Recorder, Role.DisciplineOffice),
        };
        var firstMember = ClickOptions.Officials + cadres;
        for (var i = ClickOptions.Officials; i < firstMember; i++)
        {
            rows.Add(Row(i, "所长", Station(i - ClickOptions.Officials), 0, Rank.DeputyDivision, Role.UnitHead));
        }

        for (var i = firstMember; i < people; i++)
        {
            // Members are dealt to the committees in turn; the first round are their secretaries, under the bureau's.
            var member = i - firstMember;
            var committee = member % committees;
            rows.Add(member < committees
                ? Row(i, "基层党委书记", Committee(committee), 0, Rank.DeputyDivision, Role.UnitSecretary, Role.UnitHead)
                : Row(i, "科员", Committee(committee), firstMember + committee, Rank.SectionAndBelow));
        }

        Directory.CreateDirectory(directory);
        var path = System.IO.Path.Combine(directory, $"org-{people}.json");
        await using (var file = File.Create(path))
        {
            var organisation = new OrgFile(new OrgFile.OrganisationInfo("示范市公安局（压测）", "Bench Bureau"), units, rows);
            await JsonSerializer.SerializeAsync(file, organisation, Json, cancellationToken);
        }

        var persons = rows.Select(r => new BenchPerson(r.Id, r.DisplayName)).ToList();
        return new BenchOrganisation(path, persons[2], persons[1], persons[3], persons.GetRange(ClickOptions.Officials, cadres));
    }

    private static OrgFile.PersonRow Row(int i, string title, string unit, int? manager, Rank rank, params Role[] roles)
    {
        var name = Surnames[i % Surnames.Length] + GivenNames[i / Surnames.Length % GivenNames.Length];
        var upn = string.Create(CultureInfo.InvariantCulture, $"p{i:D5}@bench.talkbot.local");
        return new OrgFile.PersonRow(Id(i), name, upn, upn, title, unit, manager is { } m ? Id(m) : null, rank, roles);
    }

    private static string Station(int c) => string.Create(CultureInfo.InvariantCulture, $"station-{c:D3}");

    private static string Committee(int c) => string.Create(CultureInfo.InvariantCulture, $"committee-{c:D3}");

    private static string Id(int i) => string.Create(CultureInfo.InvariantCulture, $"00000000-0000-4000-8000-{i + 1:x12}");
}
