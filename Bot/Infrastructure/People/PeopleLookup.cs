namespace TalkBot.Bot.Infrastructure.People;

/// <summary>People of the directory by id, read once per request.</summary>
public sealed class PeopleLookup(IReadOnlyList<Person> people)
{
    private readonly Dictionary<PersonId, Person> byId = people.ToDictionary(p => p.Id);

    public IReadOnlyList<Person> All => people;

    public Person? Find(PersonId id) => byId.GetValueOrDefault(id);

    public string Name(PersonId id) => byId.TryGetValue(id, out var p) ? p.DisplayName : id.Value;

    /// <summary>What the card views need of the directory: names, with the site's calendar.</summary>
    public ViewContext Context(WorkingCalendar calendar) => new(Name, calendar);

    public static async Task<PeopleLookup> LoadAsync(PeopleStore store, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        return new(await store.ListAsync(cancellationToken).ConfigureAwait(false));
    }
}
