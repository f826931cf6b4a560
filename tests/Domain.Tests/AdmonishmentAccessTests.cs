using TalkBot.Domain.Admonishments;
using TalkBot.Domain.People;
using TalkBot.Domain.Rules;
using static TalkBot.Domain.Tests.At;
using static TalkBot.Domain.Tests.Cases;

namespace TalkBot.Domain.Tests;

/// <summary>Who sees an admonishment case and what step they may take on it (002 §四1–5, §五1, §五4, §五8).</summary>
public class AdmonishmentAccessTests
{
    private static readonly DateTimeOffset Now = Shanghai(2026, 3, 9, 10);
    private static readonly Person Office = A.Person().Id("do").In("bureau").With(Role.DisciplineOffice);
    private static readonly Person OrgColleague = A.Person().Id("org").In("bureau").With(Role.OrganizationDept);
    private static readonly Person OtherOffice = A.Person().Id("do-branch").In("branch").With(Role.DisciplineOffice);
    private static readonly Person Approver = A.Person().Id("head").In("hq").With(Role.DisciplineOfficeHead);
    private static readonly Person Talker = A.Person().Id("talker").In("branch").With(Role.UnitSecretary);
    private static readonly Person Cadre = A.Person().Id("cadre").In("branch");

    private static readonly ProposalDraft Draft = new(AdmonishmentSituation.DutyNeglect, "未认真履行职责", MinorViolation: false,
        AdmonishmentOrigin.SpecialInspection);

    private static AdmonishmentCase Proposed(Person? proposer = null, Person? subject = null) =>
        AdmonishmentCase.Propose(new CaseId(Hex), Draft, proposer ?? Office, subject ?? Cadre, Now);

    private static AdmonishmentCase Requested() => AdmonishmentCase.RequestedBy(new CaseId(Hex), Cadre, "主动说明收受礼金一事", Now, []);

    /// <summary>A case proposed by <see cref="Office"/> about <see cref="Cadre"/>, in the given state.</summary>
    private static AdmonishmentCase InState(CaseStatus status) => status == CaseStatus.Requested
        ? Requested()
        : AdmonishmentCase.Restore(new CaseId(Hex), Cadre.Id, Rank.SectionAndBelow, status, null, Draft.Situation, Draft.Facts, false,
            AdmonishmentOrigin.SpecialInspection, false, null, [], Office.Id, Office.UnitId, Now, Now, null, [], null, []);

    [Fact]
    public void Office_IsTheProposerAndWhoeverMayProposeInTheProposersUnit()
    {
        var c = Proposed();

        Assert.True(AdmonishmentAccess.IsOfficeOf(Office, c));
        Assert.True(AdmonishmentAccess.IsOfficeOf(OrgColleague, c));
        Assert.False(AdmonishmentAccess.IsOfficeOf(OtherOffice, c));
        Assert.False(AdmonishmentAccess.IsOfficeOf(A.Person().Id("clerk").In("bureau"), c));
        Assert.False(AdmonishmentAccess.IsOfficeOf(Approver, c));
    }

    [Fact]
    public void Proposer_WhoMovedToAnotherUnit_RemainsTheOffice() =>
        Assert.True(AdmonishmentAccess.IsOfficeOf(Office with { UnitId = new UnitId("elsewhere") }, Proposed()));

    [Fact]
    public void Office_Inactive_OrTheSubjectThemselves_IsNotTheOffice()
    {
        Person insider = A.Person().Id("insider").In("bureau").With(Role.DisciplineOffice);

        Assert.False(AdmonishmentAccess.IsOfficeOf(Office with { Active = false }, Proposed()));
        Assert.False(AdmonishmentAccess.IsOfficeOf(insider, Proposed(subject: insider)));
    }

    [Fact]
    public void CadresOwnRequest_IsForAnyDisciplineOffice_AndTheProposersOfTheCadresUnit()
    {
        var c = Requested();
        Person orgOfBranch = A.Person().Id("org-branch").In("branch").With(Role.OrganizationDept);

        Assert.True(AdmonishmentAccess.IsOfficeOf(Office, c));
        Assert.True(AdmonishmentAccess.IsOfficeOf(OtherOffice, c));
        Assert.True(AdmonishmentAccess.IsOfficeOf(orgOfBranch, c));
        Assert.False(AdmonishmentAccess.IsOfficeOf(OrgColleague, c));
    }

    [Fact]
    public void CanView_OfficeApproverAndTalkers_ButNoOneElse()
    {
        var c = Proposed();
        PersonId[] talkers = [Talker.Id];

        Assert.True(AdmonishmentAccess.CanView(Office, c, []));
        Assert.True(AdmonishmentAccess.CanView(Approver, c, []));
        Assert.True(AdmonishmentAccess.CanView(Talker, c, talkers));
        Assert.False(AdmonishmentAccess.CanView(Talker, c, []));
        Assert.False(AdmonishmentAccess.CanView(OtherOffice, c, talkers));
        Assert.False(AdmonishmentAccess.CanView(A.Person().Id("colleague").In("branch"), c, talkers));
    }

    [Fact]
    public void CanView_ApproverOfAnotherRank_IsRefused()
    {
        var c = Proposed(subject: Ranked("division-cadre", Rank.Division));

        Assert.False(AdmonishmentAccess.CanView(Approver, c, []));
        Assert.True(AdmonishmentAccess.CanView(Ranked("deputy", Rank.Division, Role.CadreDeputySecretary), c, []));
    }

    [Fact]
    public void CanView_SubjectListedAsTalker_OrInactiveTalker_IsRefused()
    {
        var c = Proposed();

        Assert.False(AdmonishmentAccess.CanView(Cadre, c, [Cadre.Id, Talker.Id]));
        Assert.False(AdmonishmentAccess.CanView(Talker with { Active = false }, c, [Talker.Id]));
    }

    [Theory]
    [InlineData(CaseStatus.Requested, CaseStep.CompleteRequest, CaseStep.None)]
    [InlineData(CaseStatus.Proposed, CaseStep.None, CaseStep.Decide)]
    [InlineData(CaseStatus.Rejected, CaseStep.None, CaseStep.None)]
    [InlineData(CaseStatus.Approved, CaseStep.Arrange, CaseStep.None)]
    [InlineData(CaseStatus.TalkArranged, CaseStep.None, CaseStep.None)]
    [InlineData(CaseStatus.FollowUp, CaseStep.FollowUp, CaseStep.None)]
    [InlineData(CaseStatus.Resolved, CaseStep.None, CaseStep.None)]
    [InlineData(CaseStatus.OrganisationalHandling, CaseStep.None, CaseStep.None)]
    public void StepFor_FollowsTheStateAndTheViewersPart(CaseStatus status, CaseStep office, CaseStep approver)
    {
        var c = InState(status);

        Assert.Equal(status, c.Status);
        Assert.Equal(office, AdmonishmentAccess.StepFor(Office, c));
        Assert.Equal(approver, AdmonishmentAccess.StepFor(Approver, c));
        Assert.Equal(CaseStep.None, AdmonishmentAccess.StepFor(Talker, c));
    }

    [Fact]
    public void StepFor_ProposerWhoCouldApprove_DoesNotDecideTheirOwnProposal()
    {
        Person proposerAndHead = A.Person().Id("org-head").In("bureau").With(Role.OrganizationDept, Role.OrganizationDeptHead);
        var c = Proposed(proposerAndHead);

        Assert.Equal(CaseStep.None, AdmonishmentAccess.StepFor(proposerAndHead, c));
        Assert.False(AdmonishmentAccess.AwaitsDecisionBy(c.Listing, proposerAndHead));
        Assert.False(AdmonishmentAccess.IsApproverOf(proposerAndHead, c));
    }

    [Theory]
    [InlineData(CaseStatus.Approved)]
    [InlineData(CaseStatus.FollowUp)]
    public void ArrangeTalk_ByTheOffice_OnceApprovedOrWhileFollowingUp_IsAllowed(CaseStatus status) =>
        Assert.Null(AdmonishmentAccess.CheckArrangeTalk(OrgColleague, InState(status)));

    [Theory]
    [InlineData(CaseStatus.Proposed)]
    [InlineData(CaseStatus.Rejected)]
    [InlineData(CaseStatus.TalkArranged)]
    [InlineData(CaseStatus.Resolved)]
    public void ArrangeTalk_ByTheOffice_BeforeApprovalOrWhileATalkIsArranged_IsNotApproved(CaseStatus status)
    {
        var violation = AdmonishmentAccess.CheckArrangeTalk(Office, InState(status));

        Assert.NotNull(violation);
        Assert.Equal((RuleCode.NotApproved, "002 §四2", status.ToString()), (violation.Code, violation.Source, violation.Argument("state")));
    }

    [Theory]
    [InlineData(CaseStatus.Approved)]
    [InlineData(CaseStatus.Proposed)]
    public void ArrangeTalk_ByAnyoneOutsideTheOffice_IsNotPermitted_WithoutNamingTheState(CaseStatus status)
    {
        foreach (var outsider in new[] { OtherOffice, Approver, Talker, Cadre })
        {
            var violation = AdmonishmentAccess.CheckArrangeTalk(outsider, InState(status));

            Assert.NotNull(violation);
            Assert.Equal((RuleCode.NotPermitted, "002 §四2", null), (violation.Code, violation.Source, violation.Argument("state")));
        }
    }

    [Fact]
    public void MayApproveSome_IsWhoeverHoldsAnApproverRoleOfSomeRank_WhileActive()
    {
        Assert.True(AdmonishmentRules.MayApproveSome(Approver));
        Assert.True(AdmonishmentRules.MayApproveSome(A.Person().Id("dep").With(Role.CadreDeputySecretary)));
        Assert.False(AdmonishmentRules.MayApproveSome(Approver with { Active = false }));
        Assert.False(AdmonishmentRules.MayApproveSome(Office));
        Assert.False(AdmonishmentRules.MayApproveSome(Cadre));
    }

    [Fact]
    public void Listing_SaysWhatTheCaseSays_AndWhetherItIsClosed()
    {
        var proposed = InState(CaseStatus.Proposed).Listing;
        var resolved = InState(CaseStatus.Resolved).Listing;

        Assert.Equal((CaseStatus.Proposed, false), (proposed.Status, proposed.IsClosed));
        Assert.True(resolved.IsClosed);
        Assert.Equal(InState(CaseStatus.Proposed).ProposedBy, proposed.ProposedBy);
    }

    [Fact]
    public void AwaitsDecision_OfTheApproverForTheRank_WhileProposed()
    {
        Assert.True(AdmonishmentAccess.AwaitsDecisionBy(InState(CaseStatus.Proposed).Listing, Approver));
        Assert.False(AdmonishmentAccess.AwaitsDecisionBy(InState(CaseStatus.Approved).Listing, Approver));
        Assert.False(AdmonishmentAccess.AwaitsDecisionBy(InState(CaseStatus.Proposed).Listing, Office));
        Assert.False(AdmonishmentAccess.AwaitsDecisionBy(InState(CaseStatus.Proposed).Listing, Approver with { Active = false }));
    }

    [Fact]
    public void Refusal_CitesConfidentiality() =>
        Assert.Equal((RuleCode.NotPermitted, "SPEC §6"), (AdmonishmentAccess.Refusal.Code, AdmonishmentAccess.Refusal.Source));
}
