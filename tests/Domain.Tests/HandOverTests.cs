using TalkBot.Domain.Admonishments;
using TalkBot.Domain.People;
using TalkBot.Domain.Plans;
using TalkBot.Domain.Records;
using TalkBot.Domain.Rules;
using TalkBot.Domain.Talks;
using static TalkBot.Domain.Tests.At;
using static TalkBot.Domain.Tests.Cases;

namespace TalkBot.Domain.Tests;

/// <summary>委托 (000 §二): the delegate arranges exactly the talk handed to him.</summary>
public class HandedTalkTests
{
    private readonly Microsoft.Extensions.Time.Testing.FakeTimeProvider _clock = Clock(Shanghai(2026, 3, 9, 9));
    private static readonly Person Deputy = A.Person().Id("deputy").With(Role.DeputyGroupLeader);
    private static readonly Person Head = A.Person().Id("head").Named("周书记").With(Role.UnitHead);

    private static PlanItem Handed() =>
        new(Head.Id, Tier.DisciplineGroupLeader, TalkeeLine.SubordinateUnitHead, null, PlanItemStatus.Planned, HandedFrom: new PersonId("leader"));

    private Talk Schedule(PlanItem item, TalkDraft draft) =>
        item.ScheduleHandedTalk(new TalkId("t-1"), draft, Deputy, null, _ => null, Calendars.Shipped, NoticePolicy.Default, _clock);

    [Fact]
    public void TheDelegate_ArrangesTheHandedTalk_AsARoutineTalk_ThoughHisRolesAloneCouldNot()
    {
        Assert.False(Permissions.CanCreateTalks(Deputy));

        var talk = Schedule(Handed(), A.Draft().Kind(null).Talkees(Head).Talkers(Deputy).Build());

        Assert.Equal((TalkKind.Routine, Deputy.Id), (talk.Kind, talk.Organiser));
        Assert.Equal([Head.Id], talk.Talkees);
    }

    [Fact]
    public void AnotherTalkee_OrATalkWithoutTheDelegate_IsRefused()
    {
        Person other = A.Person().Id("other").Named("李四");

        var violations = Refused(() => Schedule(Handed(), A.Draft().Talkees(Head, other).Talkers(A.Person().With(Role.UnitSecretary)).Build()));

        Assert.Contains(violations, v => v.Code == RuleCode.TalkeeNotOnPlan && v.Argument("name") == "李四");
        Assert.Contains(violations, v => v.Code == RuleCode.DelegateMustTalk);
        Assert.All(violations, v => Assert.Equal("000 §二", v.Source));
    }

    [Fact]
    public void AnItemNotHandedToItsHolder_OrNoLongerOpen_CannotBeArrangedThisWay()
    {
        var own = new PlanItem(Head.Id, Tier.DisciplineGroupLeader, TalkeeLine.SubordinateUnitHead, null);
        var passedOn = Handed() with { Status = PlanItemStatus.Recused };
        var draft = A.Draft().Talkees(Head).Talkers(Deputy).Build();

        Assert.Equal(RuleCode.DelegationInvalid, RefusedOnce(() => Schedule(own, draft)).Code);
        Assert.Equal(RuleCode.DelegationInvalid, RefusedOnce(() => Schedule(passedOn, draft)).Code);
    }
}

/// <summary>002 §五4: 主动找责任人接受诫勉谈话教育: a cadre's own request goes to the responsible person, who may hand it on.</summary>
public class SelfRequestRoutingTests
{
    private static readonly DateTimeOffset Now = Shanghai(2026, 3, 2, 9);
    private static readonly Person Cadre = A.Person().Id("cadre");
    private static readonly Person Responsible = A.Person().Id("responsible").With(Role.UnitHead);
    private static readonly Person Office = A.Person().Id("do").With(Role.DisciplineOffice);
    private static readonly ProposalDraft Draft = new(AdmonishmentSituation.DutyNeglect, "验收把关不严", false, AdmonishmentOrigin.SelfInitiated);

    private static AdmonishmentCase Requested() => AdmonishmentCase.RequestedBy(new CaseId("c-1"), Cadre, "主动说明", Now, [Responsible.Id, Cadre.Id]);

    [Fact]
    public void TheRequest_IsTheResponsiblePersons_NotTheOffices_UntilHandedOn()
    {
        var c = Requested();

        Assert.False(c.IsWithOffice);
        Assert.Equal([Responsible.Id], c.Routing!.Responsible); // never the cadre themselves
        Assert.Equal(CaseStep.HandToOffice, AdmonishmentAccess.StepFor(Responsible, c));
        Assert.True(AdmonishmentAccess.CanView(Responsible, c, []));
        Assert.Equal(CaseStep.None, AdmonishmentAccess.StepFor(Office, c));
        Assert.False(AdmonishmentAccess.IsOfficeOf(Office, c));
        var refused = RefusedOnce(() => c.CompleteRequest(Draft, Office, Rank.SectionAndBelow, Now));
        Assert.Equal((RuleCode.RequestNotHandedToOffice, "002 §五4"), (refused.Code, refused.Source));
        Assert.Equal(CaseStatus.Requested, c.Status);
    }

    [Fact]
    public void TheResponsiblePerson_HandsItOnOnce_ThenTheOfficeProposes()
    {
        var c = Requested();

        Assert.True(c.HandToOffice(Responsible, Now.AddHours(1)));
        Assert.False(c.HandToOffice(Responsible, Now.AddHours(2)));

        Assert.Equal((Responsible.Id, Now.AddHours(1)), (c.Routing!.HandedBy, c.Routing.HandedAt));
        Assert.Equal(CaseStep.CompleteRequest, AdmonishmentAccess.StepFor(Office, c));
        Assert.Equal(CaseStep.None, AdmonishmentAccess.StepFor(Responsible, c));
        Assert.True(c.CompleteRequest(Draft, Office, Rank.SectionAndBelow, Now.AddHours(3)));
    }

    [Fact]
    public void NobodyElse_MayHandItOn()
    {
        var c = Requested();

        Assert.Equal(RuleCode.NotPermitted, RefusedOnce(() => c.HandToOffice(Office, Now)).Code);
        Assert.Equal(RuleCode.NotPermitted, RefusedOnce(() => c.HandToOffice(Cadre, Now)).Code);
        Assert.Null(c.Routing!.HandedBy);
    }

    [Fact]
    public void WithoutAnyResponsiblePersonKnown_TheRequestGoesToTheOfficeAtOnce()
    {
        var c = AdmonishmentCase.RequestedBy(new CaseId("c-1"), Cadre, "主动说明", Now, []);

        Assert.True(c.IsWithOffice);
        Assert.Equal(CaseStep.CompleteRequest, AdmonishmentAccess.StepFor(Office, c));
    }
}

/// <summary>回避 on tier 4 (000 §二4 names no delegate; 000 §四(五)3): the talk goes to the discipline office.</summary>
public class TierFourRecusalRuleTests
{
    [Fact]
    public void ARecusalOnTierFour_LeavesTheTalkToTheOffice_WhileTierThreeReassignsItToTheStationedLeader()
    {
        var talkee = new PersonId("head");
        var tier4 = new TierAssignment(Tier.StationedDisciplineLeader, new PersonId("stationed"), talkee, TalkeeLine.GrassrootsUnitHead, null, [], [], []);
        var tier3 = new TierAssignment(Tier.UnitSecretary, new PersonId("secretary"), talkee, TalkeeLine.UnitCommitteeMember, null,
            [new PersonId("stationed")], [new PersonId("stationed")], []);

        var (toOffice, _) = PlanItem.From(tier4).Recuse(tier4);
        var (reassigned, _) = PlanItem.From(tier3).Recuse(tier3);

        Assert.Equal((PlanItemStatus.Recused, (PersonId?)null), (toOffice!.Status, toOffice.HandedTo));
        Assert.Equal(new PersonId("stationed"), reassigned!.HandedTo);
        var change = new Events.PlanTalkToOffice(2026, 3, tier4.Talker, talkee, Tier.StationedDisciplineLeader);
        Assert.Equal("plan-office|2026-03|stationed|head|4", change.Key);
    }
}
