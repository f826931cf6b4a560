namespace TalkBot.Bot.Infrastructure.People;

/// <summary>
/// A person field's typeahead: the people the caller may choose there (a Domain <see cref="PersonScope"/> for the caller),
/// searched in the directory held in memory.
/// </summary>
public sealed class PeopleDataset(string name, Func<Person, PersonScope> scope, PeopleDirectory directory) : ISearchDataset
{
    public string Name => name;

    public async Task<IReadOnlyList<SearchResult>> SearchAsync(SearchRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var people = await directory.CurrentAsync(cancellationToken).ConfigureAwait(false);
        return people.Results(scope(request.Actor), request);
    }
}

public static class PeopleDatasetServices
{
    /// <summary>Registers the typeahead of a person field whose scope depends on the caller alone.</summary>
    public static IServiceCollection AddPeopleSearch(this IServiceCollection services, string name, Func<Person, PersonScope> scope) =>
        services.AddSearch(sp => new PeopleDataset(name, scope, sp.GetRequiredService<PeopleDirectory>()));
}
