using TalkBot.Domain.People;
using TalkBot.Domain.Plans;
using TalkBot.Domain.Rules;
using TalkBot.Domain.Talks;
using static TalkBot.Domain.Tests.At;
using static TalkBot.Domain.Tests.Cases;

namespace TalkBot.Domain.Tests;

/// <summary>
/// 000 §二1–4: a routine talk is held along the tier lines — its talkee on the lead talker's line (or one delegated to him),
/// the tier's assistant added (配合), and only tiers 2 and 4 inviting others to talk jointly (共同谈话).
/// </summary>
public sealed class RoutineTalkTests
{
    private static readonly Unit[] Units =
    [
        new(new UnitId("bureau"), "X局", null, UnitLevel.Bureau),
        new(new UnitId("group"), "纪检监察组", null, UnitLevel.Department, new UnitId("bureau")),
        new(new UnitId("east"), "东城分局党委", null, UnitLevel.PartyCommittee, new UnitId("bureau")),
        new(new UnitId("east-station"), "城关派出所", null, UnitLevel.Department, new UnitId("east")),
    ];

    private static readonly Person Secretary = A.Person().Id("secretary").Named("局书记").In("bureau").With(Role.BureauSecretary, Role.BureauCommitteeMember);
    private static readonly Person Member = A.Person().Id("member").Named("班子成员").In("bureau").With(Role.BureauCommitteeMember);
    private static readonly Person Leader = A.Person().Id("leader").Named("组长").In("group").With(Role.DisciplineGroupLeader, Role.BureauCommitteeMember);
    private static readonly Person Deputy = A.Person().Id("deputy").Named("副组长").In("group").With(Role.DeputyGroupLeader);
    private static readonly Person EastSecretary = A.Person().Id("east-secretary").Named("东城书记").In("east").With(Role.UnitSecretary, Role.UnitHead);
    private static readonly Person Stationed = A.Person().Id("stationed").Named("派驻组长").In("east").With(Role.StationedDisciplineLeader, Role.UnitCommitteeMember);
    private static readonly Person EastMember = A.Person().Id("east-member").Named("东城委员").In("east").With(Role.UnitCommitteeMember);
    private static readonly Person StationHead = A.Person().Id("station-head").Named("所长").In("east-station").With(Role.UnitHead);

    private static readonly Person[] People = [Secretary, Member, Leader, Deputy, EastSecretary, Stationed, EastMember, StationHead];
    private static readonly IReadOnlyList<TierAssignment> Lines = TalkTiers.Derive(People, Units);

    private readonly Microsoft.Extensions.Time.Testing.FakeTimeProvider _clock = Clock(Shanghai(2026, 3, 9, 9));

    private Talk Schedule(TalkDraft draft, params PlanItem[] leadPlan) => RoutineTalks.Schedule(new TalkId("t-1"), draft, A.DisciplineOffice(),
        new TalkeeTiers([.. Lines.Where(l => draft.Talkees.Any(t => t.Id == l.Talkee))], leadPlan), id => People.FirstOrDefault(p => p.Id == id),
        Calendars.Shipped, NoticePolicy.Default, _clock);

    private static TalkDraft Draft(Person talkee, params Person[] talkers) => A.Draft().Talkees(talkee).Talkers(talkers).Build();

    [Fact]
    public void ATalkeeOnTheLeadTalkersLine_IsTalkedTo_WithTheTiersAssistantAddedAsATalker()
    {
        var talk = Schedule(Draft(EastSecretary, Leader));

        Assert.Equal([Leader.Id, Deputy.Id], talk.Talkers);
        Assert.Equal(Leader.Id, talk.LeadTalker);
        Assert.Equal([TalkeeLine.SubordinateUnitHead], RoutineTalks.LinesOf(talk, p => Lines.Where(l => l.Talkee == p)).Select(l => l.Line));
    }

    [Fact]
    public void TheBureauSecretarysTalk_IsAssistedByTheGroupLeader_AndTier4HasNoAssistant()
    {
        Assert.Equal([Secretary.Id, Leader.Id], Schedule(Draft(EastSecretary, Secretary)).Talkers);
        Assert.Equal([Stationed.Id], Schedule(Draft(StationHead, Stationed)).Talkers);
    }

    [Fact]
    public void ATalkeeOnNoneOfTheLeadTalkersLines_IsRefusedWith000二_AlongWithTheFormsOtherProblems()
    {
        var violations = Refused(() => Schedule(A.Draft().Talkees(EastMember).Talkers(Leader).Place(null).Build()));

        var line = Assert.Single(violations, v => v.Code == RuleCode.TalkeeNotOnTierLine);
        Assert.Equal(("000 §二", "东城委员", "组长", "false"), (line.Source, line.Argument("name"), line.Argument("talker"), line.Argument("handed")));
        Assert.Contains(violations, v => v.Code == RuleCode.Required && v.Argument("field") == Talk.Fields.Place);
    }

    [Fact]
    public void TheFirstTalkerLeads_SoAnotherTalkersLineDoesNotCount()
    {
        Assert.Contains(Refused(() => Schedule(Draft(EastSecretary, Deputy, Leader))), v => v.Code == RuleCode.TalkeeNotOnTierLine);
    }

    [Fact]
    public void ALineDelegatedToTheLeadTalker_IsHis_AndTheLineHeHandedOverIsNoLongerHis()
    {
        var handedToDeputy = new PlanItem(EastSecretary.Id, Tier.DisciplineGroupLeader, TalkeeLine.SubordinateUnitHead, null, HandedFrom: Leader.Id);
        var delegatedByLeader = new PlanItem(EastSecretary.Id, Tier.DisciplineGroupLeader, TalkeeLine.SubordinateUnitHead, null, PlanItemStatus.Delegated, Deputy.Id);

        var talk = Schedule(Draft(EastSecretary, Deputy), handedToDeputy);
        var refused = Assert.Single(Refused(() => Schedule(Draft(EastSecretary, Leader), delegatedByLeader)));

        Assert.Equal([Deputy.Id], talk.Talkers);
        Assert.Equal((RuleCode.TalkeeNotOnTierLine, "true"), (refused.Code, refused.Argument("handed")));
        Assert.Contains(Refused(() => Schedule(Draft(EastSecretary, Deputy))), v => v.Code == RuleCode.TalkeeNotOnTierLine);
    }

    [Fact]
    public void Tier2_MayInviteABureauCommitteeMember_ButNobodyElse()
    {
        var joint = Schedule(Draft(EastSecretary, Leader, Member));
        var refused = RefusedOnce(() => Schedule(Draft(EastSecretary, Leader, EastMember)));

        Assert.Equal([Leader.Id, Member.Id, Deputy.Id], joint.Talkers);
        Assert.Equal((RuleCode.JointTalkerNotAllowed, "000 §二2", "东城委员", "2"), (refused.Code, refused.Source, refused.Argument("name"), refused.Argument("tier")));
    }

    [Fact]
    public void Tier4_MayInviteTheUnitsCommitteeMembers_ButNobodyElse()
    {
        Assert.Equal([Stationed.Id, EastMember.Id], Schedule(Draft(StationHead, Stationed, EastMember)).Talkers);
        Assert.Equal("000 §二4", RefusedOnce(() => Schedule(Draft(StationHead, Stationed, Member))).Source);
    }

    [Fact]
    public void Tiers1And3_InviteNobody_TheirAssistantAloneJoins()
    {
        var tier1 = RefusedOnce(() => Schedule(Draft(EastSecretary, Secretary, Member)));

        Assert.Equal((RuleCode.JointTalkerNotAllowed, "000 §二1"), (tier1.Code, tier1.Source));
        Assert.Equal([Secretary.Id, Leader.Id], Schedule(Draft(EastSecretary, Secretary, Leader)).Talkers);
    }

    [Fact]
    public void TheJointTalkerField_HoldsWhomTheCallersTierMayInvite_AndIsClosedOnTiers1And3()
    {
        var tier2 = PersonScopes.JointTalkers(Leader, Lines.Where(l => l.Talkee == EastSecretary.Id));
        var tier1Only = PersonScopes.JointTalkers(Secretary, Lines.Where(l => l.Talkee == Member.Id));

        Assert.True(tier2.IsOpen);
        Assert.True(tier2.Includes(Member));
        Assert.False(tier2.Includes(EastMember));
        Assert.False(tier1Only.IsOpen);
        Assert.False(PersonScopes.JointTalkers(EastMember, Lines.Where(l => l.Talkee == EastSecretary.Id)).IsOpen);
    }

    [Fact]
    public void TheDelegateOfAHandedTalk_MayInviteOnlyWhomTheTierAllows()
    {
        var handed = new PlanItem(EastSecretary.Id, Tier.DisciplineGroupLeader, TalkeeLine.SubordinateUnitHead, null, HandedFrom: Leader.Id);
        var line = Lines.Single(l => l.Talker == Leader.Id && l.Talkee == EastSecretary.Id);
        Talk Handed(params Person[] talkers) => handed.ScheduleHandedTalk(new TalkId("t-2"), Draft(EastSecretary, talkers), Deputy, line,
            id => People.FirstOrDefault(p => p.Id == id), Calendars.Shipped, NoticePolicy.Default, _clock);

        Assert.Equal([Deputy.Id, Member.Id], Handed(Member, Deputy).Talkers);
        Assert.Equal(RuleCode.JointTalkerNotAllowed, RefusedOnce(() => Handed(Deputy, EastMember)).Code);
    }

    [Fact]
    public void ReminderAndAdmonishmentTalks_AreNotHeldOnTheTierLines_TheirOwnRulesRefuseThemHere()
    {
        var violations = Refused(() => Schedule(A.Draft().Kind(TalkKind.Reminder).Talkees(EastMember).Talkers(Leader).Build()));

        Assert.Contains(violations, v => v.Code == RuleCode.ReminderTalkNeedsLead);
        Assert.DoesNotContain(violations, v => v.Code == RuleCode.TalkeeNotOnTierLine);
    }
}
