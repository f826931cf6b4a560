using TalkBot.Domain.Calendar;
using TalkBot.Domain.People;
using TalkBot.Domain.Plans;

namespace TalkBot.Domain.Tests;

/// <summary>Who talks to whom (000 §二, SPEC §2) in a small bureau: four tiers, delegation, joint talkers, recusal.</summary>
public sealed class TalkTiersTests
{
    private static readonly Unit[] Units =
    [
        new(new UnitId("bureau"), "X局", null, UnitLevel.Bureau),
        new(new UnitId("group"), "纪检监察组", null, UnitLevel.Department, new UnitId("bureau")),
        new(new UnitId("east"), "东城分局党委", null, UnitLevel.PartyCommittee, new UnitId("bureau")),
        new(new UnitId("east-branch"), "治安大队党支部", null, UnitLevel.Branch, new UnitId("east")),
        new(new UnitId("east-station"), "城关派出所", null, UnitLevel.Department, new UnitId("east")),
        new(new UnitId("west"), "西城分局党委", null, UnitLevel.PartyCommittee, new UnitId("bureau")),
        new(new UnitId("west-branch"), "刑侦大队党支部", null, UnitLevel.Branch, new UnitId("west")),
    ];

    private static readonly Person Secretary = A.Person().Id("secretary").In("bureau").With(Role.BureauSecretary, Role.BureauCommitteeMember);
    private static readonly Person Deputy = A.Person().Id("deputy").In("bureau").With(Role.BureauCommitteeMember);
    private static readonly Person GroupLeader = A.Person().Id("group-leader").In("group").With(Role.DisciplineGroupLeader, Role.BureauCommitteeMember);
    private static readonly Person GroupDeputy = A.Person().Id("group-deputy").In("group").With(Role.DeputyGroupLeader);
    private static readonly Person EastSecretary = A.Person().Id("east-secretary").In("east").With(Role.UnitSecretary, Role.UnitHead);
    private static readonly Person EastStationed = A.Person().Id("east-stationed").In("east").With(Role.StationedDisciplineLeader, Role.UnitCommitteeMember);
    private static readonly Person EastMember = A.Person().Id("east-member").In("east").With(Role.UnitCommitteeMember);
    private static readonly Person StationHead = A.Person().Id("station-head").In("east-station").With(Role.UnitHead);
    private static readonly Person BranchSecretary = A.Person().Id("branch-secretary").In("east-branch").With(Role.UnitSecretary);
    private static readonly Person WestSecretary = A.Person().Id("west-secretary").In("west").With(Role.UnitSecretary, Role.UnitHead);
    private static readonly Person LeftSecretary = A.Person().Id("left-secretary").In("west-branch").With(Role.UnitSecretary).Inactive();

    private static readonly Person[] People =
        [Secretary, Deputy, GroupLeader, GroupDeputy, EastSecretary, EastStationed, EastMember, StationHead, BranchSecretary, WestSecretary, LeftSecretary];

    private static IReadOnlyList<TierAssignment> Derived => TalkTiers.Derive(People, Units);

    private static IEnumerable<(string Talkee, TalkeeLine Line)> ListOf(Tier tier, Person talker) =>
        Derived.Where(a => a.Tier == tier && a.Talker == talker.Id).Select(a => (a.Talkee.Value, a.Line)).OrderBy(t => t.Value);

    [Fact]
    public void Tier1_BureauSecretary_TalksToOtherCommitteeMembersAndNextLevelSecretaries()
    {
        Assert.Equal(
            [("deputy", TalkeeLine.BureauCommitteeMember), ("east-secretary", TalkeeLine.NextLevelSecretary),
             ("group-leader", TalkeeLine.BureauCommitteeMember), ("west-secretary", TalkeeLine.NextLevelSecretary)],
            ListOf(Tier.BureauSecretary, Secretary));
        Assert.All(Derived.Where(a => a.Tier == Tier.BureauSecretary), a => Assert.Equal([GroupLeader.Id], a.DelegateTo));
        Assert.All(Derived.Where(a => a.Tier == Tier.BureauSecretary), a => Assert.Empty(a.MayInviteJointly));
    }

    [Fact]
    public void Tier2_GroupLeader_TalksToTheMainLeadersOfTheUnitsUnderTheBureau_MayInviteTheCommittee()
    {
        Assert.Equal(
            [("east-secretary", TalkeeLine.SubordinateUnitHead), ("west-secretary", TalkeeLine.SubordinateUnitHead)],
            ListOf(Tier.DisciplineGroupLeader, GroupLeader));
        var talk = Derived.First(a => a.Tier == Tier.DisciplineGroupLeader);
        Assert.Equal([GroupDeputy.Id], talk.DelegateTo);
        Assert.True(TalkTiers.MayInviteJointly(talk, Deputy.Id));
        Assert.True(TalkTiers.MayInviteJointly(talk, Secretary.Id));
        Assert.False(TalkTiers.MayInviteJointly(talk, GroupLeader.Id));
        Assert.False(TalkTiers.MayInviteJointly(talk, StationHead.Id));
    }

    [Fact]
    public void Tier3_UnitSecretary_TalksToTheOtherCommitteeMembersAndTheBranchSecretariesBelow()
    {
        Assert.Equal(
            [("branch-secretary", TalkeeLine.BranchSecretary), ("east-member", TalkeeLine.UnitCommitteeMember), ("east-stationed", TalkeeLine.UnitCommitteeMember)],
            ListOf(Tier.UnitSecretary, EastSecretary));
        var talk = Derived.First(a => a.Tier == Tier.UnitSecretary && a.Talkee == EastMember.Id);
        Assert.True(TalkTiers.MayDelegateTo(talk, EastStationed.Id));
        Assert.False(TalkTiers.MayDelegateTo(talk, GroupLeader.Id));
    }

    [Fact]
    public void Tier4_StationedLeader_TalksToTheHeadsOfTheUnitsSubordinates_MayInviteTheUnitCommittee()
    {
        Assert.Equal([("station-head", TalkeeLine.GrassrootsUnitHead)], ListOf(Tier.StationedDisciplineLeader, EastStationed));
        var talk = Derived.Single(a => a.Tier == Tier.StationedDisciplineLeader);
        Assert.Equal([EastMember.Id], talk.MayInviteJointly);
        Assert.Empty(talk.DelegateTo);
        Assert.Equal(new UnitId("east-station"), talk.Unit);
    }

    [Fact]
    public void SomeoneOnTwoLinesOfATier_IsTalkedToOnce()
    {
        // The east secretary also sits on the bureau committee: both lines of tier 1 name him.
        var both = People.Select(p => p == EastSecretary ? p with { Roles = new HashSet<Role>(p.Roles) { Role.BureauCommitteeMember } } : p).ToList();
        var tier1 = TalkTiers.Derive(both, Units).Where(a => a.Tier == Tier.BureauSecretary && a.Talkee == EastSecretary.Id).ToList();
        Assert.Equal(TalkeeLine.BureauCommitteeMember, Assert.Single(tier1).Line);
    }

    [Fact]
    public void PeopleWhoLeft_AreNeitherTalkeesNorTalkers()
    {
        Assert.DoesNotContain(Derived, a => a.Talkee == LeftSecretary.Id || a.Talker == LeftSecretary.Id);
        var gone = People.Select(p => p == Secretary ? p with { Active = false } : p).ToList();
        Assert.DoesNotContain(TalkTiers.Derive(gone, Units), a => a.Talker == Secretary.Id || a.Talkee == Secretary.Id);
    }

    [Fact]
    public void ATalkerWithNoTalkee_HasNoAssignment()
    {
        // The west committee has a secretary but no other member and no branch secretary who is active.
        Assert.DoesNotContain(Derived, a => a.Tier == Tier.UnitSecretary && a.Talker == WestSecretary.Id);
    }

    [Fact]
    public void Recusal_ReassignsAlongTheDelegationColumn()
    {
        var tier1 = Derived.Single(a => a.Tier == Tier.BureauSecretary && a.Talkee == Deputy.Id);
        Assert.Equal(GroupLeader.Id, TalkTiers.Reassign(tier1));
        var tier3 = Derived.Single(a => a.Tier == Tier.UnitSecretary && a.Talkee == EastMember.Id);
        Assert.Equal(EastStationed.Id, TalkTiers.Reassign(tier3));
    }

    [Fact]
    public void Recusal_WithNoDelegateLeft_IsForTheDisciplineOffice()
    {
        // The delegate is the talkee himself (the group leader is also a committee member), and tier 4 has none.
        var aboutTheDelegate = Derived.Single(a => a.Tier == Tier.BureauSecretary && a.Talkee == GroupLeader.Id);
        Assert.Null(TalkTiers.Reassign(aboutTheDelegate));
        Assert.Null(TalkTiers.Reassign(Derived.Single(a => a.Tier == Tier.StationedDisciplineLeader)));
    }
}

/// <summary>The plan goes out on the first working day of the month's last week (000 §三1).</summary>
public sealed class MonthlyPlanRulesTests
{
    private static readonly MonthlyPlanRules Rules = new(Calendars.Shipped, new PlanPolicy());

    [Theory]
    [InlineData(2026, 3, 25)]  // last week 25–31 March: Wednesday 25
    [InlineData(2026, 2, 24)]  // 22 Sunday, 23 Spring Festival holiday: Tuesday 24
    [InlineData(2025, 1, 26)]  // 25 Saturday; Sunday 26 is an adjusted working day (调休上班)
    [InlineData(2026, 11, 24)] // 24–30 November: Tuesday 24
    [InlineData(2026, 5, 25)]  // 25–31 May: Monday 25
    public void PlanDate_IsTheFirstWorkingDayOfTheLastSevenDays(int year, int month, int day) =>
        Assert.Equal(new DateOnly(year, month, day), Rules.PlanDate(year, month));

    [Fact]
    public void PlanDate_WhenTheWholeLastWeekIsOff_IsTheLastWorkingDayBeforeIt()
    {
        // A calendar extended with a made-up week-long holiday over the last week of April 2026.
        var json = """{"years":[{"year":2026,"source":"test","holidays":[{"name":"测试","nameEn":"Test","dates":["2026-04-24","2026-04-27","2026-04-28","2026-04-29","2026-04-30"]}],"workdays":[]}]}""";
        var rules = new MonthlyPlanRules(Calendars.LoadWith(("extra.json", json)), new PlanPolicy());
        Assert.Equal(new DateOnly(2026, 4, 23), rules.PlanDate(2026, 4));
    }

    [Fact]
    public void Plan_GoesOutAt0830Shanghai_AndUnscheduledTalksAreChasedTwoWorkingDaysLater()
    {
        Assert.Equal(At.Shanghai(2026, 2, 24, 8, 30), Rules.PlanAt(2026, 2));
        Assert.Equal(At.Shanghai(2026, 2, 26, 8, 30), Rules.UnscheduledReminderAt(2026, 2));
        // Tuesday 24 Nov 2026 → two working days later is Thursday 26.
        Assert.Equal(At.Shanghai(2026, 11, 26, 8, 30), Rules.UnscheduledReminderAt(2026, 11));
    }

    [Fact]
    public void NextPlanMonth_IsThisMonthUntilItsPlanHasGoneOut()
    {
        Assert.Equal((2026, 11), Rules.NextPlanMonth(At.Shanghai(2026, 11, 24, 8, 0)));
        Assert.Equal((2026, 12), Rules.NextPlanMonth(At.Shanghai(2026, 11, 24, 9, 0)));
        Assert.Equal((2027, 1), Rules.NextPlanMonth(At.Shanghai(2026, 12, 31, 9, 0)));
    }
}
