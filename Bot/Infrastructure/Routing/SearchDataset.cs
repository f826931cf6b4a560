namespace TalkBot.Bot.Infrastructure.Routing;

/// <summary>
/// A typeahead dataset (Cards' <c>Datasets</c>): answers Teams' <c>application/search</c> for one field with what the
/// caller may choose there, and nothing else. Registered in DI (<see cref="RoutingServices.AddSearch{T}"/>); the router
/// refuses two datasets of one name at start-up.
/// </summary>
public interface ISearchDataset
{
    string Name { get; }

    Task<IReadOnlyList<SearchResult>> SearchAsync(SearchRequest request, CancellationToken cancellationToken);
}

/// <summary>
/// Who searches (from the activity's <c>aadObjectId</c>), in which language, for what text, which page.
/// <see cref="Context"/> is what follows the dataset's name after <c>Datasets.ContextSeparator</c> (a talk's id), as sent:
/// a dataset checks it like any other input.
/// </summary>
public sealed record SearchRequest(Person Actor, Locale Locale, string Query, string? Context, int Skip, int Top)
{
    /// <summary>Results when Teams does not say how many (its dropdown shows 15).</summary>
    public const int DefaultTop = 15;

    /// <summary>Results at most, whatever is asked.</summary>
    public const int MaxTop = 25;
}

/// <summary>One choice found: shown by its title, submitted as its value.</summary>
public sealed record SearchResult(string Title, string Value);
