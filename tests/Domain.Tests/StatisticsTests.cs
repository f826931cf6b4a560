using TalkBot.Domain.Leads;
using TalkBot.Domain.People;
using TalkBot.Domain.Plans;
using TalkBot.Domain.Records;
using TalkBot.Domain.Rectifications;
using TalkBot.Domain.Statistics;
using TalkBot.Domain.Talks;
using static TalkBot.Domain.Tests.At;

namespace TalkBot.Domain.Tests;

/// <summary>What the statistics count (000, last paragraph: 考核、问责; SPEC §6) and who sees which figures.</summary>
public class StatisticsTests
{
    private static readonly PersonId Talker = new("talker");
    private static readonly PersonId Talkee1 = new("k1");
    private static readonly PersonId Talkee2 = new("k2");
    private static readonly UnitId Unit1 = new("u1");
    private static readonly UnitId Unit2 = new("u2");

    private static readonly Unit[] Units =
    [
        new(new UnitId("bureau"), "局", null, UnitLevel.Bureau),
        new(new UnitId("office"), "纪委办", null, UnitLevel.Department, new UnitId("bureau")),
        new(Unit1, "一党委", null, UnitLevel.PartyCommittee, new UnitId("bureau")),
        new(Unit2, "一支部", null, UnitLevel.Branch, Unit1),
    ];

    private static readonly UnitTree Tree = new(Units);

    private static Talk TalkWith(TalkStatus status, params PersonId[] talkees) => Talk.Restore(new TalkId("t1"), TalkKind.Routine, talkees, [Talker], null,
        new PersonId("org"), Shanghai(2026, 3, 26), "会议室", D(2026, 3, 24), null, Shanghai(2026, 3, 20), status);

    private static Rectification Rectification(bool reported, bool late)
    {
        var r = Domain.Rectifications.Rectification.Open(new TalkId("t1"), Talkee1, ["退还"], D(2026, 3, 29), Shanghai(2026, 3, 26, 11));
        if (reported)
        {
            var day = late ? D(2026, 3, 30) : D(2026, 3, 28);
            r.Submit(Talkee1, [new MeasureReport(1, "已退还", MeasureStatus.Done, day)], "f1", day, Shanghai(day.Year, day.Month, day.Day));
        }

        return r;
    }

    private static Dictionary<string, long> Sum(IEnumerable<Tally> tallies) =>
        tallies.GroupBy(t => t.Figure).ToDictionary(g => g.Key, g => g.Sum(t => t.Amount));

    [Fact]
    public void Completed_NeedsTheTalkHeldAndItsRecord()
    {
        Assert.True(StatisticsRules.IsCompleted(TalkWith(TalkStatus.Held, Talkee1), RecordStatus.AwaitingVerification));
        Assert.False(StatisticsRules.IsCompleted(TalkWith(TalkStatus.Held, Talkee1), null));
        Assert.False(StatisticsRules.IsCompleted(TalkWith(TalkStatus.Scheduled, Talkee1), null));
    }

    [Fact]
    public void CompletionRate_IsCompletedOverScheduled_AndNoneWhenNothingWasScheduled()
    {
        Assert.Equal(0.25, StatisticsRules.CompletionRate(1, 4));
        Assert.Null(StatisticsRules.CompletionRate(0, 0));
    }

    [Fact]
    public void Rectification_OnTimeLateOrOpen_ByTheLatestReport()
    {
        Assert.Equal(RectificationOutcome.Open, StatisticsRules.Rectification(Rectification(reported: false, late: false)));
        Assert.Equal(RectificationOutcome.OnTime, StatisticsRules.Rectification(Rectification(reported: true, late: false)));
        Assert.Equal(RectificationOutcome.Late, StatisticsRules.Rectification(Rectification(reported: true, late: true)));
    }

    [Fact]
    public void ReturnedRectification_IsOpenAgain()
    {
        var r = Rectification(reported: true, late: false);
        r.Review(Talker, 1, false, "请补充凭证", D(2026, 4, 2), D(2026, 3, 28), Shanghai(2026, 3, 28, 15));

        Assert.Equal(RectificationOutcome.Open, StatisticsRules.Rectification(r));
    }

    [Fact]
    public void Talk_CountsEachTalkeeInTheirUnit_WithHowFarTheyGot()
    {
        var talk = TalkWith(TalkStatus.Held, Talkee1, Talkee2);
        var tallies = Counting.Talk(talk, RecordStatus.Verified,
        [
            new(Talkee1, Unit1, Tier.UnitSecretary, NoticeStatus.Acknowledged, Rectification(reported: true, late: true), 90),
            new(Talkee2, Unit2, Tier.UnitSecretary, NoticeStatus.Sent, null, null),
        ]);

        var all = Sum(tallies);
        Assert.Equal(2, all[Figures.Scheduled]);
        Assert.Equal(2, all[Figures.Notified]);
        Assert.Equal(1, all[Figures.Acknowledged]);
        Assert.Equal(2, all[Figures.Held]);
        Assert.Equal(2, all[Figures.Verified]);
        Assert.Equal(2, all[Figures.Completed]);
        Assert.Equal(1, all[Figures.RectificationLate]);
        Assert.Equal(1, all[Figures.QuizTaken]);
        Assert.Equal(90, all[Figures.QuizScore]);
        Assert.Equal([Unit1, Unit2], tallies.Select(t => t.Cell.Unit!.Value).Distinct());
        Assert.All(tallies, t => Assert.Equal(Talker, t.Cell.Talker));
    }

    [Fact]
    public void CancelledTalk_CountsOnlyAsCancelled()
    {
        var tallies = Counting.Talk(TalkWith(TalkStatus.Cancelled, Talkee1), null, [new(Talkee1, Unit1, null, NoticeStatus.Acknowledged, null, 80)]);

        Assert.Equal(new Dictionary<string, long> { [Figures.Cancelled] = 1 }, Sum(tallies));
    }

    [Fact]
    public void Lead_CountsSourceCategoryAndEachDisposition_InItsOfficesUnit_NeverItsReporter()
    {
        var lead = Lead.Restore(new LeadId(Cases.Hex), Talkee1, LeadSource.Audit, DisciplineCategory.Integrity, "问题", new Reporter("赵举报", "第二车间"), Unit1,
            new PersonId("office"), Shanghai(2026, 3, 2), [new TalkId("t1")],
            [new Disposition(1, DispositionKind.Criticism, null, null, 1, Talker, Shanghai(2026, 3, 5), null)]);

        var tallies = Counting.Lead(lead);

        Assert.Equal(new Dictionary<string, long>
        {
            [Figures.Leads] = 1, [Figures.LeadSource(LeadSource.Audit)] = 1, [Figures.LeadCategory(DisciplineCategory.Integrity)] = 1,
            [Figures.LeadDisposition(DispositionKind.Criticism)] = 1,
        }, Sum(tallies));
        Assert.All(tallies, t => Assert.Equal(new StatCell(Unit1, null, null, TalkKind.Reminder), t.Cell));
        Assert.DoesNotContain(tallies, t => t.Figure.Contains("赵", StringComparison.Ordinal));
    }

    [Fact]
    public void Plan_CountsOnePlanPerTierAndEachTalkeeInTheirUnit()
    {
        var items = new[]
        {
            new PlanItem(Talkee1, Tier.UnitSecretary, TalkeeLine.UnitCommitteeMember, Unit1),
            new PlanItem(Talkee2, Tier.UnitSecretary, TalkeeLine.BranchSecretary, Unit1),
            new PlanItem(new PersonId("k3"), Tier.UnitSecretary, TalkeeLine.BranchSecretary, Unit1, HandedFrom: new PersonId("other")),
        };

        var tallies = Counting.Plan(Talker, Unit1, items, p => p == Talkee2 ? Unit2 : null);

        Assert.Equal(1, Sum(tallies)[Figures.Plans]);
        Assert.Equal(2, Sum(tallies)[Figures.Planned]);
        Assert.Contains(tallies, t => t.Figure == Figures.Planned && t.Cell.Unit == Unit2);
    }

    [Fact]
    public void TierOf_FindsTheTalkersLine_OrTheLineDelegatedToThem()
    {
        var deputy = new PersonId("deputy");
        var tiers = new[] { new TierAssignment(Tier.DisciplineGroupLeader, Talker, Talkee1, TalkeeLine.SubordinateUnitHead, Unit1, [], [deputy], []) };

        Assert.Equal(Tier.DisciplineGroupLeader, StatisticsRules.TierOf(Talker, Talkee1, tiers));
        Assert.Equal(Tier.DisciplineGroupLeader, StatisticsRules.TierOf(deputy, Talkee1, tiers));
        Assert.Null(StatisticsRules.TierOf(Talker, Talkee2, tiers));
    }

    [Fact]
    public void UnitTree_RollsUpToAncestors_AndAnOfficeIsAtItsParentsLevel()
    {
        Assert.Equal([Unit2, Unit1, new UnitId("bureau")], Tree.SelfAndAncestors(Unit2));
        Assert.Equal(new HashSet<UnitId> { Unit1, Unit2 }, Tree.SelfAndBelow(Unit1));
        Assert.Equal(new UnitId("bureau"), Tree.LevelOf(new UnitId("office")));
    }

    [Fact]
    public void UnitTree_CutsACycleInTheDirectory()
    {
        var tree = new UnitTree([new Unit(Unit1, "甲", null, UnitLevel.Branch, Unit2), new Unit(Unit2, "乙", null, UnitLevel.Branch, Unit1)]);

        Assert.Equal([Unit1, Unit2], tree.SelfAndAncestors(Unit1));
        Assert.Equal(new HashSet<UnitId> { Unit1, Unit2 }, tree.SelfAndBelow(Unit1));
    }

    [Fact]
    public void Office_SeesItsLevelAndBelow_WithLeadsAndCases()
    {
        var office = A.Person().In("office").With(Role.DisciplineOffice).Build();

        var scope = StatisticsAccess.For(office, Tree);

        Assert.Equal(new StatisticsScope(new UnitId("bureau"), null, true), scope);
        Assert.True(scope.Allows(Unit2, Tree));
    }

    [Fact]
    public void UnitLeadership_SeesItsUnitAndBelow_WithoutLeadsOrCases_AndNotAbove()
    {
        var secretary = A.Person().In("u1").With(Role.UnitSecretary).Build();

        var scope = StatisticsAccess.For(secretary, Tree);

        Assert.Equal(new StatisticsScope(Unit1, null, false), scope);
        Assert.True(scope.Allows(Unit2, Tree));
        Assert.False(scope.Allows(new UnitId("bureau"), Tree));
        Assert.False(scope.Allows(new UnitId("office"), Tree));
    }

    [Fact]
    public void AnyoneElse_SeesOnlyTheTalksTheyLead()
    {
        var cadre = A.Person().In("u2").Build();
        var officeGone = A.Person().In("office").With(Role.DisciplineOffice).Inactive().Build();

        Assert.Equal(new StatisticsScope(null, cadre.Id, false), StatisticsAccess.For(cadre, Tree));
        Assert.Equal(new StatisticsScope(null, officeGone.Id, false), StatisticsAccess.For(officeGone, Tree));
    }

    [Fact]
    public void Leadership_OfAUnit_IsItsSecretaryAndHead()
    {
        var secretary = A.Person().In("u1").With(Role.UnitSecretary).Build();
        var head = A.Person().In("u1").With(Role.UnitHead).Build();
        var member = A.Person().In("u1").With(Role.UnitCommitteeMember).Build();
        var branchHead = A.Person().In("u2").With(Role.UnitHead).Build();

        Assert.Equal([secretary.Id, head.Id], StatisticsAccess.LeadershipOf(Unit1, [secretary, head, member, branchHead], Tree));
    }

    [Fact]
    public void Month_ParsesOnlyYyyyMm_AndMakesASeriesEndingWithIt()
    {
        Assert.True(StatMonth.TryParse("2026-03", out var month));
        Assert.False(StatMonth.TryParse("2026-13", out _));
        Assert.False(StatMonth.TryParse("2026-3", out _));
        Assert.Equal(["2025-04", "2025-05"], month.Series(12).Take(2).Select(m => m.ToString()));
        Assert.Equal("2026-03", month.Series(12)[^1].ToString());
    }

    [Fact]
    public void TalkFigures_OfAHeldVerifiedTalk_AreThoseItsTalkeesAreCountedIn()
    {
        var figures = StatisticsRules.TalkFigures(TalkStatus.Held, RecordStatus.Verified, [NoticeStatus.Acknowledged], true,
            [RectificationOutcome.Late, RectificationOutcome.Late]);

        Assert.Equal([Figures.Scheduled, Figures.Notified, Figures.Acknowledged, Figures.Held, Figures.Recorded, Figures.Verified, Figures.Completed,
            Figures.QuizTaken, Figures.RectificationLate], figures);
    }

    [Fact]
    public void TalkFigures_OfACancelledTalk_AreOnlyCancelled_AndOfAnUnansweredOneOnlyScheduled()
    {
        Assert.Equal([Figures.Cancelled], StatisticsRules.TalkFigures(TalkStatus.Cancelled, null, [NoticeStatus.Acknowledged], true, []));
        Assert.Equal([Figures.Scheduled], StatisticsRules.TalkFigures(TalkStatus.Scheduled, null, [NoticeStatus.Created, NoticeStatus.Unreachable], false, []));
    }
}
