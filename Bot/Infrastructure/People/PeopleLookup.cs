using TalkBot.Domain.Plans;

namespace TalkBot.Bot.Infrastructure.People;

/// <summary>
/// The directory at one moment: people by id and by role, the units, and the tiers of 000 §二 derived from them (once,
/// when first asked). Held in memory by <see cref="PeopleDirectory"/>; never changed, only replaced.
/// </summary>
public sealed class PeopleLookup(IReadOnlyList<Person> people, IReadOnlyList<Unit>? units = null)
{
    private readonly Dictionary<PersonId, Person> byId = people.ToDictionary(p => p.Id);
    private readonly ILookup<Role, Person> byRole = people.Where(p => p.Active).SelectMany(p => p.Roles.Select(r => (Role: r, Person: p))).ToLookup(x => x.Role, x => x.Person);
    private readonly Dictionary<UnitId, Unit> unitsById = (units ?? []).ToDictionary(u => u.Id);
    private readonly Lazy<IReadOnlyList<TierAssignment>> tiers = new(() => TalkTiers.Derive(people, units ?? []));
    private ILookup<PersonId, TierAssignment>? tiersByTalkee;

    public IReadOnlyList<Person> All => people;

    public IReadOnlyList<Unit> Units => units ?? [];

    /// <summary>Who talks to whom (000 §二), derived from this directory.</summary>
    public IReadOnlyList<TierAssignment> Tiers => tiers.Value;

    /// <summary>The tier lines that put <paramref name="talkee"/> on a talker's list (000 §二), indexed once.</summary>
    public IEnumerable<TierAssignment> TiersOf(PersonId talkee) => (tiersByTalkee ??= Tiers.ToLookup(a => a.Talkee))[talkee];

    public Person? Find(PersonId id) => byId.GetValueOrDefault(id);

    public Unit? FindUnit(UnitId? id) => id is { } u ? unitsById.GetValueOrDefault(u) : null;

    /// <summary>The active people holding a role: the office of a level, the approvers of a rank.</summary>
    public IEnumerable<Person> WithRole(Role role) => byRole[role];

    public string Name(PersonId id) => byId.TryGetValue(id, out var p) ? p.DisplayName : id.Value;

    /// <summary>A unit's name (its id when the directory lacks it), or null for no unit.</summary>
    public string? UnitName(UnitId? id) => id is { } u ? unitsById.TryGetValue(u, out var unit) ? unit.Name : u.Value : null;

    /// <summary>What the card views need of the directory: names and tier lines, with the site's calendar.</summary>
    public ViewContext Context(WorkingCalendar calendar) => new(Name, calendar, TiersOf);
}
