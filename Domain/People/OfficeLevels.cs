using TalkBot.Domain.Rules;

namespace TalkBot.Domain.People;

/// <summary>
/// "That level" (000 §四(一)6: 各级纪检监察机关明确专人负责汇总管理; 002 §五8: 诫勉谈话…内容要严格保密): a discipline office
/// member reads the archives and the audit log of their own level only — the unit whose office they are and the units
/// below it. An office sits in a department (纪委办 is a department of the bureau), so the level of a member is the
/// nearest unit at or above theirs with its own Party organisation (局, 党委, 党总支, 党支部), not the department itself.
/// </summary>
public static class OfficeLevels
{
    public const string Source = RuleSources.Archive;

    /// <summary>The unit whose office <paramref name="office"/> is, or null when they have no unit.</summary>
    public static UnitId? LevelOf(Person office, Func<UnitId, Unit?> findUnit)
    {
        ArgumentNullException.ThrowIfNull(office);
        ArgumentNullException.ThrowIfNull(findUnit);
        var seen = new HashSet<UnitId>();
        for (var id = office.UnitId; id is { } u && seen.Add(u);)
        {
            if (findUnit(u) is not { } unit)
            {
                return u;
            }

            if (unit.Level != UnitLevel.Department || unit.ParentId is null)
            {
                return u;
            }

            id = unit.ParentId;
        }

        return office.UnitId;
    }

    /// <summary>
    /// Whether <paramref name="unit"/> (a person's unit) is at the office's level or below it. Someone without a unit is
    /// covered only by an office member without one either: nothing says whose level they are.
    /// </summary>
    public static bool Covers(Person office, UnitId? unit, Func<UnitId, Unit?> findUnit)
    {
        ArgumentNullException.ThrowIfNull(office);
        ArgumentNullException.ThrowIfNull(findUnit);
        if (LevelOf(office, findUnit) is not { } level)
        {
            return unit is null;
        }

        var seen = new HashSet<UnitId>();
        for (var id = unit; id is { } u && seen.Add(u); id = findUnit(u)?.ParentId)
        {
            if (u == level)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether the office member may read <paramref name="subject"/>'s personal integrity archive: the discipline office
    /// (<see cref="Leads.LeadAccess.CanReadArchive"/>) of the subject's level or one above it.
    /// </summary>
    public static bool MayReadArchiveOf(Person office, Person subject, Func<UnitId, Unit?> findUnit)
    {
        ArgumentNullException.ThrowIfNull(subject);
        return Leads.LeadAccess.CanReadArchive(office) && Covers(office, subject.UnitId, findUnit);
    }

    /// <summary>
    /// Whether an audit line is of the office's level: about someone (its subject) at that level or below, or, for a line
    /// about nobody in particular, made by someone there.
    /// </summary>
    public static bool MaySeeAuditLine(Person office, Person? actor, Person? subject, Func<UnitId, Unit?> findUnit)
    {
        ArgumentNullException.ThrowIfNull(office);
        var about = subject ?? actor;
        return Leads.LeadAccess.CanReadArchive(office) && about is not null && Covers(office, about.UnitId, findUnit);
    }
}
