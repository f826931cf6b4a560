namespace TalkBot.Domain.People;

/// <summary>
/// A person as TalkBot sees them: reporting lines from the directory, Party and discipline roles assigned by an
/// administrator (SPEC §1).
/// </summary>
public sealed record Person(
    PersonId Id,
    string DisplayName,
    UnitId? UnitId,
    string? JobTitle,
    Rank Rank,
    IReadOnlySet<Role> Roles,
    PersonId? ManagerId,
    bool Active = true,
    string? UserPrincipalName = null)
{
    public bool Has(Role role) => Roles.Contains(role);

    public bool HasAny(params ReadOnlySpan<Role> roles)
    {
        foreach (var role in roles)
        {
            if (Roles.Contains(role))
            {
                return true;
            }
        }

        return false;
    }
}

/// <summary>The level of a unit in the Party organisation (000 §二).</summary>
public enum UnitLevel
{
    /// <summary>局 (the bureau)</summary>
    Bureau,
    /// <summary>基层党委</summary>
    PartyCommittee,
    /// <summary>党总支</summary>
    GeneralBranch,
    /// <summary>党支部</summary>
    Branch,
    /// <summary>An administrative department without its own Party organisation.</summary>
    Department,
}

/// <summary>An organisational unit.</summary>
public sealed record Unit(UnitId Id, string Name, string? NameEn, UnitLevel Level, UnitId? ParentId = null);
