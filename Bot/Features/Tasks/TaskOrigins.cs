namespace TalkBot.Bot.Features.Tasks;

/// <summary>
/// The lead or case a task came from, as the feature that opened it knows it. Tasks name no such feature: each
/// registers what it knows of its own matters.
/// </summary>
public interface ITaskOrigin
{
    /// <summary>Whether <paramref name="person"/> is the office of that level for the matter; null when it is not one of this feature's.</summary>
    Task<bool?> IsOfficeAsync(Person person, string origin, CancellationToken cancellationToken);

    /// <summary>Who is the office of that level for the matter; null when it is not one of this feature's.</summary>
    Task<IReadOnlyList<PersonId>?> OfficeAsync(string origin, PeopleLookup people, CancellationToken cancellationToken);
}

/// <summary>Asks each registered origin in turn.</summary>
public sealed class TaskOrigins(IEnumerable<ITaskOrigin> origins)
{
    public async Task<bool> IsOfficeAsync(Person person, string origin, CancellationToken cancellationToken)
    {
        foreach (var o in origins)
        {
            if (await o.IsOfficeAsync(person, origin, cancellationToken).ConfigureAwait(false) is { } office)
            {
                return office;
            }
        }

        return false;
    }

    public async Task<IReadOnlyList<PersonId>> OfficeAsync(string origin, PeopleLookup people, CancellationToken cancellationToken)
    {
        foreach (var o in origins)
        {
            if (await o.OfficeAsync(origin, people, cancellationToken).ConfigureAwait(false) is { } office)
            {
                return office;
            }
        }

        return [];
    }
}
