namespace TalkBot.Domain.People;

/// <summary>
/// Party roles held through Entra security groups (SPEC §1 has roles assigned by an administrator; a tenant may instead
/// keep a role's holders in a group, one group per role). A role with a group is the group's alone: its members hold
/// it and nobody else does, whatever the role card once said; roles without a group stay as assigned.
/// </summary>
public static class GroupRoles
{
    /// <param name="assigned">What the role card, a CSV import or the organisation file gave the person.</param>
    /// <param name="managed">The roles that have a group.</param>
    /// <param name="fromGroups">The roles of the groups the person is in.</param>
    public static IReadOnlySet<Role> Combine(IReadOnlySet<Role> assigned, IReadOnlySet<Role> managed, IReadOnlySet<Role> fromGroups)
    {
        ArgumentNullException.ThrowIfNull(assigned);
        ArgumentNullException.ThrowIfNull(managed);
        ArgumentNullException.ThrowIfNull(fromGroups);
        var roles = assigned.Where(r => !managed.Contains(r)).ToHashSet();
        roles.UnionWith(fromGroups.Where(managed.Contains));
        return roles;
    }
}
