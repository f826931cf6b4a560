using System.Text.Json;
using System.Text.Json.Serialization;

namespace TalkBot.Bot.Features.Directory;

/// <summary>
/// The organisation as a JSON file (demo/README.md documents the format): the directory for the demo and for sites
/// without Microsoft Graph. Roles and ranks in the file are the starting point; what an administrator assigns with 角色管理
/// is put back over them after every sync.
/// </summary>
public sealed record OrgFile(OrgFile.OrganisationInfo Organisation, IReadOnlyList<OrgFile.UnitRow> Units, IReadOnlyList<OrgFile.PersonRow> People)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    public sealed record OrganisationInfo(string Name, string? NameEn);

    public sealed record UnitRow(string Id, string Name, string? NameEn, UnitLevel Level, string? ParentId);

    public sealed record PersonRow(
        string Id,
        string DisplayName,
        string? UserPrincipalName,
        string? Mail,
        string? JobTitle,
        string? UnitId,
        string? ManagerId,
        Rank Rank,
        IReadOnlyList<Role>? Roles);

    public static async Task<OrgFile> LoadAsync(string path, CancellationToken cancellationToken)
    {
        await using var stream = File.OpenRead(path);
        OrgFile? file;
        try
        {
            file = await JsonSerializer.DeserializeAsync<OrgFile>(stream, Json, cancellationToken).ConfigureAwait(false);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path}: not a valid organisation file: {e.Message}", e);
        }

        if (file is null)
        {
            throw new InvalidDataException($"{path}: empty organisation file.");
        }

        file.Validate(path);
        return file;
    }

    private void Validate(string path)
    {
        var unitIds = Units.Select(u => u.Id).ToHashSet(StringComparer.Ordinal);
        var personIds = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var problems = new List<string>();
        foreach (var unit in Units.Where(u => u.ParentId is not null && !unitIds.Contains(u.ParentId)))
        {
            problems.Add($"unit {unit.Id}: unknown parent {unit.ParentId}");
        }

        foreach (var person in People)
        {
            if (!Guid.TryParse(person.Id, out _))
            {
                problems.Add($"person {person.DisplayName}: id {person.Id} is not an Entra object id (GUID)");
            }

            if (!personIds.Add(person.Id))
            {
                problems.Add($"person {person.Id}: listed twice");
            }

            if (person.UnitId is not null && !unitIds.Contains(person.UnitId))
            {
                problems.Add($"person {person.DisplayName}: unknown unit {person.UnitId}");
            }
        }

        foreach (var person in People.Where(p => p.ManagerId is not null && !personIds.Contains(p.ManagerId)))
        {
            problems.Add($"person {person.DisplayName}: unknown manager {person.ManagerId}");
        }

        if (problems.Count > 0)
        {
            throw new InvalidDataException($"{path}: {string.Join("; ", problems)}");
        }
    }

    public IReadOnlyList<Person> ToPeople() => People.Select(p => new Person(
        Id: new PersonId(p.Id),
        DisplayName: p.DisplayName,
        UnitId: p.UnitId is null ? null : new UnitId(p.UnitId),
        JobTitle: p.JobTitle,
        Rank: p.Rank,
        Roles: (p.Roles ?? []).ToHashSet(),
        ManagerId: p.ManagerId is null ? null : new PersonId(p.ManagerId),
        Active: true,
        UserPrincipalName: p.UserPrincipalName)).ToList();

    public IReadOnlyList<Unit> ToUnits() => Units.Select(u => new Unit(
        new UnitId(u.Id), u.Name, u.NameEn, u.Level, u.ParentId is null ? null : new UnitId(u.ParentId))).ToList();
}
