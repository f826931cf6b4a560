using TalkBot.Domain.People;

namespace TalkBot.Domain.Plans;

/// <summary>
/// A talk of a plan whose talker recused (回避, 000 §四(五)3) where the tier names nobody to take it over: tier 4
/// (000 §二4: 派驻纪检监察组组长 talks to the main leaders of the grassroots unit's subordinate units, with no 委托).
/// The discipline office of the talker's level, which organises the talks (000 §四(一): 各级纪检监察机关组织实施), names
/// another talker from the leadership of the same grassroots unit.
/// </summary>
public static class RecusedTalks
{
    /// <summary>
    /// The roles of the grassroots unit that may take such a talk: its secretary and committee members (班子成员, whom
    /// 000 §二4 already lets the stationed leader invite to talk jointly), its stationed discipline leader, and the
    /// discipline office of that unit.
    /// </summary>
    public static IReadOnlyList<Role> TakingRoles { get; } =
        [Role.UnitSecretary, Role.UnitCommitteeMember, Role.StationedDisciplineLeader, Role.DisciplineOffice];

    /// <summary>
    /// Whether <paramref name="actor"/> is a member of the discipline office of the level of <paramref name="recused"/>
    /// (<see cref="DisciplineOffices.Of"/> of the recused talker's unit).
    /// </summary>
    /// <param name="offices">The discipline office members to choose among (anyone else in it is ignored).</param>
    public static bool IsOfficeFor(Person actor, Person recused, IEnumerable<Person> offices)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(recused);
        return actor.Active && actor.Has(Role.DisciplineOffice) && DisciplineOffices.Of(recused.UnitId, offices).Contains(actor.Id);
    }

    /// <summary>
    /// Whether <paramref name="candidate"/> may take the talk <paramref name="recused"/> stepped aside from: active, of the
    /// same unit, holding one of <see cref="TakingRoles"/>, and neither the recused talker nor the talkee.
    /// </summary>
    public static bool MayTake(Person candidate, Person recused, PersonId talkee)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        ArgumentNullException.ThrowIfNull(recused);
        return candidate.Active && candidate.UnitId is { } unit && unit == recused.UnitId
            && candidate.Id != recused.Id && candidate.Id != talkee && candidate.HasAny([.. TakingRoles]);
    }

    /// <summary>Those of <paramref name="people"/> who may take the talk, each once.</summary>
    public static IReadOnlyList<Person> Candidates(Person recused, PersonId talkee, IEnumerable<Person> people)
    {
        ArgumentNullException.ThrowIfNull(people);
        return [.. people.Where(p => MayTake(p, recused, talkee)).DistinctBy(p => p.Id)];
    }
}
