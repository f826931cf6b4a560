using TalkBot.Domain.Admonishments;
using TalkBot.Domain.Leads;
using TalkBot.Domain.People;
using TalkBot.Domain.Rules;
using static TalkBot.Domain.Tests.At;
using static TalkBot.Domain.Tests.Cases;

namespace TalkBot.Domain.Tests;

/// <summary>An admonishment case from proposal to the follow-up check (002 §四1, §四5, §五4–5).</summary>
public class AdmonishmentCaseTests
{
    private static readonly CaseId Id = new("c-1");
    private static readonly DateTimeOffset Opened = Shanghai(2026, 3, 2, 9);
    private static readonly DateTimeOffset Now = Shanghai(2026, 4, 13, 10);
    private static readonly DateOnly Today = D(2026, 4, 13);

    private static readonly Person Office = A.Person().Id("do").In("bureau").With(Role.DisciplineOffice);
    private static readonly Person OrgDept = A.Person().Id("org").In("org-dept").With(Role.OrganizationDept);
    private static readonly Person Cadre = Ranked("cadre", Rank.DeputyDivision);
    private static readonly Person Head = A.Person().Id("head").With(Role.DisciplineOfficeHead);

    private static ProposalDraft Draft(bool minor = true, IReadOnlyList<CaseId>? earlier = null) =>
        new(AdmonishmentSituation.VanityProjects, "  搞形象工程，铺张浪费 ", minor, AdmonishmentOrigin.IntegrityAssessment, Earlier: earlier);

    private static AdmonishmentCase Proposed(Person? proposer = null, Person? subject = null) =>
        AdmonishmentCase.Propose(Id, Draft(), proposer ?? Office, subject ?? Cadre, Opened);

    private static AdmonishmentCase Approved(Person? subject = null)
    {
        var c = Proposed(subject: subject);
        c.Decide(Head, true, null, Opened.AddDays(1));
        return c;
    }

    private static AdmonishmentCase InFollowUp(Person? subject = null)
    {
        var c = Approved(subject);
        c.AttachTalk(new TalkId("t-1"));
        c.MarkTalkHeld(D(2026, 3, 12), 30);
        return c;
    }

    [Fact]
    public void Propose_ByTheDisciplineOffice_RecordsTheProposal()
    {
        var lead = new LeadId(Hex);
        var c = AdmonishmentCase.Propose(Id, Draft() with { Lead = lead, ForUnit = true, Origin = AdmonishmentOrigin.Lead }, Office, Cadre, Opened);

        Assert.Equal(CaseStatus.Proposed, c.Status);
        Assert.Equal(Cadre.Id, c.Subject);
        Assert.Equal(Rank.DeputyDivision, c.SubjectRank);
        Assert.Equal(AdmonishmentSituation.VanityProjects, c.Situation);
        Assert.Equal("搞形象工程，铺张浪费", c.Facts);
        Assert.True(c.MinorViolation);
        Assert.True(c.RequiresWrittenMaterial);
        Assert.True(c.ForUnit);
        Assert.Equal(AdmonishmentOrigin.Lead, c.Origin);
        Assert.Equal(lead, c.Lead);
        Assert.Equal(Office.Id, c.ProposedBy);
        Assert.Equal(new UnitId("bureau"), c.OfficeUnit);
        Assert.Equal(Opened, c.OpenedAt);
        Assert.Equal(Opened, c.ProposedAt);
        Assert.Null(c.Request);
        Assert.Null(c.Decision);
        Assert.Empty(c.Talks);
        Assert.Null(c.Talk);
        Assert.Null(c.NextCheck);
        Assert.Empty(c.Earlier);
        Assert.False(c.IsClosed);
    }

    [Fact]
    public void Propose_ByTheOrganisationDepartment_IsAllowed_AtItsOwnLevel()
    {
        var c = Proposed(proposer: OrgDept);

        Assert.Equal(OrgDept.Id, c.ProposedBy);
        Assert.Equal(new UnitId("org-dept"), c.OfficeUnit);
    }

    [Theory]
    [InlineData(Role.DisciplineOfficeHead)]
    [InlineData(Role.OrganizationDeptHead)]
    [InlineData(Role.DisciplineSecretary)]
    [InlineData(Role.CadreDeputySecretary)]
    [InlineData(Role.BureauSecretary)]
    [InlineData(Role.UnitSecretary)]
    [InlineData(Role.Recorder)]
    public void Propose_ByAnyoneElse_IsNotPermitted(Role role)
    {
        var violation = RefusedOnce(() => Proposed(proposer: A.Person().With(role)));

        Assert.Equal(RuleCode.NotPermitted, violation.Code);
        Assert.Equal("002 §四1", violation.Source);
    }

    [Fact]
    public void Propose_ByAnInactiveOffice_IsNotPermitted() =>
        Assert.Equal(RuleCode.NotPermitted, RefusedOnce(() => Proposed(proposer: Office with { Active = false })).Code);

    [Fact]
    public void Propose_WithoutSubjectSituationFactsOrOrigin_NamesEveryField()
    {
        var violations = Refused(() => AdmonishmentCase.Propose(Id, new ProposalDraft(null, "  ", true, null), Office, null, Opened));

        Assert.Equal(
            [("subject", "002 §四1"), ("situation", "002 §二"), ("facts", "002 §四1"), ("origin", "002 §四1")],
            violations.Select(v => (v.Argument("field"), v.Source)));
        Assert.All(violations, v => Assert.Equal(RuleCode.Required, v.Code));
    }

    [Fact]
    public void Propose_WithASituationOutsideTheSeven_IsRefused() =>
        Assert.Equal(AdmonishmentCase.Fields.Situation,
            RefusedOnce(() => AdmonishmentCase.Propose(Id, Draft() with { Situation = (AdmonishmentSituation)8 }, Office, Cadre, Opened)).Argument("field"));

    [Fact]
    public void Propose_AboutAnInactivePerson_OrTheProposer_IsRefused()
    {
        Assert.Equal(RuleCode.TalkeeInactive, RefusedOnce(() => Proposed(subject: Cadre with { Active = false })).Code);
        Assert.Equal(RuleCode.SubjectIsActor, RefusedOnce(() => Proposed(subject: Office)).Code);
    }

    [Fact]
    public void Propose_KeepsTheEarlierCasesOnTheSameProblem()
    {
        CaseId[] earlier = [new("c-0"), new("c-00")];

        var c = AdmonishmentCase.Propose(Id, Draft(earlier: earlier), Office, Cadre, Opened);

        Assert.Equal(earlier, c.Earlier);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("  ")]
    public void Request_WithoutAReason_IsRefused(string? reason)
    {
        var violation = RefusedOnce(() => AdmonishmentCase.RequestedBy(Id, Cadre, reason, Opened, []));

        Assert.Equal((RuleCode.Required, "request"), (violation.Code, violation.Argument("field")));
        Assert.Equal("002 §五4", violation.Source);
    }

    [Fact]
    public void Request_ByAnInactivePerson_IsNotPermitted() =>
        Assert.Equal(RuleCode.NotPermitted, RefusedOnce(() => AdmonishmentCase.RequestedBy(Id, Cadre with { Active = false }, "说明", Opened, [])).Code);

    [Fact]
    public void Request_ThenCompletedByTheOffice_IsASelfInitiatedProposal()
    {
        var c = AdmonishmentCase.RequestedBy(Id, Cadre, "  主动说明公务接待超标问题 ", Opened, []);

        Assert.Equal(CaseStatus.Requested, c.Status);
        Assert.Equal("主动说明公务接待超标问题", c.Request);
        Assert.Equal(AdmonishmentOrigin.SelfInitiated, c.Origin);
        Assert.Equal(Cadre.Id, c.Subject);
        Assert.Null(c.ProposedBy);
        Assert.Null(c.ProposedAt);

        var proposedAt = Opened.AddDays(2);
        Assert.True(c.CompleteRequest(Draft(minor: false, earlier: [new CaseId("c-0")]) with { Origin = AdmonishmentOrigin.Petition },
            Office, Rank.Division, proposedAt));

        Assert.Equal(CaseStatus.Proposed, c.Status);
        Assert.Equal(AdmonishmentOrigin.SelfInitiated, c.Origin);
        Assert.Equal("搞形象工程，铺张浪费", c.Facts);
        Assert.False(c.MinorViolation);
        Assert.Equal([new CaseId("c-0")], c.Earlier);
        Assert.Equal(Office.Id, c.ProposedBy);
        Assert.Equal(new UnitId("bureau"), c.OfficeUnit);
        Assert.Equal(proposedAt, c.ProposedAt);
        Assert.Equal(Opened, c.OpenedAt);
        Assert.Equal(Rank.Division, c.SubjectRank);
        // Routed by the rank at completion: 正处级.
        Assert.Equal(RuleCode.NotAuthorisedForRank, RefusedOnce(() => c.Decide(Head, true, null, proposedAt)).Code);
        Assert.True(c.Decide(A.Person().With(Role.CadreDeputySecretary), true, null, proposedAt));
    }

    [Fact]
    public void CompleteRequest_NeedsNoOrigin_ButTheSituationAndFacts()
    {
        var c = AdmonishmentCase.RequestedBy(Id, Cadre, "主动说明", Opened, []);

        var violations = Refused(() => c.CompleteRequest(new ProposalDraft(null, null, false, null), Office, Cadre.Rank, Opened));

        Assert.Equal(["situation", "facts"], violations.Select(v => v.Argument("field")));
        Assert.Equal(CaseStatus.Requested, c.Status);
    }

    [Fact]
    public void CompleteRequest_Twice_ChangesNothing_AndByAnotherProposerIsInvalidState()
    {
        var c = AdmonishmentCase.RequestedBy(Id, Cadre, "主动说明", Opened, []);
        c.CompleteRequest(Draft(), Office, Cadre.Rank, Opened);

        Assert.False(c.CompleteRequest(Draft(minor: false), Office, Cadre.Rank, Opened.AddHours(1)));
        var violation = RefusedOnce(() => c.CompleteRequest(Draft(), OrgDept, Cadre.Rank, Opened));

        Assert.Equal((RuleCode.InvalidState, "Proposed"), (violation.Code, violation.Argument("state")));
        Assert.True(c.MinorViolation);
        Assert.Equal(Opened, c.ProposedAt);
    }

    [Fact]
    public void CompleteRequest_ByTheRequesterOrANonProposer_IsNotPermitted()
    {
        Person officeMember = Ranked("do-cadre", Rank.SectionAndBelow, Role.DisciplineOffice);
        var own = AdmonishmentCase.RequestedBy(Id, officeMember, "主动说明", Opened, []);
        var other = AdmonishmentCase.RequestedBy(Id, Cadre, "主动说明", Opened, []);

        Assert.Equal(RuleCode.NotPermitted, RefusedOnce(() => own.CompleteRequest(Draft(), officeMember, Rank.SectionAndBelow, Opened)).Code);
        Assert.Equal(RuleCode.NotPermitted, RefusedOnce(() => other.CompleteRequest(Draft(), Head, Cadre.Rank, Opened)).Code);
        Assert.Equal(CaseStatus.Requested, own.Status);
        Assert.Equal(CaseStatus.Requested, other.Status);
    }

    [Fact]
    public void AttachTalk_BeforeApproval_IsInvalidState()
    {
        var c = Proposed();

        var violation = RefusedOnce(() => c.AttachTalk(new TalkId("t-1")));

        Assert.Equal((RuleCode.InvalidState, "Proposed"), (violation.Code, violation.Argument("state")));
        Assert.Empty(c.Talks);
    }

    [Fact]
    public void AttachTalk_AfterApproval_ArrangesTheTalk_AndTheSameTalkAgainChangesNothing()
    {
        var c = Approved();

        Assert.True(c.AttachTalk(new TalkId("t-1")));
        Assert.False(c.AttachTalk(new TalkId("t-1")));

        Assert.Equal(CaseStatus.TalkArranged, c.Status);
        Assert.Equal(new TalkId("t-1"), c.Talk);
        Assert.Single(c.Talks);
    }

    [Fact]
    public void MarkTalkHeld_SetsTheFollowUpCheck_AndRepeatingChangesNothing()
    {
        var c = Approved();
        Assert.Equal(RuleCode.InvalidState, RefusedOnce(() => c.MarkTalkHeld(D(2026, 3, 12), 30)).Code);
        c.AttachTalk(new TalkId("t-1"));

        Assert.True(c.MarkTalkHeld(D(2026, 3, 12), 30));
        Assert.False(c.MarkTalkHeld(D(2026, 3, 20), 10));

        Assert.Equal(CaseStatus.FollowUp, c.Status);
        Assert.Equal(D(2026, 4, 11), c.NextCheck);
    }

    [Theory]
    [InlineData(Role.DisciplineOfficeHead)]
    [InlineData(Role.UnitSecretary)]
    [InlineData(Role.DisciplineSecretary)]
    public void RecordFollowUp_ByAnyoneButTheOfficeOrOrganisationDepartment_IsNotPermitted(Role role)
    {
        var c = InFollowUp();

        var violation = RefusedOnce(() => c.RecordFollowUp(A.Person().With(role), FollowUpOutcome.Resolved, "已改正", null, "f1", Today, Now));

        Assert.Equal(RuleCode.NotPermitted, violation.Code);
        Assert.Equal("002 §四5", violation.Source);
        Assert.Empty(c.Checks);
    }

    [Fact]
    public void RecordFollowUp_OnTheirOwnCase_IsNotPermitted()
    {
        // A member of the office is admonished: they do not check their own improvement.
        Person officeMember = Ranked("do-cadre", Rank.SectionAndBelow, Role.DisciplineOffice);
        var c = InFollowUp(officeMember);

        var violation = RefusedOnce(() => c.RecordFollowUp(officeMember, FollowUpOutcome.Resolved, "已改正", null, "f1", Today, Now));

        Assert.Equal(RuleCode.NotPermitted, violation.Code);
        Assert.Equal(CaseStatus.FollowUp, c.Status);
        Assert.Empty(c.Checks);
    }

    [Fact]
    public void RecordFollowUp_NeedsANote_AndFurtherCriticismANextCheckAfterToday()
    {
        var c = InFollowUp();

        var both = Refused(() => c.RecordFollowUp(Office, FollowUpOutcome.FurtherCriticism, " ", null, "f1", Today, Now));
        var today = RefusedOnce(() => c.RecordFollowUp(Office, FollowUpOutcome.FurtherCriticism, "改正不明显", Today, "f1", Today, Now));
        var noteOnly = RefusedOnce(() => c.RecordFollowUp(Office, FollowUpOutcome.Resolved, null, null, "f1", Today, Now));

        Assert.Equal([RuleCode.Required, RuleCode.NextCheckRequired], both.Select(v => v.Code));
        Assert.Equal(AdmonishmentCase.Fields.FollowUpNote, both[0].Argument("field"));
        Assert.Equal(RuleCode.NextCheckRequired, today.Code);
        Assert.Equal(RuleCode.Required, noteOnly.Code);
        Assert.Empty(c.Checks);
        Assert.Equal(D(2026, 4, 11), c.NextCheck);
    }

    [Fact]
    public void RecordFollowUp_FurtherCriticism_KeepsFollowingUp_OnTheNewDate()
    {
        var c = InFollowUp();

        Assert.True(c.RecordFollowUp(OrgDept, FollowUpOutcome.FurtherCriticism, "  改正不明显，再次批评 ", D(2026, 5, 13), "f1", Today, Now));

        Assert.Equal(CaseStatus.FollowUp, c.Status);
        Assert.Equal(D(2026, 5, 13), c.NextCheck);
        Assert.Equal(new FollowUpCheck(1, FollowUpOutcome.FurtherCriticism, "改正不明显，再次批评", D(2026, 5, 13), OrgDept.Id, Now, "f1"),
            Assert.Single(c.Checks));
        Assert.False(c.IsClosed);
    }

    [Fact]
    public void RecordFollowUp_Resolved_ClosesTheCase()
    {
        var c = InFollowUp();

        Assert.True(c.RecordFollowUp(Office, FollowUpOutcome.Resolved, "已改正", D(2026, 5, 13), "f1", Today, Now));

        Assert.Equal(CaseStatus.Resolved, c.Status);
        Assert.True(c.IsClosed);
        Assert.Null(c.NextCheck);
        Assert.Null(Assert.Single(c.Checks).NextCheck);
        var after = RefusedOnce(() => c.RecordFollowUp(Office, FollowUpOutcome.FurtherCriticism, "再查", D(2026, 5, 13), "f2", Today, Now));
        Assert.Equal((RuleCode.InvalidState, "Resolved"), (after.Code, after.Argument("state")));
    }

    [Fact]
    public void RecordFollowUp_OrganisationalHandling_ClosesTheCase()
    {
        var c = InFollowUp();

        Assert.True(c.RecordFollowUp(Office, FollowUpOutcome.OrganisationalHandling, "根据党委意见作出组织处理", null, "f1", Today, Now,
            new CommitteeOpinionDraft(" 局党委（2026年第3次党委会） ", D(2026, 4, 10), " 予以调整岗位 ")));

        Assert.Equal(CaseStatus.OrganisationalHandling, c.Status);
        Assert.Equal(new CommitteeOpinion("局党委（2026年第3次党委会）", D(2026, 4, 10), "予以调整岗位"), Assert.Single(c.Checks).Opinion);
        Assert.True(c.IsClosed);
        Assert.Null(c.NextCheck);
    }

    [Fact]
    public void RecordFollowUp_SameFormTwice_RecordsOneCheck()
    {
        var c = InFollowUp();
        c.RecordFollowUp(Office, FollowUpOutcome.FurtherCriticism, "改正不明显", D(2026, 5, 13), "f1", Today, Now);

        Assert.False(c.RecordFollowUp(Office, FollowUpOutcome.FurtherCriticism, "改正不明显", D(2026, 5, 13), "f1", Today, Now));
        Assert.True(c.RecordFollowUp(Office, FollowUpOutcome.Resolved, "已改正", null, "f2", D(2026, 5, 13), Now.AddDays(30)));

        Assert.Equal([(1, FollowUpOutcome.FurtherCriticism), (2, FollowUpOutcome.Resolved)], c.Checks.Select(x => (x.Number, x.Outcome)));
    }

    [Fact]
    public void RecordFollowUp_BeforeTheTalkIsHeld_IsInvalidState()
    {
        var c = Approved();

        var violation = RefusedOnce(() => c.RecordFollowUp(Office, FollowUpOutcome.Resolved, "已改正", null, "f1", Today, Now));

        Assert.Equal((RuleCode.InvalidState, "Approved"), (violation.Code, violation.Argument("state")));
    }

    [Fact]
    public void RepeatTalk_WhileFollowingUp_IsAttached_AndFollowedUpAgain()
    {
        var c = InFollowUp();
        c.RecordFollowUp(Office, FollowUpOutcome.FurtherCriticism, "改正不明显", D(2026, 5, 13), "f1", Today, Now);

        Assert.True(c.AttachTalk(new TalkId("t-2")));

        Assert.Equal(CaseStatus.TalkArranged, c.Status);
        Assert.Equal([new TalkId("t-1"), new TalkId("t-2")], c.Talks);
        Assert.Equal(new TalkId("t-2"), c.Talk);
        Assert.Equal(RuleCode.InvalidState,
            RefusedOnce(() => c.RecordFollowUp(Office, FollowUpOutcome.Resolved, "已改正", null, "f2", Today, Now)).Code);

        Assert.True(c.MarkTalkHeld(D(2026, 4, 20), 30));
        Assert.Equal(CaseStatus.FollowUp, c.Status);
        Assert.Equal(D(2026, 5, 20), c.NextCheck);
    }
}
