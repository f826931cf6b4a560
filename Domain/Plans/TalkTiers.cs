using TalkBot.Domain.People;

namespace TalkBot.Domain.Plans;

/// <summary>The four tiers of 000 §二 (SPEC §2).</summary>
public enum Tier
{
    /// <summary>000 §二1: X局党委书记廉政谈话.</summary>
    BureauSecretary = 1,
    /// <summary>000 §二2: X组长廉政谈话.</summary>
    DisciplineGroupLeader = 2,
    /// <summary>000 §二3: 基层党委（党总支、党支部）书记廉政谈话.</summary>
    UnitSecretary = 3,
    /// <summary>000 §二4: X局纪委派驻纪检监察组组长廉政谈话.</summary>
    StationedDisciplineLeader = 4,
}

/// <summary>Why a talkee is on a talker's list: the line of 000 §二 that puts them there.</summary>
public enum TalkeeLine
{
    /// <summary>Tier 1: X局党委班子其他成员.</summary>
    BureauCommitteeMember,
    /// <summary>Tier 1: 下一级党委（党总支、党支部）书记.</summary>
    NextLevelSecretary,
    /// <summary>Tier 2: 所属单位主要领导.</summary>
    SubordinateUnitHead,
    /// <summary>Tier 3: 基层党委（党总支、党支部）班子其他成员.</summary>
    UnitCommitteeMember,
    /// <summary>Tier 3: 下级党支部书记.</summary>
    BranchSecretary,
    /// <summary>Tier 4: 基层下属各单位的主要领导.</summary>
    GrassrootsUnitHead,
}

/// <summary>
/// One talkee of one talker for the month, with the line that puts them there (explainable on the plan card), who
/// assists, to whom the talk may be delegated (委托) and whom the talker may invite to talk jointly (共同谈话).
/// </summary>
/// <param name="Unit">The unit the line runs through: the talkee's unit for a secretary or a head, the talker's for committee members.</param>
public sealed record TierAssignment(
    Tier Tier,
    PersonId Talker,
    PersonId Talkee,
    TalkeeLine Line,
    UnitId? Unit,
    IReadOnlyList<PersonId> Assistants,
    IReadOnlyList<PersonId> DelegateTo,
    IReadOnlyList<PersonId> MayInviteJointly)
{
    public const string Source = Rules.RuleSources.Tiers;
}

/// <summary>
/// Works out who talks to whom from roles and reporting lines (000 §二; SPEC §2). People who left the directory
/// (inactive) are neither talkers nor talkees. A person may be on several lists: a party committee's secretary who is
/// also its head is talked to by the bureau secretary (tier 1) and by the discipline group leader (tier 2).
/// </summary>
public static class TalkTiers
{
    private static readonly UnitLevel[] PartyLevels = [UnitLevel.PartyCommittee, UnitLevel.GeneralBranch, UnitLevel.Branch];

    public static IReadOnlyList<TierAssignment> Derive(IReadOnlyList<Person> people, IReadOnlyList<Unit> units)
    {
        ArgumentNullException.ThrowIfNull(people);
        ArgumentNullException.ThrowIfNull(units);
        var active = people.Where(p => p.Active).ToList();
        var children = units.Where(u => u.ParentId is not null).ToLookup(u => u.ParentId!.Value);
        var result = new List<TierAssignment>();

        foreach (var bureau in units.Where(u => u.Level == UnitLevel.Bureau))
        {
            var bureauPeople = active.Where(p => p.UnitId is { } unit && (unit == bureau.Id || Parent(units, unit) == bureau.Id)).ToList();
            var groupLeaders = Holding(bureauPeople, Role.DisciplineGroupLeader);
            var deputies = Holding(bureauPeople, Role.DeputyGroupLeader);
            var committee = Holding(bureauPeople, Role.BureauCommitteeMember);
            var partyChildren = children[bureau.Id].Where(u => PartyLevels.Contains(u.Level)).ToList();

            // Tier 1 (000 §二1): the bureau secretary, with the group leader assisting and as delegate.
            foreach (var secretary in Holding(bureauPeople, Role.BureauSecretary))
            {
                foreach (var member in committee.Where(m => m != secretary))
                {
                    result.Add(new(Tier.BureauSecretary, secretary, member, TalkeeLine.BureauCommitteeMember, bureau.Id, groupLeaders, groupLeaders, []));
                }

                foreach (var unit in partyChildren)
                {
                    foreach (var unitSecretary in Holding(InUnit(active, unit.Id), Role.UnitSecretary).Where(s => s != secretary))
                    {
                        result.Add(new(Tier.BureauSecretary, secretary, unitSecretary, TalkeeLine.NextLevelSecretary, unit.Id, groupLeaders, groupLeaders, []));
                    }
                }
            }

            // Tier 2 (000 §二2): the group leader talks to the main leaders of the units under the bureau.
            foreach (var leader in groupLeaders)
            {
                var joint = committee.Where(m => m != leader).ToList();
                foreach (var unit in children[bureau.Id])
                {
                    foreach (var head in Holding(InUnit(active, unit.Id), Role.UnitHead).Where(h => h != leader))
                    {
                        result.Add(new(Tier.DisciplineGroupLeader, leader, head, TalkeeLine.SubordinateUnitHead, unit.Id, deputies, deputies, joint));
                    }
                }
            }
        }

        foreach (var unit in units.Where(u => PartyLevels.Contains(u.Level)))
        {
            var members = InUnit(active, unit.Id);
            var stationed = Holding(members, Role.StationedDisciplineLeader);

            // Tier 3 (000 §二3): the unit's secretary, with the stationed leader assisting and as delegate.
            foreach (var secretary in Holding(members, Role.UnitSecretary))
            {
                foreach (var member in Holding(members, Role.UnitCommitteeMember).Where(m => m != secretary))
                {
                    result.Add(new(Tier.UnitSecretary, secretary, member, TalkeeLine.UnitCommitteeMember, unit.Id, stationed, stationed, []));
                }

                foreach (var branch in children[unit.Id].Where(u => u.Level is UnitLevel.GeneralBranch or UnitLevel.Branch))
                {
                    foreach (var branchSecretary in Holding(InUnit(active, branch.Id), Role.UnitSecretary).Where(s => s != secretary))
                    {
                        result.Add(new(Tier.UnitSecretary, secretary, branchSecretary, TalkeeLine.BranchSecretary, branch.Id, stationed, stationed, []));
                    }
                }
            }

            // Tier 4 (000 §二4): the stationed leader talks to the main leaders of the unit's subordinate units.
            foreach (var leader in stationed)
            {
                var joint = Holding(members, Role.UnitCommitteeMember).Where(m => m != leader).ToList();
                foreach (var sub in children[unit.Id])
                {
                    foreach (var head in Holding(InUnit(active, sub.Id), Role.UnitHead).Where(h => h != leader))
                    {
                        result.Add(new(Tier.StationedDisciplineLeader, leader, head, TalkeeLine.GrassrootsUnitHead, sub.Id, [], [], joint));
                    }
                }
            }
        }

        // One talk per talker, talkee and tier: someone on two lines of a tier (a committee member who also runs the
        // next level's party committee) is talked to once, listed under the first line.
        return [.. result.DistinctBy(a => (a.Talker, a.Talkee, a.Tier))];
    }

    /// <summary>
    /// After a recusal (回避, 000 §四(五)3) the talk goes along the delegation column: the first delegate who is not the
    /// talkee. Null when the tier has none (tier 4): the discipline office then assigns a talker itself.
    /// </summary>
    public static PersonId? Reassign(TierAssignment assignment)
    {
        ArgumentNullException.ThrowIfNull(assignment);
        return assignment.DelegateTo.Where(d => d != assignment.Talkee && d != assignment.Talker).Select(d => (PersonId?)d).FirstOrDefault();
    }

    /// <summary>Whether the talker may delegate this talk to <paramref name="person"/> (委托, SPEC §2).</summary>
    public static bool MayDelegateTo(TierAssignment assignment, PersonId person)
    {
        ArgumentNullException.ThrowIfNull(assignment);
        return person != assignment.Talkee && assignment.DelegateTo.Contains(person);
    }

    /// <summary>Whether the talker may invite <paramref name="person"/> to talk jointly (共同谈话, SPEC §2).</summary>
    public static bool MayInviteJointly(TierAssignment assignment, PersonId person)
    {
        ArgumentNullException.ThrowIfNull(assignment);
        return person != assignment.Talkee && assignment.MayInviteJointly.Contains(person);
    }

    private static UnitId? Parent(IReadOnlyList<Unit> units, UnitId unit) => units.FirstOrDefault(u => u.Id == unit)?.ParentId;

    private static List<Person> InUnit(IEnumerable<Person> people, UnitId unit) => [.. people.Where(p => p.UnitId == unit)];

    private static List<PersonId> Holding(IEnumerable<Person> people, Role role) => [.. people.Where(p => p.Has(role)).Select(p => p.Id)];
}
