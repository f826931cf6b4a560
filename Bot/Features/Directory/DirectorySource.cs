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

/// <summary>Where the organisation comes from: Microsoft Graph in a tenant, a file in a demo.</summary>
public interface IDirectorySource
{
    /// <summary>Everyone in the directory, disabled accounts included, in the source's order.</summary>
    Task<IReadOnlyList<DirectoryPerson>> ReadPeopleAsync(CancellationToken cancellationToken);
}
