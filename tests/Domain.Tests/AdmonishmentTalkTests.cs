using Microsoft.Extensions.Time.Testing;
using TalkBot.Domain.Admonishments;
using TalkBot.Domain.People;
using TalkBot.Domain.Rules;
using TalkBot.Domain.Talks;
using static TalkBot.Domain.Tests.At;
using static TalkBot.Domain.Tests.Cases;

namespace TalkBot.Domain.Tests;

/// <summary>Who talks in an admonishment talk (002 §四3), and when it may be arranged (002 §四2).</summary>
public class AdmonishmentTalkTests
{
    private static readonly TalkId TalkId = new("t-1");
    private readonly FakeTimeProvider _clock = Clock(Shanghai(2026, 3, 9, 9));

    private static readonly Person Office = A.Person().Id("do").In("bureau").With(Role.DisciplineOffice);
    private static readonly Person Cadre = A.Person().Id("cadre");
    private static readonly Person Responsible = A.Person().Id("responsible").With(Role.UnitSecretary);
    private static readonly Person OfficeTalker = A.Person().Id("do-talker").With(Role.DisciplineOffice);
    private static readonly Person Recorder = A.Person().Id("rec").With(Role.Recorder);

    private static AdmonishmentCase Proposed(bool minor) => AdmonishmentCase.Propose(new CaseId("c-1"),
        new ProposalDraft(AdmonishmentSituation.IntegritySelfDiscipline, "违规接受宴请", minor, AdmonishmentOrigin.Petition),
        Office, Cadre, Shanghai(2026, 3, 2));

    private static AdmonishmentCase Approved(bool minor)
    {
        var c = Proposed(minor);
        c.Decide(A.Person().With(Role.DisciplineOfficeHead), true, null, Shanghai(2026, 3, 3));
        return c;
    }

    private static TalkDraftBuilder Draft() => A.Draft().Kind(TalkKind.Admonishment).Talkees(Cadre).Talkers(Responsible, OfficeTalker)
        .RecordedBy(Recorder);

    private Talk Schedule(AdmonishmentCase c, TalkDraft draft, Person? organiser = null) =>
        c.ScheduleTalk(TalkId, draft, organiser ?? Office, [Responsible], Calendars.Shipped, new NoticePolicy(MinimumWorkingDays: 2, WindowDays: 5), _clock);

    private IReadOnlyList<RuleViolation> Refusal(AdmonishmentCase c, TalkDraft draft, Person? organiser = null) =>
        Refused(() => Schedule(c, draft, organiser));

    [Fact]
    public void MinorViolation_WithTwoTalkersAndARecorder_SchedulesAnAdmonishmentTalk()
    {
        var c = Approved(minor: true);

        var talk = Schedule(c, Draft());

        Assert.Equal(TalkId, talk.Id);
        Assert.Equal(TalkKind.Admonishment, talk.Kind);
        Assert.Equal([Cadre.Id], talk.Talkees);
        Assert.Equal([Responsible.Id, OfficeTalker.Id], talk.Talkers);
        Assert.Equal(Responsible.Id, talk.LeadTalker);
        Assert.Equal(Recorder.Id, talk.Recorder);
        Assert.Equal(Office.Id, talk.Organiser);
        Assert.Equal(TalkStatus.Scheduled, talk.Status);
        // Scheduling does not attach: the caller stores the talk, then attaches it.
        Assert.Equal(CaseStatus.Approved, c.Status);
        Assert.Empty(c.Talks);
    }

    [Fact]
    public void MinorViolation_WithOneTalker_IsRefused()
    {
        var violation = Assert.Single(Refusal(Approved(minor: true), Draft().Talkers(Responsible)));

        Assert.Equal(RuleCode.TwoTalkersRequired, violation.Code);
        Assert.Equal("002 §四3", violation.Source);
    }

    [Fact]
    public void MinorViolation_WithTheSameTalkerTwice_CountsAsOne() =>
        Assert.Equal(RuleCode.TwoTalkersRequired, Assert.Single(Refusal(Approved(minor: true), Draft().Talkers(Responsible, Responsible))).Code);

    [Fact]
    public void MinorViolation_WithoutARecorder_IsRefused()
    {
        var draft = Draft().Build() with { Recorder = null };

        var violation = Assert.Single(Refusal(Approved(minor: true), draft));

        Assert.Equal(RuleCode.AdmonishmentRecorderRequired, violation.Code);
        Assert.Equal("002 §四3", violation.Source);
    }

    [Fact]
    public void MinorViolation_WithARecorderTheOfficeDidNotProvide_IsRefused()
    {
        var draft = Draft().Build() with { Recorder = A.Person().Id("colleague").With(Role.UnitCommitteeMember) };

        Assert.Equal(RuleCode.AdmonishmentRecorderRequired, Assert.Single(Refusal(Approved(minor: true), draft)).Code);
        Assert.NotNull(Schedule(Approved(minor: true), Draft().Build() with { Recorder = OfficeTalker with { Id = new PersonId("do-2") } }));
    }

    [Fact]
    public void NoViolation_TheResponsiblePersonMayTalkAlone_WithoutARecorder()
    {
        var talk = Schedule(Approved(minor: false), Draft().Build() with { Talkers = [Responsible], Recorder = null });

        Assert.Equal([Responsible.Id], talk.Talkers);
        Assert.Null(talk.Recorder);
        Assert.Equal(TalkKind.Admonishment, talk.Kind);
    }

    [Fact]
    public void AdmonishmentTalk_IsNotBoundByTheMonthlyTalkClocks_ButNotInThePast()
    {
        var talk = Schedule(Approved(minor: false), Draft().ContentOn(D(2026, 2, 1)).ScheduledAt(Shanghai(2026, 3, 9, 15)));
        Assert.Equal(TalkKind.Admonishment, talk.Kind);

        var past = Assert.Single(Refusal(Approved(minor: false), Draft().ScheduledAt(Shanghai(2026, 3, 9, 8))));
        Assert.Equal(RuleCode.TalkInPast, past.Code);
    }

    [Fact]
    public void DraftWithoutKind_BecomesAnAdmonishmentTalk() =>
        Assert.Equal(TalkKind.Admonishment, Schedule(Approved(minor: false), Draft().Kind(null)).Kind);

    [Fact]
    public void Talkee_OtherThanTheSubject_IsRefused()
    {
        var violation = Assert.Single(Refusal(Approved(minor: false), Draft().Talkees(A.Person().Id("someone-else"))));

        Assert.Equal(RuleCode.TalkeeNotSubject, violation.Code);
        Assert.Equal("002 §四1", violation.Source);
    }

    [Fact]
    public void Talkees_BesidesTheSubject_AreRefused() =>
        Assert.Equal(RuleCode.TalkeeNotSubject,
            Assert.Single(Refusal(Approved(minor: false), Draft().Talkees(Cadre, A.Person().Id("colleague")))).Code);

    [Fact]
    public void Proposed_IsNotApproved()
    {
        var violation = Assert.Single(Refusal(Proposed(minor: false), Draft()));

        Assert.Equal((RuleCode.NotApproved, "Proposed"), (violation.Code, violation.Argument("state")));
        Assert.Equal("002 §四2", violation.Source);
    }

    [Fact]
    public void Rejected_IsNotApproved()
    {
        var c = Proposed(minor: false);
        c.Decide(A.Person().With(Role.OrganizationDeptHead), false, "不予批准", Shanghai(2026, 3, 3));

        var violation = Assert.Single(Refusal(c, Draft()));

        Assert.Equal((RuleCode.NotApproved, "Rejected"), (violation.Code, violation.Argument("state")));
    }

    [Fact]
    public void WhileATalkIsArranged_AnotherIsNotScheduled()
    {
        var c = Approved(minor: false);
        c.AttachTalk(new TalkId("t-0"));

        var violation = Assert.Single(Refusal(c, Draft()));

        Assert.Equal((RuleCode.NotApproved, "TalkArranged"), (violation.Code, violation.Argument("state")));
    }

    [Fact]
    public void TheTalksOwnRules_AreReportedTogetherWithTheCases()
    {
        var draft = Draft().Build() with { Talkers = [Responsible], Recorder = null, ScheduledAt = Shanghai(2026, 3, 9, 8) };

        var violations = Refusal(Approved(minor: true), draft);

        Assert.Equal([RuleCode.TwoTalkersRequired, RuleCode.AdmonishmentRecorderRequired, RuleCode.TalkInPast], violations.Select(v => v.Code));
    }

    [Fact]
    public void Organiser_WithoutTheRight_IsRefused_AndTheOrganisationDepartmentMayOrganise()
    {
        var c = Approved(minor: true);

        var violation = Assert.Single(Refusal(c, Draft(), organiser: Responsible));
        var talk = Schedule(c, Draft(), organiser: A.Person().Id("org").With(Role.OrganizationDept));

        Assert.Equal(RuleCode.NotPermitted, violation.Code);
        Assert.Equal(new PersonId("org"), talk.Organiser);
    }

    [Fact]
    public void RepeatTalk_WhileFollowingUp_MayBeScheduled()
    {
        var c = Approved(minor: true);
        c.AttachTalk(new TalkId("t-0"));
        c.MarkTalkHeld(D(2026, 3, 5), 30);

        var talk = Schedule(c, Draft());

        Assert.Equal(TalkKind.Admonishment, talk.Kind);
        Assert.Equal(CaseStatus.FollowUp, c.Status);
    }
}
