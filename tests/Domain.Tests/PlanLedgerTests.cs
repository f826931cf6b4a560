using TalkBot.Domain.Ledgers;
using TalkBot.Domain.People;
using TalkBot.Domain.Plans;
using TalkBot.Domain.Rules;
using TalkBot.Domain.Statistics;
using static TalkBot.Domain.Tests.At;

namespace TalkBot.Domain.Tests;

/// <summary>
/// The plans ledger (谈话方案台账): where a planned talk stands, which plan figures it stands behind, who sees it, and the
/// day by which it must be arranged to be held within the month (000 §三1, §四(一)3).
/// </summary>
public class PlanLedgerTests
{
    private static readonly PersonId Talker = new("talker");
    private static readonly PersonId Deputy = new("deputy");
    private static readonly PersonId Talkee = new("talkee");
    private static readonly PlanItem Open = new(Talkee, Tier.DisciplineGroupLeader, TalkeeLine.SubordinateUnitHead, new UnitId("east"));

    private static readonly Person BureauOffice = A.Person().Id("bo").In("bureau").With(Role.DisciplineOffice);
    private static readonly Person TheTalker = A.Person().Id("talker").In("group").With(Role.DisciplineGroupLeader);
    private static readonly Person TheDeputy = A.Person().Id("deputy").In("group").With(Role.DeputyGroupLeader);
    private static readonly Person TheTalkee = A.Person().Id("talkee").In("east").With(Role.UnitSecretary);
    private static readonly Person Other = A.Person().Id("other").In("west").With(Role.UnitSecretary);
    private static readonly HashSet<UnitId> None = [];

    private static bool Sees(Person viewer, IReadOnlySet<UnitId> office, UnitId? talkeeUnit, UnitId? talkerUnit, PersonId? holder) =>
        LedgerAccess.CanSeePlanItem(viewer, office, Talkee, talkeeUnit, talkerUnit, Talker, holder);

    [Fact]
    public void Standing_FollowsTheItem_UntilATalkIsArranged()
    {
        Assert.Equal(PlanStanding.Waiting, PlanLedger.Standing(Open, scheduled: false));
        Assert.Equal(PlanStanding.Scheduled, PlanLedger.Standing(Open, scheduled: true));
        Assert.Equal(PlanStanding.Delegated, PlanLedger.Standing(Open with { Status = PlanItemStatus.Delegated, HandedTo = Deputy }, false));
        Assert.Equal(PlanStanding.Recused, PlanLedger.Standing(Open with { Status = PlanItemStatus.Recused, HandedTo = Deputy }, false));
        Assert.Equal(PlanStanding.AwaitingOffice, PlanLedger.Standing(Open with { Status = PlanItemStatus.Recused }, false));
        Assert.Equal(PlanStanding.Scheduled, PlanLedger.Standing(Open with { Status = PlanItemStatus.Delegated, HandedTo = Deputy }, true));
    }

    [Fact]
    public void Holder_IsTheTalker_ThenWhomTheTalkWasHandedTo_AndNobodyWhileTheOfficeIsToName()
    {
        Assert.Equal(Talker, PlanLedger.Holder(Open, Talker));
        Assert.Equal(Deputy, PlanLedger.Holder(Open with { Status = PlanItemStatus.Delegated, HandedTo = Deputy }, Talker));
        Assert.Null(PlanLedger.Holder(Open with { Status = PlanItemStatus.Recused }, Talker));
    }

    [Fact]
    public void PlanFigures_AnOwnItem_StandsBehindPlansAndPlanned_AHandedCopyBehindNeither()
    {
        Assert.Equal([Figures.Plans, Figures.Planned], StatisticsRules.PlanFigures(Open with { Status = PlanItemStatus.Delegated, HandedTo = Deputy }));
        Assert.Empty(StatisticsRules.PlanFigures(Open with { HandedFrom = Talker }));
    }

    [Fact]
    public void PlanFigures_AgreeWithWhatCountingCounts()
    {
        PlanItem[] items = [Open, Open with { Talkee = new PersonId("b"), Tier = Tier.BureauSecretary }, Open with { Talkee = new PersonId("c"), HandedFrom = Deputy }];
        var tallies = Counting.Plan(Talker, new UnitId("group"), items, _ => null);

        Assert.Equal(tallies.Count(t => t.Figure == Figures.Planned), items.Count(i => StatisticsRules.PlanFigures(i).Contains(Figures.Planned)));
        Assert.Equal(tallies.Count(t => t.Figure == Figures.Plans),
            items.Where(i => StatisticsRules.PlanFigures(i).Contains(Figures.Plans)).Select(i => i.Tier).Distinct().Count());
    }

    [Fact]
    public void Access_TheOfficeOfTheTalkeesUnitOrTheTalkersSeesIt()
    {
        Assert.True(Sees(BureauOffice, new HashSet<UnitId> { new("east") }, new UnitId("east"), new UnitId("group"), Talker));
        Assert.True(Sees(BureauOffice, new HashSet<UnitId> { new("group") }, new UnitId("east"), new UnitId("group"), Talker));
        Assert.False(Sees(BureauOffice, new HashSet<UnitId> { new("west") }, new UnitId("east"), new UnitId("group"), Talker));
    }

    [Fact]
    public void Access_TheTalkerAndWhoeverHoldsTheTalk_SeeIt_NobodyElse()
    {
        Assert.True(Sees(TheTalker, None, new UnitId("east"), new UnitId("group"), Talker));
        Assert.True(Sees(TheDeputy, None, new UnitId("east"), new UnitId("group"), Deputy));
        Assert.False(Sees(TheDeputy, None, new UnitId("east"), new UnitId("group"), Talker));
        Assert.False(Sees(Other, None, new UnitId("east"), new UnitId("group"), Talker));
    }

    [Fact]
    public void Access_TheTalkeeDoesNotSeeThatHeIsPlanned_EvenAsAnOfficeMember()
    {
        Assert.False(Sees(TheTalkee, None, new UnitId("east"), new UnitId("group"), Talker));
        var talkeeInOffice = A.Person().Id("talkee").In("east").With(Role.DisciplineOffice);
        Assert.False(Sees(talkeeInOffice, new HashSet<UnitId> { new("east") }, new UnitId("east"), new UnitId("group"), Talker));
    }

    [Fact]
    public void ArrangeBy_IsTheLastDayANoticeStillReachesATalkOnTheMonthsLastWorkingDay()
    {
        var rules = new MonthlyPlanRules(Calendars.Shipped, new PlanPolicy());

        // March 2026 ends on Tuesday 31 March; two working days' notice (000 §四(一)3) puts the last arrangement on Friday 27 March.
        Assert.Equal(D(2026, 3, 27), rules.ArrangeBy(2026, 3, NoticePolicy.Default));
        Assert.Equal(D(2026, 3, 26), rules.ArrangeBy(2026, 3, new NoticePolicy(MinimumWorkingDays: 3)));
    }

    [Fact]
    public void Arrangement_Light_YellowFromHalfTheTimeSinceThePlan_RedAfterTheDay_NoneOnceArranged()
    {
        var steps = new LedgerSteps(Calendars.Shipped, new LedgerPolicy());
        var (planAt, by) = (Shanghai(2026, 3, 25, 8, 30), D(2026, 3, 27));

        Assert.Equal(Light.None, steps.Arrangement(true, planAt, by, Shanghai(2026, 3, 25, 9)).Light);
        Assert.Equal(Light.Yellow, steps.Arrangement(true, planAt, by, Shanghai(2026, 3, 27, 9)).Light);
        Assert.Equal(Light.Red, steps.Arrangement(true, planAt, by, Shanghai(2026, 3, 28, 0, 1)).Light);
        Assert.Equal(LedgerStep.Arrangement, steps.Arrangement(true, planAt, by, Shanghai(2026, 3, 28, 0, 1)).Step);
        Assert.Equal(LedgerDeadline.Done, steps.Arrangement(false, planAt, by, Shanghai(2026, 3, 28, 0, 1)));
    }
}
