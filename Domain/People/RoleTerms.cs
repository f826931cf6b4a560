using System.Diagnostics.CodeAnalysis;

namespace TalkBot.Domain.People;

/// <summary>
/// Reads a role or a rank as an administrator writes it: the <see cref="Role"/> / <see cref="Rank"/> name, or the
/// official Chinese term of SPEC §1. Brackets may be full-width or half-width and spaces are ignored, because terms
/// are copied from documents that use either.
/// </summary>
public static class RoleTerms
{
    // SPEC §1's table, with the short forms the seeds use for the same post (000 §二, 000 §四(一)4).
    private static readonly Dictionary<string, Role> RolesByTerm = Build<Role>(
    [
        (Role.BureauSecretary, ["局党委书记"]),
        (Role.BureauCommitteeMember, ["局党委班子成员"]),
        (Role.DisciplineGroupLeader, ["纪检监察组组长"]),
        (Role.DeputyGroupLeader, ["纪检监察组副组长"]),
        (Role.UnitSecretary, ["基层党委(党总支、党支部)书记", "基层党委书记"]),
        (Role.UnitCommitteeMember, ["基层党委(党总支、党支部)班子成员", "基层党委班子成员"]),
        (Role.StationedDisciplineLeader, ["市局纪委派驻纪检监察组组长", "派驻纪检监察组组长"]),
        (Role.UnitHead, ["单位主要领导"]),
        (Role.Recorder, ["记录人", "专人"]),
        (Role.DisciplineOffice, ["纪委办(监察处)", "纪委办", "监察处"]),
        (Role.OrganizationDept, ["组织部门"]),
        (Role.CadreDeputySecretary, ["分管干部的党委副书记"]),
        (Role.DisciplineSecretary, ["纪委书记"]),
        (Role.Administrator, ["管理员"]),
        (Role.DisciplineOfficeHead, ["纪委办(监察处)负责人", "纪委办负责人", "监察处负责人"]),
        (Role.OrganizationDeptHead, ["组织部负责人", "组织部门负责人"]),
    ]);

    private static readonly Dictionary<string, Rank> RanksByTerm = Build<Rank>(
    [
        (Rank.SectionAndBelow, ["科级及以下", "科级"]),
        (Rank.DeputyDivision, ["副处级"]),
        (Rank.Division, ["正处级"]),
    ]);

    public static bool TryParseRole(string? text, [NotNullWhen(true)] out Role? role) => TryParse(RolesByTerm, text, out role);

    public static bool TryParseRank(string? text, [NotNullWhen(true)] out Rank? rank) => TryParse(RanksByTerm, text, out rank);

    private static bool TryParse<T>(Dictionary<string, T> terms, string? text, [NotNullWhen(true)] out T? value) where T : struct, Enum
    {
        if (text is not null && terms.TryGetValue(Normalize(text), out var found))
        {
            value = found;
            return true;
        }

        value = null;
        return false;
    }

    // The enum names themselves, case-insensitively, but never their numbers: "1" is not a rank.
    private static Dictionary<string, T> Build<T>((T Value, string[] Terms)[] terms) where T : struct, Enum
    {
        var map = new Dictionary<string, T>(StringComparer.OrdinalIgnoreCase);
        foreach (var value in Enum.GetValues<T>())
        {
            map.Add(value.ToString(), value);
        }

        foreach (var (value, names) in terms)
        {
            foreach (var name in names)
            {
                map.Add(Normalize(name), value);
            }
        }

        return map;
    }

    private static string Normalize(string text) => string.Concat(text
        .Where(c => !char.IsWhiteSpace(c))
        .Select(c => c switch { '（' => '(', '）' => ')', '，' or ',' => '、', _ => c }));
}
