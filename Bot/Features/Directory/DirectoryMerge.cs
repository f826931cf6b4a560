namespace TalkBot.Bot.Features.Directory;

/// <summary>
/// Turns what the directory says (people, their units as <see cref="OrgHierarchy"/> derived them, managers, role groups)
/// into TalkBot's people, keeping what only TalkBot knows: the roles and rank an administrator assigned (SPEC §1). A
/// person the directory no longer lists is kept, inactive, for history (<see cref="PeopleStore.ReplaceAllAsync"/> does that).
/// </summary>
public static class DirectoryMerge
{
    /// <param name="assigned">The administrators' assignments (角色管理); they win over what was stored before.</param>
    /// <param name="managed">Roles held through groups (<see cref="GroupRoles"/>).</param>
    /// <param name="fromGroups">Each member's roles from their groups.</param>
    public static IReadOnlyList<Person> Merge(
        IReadOnlyList<DirectoryPerson> read,
        IReadOnlyDictionary<PersonId, UnitId?> placement,
        IReadOnlyList<Person> stored,
        IReadOnlyList<RoleAssignment> assigned,
        IReadOnlySet<Role> managed,
        IReadOnlyDictionary<PersonId, HashSet<Role>> fromGroups)
    {
        ArgumentNullException.ThrowIfNull(read);
        ArgumentNullException.ThrowIfNull(placement);
        ArgumentNullException.ThrowIfNull(stored);
        ArgumentNullException.ThrowIfNull(assigned);
        ArgumentNullException.ThrowIfNull(fromGroups);
        var known = stored.ToDictionary(p => p.Id);
        var assignments = assigned.ToDictionary(a => a.Person);
        var people = new List<Person>(read.Count);
        foreach (var entry in read)
        {
            var id = new PersonId(entry.Id);
            known.TryGetValue(id, out var before);
            assignments.TryGetValue(id, out var assignment);
            var roles = assignment?.Roles ?? before?.Roles ?? new HashSet<Role>();
            people.Add(new Person(
                id,
                entry.DisplayName,
                placement.GetValueOrDefault(id),
                entry.JobTitle,
                assignment?.Rank ?? before?.Rank ?? Rank.SectionAndBelow,
                GroupRoles.Combine(roles, managed, fromGroups.TryGetValue(id, out var g) ? g : []),
                entry.ManagerId is { Length: > 0 } manager ? new PersonId(manager) : null,
                entry.Enabled,
                entry.UserPrincipalName));
        }

        return people;
    }

    /// <summary>The directory entries the hierarchy is derived from.</summary>
    public static IReadOnlyList<DirectoryEntry> Entries(IReadOnlyList<DirectoryPerson> read)
    {
        ArgumentNullException.ThrowIfNull(read);
        return [.. read.Select(p => new DirectoryEntry(new PersonId(p.Id), p.Department, p.ManagerId is { Length: > 0 } m ? new PersonId(m) : null))];
    }
}
