using TalkBot.Cards.Views;
using TalkBot.Domain;
using TalkBot.Domain.People;

namespace TalkBot.Cards.Roles;

/// <summary>
/// The administrator's role card (角色管理): a person to load, and a CSV to import. <see cref="Person"/> and
/// <see cref="Csv"/> re-show what was entered; <see cref="Errors"/> are shown on top in attention colour, after which
/// nothing has changed.
/// </summary>
public sealed record RoleManageView(
    IReadOnlyList<PersonChoice> People,
    string? Person = null,
    string? Csv = null,
    IReadOnlyList<string>? Errors = null);

/// <summary>One audited change, for the history shown under a person's roles.</summary>
public sealed record RoleHistoryView(
    DateTimeOffset At,
    string ByName,
    AssignmentSource Source,
    IReadOnlySet<Role> RolesBefore,
    Rank RankBefore,
    IReadOnlySet<Role> RolesAfter,
    Rank RankAfter);

/// <summary>
/// One person's roles and rank, prefilled with what they hold now (<see cref="Roles"/>, <see cref="Rank"/>) or, after
/// a refused save, with what was entered (<see cref="RolesValue"/>, <see cref="RankValue"/>).
/// </summary>
public sealed record RoleEditView(
    PersonId Person,
    string DisplayName,
    string? Detail,
    IReadOnlySet<Role> Roles,
    Rank Rank,
    IReadOnlyList<RoleHistoryView> History,
    string? RolesValue = null,
    string? RankValue = null,
    IReadOnlyList<string>? Errors = null);

/// <summary>A saved assignment; <see cref="Changed"/> is false when the person held exactly these already.</summary>
public sealed record RoleSavedView(PersonId Person, string DisplayName, IReadOnlySet<Role> Roles, Rank Rank, bool Changed);

/// <summary>One person an import changed.</summary>
public sealed record RoleImportLine(string DisplayName, IReadOnlySet<Role> Roles, Rank Rank);

/// <summary>An import that went through: who changed, and how many rows changed nothing.</summary>
public sealed record RoleImportedView(IReadOnlyList<RoleImportLine> Updated, int Unchanged);
