using TalkBot.Domain.People;

namespace TalkBot.Domain.Statistics;

/// <summary>Which figures one viewer may see (<see cref="StatisticsAccess"/>).</summary>
/// <param name="Unit">The unit whose figures, with those of the units below it, the viewer sees; null: none by unit.</param>
/// <param name="Talker">Set when the viewer sees only the talks they lead.</param>
/// <param name="LeadsAndCases">Whether the figures of leads and admonishment cases are shown (the office's work).</param>
public sealed record StatisticsScope(UnitId? Unit, PersonId? Talker, bool LeadsAndCases)
{
    /// <summary>Whether a request for <paramref name="unit"/>'s figures is within this scope.</summary>
    public bool Allows(UnitId? unit, UnitTree tree)
    {
        ArgumentNullException.ThrowIfNull(tree);
        return unit is not { } asked || Talker is not null || (Unit is { } own && tree.IsWithin(asked, own));
    }
}

/// <summary>
/// Who sees which statistics — the rules of the chat, applied to counts (SPEC §6; 000 §四(五)3; 002 §五8):
/// <list type="bullet">
/// <item>the discipline office of a level (各级纪检监察机关, 000 §四(一)) sees its unit and those below, leads and
/// admonishment cases included — counts only, so no reporter is ever named (002 §五8);</item>
/// <item>the leadership of a unit (its 书记 and 主要领导) sees the talks of its unit and those below: SPEC §6, "reports
/// show counts to those above" (the monthly report goes to them);</item>
/// <item>anyone else sees the talks they lead (a talker's own talks); a cadre's own items are in the ledgers, not in
/// counts about others.</item>
/// </list>
/// </summary>
public static class StatisticsAccess
{
    private static readonly Role[] Leadership = [Role.BureauSecretary, Role.UnitSecretary, Role.UnitHead];

    public static StatisticsScope For(Person viewer, UnitTree tree)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        ArgumentNullException.ThrowIfNull(tree);
        if (viewer.Active && viewer.UnitId is { } unit)
        {
            if (viewer.Has(Role.DisciplineOffice))
            {
                return new(tree.LevelOf(unit), null, true);
            }

            if (viewer.HasAny(Leadership))
            {
                return new(tree.LevelOf(unit), null, false);
            }
        }

        return new(null, viewer.Id, false);
    }

    /// <summary>The leadership of <paramref name="unit"/>, who get its monthly report (SPEC §6): its active 书记 and 主要领导.</summary>
    public static IReadOnlyList<PersonId> LeadershipOf(UnitId unit, IEnumerable<Person> people, UnitTree tree)
    {
        ArgumentNullException.ThrowIfNull(people);
        ArgumentNullException.ThrowIfNull(tree);
        return [.. people.Where(p => p.Active && p.UnitId is { } u && tree.LevelOf(u) == unit && p.HasAny(Leadership)).Select(p => p.Id)];
    }
}
