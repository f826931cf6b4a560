using TalkBot.Domain.Admonishments;
using TalkBot.Domain.People;
using TalkBot.Domain.Rules;
using static TalkBot.Domain.Tests.At;
using static TalkBot.Domain.Tests.Cases;

namespace TalkBot.Domain.Tests;

/// <summary>Approval by the authority for the person's rank (002 §四2).</summary>
public class AdmonishmentApprovalTests
{
    private static readonly DateTimeOffset Proposed = Shanghai(2026, 3, 9, 10);
    private static readonly DateTimeOffset Now = Shanghai(2026, 3, 10, 11);
    private static readonly Person Office = A.Person().Id("do").In("bureau").With(Role.DisciplineOffice);

    private static readonly ProposalDraft Draft = new(AdmonishmentSituation.DutyNeglect, "未认真履行职责，造成一定损失", MinorViolation: false,
        AdmonishmentOrigin.SpecialInspection);

    private static AdmonishmentCase Propose(Person subject) =>
        AdmonishmentCase.Propose(new CaseId("c-1"), Draft, Office, subject, Proposed);

    private static AdmonishmentCase Propose(Rank rank) => Propose(Ranked("cadre", rank));

    [Theory]
    [InlineData(Rank.Division, Role.CadreDeputySecretary, true)]
    [InlineData(Rank.Division, Role.DisciplineSecretary, true)]
    [InlineData(Rank.Division, Role.DisciplineOfficeHead, false)]
    [InlineData(Rank.Division, Role.OrganizationDeptHead, false)]
    [InlineData(Rank.Division, Role.DisciplineOffice, false)]
    [InlineData(Rank.Division, Role.OrganizationDept, false)]
    [InlineData(Rank.Division, Role.BureauSecretary, false)]
    [InlineData(Rank.DeputyDivision, Role.CadreDeputySecretary, false)]
    [InlineData(Rank.DeputyDivision, Role.DisciplineSecretary, false)]
    [InlineData(Rank.DeputyDivision, Role.DisciplineOfficeHead, true)]
    [InlineData(Rank.DeputyDivision, Role.OrganizationDeptHead, true)]
    [InlineData(Rank.DeputyDivision, Role.DisciplineOffice, false)]
    [InlineData(Rank.DeputyDivision, Role.OrganizationDept, false)]
    [InlineData(Rank.DeputyDivision, Role.BureauSecretary, false)]
    [InlineData(Rank.SectionAndBelow, Role.CadreDeputySecretary, false)]
    [InlineData(Rank.SectionAndBelow, Role.DisciplineSecretary, false)]
    [InlineData(Rank.SectionAndBelow, Role.DisciplineOfficeHead, true)]
    [InlineData(Rank.SectionAndBelow, Role.OrganizationDeptHead, true)]
    [InlineData(Rank.SectionAndBelow, Role.DisciplineOffice, false)]
    [InlineData(Rank.SectionAndBelow, Role.OrganizationDept, false)]
    [InlineData(Rank.SectionAndBelow, Role.BureauSecretary, false)]
    public void Approve_IsRoutedByTheSubjectsRank(Rank rank, Role role, bool authorised)
    {
        var c = Propose(rank);
        Person approver = Ranked("approver", Rank.Division, role);

        Assert.Equal(authorised, AdmonishmentRules.MayApprove(approver, rank, c.Subject));
        if (authorised)
        {
            Assert.True(c.Decide(approver, approve: true, null, Now));
            Assert.Equal(CaseStatus.Approved, c.Status);
            Assert.Equal(new ApprovalDecision(true, approver.Id, null, Now), c.Decision);
        }
        else
        {
            var violation = RefusedOnce(() => c.Decide(approver, approve: true, null, Now));
            Assert.Equal(RuleCode.NotAuthorisedForRank, violation.Code);
            Assert.Equal("002 §四2", violation.Source);
            Assert.Equal(rank.ToString(), violation.Argument("rank"));
            Assert.Equal(CaseStatus.Proposed, c.Status);
            Assert.Null(c.Decision);
        }
    }

    [Fact]
    public void Approve_ByTheProposer_IsRefused_EvenWithTheAuthority()
    {
        Person head = A.Person().Id("head").In("bureau").With(Role.DisciplineOffice, Role.DisciplineOfficeHead);
        var c = AdmonishmentCase.Propose(new CaseId("c-2"), Draft, head, Ranked("cadre", Rank.SectionAndBelow), Proposed);

        var violation = RefusedOnce(() => c.Decide(head, approve: true, null, Now));

        Assert.Equal((RuleCode.ProposerCannotApprove, "002 §四2"), (violation.Code, violation.Source));
        Assert.Equal(CaseStatus.Proposed, c.Status);
        Assert.True(c.Decide(Ranked("org-head", Rank.Division, Role.OrganizationDeptHead), approve: true, null, Now));
    }

    [Fact]
    public void ApproverRoles_FollowTheSeed()
    {
        Assert.Equal([Role.CadreDeputySecretary, Role.DisciplineSecretary], AdmonishmentRules.ApproverRoles(Rank.Division));
        Assert.Equal([Role.DisciplineOfficeHead, Role.OrganizationDeptHead], AdmonishmentRules.ApproverRoles(Rank.DeputyDivision));
        Assert.Equal([Role.DisciplineOfficeHead, Role.OrganizationDeptHead], AdmonishmentRules.ApproverRoles(Rank.SectionAndBelow));
    }

    [Fact]
    public void Approve_DivisionRank_ByDisciplineOfficeHead_IsRefused()
    {
        var c = Propose(Rank.Division);

        var violation = RefusedOnce(() => c.Decide(A.Person().With(Role.DisciplineOfficeHead), true, null, Now));

        Assert.Equal((RuleCode.NotAuthorisedForRank, "Division"), (violation.Code, violation.Argument("rank")));
        Assert.Equal(CaseStatus.Proposed, c.Status);
    }

    [Fact]
    public void Approve_ByAnInactiveApprover_IsRefused()
    {
        var c = Propose(Rank.SectionAndBelow);

        var violation = RefusedOnce(() => c.Decide(A.Person().With(Role.DisciplineOfficeHead).Inactive(), true, null, Now));

        Assert.Equal(RuleCode.NotAuthorisedForRank, violation.Code);
        Assert.Null(c.Decision);
    }

    [Fact]
    public void Approve_OfTheirOwnCase_IsRefused()
    {
        // The head of the organisation department is admonished; they hold the authority for their rank.
        Person head = Ranked("head", Rank.DeputyDivision, Role.OrganizationDeptHead);
        var c = Propose(head);

        var violation = RefusedOnce(() => c.Decide(head, true, null, Now));

        Assert.Equal(RuleCode.NotAuthorisedForRank, violation.Code);
        Assert.Equal(CaseStatus.Proposed, c.Status);
        Assert.True(c.Decide(Ranked("other-head", Rank.DeputyDivision, Role.DisciplineOfficeHead), true, null, Now));
    }

    [Fact]
    public void Rank_IsTakenWhenProposed()
    {
        var cadre = Ranked("cadre", Rank.DeputyDivision);
        var c = Propose(cadre);
        var promoted = cadre with { Rank = Rank.Division };

        Assert.Equal(Rank.DeputyDivision, c.SubjectRank);
        Assert.Equal(Rank.Division, Propose(promoted).SubjectRank);
        // The proposal stays routed to the 副处级 approvers.
        Assert.Equal(RuleCode.NotAuthorisedForRank,
            RefusedOnce(() => c.Decide(A.Person().With(Role.DisciplineSecretary), true, null, Now)).Code);
        Assert.True(c.Decide(A.Person().With(Role.DisciplineOfficeHead), true, null, Now));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("   ")]
    public void Reject_WithoutAComment_IsRefused(string? comment)
    {
        var c = Propose(Rank.SectionAndBelow);

        var violation = RefusedOnce(() => c.Decide(A.Person().With(Role.DisciplineOfficeHead), approve: false, comment, Now));

        Assert.Equal(RuleCode.RejectionCommentRequired, violation.Code);
        Assert.Equal("002 §四2", violation.Source);
        Assert.Equal(CaseStatus.Proposed, c.Status);
        Assert.Null(c.Decision);
    }

    [Fact]
    public void Reject_WithAComment_ClosesTheCase()
    {
        var c = Propose(Rank.Division);
        Person secretary = A.Person().Id("secretary").With(Role.DisciplineSecretary);

        Assert.True(c.Decide(secretary, approve: false, "  事实不清，补充核实 ", Now));

        Assert.Equal(CaseStatus.Rejected, c.Status);
        Assert.True(c.IsClosed);
        Assert.Equal(new ApprovalDecision(false, secretary.Id, "事实不清，补充核实", Now), c.Decision);
    }

    [Fact]
    public void Decide_TheSameTwice_HasOneEffect()
    {
        var c = Propose(Rank.SectionAndBelow);
        Person head = A.Person().Id("head").With(Role.DisciplineOfficeHead);
        c.Decide(head, true, "同意", Now);

        Assert.False(c.Decide(head, true, "同意", Now.AddMinutes(5)));
        Assert.False(c.Decide(A.Person().Id("org-head").With(Role.OrganizationDeptHead), true, null, Now.AddMinutes(6)));

        Assert.Equal(new ApprovalDecision(true, head.Id, "同意", Now), c.Decision);
        Assert.Equal(CaseStatus.Approved, c.Status);
    }

    [Fact]
    public void Decide_TheOppositeAfterADecision_IsInvalidState()
    {
        var c = Propose(Rank.SectionAndBelow);
        Person head = A.Person().With(Role.DisciplineOfficeHead);
        c.Decide(head, true, null, Now);

        var violation = RefusedOnce(() => c.Decide(head, false, "改为不同意", Now));

        Assert.Equal((RuleCode.InvalidState, "Approved"), (violation.Code, violation.Argument("state")));
        Assert.Equal(CaseStatus.Approved, c.Status);
        Assert.True(c.Decision!.Approved);
    }

    [Fact]
    public void Decide_OnARequestNotYetProposed_IsInvalidState()
    {
        var c = AdmonishmentCase.RequestedBy(new CaseId("c-2"), A.Person().Id("cadre"), "主动说明问题", Proposed, []);

        var violation = RefusedOnce(() => c.Decide(A.Person().With(Role.DisciplineOfficeHead), true, null, Now));

        Assert.Equal((RuleCode.InvalidState, "Requested"), (violation.Code, violation.Argument("state")));
    }

    [Fact]
    public void Approvers_OfDivisionRank_AreDeputySecretaryAndDisciplineSecretary()
    {
        var c = Propose(Rank.Division);
        Person[] candidates =
        [
            Ranked("deputy", Rank.Division, Role.CadreDeputySecretary),
            Ranked("office-head", Rank.Division, Role.DisciplineOfficeHead),
            Ranked("secretary", Rank.Division, Role.DisciplineSecretary),
            Ranked("retired", Rank.Division, Role.DisciplineSecretary) with { Active = false },
            Ranked("bureau", Rank.Division, Role.BureauSecretary),
        ];

        Assert.Equal([new PersonId("deputy"), new PersonId("secretary")], AdmonishmentRules.Approvers(c, candidates));
    }

    [Fact]
    public void Approvers_OfDeputyDivisionRank_AreTheHeadsOfTheOfficeAndTheDepartment_ButNotTheProposer()
    {
        Person proposer = A.Person().Id("org-head").In("bureau").With(Role.OrganizationDept, Role.OrganizationDeptHead);
        var c = AdmonishmentCase.Propose(new CaseId("c-3"), Draft, proposer, Ranked("cadre", Rank.DeputyDivision), Proposed);
        Person[] candidates =
        [
            proposer,
            Ranked("office-head", Rank.Division, Role.DisciplineOfficeHead),
            Ranked("deputy", Rank.Division, Role.CadreDeputySecretary),
            Ranked("cadre", Rank.DeputyDivision, Role.OrganizationDeptHead),
        ];

        Assert.Equal([new PersonId("office-head")], AdmonishmentRules.Approvers(c, candidates));
    }
}
