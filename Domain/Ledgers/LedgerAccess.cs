using TalkBot.Domain.Admonishments;
using TalkBot.Domain.FollowUps;
using TalkBot.Domain.Leads;
using TalkBot.Domain.People;

namespace TalkBot.Domain.Ledgers;

/// <summary>
/// Who sees which lines of the tab's ledgers (台账): the chat's rules, applied to lists (SPEC §6 and §7).
/// <list type="bullet">
/// <item>The discipline office of a level (000 §四(一): 各级纪检监察机关) sees the matters of its unit and of every unit
/// below it (<see cref="OfficeUnits"/>): talks, leads, admonishments and tasks.</item>
/// <item>A talker, and the recorder, see the talks they hold (000 §四(一)4; a record is theirs, SPEC §6).</item>
/// <item>A cadre sees their own items: the talks they were talked to in, their admonishments, what they owe or review;
/// never a lead about them (the talkee is told neither the lead nor its reporter, 002 §五8).</item>
/// <item>An approver sees the proposals that wait for their decision (002 §四2).</item>
/// </list>
/// No ledger line carries a lead's reporter: the reporter stays with the office of the lead's level (<see cref="LeadAccess"/>).
/// </summary>
public static class LedgerAccess
{
    /// <summary>
    /// The units whose matters the office member <paramref name="viewer"/> sees: the level their office belongs to and
    /// every unit below it. A department without a Party organisation of its own (部门, such as the discipline office
    /// itself) belongs to the level above it, so the bureau's office sees the whole bureau. Empty for anyone else.
    /// </summary>
    public static IReadOnlySet<UnitId> OfficeUnits(Person viewer, IReadOnlyList<Unit> units)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        ArgumentNullException.ThrowIfNull(units);
        if (!LeadAccess.IsDisciplineOffice(viewer) || viewer.UnitId is not { } start)
        {
            return new HashSet<UnitId>();
        }

        var byId = units.ToDictionary(u => u.Id);
        var level = start;
        var climbed = new HashSet<UnitId> { level };
        while (byId.TryGetValue(level, out var unit) && unit.Level == UnitLevel.Department && unit.ParentId is { } parent && climbed.Add(parent))
        {
            level = parent;
        }

        var children = units.Where(u => u.ParentId is not null).ToLookup(u => u.ParentId!.Value);
        var seen = new HashSet<UnitId>();
        var queue = new Queue<UnitId>([level]);
        while (queue.Count > 0)
        {
            var unit = queue.Dequeue();
            if (seen.Add(unit))
            {
                foreach (var child in children[unit])
                {
                    queue.Enqueue(child.Id);
                }
            }
        }

        return seen;
    }

    /// <summary>
    /// A talk: the office of a talkee's unit (or a level above it), a talker or the recorder, or a talkee (their own).
    /// </summary>
    public static bool CanSeeTalk(Person viewer, IReadOnlySet<UnitId> officeUnits, IReadOnlyCollection<UnitId> talkeeUnits,
        IReadOnlyCollection<PersonId> talkers, PersonId? recorder, IReadOnlyCollection<PersonId> talkees)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        ArgumentNullException.ThrowIfNull(officeUnits);
        ArgumentNullException.ThrowIfNull(talkeeUnits);
        ArgumentNullException.ThrowIfNull(talkers);
        ArgumentNullException.ThrowIfNull(talkees);
        return viewer.Active && (talkeeUnits.Any(officeUnits.Contains) || talkers.Contains(viewer.Id) || recorder == viewer.Id || talkees.Contains(viewer.Id));
    }

    /// <summary>
    /// A talk of a monthly plan (谈话方案台账): the office of the talkee's unit or of the talker's (the statistics count
    /// the talkee planned in the one and the plan in the other), or a level above; the talker, whose plan it is; and
    /// whoever it was handed to (委托, 回避: it is on their plan too, 000 §二, §四(五)3). Never the talkee for being planned:
    /// the plan is the talker's working paper until the notice (000 §四(一)2–3: 制定谈话方案, then 通知谈话对象), and the
    /// talkee sees the talk itself in the talks ledger once notified. An office member planned as a talkee does not see
    /// that item either.
    /// </summary>
    public static bool CanSeePlanItem(Person viewer, IReadOnlySet<UnitId> officeUnits, PersonId talkee, UnitId? talkeeUnit, UnitId? talkerUnit, PersonId talker,
        PersonId? holder)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        ArgumentNullException.ThrowIfNull(officeUnits);
        return viewer.Active && talkee != viewer.Id && (talker == viewer.Id || holder == viewer.Id
            || (talkeeUnit is { } a && officeUnits.Contains(a)) || (talkerUnit is { } b && officeUnits.Contains(b)));
    }

    /// <summary>
    /// A talkee's rectification on a talk's line: those it is reported to and reviewed by (000 §四(一)5: the office of the
    /// talkee's level or above, and the talkers, <see cref="Rectifications.RectificationAccess"/>), and the talkee, their
    /// own. Another talkee of the same talk sees the talk, never how the others stand with theirs.
    /// </summary>
    public static bool CanSeeRectification(Person viewer, IReadOnlySet<UnitId> officeUnits, UnitId? talkeeUnit, IReadOnlyCollection<PersonId> talkers, PersonId talkee)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        ArgumentNullException.ThrowIfNull(officeUnits);
        ArgumentNullException.ThrowIfNull(talkers);
        return viewer.Active && (talkee == viewer.Id || talkers.Contains(viewer.Id) || (talkeeUnit is { } unit && officeUnits.Contains(unit)));
    }

    /// <summary>A lead: the office of its level or of a level above, never the cadre it is about (002 §五8).</summary>
    public static bool CanSeeLead(Person viewer, IReadOnlySet<UnitId> officeUnits, UnitId? leadOffice, LeadListing lead)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        ArgumentNullException.ThrowIfNull(officeUnits);
        ArgumentNullException.ThrowIfNull(lead);
        return viewer.Active && lead.Subject != viewer.Id && leadOffice is { } unit && officeUnits.Contains(unit);
    }

    /// <summary>
    /// An admonishment: the office of its level or above (not their own), its approver while it waits for them
    /// (002 §四2), and the cadre it is about (their own item; the facts are never on a line, <see cref="CaseListing"/>).
    /// </summary>
    public static bool CanSeeCase(Person viewer, IReadOnlySet<UnitId> officeUnits, UnitId? caseOffice, CaseListing listing)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        ArgumentNullException.ThrowIfNull(officeUnits);
        ArgumentNullException.ThrowIfNull(listing);
        if (!viewer.Active)
        {
            return false;
        }

        return listing.Subject == viewer.Id
            || (caseOffice is { } unit && officeUnits.Contains(unit))
            || AdmonishmentAccess.AwaitsDecisionBy(listing, viewer);
    }

    /// <summary>A task: the office of its level or above, its assignee and reviewers (<see cref="CaseTaskAccess"/>), and the person it is about.</summary>
    public static bool CanSeeTask(Person viewer, IReadOnlySet<UnitId> officeUnits, UnitId? taskOffice, TaskListing task)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        ArgumentNullException.ThrowIfNull(officeUnits);
        ArgumentNullException.ThrowIfNull(task);
        return viewer.Active && (task.Assignee == viewer.Id || task.Reviewers.Contains(viewer.Id) || task.Subject == viewer.Id
            || (taskOffice is { } unit && officeUnits.Contains(unit)));
    }
}
