namespace TalkBot.Bot.Features.Directory;

/// <summary>One person as the organisation's directory knows them, before TalkBot gives them a role.</summary>
/// <param name="Id">The directory's object id (Entra ID's user id), stable across renames.</param>
/// <param name="ManagerId">The <see cref="Id"/> of the person's manager; null for the head of the organisation.</param>
/// <param name="Enabled">False for an account that can no longer sign in (someone who has left).</param>
public sealed record DirectoryPerson(
    string Id,
    string DisplayName,
    string? Department,
    string? JobTitle,
    string? Mail,
    string? UserPrincipalName,
    string? ManagerId,
    bool Enabled);

/// <summary>
/// What a read of the directory brought: everyone (<see cref="Full"/>: whoever is missing has left) or only what changed
/// since the last read, and the link to ask for the next changes with.
/// </summary>
/// <param name="Removed">Ids of people deleted from the directory since the last read (never in a full read).</param>
public sealed record DirectoryChanges(bool Full, IReadOnlyList<DirectoryPerson> People, IReadOnlyList<string> Removed, string? DeltaLink);

/// <summary>One change of a group's membership: <paramref name="Removed"/> false for a member added (or listed in a full read).</summary>
public sealed record GroupMemberChange(string Group, string Member, bool Removed);

/// <summary>What a read of the role groups brought, like <see cref="DirectoryChanges"/>.</summary>
public sealed record GroupChanges(bool Full, IReadOnlyList<GroupMemberChange> Members, string? DeltaLink);

/// <summary>Where the organisation comes from in a tenant: Microsoft Graph (a file in a demo needs no source).</summary>
public interface IDirectorySource
{
    /// <summary>
    /// The people who changed since <paramref name="deltaLink"/>, or everyone when it is null or has expired
    /// (<see cref="DirectoryChanges.Full"/>), with the link for the next read.
    /// </summary>
    Task<DirectoryChanges> ReadPeopleAsync(string? deltaLink, CancellationToken cancellationToken);

    /// <summary>The membership of <paramref name="groups"/> that changed since <paramref name="deltaLink"/>, or all of it.</summary>
    Task<GroupChanges> ReadGroupsAsync(IReadOnlyList<string> groups, string? deltaLink, CancellationToken cancellationToken);
}
