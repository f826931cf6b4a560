using System.Security.Cryptography;
using System.Text;

namespace TalkBot.Bot.Features.Directory;

/// <summary>
/// Turns what the directory says (people, departments, managers) into TalkBot's people and units, keeping what only
/// TalkBot knows: the roles and rank an administrator assigned (SPEC §1) and the level and parent of a unit. A
/// person the directory no longer lists is kept, inactive, for history (ReplaceAllAsync does that).
/// </summary>
public static class DirectoryMerge
{
    public static (IReadOnlyList<Person> People, IReadOnlyList<Unit> Units) Merge(
        IReadOnlyList<DirectoryPerson> read, IReadOnlyList<Person> stored, IReadOnlyList<Unit> storedUnits)
    {
        ArgumentNullException.ThrowIfNull(read);
        ArgumentNullException.ThrowIfNull(stored);
        ArgumentNullException.ThrowIfNull(storedUnits);
        var units = storedUnits.ToDictionary(u => u.Id);
        var byName = storedUnits.GroupBy(u => u.Name, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Id, StringComparer.Ordinal);
        var known = stored.ToDictionary(p => p.Id);
        var people = new List<Person>(read.Count);
        foreach (var entry in read)
        {
            var id = new PersonId(entry.Id);
            known.TryGetValue(id, out var before);
            UnitId? unit = before?.UnitId;
            if (entry.Department is { Length: > 0 } department)
            {
                if (!byName.TryGetValue(department, out var unitId))
                {
                    unitId = new UnitId("dept-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(department)))[..12]);
                    byName[department] = unitId;
                    units[unitId] = new Unit(unitId, department, null, UnitLevel.Department);
                }

                unit = unitId;
            }

            people.Add(new Person(
                id,
                entry.DisplayName,
                unit,
                entry.JobTitle,
                before?.Rank ?? Rank.SectionAndBelow,
                before?.Roles ?? new HashSet<Role>(),
                entry.ManagerId is { Length: > 0 } manager ? new PersonId(manager) : null,
                entry.Enabled,
                entry.UserPrincipalName));
        }

        return (people, [.. units.Values]);
    }
}
