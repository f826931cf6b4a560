using System.Globalization;

namespace TalkBot.Bot.Infrastructure.People;

/// <summary>
/// People for a person field, from the directory held in memory: only those the field's scope holds (Domain's
/// <see cref="PersonScope"/>), never a storage read, so a search costs one pass over the people held at any size of
/// organisation. A search matches what was typed against the display name, the sign-in name, the unit and the post
/// (case-insensitive, anywhere in them) and lists the best first: the name or sign-in name itself, then names that begin
/// with the text, then names containing it, then the other matches, then people matching each of several words typed
/// somewhere ("王伟 纪委办"); among equals, whom the field's rule names first, then the caller's own unit, then by name.
/// </summary>
public static class PeopleSearch
{
    private const int NoMatch = int.MaxValue;

    // Each word typed matches somewhere, the whole text nowhere.
    private const int EveryWord = 4;

    private static readonly char[] Spaces = [' ', '\u3000'];

    private static readonly StringComparer ByName = StringComparer.Create(CultureInfo.GetCultureInfo("zh-CN"), ignoreCase: true);

    /// <summary>The page <paramref name="skip"/>, <paramref name="top"/> of the people in scope matching <paramref name="query"/>, best first.</summary>
    public static IReadOnlyList<Person> Search(this PeopleLookup people, PersonScope scope, Person caller, string? query, int skip, int top)
    {
        ArgumentNullException.ThrowIfNull(people);
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(caller);
        if (!scope.IsOpen || top <= 0)
        {
            return [];
        }

        var text = (query ?? "").Trim();
        var words = text.Split(Spaces, StringSplitOptions.RemoveEmptyEntries);
        return [.. people.All
            .Where(scope.Includes)
            .Select(p => (Person: p, Match: text.Length == 0 ? 0 : Match(people, p, text, words)))
            .Where(m => m.Match != NoMatch)
            .OrderBy(m => m.Match)
            .ThenBy(m => scope.Prefers(m.Person) ? 0 : 1)
            .ThenBy(m => m.Person.UnitId is { } unit && unit == caller.UnitId ? 0 : 1)
            .ThenBy(m => m.Person.DisplayName, ByName)
            .ThenBy(m => m.Person.Id.Value, StringComparer.Ordinal)
            .Skip(Math.Max(0, skip))
            .Take(top)
            .Select(m => m.Person)];
    }

    /// <summary>
    /// The choices a form lists: whoever <paramref name="chosen"/> names (ids, comma-separated for several) that the scope
    /// holds, then the caller's nearest candidates, <see cref="PersonInput.ShortListSize"/> in all unless more are chosen already:
    /// fewer only when the field takes fewer people, and the card then offers no typeahead.
    /// </summary>
    public static IReadOnlyList<PersonChoice> ShortList(this PeopleLookup people, PersonScope scope, Person caller, Locale locale, IEnumerable<string?> chosen)
    {
        ArgumentNullException.ThrowIfNull(people);
        ArgumentNullException.ThrowIfNull(chosen);
        var picked = chosen
            .SelectMany(value => (value ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Distinct(StringComparer.Ordinal)
            .Select(id => people.Find(new PersonId(id)))
            .OfType<Person>()
            .Where(scope.Includes)
            .ToList();
        var nearest = people.Search(scope, caller, null, 0, PersonInput.ShortListSize + picked.Count).Where(p => !picked.Contains(p)).Take(Math.Max(0, PersonInput.ShortListSize - picked.Count));
        return [.. picked.Concat(nearest).Select(p => people.Choice(p, locale))];
    }

    /// <summary>A typeahead's answer: the page asked of the people in scope matching the text, as titled choices.</summary>
    public static IReadOnlyList<SearchResult> Results(this PeopleLookup people, PersonScope scope, SearchRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return [.. people.Search(scope, request.Actor, request.Query, request.Skip, request.Top)
            .Select(p => people.Choice(p, request.Locale))
            .Select(c => new SearchResult(c.Title, c.Id.Value))];
    }

    /// <summary>A person as a choice: their name, unit and post (or first role), so that namesakes can be told apart.</summary>
    public static PersonChoice Choice(this PeopleLookup people, Person person, Locale locale)
    {
        ArgumentNullException.ThrowIfNull(people);
        ArgumentNullException.ThrowIfNull(person);
        var unit = people.FindUnit(person.UnitId) is { } u ? locale.IsChinese ? u.Name : u.NameEn ?? u.Name : null;
        var post = person.JobTitle ?? (person.Roles.Count > 0 ? Labels.Of(person.Roles.Min(), locale) : null);
        string[] detail = [.. new[] { unit, post }.OfType<string>().Where(s => s.Length > 0)];
        return new PersonChoice(person.Id, person.DisplayName, detail.Length > 0 ? string.Join(" · ", detail) : null);
    }

    /// <summary>How well the person matches the text (0 is best), or <see cref="NoMatch"/>.</summary>
    private static int Match(PeopleLookup people, Person person, string text, string[] words)
    {
        var whole = Match(people, person, text);
        return whole != NoMatch || words.Length < 2 ? whole
            : words.All(word => Match(people, person, word) != NoMatch) ? EveryWord
            : NoMatch;
    }

    private static int Match(PeopleLookup people, Person person, string word)
    {
        var name = person.DisplayName;
        var upn = person.UserPrincipalName ?? "";
        var account = upn.Split('@')[0];
        if (name.Equals(word, StringComparison.OrdinalIgnoreCase) || upn.Equals(word, StringComparison.OrdinalIgnoreCase)
            || account.Equals(word, StringComparison.OrdinalIgnoreCase))
        {
            return 0;
        }

        if (name.StartsWith(word, StringComparison.OrdinalIgnoreCase))
        {
            return 1;
        }

        if (name.Contains(word, StringComparison.OrdinalIgnoreCase) || upn.StartsWith(word, StringComparison.OrdinalIgnoreCase))
        {
            return 2;
        }

        var unit = people.FindUnit(person.UnitId);
        return Contains(upn, word) || Contains(unit?.Name, word) || Contains(unit?.NameEn, word) || Contains(person.JobTitle, word) ? 3 : NoMatch;
    }

    private static bool Contains(string? text, string word) => text?.Contains(word, StringComparison.OrdinalIgnoreCase) == true;
}
