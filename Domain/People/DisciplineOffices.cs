namespace TalkBot.Domain.People;

/// <summary>
/// The discipline office of a level (000 §四(一): 各级纪检监察机关; SPEC §6: "the discipline office of that level"): the
/// active holders of the DisciplineOffice role in a unit.
/// </summary>
public static class DisciplineOffices
{
    /// <summary>
    /// The office of <paramref name="unit"/>: its active DisciplineOffice members. A unit without an office of its own
    /// falls to every active DisciplineOffice member, so that what the office must hear (a cadre's own request,
    /// 002 §五4, for instance) still reaches an office.
    /// </summary>
    public static IReadOnlyList<PersonId> Of(UnitId? unit, IEnumerable<Person> people)
    {
        ArgumentNullException.ThrowIfNull(people);
        var office = people.Where(p => p.Active && p.Has(Role.DisciplineOffice)).ToList();
        var ofUnit = office.Where(p => p.UnitId == unit).ToList();
        return [.. (ofUnit.Count > 0 ? ofUnit : office).Select(p => p.Id)];
    }
}
