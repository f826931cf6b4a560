namespace TalkBot.Bot.Features.Directory;

/// <summary>Reading the organisation from Microsoft Graph (section <c>Directory:Graph</c>; the connection is <c>Graph</c>).</summary>
public sealed class GraphDirectoryOptions
{
    public const string Section = "Directory:Graph";

    /// <summary>The largest page Graph serves for directory objects.</summary>
    public const int MaxPageSize = 999;

    /// <summary>Users per page of the delta query (<c>Prefer: odata.maxpagesize</c>), 1 to <see cref="MaxPageSize"/>.</summary>
    public int PageSize { get; set; } = MaxPageSize;

    /// <summary>
    /// Party roles held through Entra security groups: role name (<c>BureauSecretary</c>, <c>UnitSecretary</c>, …) →
    /// the group's object id. A role with a group is the group's: its members hold it, nobody else does; roles without
    /// a group are assigned on 角色管理 as before.
    /// </summary>
    public Dictionary<string, string> RoleGroups { get; set; } = [];

    internal int ValidatedPageSize() => PageSize is < 1 or > MaxPageSize
        ? throw new InvalidOperationException($"{Section}:PageSize must be between 1 and {MaxPageSize}; it is {PageSize}.")
        : PageSize;

    /// <summary>The configured role groups, each role parsed; throws on a name that is not a role.</summary>
    internal IReadOnlyDictionary<string, Role> GroupRoles()
    {
        var result = new Dictionary<string, Role>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, group) in RoleGroups.Where(g => !string.IsNullOrWhiteSpace(g.Value)))
        {
            if (!Enum.TryParse<Role>(name, ignoreCase: true, out var role))
            {
                throw new InvalidOperationException($"{Section}:RoleGroups:{name} is not a role ({string.Join(", ", Enum.GetNames<Role>())}).");
            }

            result[group.Trim()] = role;
        }

        return result;
    }
}
