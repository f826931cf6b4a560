using TalkBot.Domain.Admonishments;
using TalkBot.Domain.People;
using TalkBot.Domain.Plans;
using TalkBot.Domain.Records;
using TalkBot.Domain.Rules;
using TalkBot.Domain.Talks;
using static TalkBot.Domain.Tests.At;
using static TalkBot.Domain.Tests.Cases;

namespace TalkBot.Domain.Tests;

/// <summary>
/// The ways around the procedure of issue 13: another talk's form id, who leads and logs an admonishment (002 §四2–3,
/// §五6), the Party committee's opinion before organisational handling (002 §四5), and "that level" (000 §四(一)6, 002 §五8).
/// </summary>
public class ProcedureBypassTests
{
    private static readonly DateTimeOffset Now = Shanghai(2026, 4, 13, 10);
    private static readonly DateOnly Today = D(2026, 4, 13);
    private static readonly Person Office = A.Person().Id("do").In("office").With(Role.DisciplineOffice);
    private static readonly Person OrgDept = A.Person().Id("org").In("office").With(Role.OrganizationDept);
    private static readonly Person Secretary = A.Person().Id("sec").Named("赵书记").With(Role.UnitSecretary);
    private static readonly Person Manager = A.Person().Id("mgr").Named("钱主任");

    private static Talk TalkOf(TalkKind kind, Person organiser, params Person[] talkees) =>
        Talk.Restore(new TalkId("t-1"), kind, [.. talkees.Select(p => p.Id)], [Secretary.Id], null, organiser.Id, Now, "会议室", Today, null, Now, TalkStatus.Scheduled);

    // --- another talk's form id (talk.create / lead.talk.create / case.talk.create with an existing formId) ---

    [Fact]
    public void SameForm_Again_IsTheSameTalk_ForItsOrganiser_KindAndSubject()
    {
        Person subject = A.Person().Id("subject");
        Assert.Null(TalkOf(TalkKind.Reminder, Office, subject).CheckSameForm(Office, TalkKind.Reminder, subject.Id));
        Assert.Null(TalkOf(TalkKind.Routine, Office, subject).CheckSameForm(Office, TalkKind.Routine, null));
    }

    [Fact]
    public void AnotherOrganisersTalk_IsRefused()
    {
        Person subject = A.Person().Id("subject");
        Person colleague = A.Person().Id("do-2").In("office").With(Role.DisciplineOffice);

        var refused = TalkOf(TalkKind.Reminder, colleague, subject).CheckSameForm(Office, TalkKind.Reminder, subject.Id);

        Assert.Equal((RuleCode.TalkFormOfAnotherTalk, "000 §三2–3"), (refused?.Code, refused?.Source));
    }

    [Fact]
    public void ATalkOfAnotherKindOrAboutSomeoneElse_CannotBeTakenForALeadsOrACasesTalk()
    {
        Person subject = A.Person().Id("subject");
        Person other = A.Person().Id("other");

        Assert.Equal(RuleCode.TalkFormOfAnotherTalk, TalkOf(TalkKind.Routine, Office, subject).CheckSameForm(Office, TalkKind.Reminder, subject.Id)?.Code);
        Assert.Equal(RuleCode.TalkFormOfAnotherTalk, TalkOf(TalkKind.Reminder, Office, other).CheckSameForm(Office, TalkKind.Reminder, subject.Id)?.Code);
        Assert.Equal("002 §四2", TalkOf(TalkKind.Admonishment, Office, other).CheckSameForm(Office, TalkKind.Admonishment, subject.Id)?.Source);
        // 新建谈话 does not show a lead's talk either.
        Assert.Equal(RuleCode.TalkFormOfAnotherTalk, TalkOf(TalkKind.Reminder, Office, subject).CheckSameForm(Office, TalkKind.Routine, null)?.Code);
    }

    // --- 党风廉政建设责任人 (002 §一, §四2–3) ---

    [Fact]
    public void ResponsiblePersons_AreTheTierTalkersFirst_ThenTheManager_ActiveOnly()
    {
        var subject = A.Person().Id("subject").Build() with { ManagerId = Manager.Id };
        Person gone = A.Person().Id("gone").With(Role.BureauSecretary).Inactive();
        var people = new[] { Secretary, Manager, gone }.ToDictionary(p => p.Id);
        TierAssignment Line(Tier tier, Person talker) => new(tier, talker.Id, subject.Id, TalkeeLine.UnitCommitteeMember, null, [], [], []);

        var responsible = ResponsiblePersons.Of(subject, [Line(Tier.UnitSecretary, Secretary), Line(Tier.BureauSecretary, gone)], people.GetValueOrDefault);

        Assert.Equal([Secretary.Id, Manager.Id], responsible.Select(p => p.Id));
    }

    [Fact]
    public void ResponsiblePersons_IgnoreLinesAboutSomeoneElse_AndAreEmptyWhenNothingNamesThem()
    {
        Person subject = A.Person().Id("subject");
        var line = new TierAssignment(Tier.UnitSecretary, Secretary.Id, new PersonId("other"), TalkeeLine.UnitCommitteeMember, null, [], [], []);

        Assert.Empty(ResponsiblePersons.Of(subject, [line], _ => Secretary));
    }

    [Theory]
    [InlineData(Rank.DeputyDivision, false)]
    [InlineData(Rank.SectionAndBelow, false)]
    [InlineData(Rank.Division, true)]
    public void BelowDivision_OrWithAMinorViolation_OnlyTheResponsiblePersonLeads_NotTheOffice(Rank rank, bool minor)
    {
        Assert.Null(ResponsiblePersons.CheckLeadTalker(rank, minor, Secretary, [Secretary]));

        var refused = ResponsiblePersons.CheckLeadTalker(rank, minor, Office, [Secretary]);

        Assert.Equal((RuleCode.LeadTalkerNotResponsible, "002 §四2–3"), (refused?.Code, refused?.Source));
        Assert.Equal("赵书记", refused?.Argument("names"));
    }

    [Fact]
    public void Division_WithoutAViolation_TheOfficeOrTheOrganisationDepartmentMayAlsoCarryItOut()
    {
        Assert.Null(ResponsiblePersons.CheckLeadTalker(Rank.Division, false, Office, [Secretary]));
        Assert.Null(ResponsiblePersons.CheckLeadTalker(Rank.Division, false, OrgDept, [Secretary]));
        Assert.Equal(RuleCode.LeadTalkerNotResponsible, ResponsiblePersons.CheckLeadTalker(Rank.Division, false, Manager, [Secretary])?.Code);
    }

    [Fact]
    public void ACaseTalk_LedBySomeoneOtherThanTheResponsiblePerson_IsRefused()
    {
        var cadre = Ranked("cadre", Rank.DeputyDivision);
        var c = AdmonishmentCase.Propose(new CaseId("c-1"), new ProposalDraft(AdmonishmentSituation.DutyNeglect, "履职不力", false, AdmonishmentOrigin.Petition),
            Office, cadre, Shanghai(2026, 3, 2));
        c.Decide(A.Person().With(Role.DisciplineOfficeHead), true, null, Shanghai(2026, 3, 3));
        var draft = A.Draft().Kind(TalkKind.Admonishment).Talkees(cadre).Talkers(Office).ScheduledAt(Shanghai(2026, 3, 10)).Build();
        var clock = Clock(Shanghai(2026, 3, 9, 9));

        var refused = RefusedOnce(() => c.ScheduleTalk(new TalkId("t-1"), draft, Office, [Secretary], Calendars.Shipped, NoticePolicy.Default, clock));

        Assert.Equal(RuleCode.LeadTalkerNotResponsible, refused.Code);
        Assert.Equal([Secretary.Id], c.ScheduleTalk(new TalkId("t-1"), draft with { Talkers = [Secretary] }, Office, [Secretary], Calendars.Shipped,
            NoticePolicy.Default, clock).Talkers);
    }

    [Fact]
    public void TheAdmonishmentForm_IsFilledByTheResponsiblePersonWhoLed_NotByTheOfficeNorTheRecorder()
    {
        Person recorder = A.Person().Id("rec").With(Role.Recorder);
        var talk = Talk.Restore(new TalkId("t-1"), TalkKind.Admonishment, [new PersonId("cadre")], [Secretary.Id, Office.Id], recorder.Id, Office.Id, Now, "会议室",
            Today, null, Now, TalkStatus.Scheduled);

        Assert.True(RecordAccess.CanLog(Secretary, talk, Office));
        Assert.False(RecordAccess.CanLog(Office, talk, Office));
        Assert.False(RecordAccess.CanLog(recorder, talk, Office));
        Assert.Equal(Secretary.Id, RecordAccess.WhoLogs(talk));
        // A monthly talk is still logged by its recorder and the office.
        var routine = TalkOf(TalkKind.Routine, Office, A.Person().Id("cadre"));
        Assert.True(RecordAccess.CanLog(Office, routine, Office));
        Assert.Equal(Office.Id, RecordAccess.WhoLogs(routine));
    }

    // --- 组织处理 follows the Party committee's opinion (002 §四5) ---

    private static AdmonishmentCase InFollowUp()
    {
        var c = AdmonishmentCase.Propose(new CaseId("c-1"), new ProposalDraft(AdmonishmentSituation.DutyNeglect, "履职不力", false, AdmonishmentOrigin.Petition),
            Office, Ranked("cadre", Rank.DeputyDivision), Shanghai(2026, 3, 2));
        c.Decide(A.Person().With(Role.DisciplineOfficeHead), true, null, Shanghai(2026, 3, 3));
        c.AttachTalk(new TalkId("t-1"));
        c.MarkTalkHeld(D(2026, 3, 12), 30);
        return c;
    }

    [Fact]
    public void OrganisationalHandling_WithoutTheCommitteesOpinion_IsRefused_AndNothingChanges()
    {
        var c = InFollowUp();

        var refused = RefusedOnce(() => c.RecordFollowUp(Office, FollowUpOutcome.OrganisationalHandling, "作出组织处理", null, "f1", Today, Now));

        Assert.Equal((RuleCode.CommitteeOpinionRequired, "002 §四5"), (refused.Code, refused.Source));
        Assert.Equal("opinionBy,opinionOn,opinion", refused.Argument("fields"));
        Assert.Equal(CaseStatus.FollowUp, c.Status);
        Assert.Empty(c.Checks);
    }

    [Fact]
    public void OrganisationalHandling_WithAnOpinionDatedAfterToday_OrWithoutItsText_IsRefused()
    {
        var c = InFollowUp();

        var future = RefusedOnce(() => c.RecordFollowUp(Office, FollowUpOutcome.OrganisationalHandling, "作出组织处理", null, "f1", Today, Now,
            new CommitteeOpinionDraft("局党委", Today.AddDays(1), "调整岗位")));
        var blank = RefusedOnce(() => c.RecordFollowUp(Office, FollowUpOutcome.OrganisationalHandling, "作出组织处理", null, "f1", Today, Now,
            new CommitteeOpinionDraft("局党委", Today, " ")));

        Assert.Equal("opinionOn", future.Argument("fields"));
        Assert.Equal("opinion", blank.Argument("fields"));
        Assert.Equal(CaseStatus.FollowUp, c.Status);
    }

    [Fact]
    public void OtherOutcomes_NeedNoOpinion_AndKeepNone()
    {
        var c = InFollowUp();

        Assert.True(c.RecordFollowUp(Office, FollowUpOutcome.Resolved, "已改正", null, "f1", Today, Now, new CommitteeOpinionDraft("局党委", Today, "无")));

        Assert.Null(Assert.Single(c.Checks).Opinion);
    }

    // --- "that level" (000 §四(一)6, 002 §五8) ---

    private static readonly Unit Bureau = new(new UnitId("bureau"), "局", null, UnitLevel.Bureau);
    private static readonly Unit OfficeDept = new(new UnitId("office"), "纪委办", null, UnitLevel.Department, Bureau.Id);
    private static readonly Unit East = new(new UnitId("east"), "东区党委", null, UnitLevel.PartyCommittee, Bureau.Id);
    private static readonly Unit EastOffice = new(new UnitId("east-office"), "东区纪委办", null, UnitLevel.Department, East.Id);
    private static readonly Unit EastBranch = new(new UnitId("east-branch"), "东区一支部", null, UnitLevel.Branch, East.Id);
    private static readonly Unit West = new(new UnitId("west"), "西区党委", null, UnitLevel.PartyCommittee, Bureau.Id);
    private static readonly Dictionary<UnitId, Unit> Units = new[] { Bureau, OfficeDept, East, EastOffice, EastBranch, West }.ToDictionary(u => u.Id);

    private static Unit? FindUnit(UnitId id) => Units.GetValueOrDefault(id);

    [Fact]
    public void AnOfficeInADepartment_IsTheOfficeOfTheUnitAboveIt()
    {
        Assert.Equal(Bureau.Id, OfficeLevels.LevelOf(Office, FindUnit));
        Assert.Equal(East.Id, OfficeLevels.LevelOf(A.Person().In("east-office").With(Role.DisciplineOffice), FindUnit));
    }

    [Fact]
    public void AUnitsOffice_ReadsItsOwnUnitAndThoseBelow_NotItsSiblingsNorTheBureau()
    {
        Person eastOffice = A.Person().In("east-office").With(Role.DisciplineOffice);

        Assert.True(OfficeLevels.MayReadArchiveOf(eastOffice, A.Person().In("east-branch"), FindUnit));
        Assert.True(OfficeLevels.MayReadArchiveOf(eastOffice, A.Person().In("east"), FindUnit));
        Assert.False(OfficeLevels.MayReadArchiveOf(eastOffice, A.Person().In("west"), FindUnit));
        Assert.False(OfficeLevels.MayReadArchiveOf(eastOffice, A.Person().In("office"), FindUnit));
        // The bureau's office covers every unit of the bureau.
        Assert.True(OfficeLevels.MayReadArchiveOf(Office, A.Person().In("west"), FindUnit));
        Assert.True(OfficeLevels.MayReadArchiveOf(Office, A.Person().In("east-branch"), FindUnit));
        // Nobody outside the office reads archives.
        Assert.False(OfficeLevels.MayReadArchiveOf(A.Person().In("bureau").With(Role.UnitSecretary), A.Person().In("west"), FindUnit));
    }

    [Fact]
    public void AuditLines_AreThoseAboutPeopleOfTheOfficesLevel_OrMadeThereWhenAboutNobody()
    {
        Person eastOffice = A.Person().In("east-office").With(Role.DisciplineOffice);
        Person westCadre = A.Person().In("west");
        Person eastCadre = A.Person().In("east-branch");

        Assert.True(OfficeLevels.MaySeeAuditLine(eastOffice, westCadre, eastCadre, FindUnit));
        Assert.False(OfficeLevels.MaySeeAuditLine(eastOffice, eastCadre, westCadre, FindUnit));
        Assert.True(OfficeLevels.MaySeeAuditLine(eastOffice, eastCadre, null, FindUnit));
        Assert.False(OfficeLevels.MaySeeAuditLine(eastOffice, westCadre, null, FindUnit));
        Assert.False(OfficeLevels.MaySeeAuditLine(eastOffice, null, null, FindUnit));
    }
}

