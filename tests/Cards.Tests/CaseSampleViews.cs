using TalkBot.Cards.AdaptiveCards;
using TalkBot.Cards.Builders;
using TalkBot.Cards.Localization;
using TalkBot.Cards.Views;
using TalkBot.Domain;
using TalkBot.Domain.Admonishments;
using TalkBot.Domain.Audit;
using TalkBot.Domain.FollowUps;
using TalkBot.Domain.Leads;
using TalkBot.Domain.People;
using TalkBot.Domain.Records;
using TalkBot.Domain.Rules;
using TalkBot.Domain.Talks;

namespace TalkBot.Cards.Tests;

/// <summary>The lead, disposition, admonishment, task, archive, audit and desk cards in every mode, for rendering checks and tests.</summary>
internal static class CaseSampleViews
{
    public const string ReporterName = "钱秀英";
    public const string ReporterUnit = "东城分局财务科";

    public static readonly DateTimeOffset At = SampleViews.Talk;
    public static readonly LeadId LeadId = new("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa01");
    public static readonly CaseId CaseId = new("cccccccccccccccccccccccccccccc01");
    public static readonly CaseId EarlierCaseId = new("cccccccccccccccccccccccccccccc00");
    public static readonly CaseTaskId ReplyTask = CaseTaskId.For(LeadId.Value, CaseTaskKind.WrittenReply, 1);
    public static readonly CaseTaskId ExaminationTask = CaseTaskId.For(CaseId.Value, CaseTaskKind.SelfExamination, 1);

    public static readonly IReadOnlyList<PersonChoice> People =
        [new(new PersonId("p1"), "周海涛", "东城分局党委书记"), new(new PersonId("p2"), "何建平"), new(new PersonId("p3"), "黄磊", "西城分局")];

    public static readonly TalkLine HeldTalk = new(new TalkId("0123456789abcdef0123456789abcdef"), TalkKind.Reminder, At, "第三会议室", TalkStatus.Held,
        ["王正清"], RecordStatus.Verified);

    public static readonly TalkLine PlannedTalk = new(new TalkId("1123456789abcdef0123456789abcdef"), TalkKind.Admonishment, At.AddDays(20), "第一会议室",
        TalkStatus.Scheduled, ["王正清", "陈静"], null);

    public static readonly IReadOnlyList<DispositionLine> Dispositions =
    [
        new(DispositionKind.WrittenReply, "请说明2025年公务接待费用的开支情况", new DateOnly(2026, 3, 20), "王正清", At.AddHours(3)),
        new(DispositionKind.Criticism, "指出接待超标准的问题", null, "王正清", At.AddHours(3)),
        new(DispositionKind.Admonishment, null, null, "王正清", At.AddHours(3)),
    ];

    public static readonly IReadOnlyList<TaskLine> Tasks =
    [
        new(ReplyTask, CaseTaskKind.WrittenReply, "周海涛", new DateOnly(2026, 3, 20), CaseTaskStatus.Open, false),
        new(CaseTaskId.For(LeadId.Value, CaseTaskKind.LetterInquiry, 2), CaseTaskKind.LetterInquiry, "纪委办 陈静", new DateOnly(2026, 3, 10), CaseTaskStatus.Open, true),
    ];

    public static readonly IReadOnlyList<CheckLine> Checks =
    [
        new(FollowUpOutcome.FurtherCriticism, "整改措施尚未落实到位", new DateOnly(2026, 5, 4), "陈静", At.AddDays(30)),
        // 002 §四5: organisational handling, with the Party committee's opinion it follows.
        new(FollowUpOutcome.OrganisationalHandling, "仍未改正", null, "陈静", At.AddDays(60),
            new CommitteeOpinion("局党委（2026年第5次党委会）", new DateOnly(2026, 5, 20), "予以调整岗位")),
    ];

    public static LeadFormView LeadForm(IReadOnlyList<string>? errors = null, IReadOnlyDictionary<string, string?>? values = null) =>
        new("form-lead-1", People, values, errors);

    public static LeadView Lead(Reporter? reporter, bool briefing = false, bool office = true) => new(
        LeadId,
        "周海涛",
        "东城分局",
        LeadSource.Petition,
        DisciplineCategory.Integrity,
        "群众来信反映其在公务接待中超标准安排宴请。",
        reporter,
        LeadStatus.Disposed,
        "陈静",
        At.AddDays(-10),
        [HeldTalk],
        Dispositions,
        Tasks,
        briefing,
        CanArrangeTalk: office,
        CanDispose: office,
        Admonishment: CaseId,
        Notice: office ? "已记录谈后处置。" : null,
        Errors: office ? ["示例：上一步未完成。"] : null);

    public static DispositionFormView DispositionForm(IReadOnlyList<string>? errors = null, IReadOnlyDictionary<string, string?>? values = null) =>
        new(LeadId, "form-dispose-1", "周海涛", "群众来信反映其在公务接待中超标准安排宴请。", new DateOnly(2026, 3, 5), values, errors);

    public static ProposalFormView Proposal() => new("form-case-1", People, []);

    public static ProposalFormView ProposalFromLead() => new("form-case-2", [], [new(EarlierCaseId, "2025年6月诫勉谈话")],
        FixedSubjectName: "周海涛", FixedSubject: new PersonId("p1"), LeadId: LeadId);

    public static ProposalFormView ProposalFromRequest() => new("form-case-3", [], [], FixedSubjectName: "何建平", FixedSubject: new PersonId("p2"),
        CaseId: CaseId, Request: "本人在选人用人工作中把关不严，希望说明情况并接受诫勉谈话教育。");

    public static CaseView Case(CaseCardMode mode, CaseStatus status, bool minorViolation = true) => new(
        CaseId,
        "周海涛",
        Rank.Division,
        status,
        status == CaseStatus.Requested ? null : AdmonishmentSituation.IntegritySelfDiscipline,
        status == CaseStatus.Requested ? null : "经核实，2025年多次超标准安排公务接待。",
        minorViolation,
        ForUnit: status == CaseStatus.FollowUp,
        status == CaseStatus.Requested ? AdmonishmentOrigin.SelfInitiated : AdmonishmentOrigin.Lead,
        status == CaseStatus.Requested ? "本人主动说明接待超标问题。" : null,
        status == CaseStatus.Requested ? null : "陈静",
        status == CaseStatus.Requested ? null : At.AddDays(1),
        [Role.CadreDeputySecretary, Role.DisciplineSecretary],
        status is CaseStatus.Rejected or CaseStatus.Approved or CaseStatus.TalkArranged or CaseStatus.FollowUp or CaseStatus.Resolved
            ? new ApprovalDecision(status != CaseStatus.Rejected, new PersonId("a1"), status == CaseStatus.Rejected ? "事实尚需进一步核实" : null, At.AddDays(2))
            : null,
        "刘书记",
        status is CaseStatus.FollowUp or CaseStatus.Resolved or CaseStatus.TalkArranged ? [PlannedTalk] : [],
        status is CaseStatus.FollowUp or CaseStatus.Resolved ? [new(ExaminationTask, CaseTaskKind.SelfExamination, "周海涛", new DateOnly(2026, 4, 1), CaseTaskStatus.Submitted, false)] : [],
        status is CaseStatus.FollowUp or CaseStatus.Resolved ? Checks : [],
        status == CaseStatus.FollowUp ? new DateOnly(2026, 5, 4) : null,
        status == CaseStatus.Requested ? [] : [new(EarlierCaseId, "2025年6月诫勉谈话")],
        status == CaseStatus.Requested ? null : LeadId,
        mode,
        mode == CaseCardMode.FollowUp ? "form-check-1" : null,
        mode == CaseCardMode.View ? "已批准。" : null,
        mode == CaseCardMode.FollowUp ? new Dictionary<string, string?> { [CaseFields.Outcome] = nameof(FollowUpOutcome.FurtherCriticism), [CaseFields.FollowUpNote] = "仍有问题" } : null,
        mode == CaseCardMode.FollowUp ? ["不符合规定（002 §四5）：未改正或改正不明显的，须指定晚于今天的下次了解日期。"] : null);

    public static readonly IReadOnlyList<SubmissionLine> Submissions =
    [
        new(1, "关于公务接待的书面检查（第一稿）。", At.AddDays(5), false, false, "检查不够深刻", "陈静", new DateOnly(2026, 3, 25)),
        new(2, "关于公务接待的书面检查（修改稿）。", At.AddDays(22), true, null, null, null, null),
    ];

    public static TaskView Task(TaskCardMode mode, CaseTaskKind kind = CaseTaskKind.SelfExamination, IReadOnlyList<SubmissionLine>? submissions = null) => new(
        ExaminationTask,
        kind,
        "周海涛",
        kind is CaseTaskKind.SecondTalk or CaseTaskKind.LetterInquiry or CaseTaskKind.PreliminaryVerification ? "纪委办 陈静" : "周海涛",
        "对照问题深刻检查，提出改正措施。",
        new DateOnly(2026, 3, 25),
        mode != TaskCardMode.View,
        submissions is null ? CaseTaskStatus.Submitted : submissions.Count == 0 ? CaseTaskStatus.Open : CaseTaskStatus.Submitted,
        submissions ?? Submissions,
        mode,
        "form-task-1",
        mode == TaskCardMode.View ? "已退回。" : null,
        mode == TaskCardMode.Submit ? new Dictionary<string, string?> { [CaseFields.TaskText] = "草稿" } : null,
        mode == TaskCardMode.Review ? ["退回须说明理由。"] : null);

    /// <summary>The archive with the written material of its talks and tasks (000 §四(一)6; 002 §五7).</summary>
    public static ArchiveView ArchiveWithMaterials() => Archive(withPerson: true) with
    {
        Materials =
        [
            new(ArchiveMaterialKind.Record, HeldTalk.TalkId.Value, At.AddDays(1),
                [new(MaterialField.Problems, "公务接待超标准安排宴请。"), new(MaterialField.Explanation, "接待对象临时增加。"),
                 new(MaterialField.Requirements, "三日内退还超标费用。"), new(MaterialField.RectificationItems, "退还超标费用", 1)], Number: 2),
            new(ArchiveMaterialKind.Rectification, HeldTalk.TalkId.Value, At.AddDays(3),
                [new(MaterialField.Measure, "已退还全部超标费用", 1, true, new DateOnly(2026, 3, 6))]),
            new(ArchiveMaterialKind.Submission, ExaminationTask.Value, At.AddDays(5),
                [new(MaterialField.Text, new string('检', 300))], CaseTaskKind.SelfExamination),
        ],
    };

    public static ArchiveView Archive(bool withPerson, bool empty = false) => new(
        withPerson ? "周海涛" : null,
        withPerson ? "东城分局" : null,
        withPerson ? Rank.Division : null,
        withPerson && !empty ? [HeldTalk, PlannedTalk] : [],
        withPerson && !empty ? [LeadLine] : [],
        withPerson && !empty ? [CaseLine] : [],
        withPerson && !empty ? Tasks : [],
        People,
        withPerson ? new PersonId("p1") : null);

    public static readonly LeadLine LeadLine = new(LeadId, "周海涛", LeadSource.Petition, DisciplineCategory.Integrity,
        "群众来信反映其在公务接待中超标准安排宴请。", LeadStatus.Disposed, At.AddDays(-10), Dispositions);

    public static readonly CaseLine CaseLine = new(CaseId, "周海涛", AdmonishmentSituation.IntegritySelfDiscipline, CaseStatus.FollowUp, true, At.AddDays(1),
        new DateOnly(2026, 5, 4), Checks);

    public static AuditLogView Audit() => new(
    [
        new(At, "陈静", AuditAction.View, AuditObject.Lead, LeadId.Value, "周海涛"),
        new(At.AddMinutes(-5), "王正清", AuditAction.Refused, AuditObject.Archive, "p1", "周海涛"),
        new(At.AddMinutes(-9), "何建平", AuditAction.ApprovalRefused, AuditObject.Admonishment, CaseId.Value, "周海涛"),
        new(At.AddMinutes(-20), "陈静", AuditAction.Export, AuditObject.Record, "0123456789abcdef0123456789abcdef", null),
        new(At.AddMinutes(-30), "陈静", AuditAction.View, AuditObject.AuditLog, "log", null),
    ]);

    public static CaseDeskView Desk(bool empty = false, bool office = true) => new(
        empty ? [] : [LeadLine, LeadLine with { LeadId = new LeadId("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa02"), SubjectName = "黄磊", Dispositions = [], Status = LeadStatus.Registered }],
        empty ? [] : [CaseLine, CaseLine with { CaseId = EarlierCaseId, Status = CaseStatus.Proposed, NextCheck = null, Checks = [] }],
        empty ? [] : Tasks,
        office,
        office,
        Recused: empty || !office ? [] : Recused);

    /// <summary>Two tier-4 talks whose talker recused (000 §二4, §四(五)3): one with people the office may name, one without.</summary>
    public static IReadOnlyList<RecusedTalkLine> Recused { get; } =
    [
        new(2026, 3, "stationed-1", "吴组长", "head-1", "孙所长", "城关派出所", Domain.Plans.Tier.StationedDisciplineLeader, Domain.Plans.TalkeeLine.GrassrootsUnitHead,
            [new PersonChoice(new PersonId("member-1"), "郑委员", "基层党委班子成员"), new PersonChoice(new PersonId("secretary-1"), "周书记", "基层党委书记")]),
        new(2026, 3, "stationed-1", "吴组长", "head-2", "冯站长", null, Domain.Plans.Tier.StationedDisciplineLeader, Domain.Plans.TalkeeLine.GrassrootsUnitHead, []),
    ];

    /// <summary>The desk's second page of 200 leads, with its 2 cases and 2 tasks shown whole.</summary>
    public static CaseDeskView PagedDesk() => Desk() with
    {
        Leads = [.. Enumerable.Range(0, ListPage.Size).Select(n => LeadLine with { LeadId = new LeadId($"aaaaaaaaaaaaaaaaaaaaaaaaaaaa{n:x4}") })],
        LeadPage = new ListPage(ListPage.Size, 200),
    };

    /// <summary>The first page of each section of a long archive.</summary>
    public static ArchiveView PagedArchive() => Archive(withPerson: true) with
    {
        Pages = new ArchivePages(new ListPage(0, 30), new ListPage(0, 1), new ListPage(0, 1), new ListPage(0, 40, 12)),
    };

    public static IEnumerable<(string Name, AdaptiveCard Card)> AllCards(Locale locale)
    {
        yield return ("lead-form", LeadFormCard.Build(LeadForm(), locale));
        yield return ("lead-form-errors", LeadFormCard.Build(LeadForm(
            [RuleMessages.Describe(RuleViolation.Required(Domain.Leads.Lead.Fields.Summary, RuleSources.ReminderTalk), locale)],
            new Dictionary<string, string?>
            {
                [CaseFields.Subject] = "p2", [CaseFields.Source] = nameof(LeadSource.Patrol), [CaseFields.Category] = nameof(DisciplineCategory.Work),
                [CaseFields.ReporterName] = ReporterName, [CaseFields.ReporterUnit] = ReporterUnit,
            }), locale));
        yield return ("lead-form-nobody", LeadFormCard.Build(LeadForm() with { Subjects = [] }, locale));
        yield return ("lead-form-typeahead", LeadFormCard.Build(LeadForm() with { Subjects = SampleViews.ShortList() }, locale));

        yield return ("lead-office", LeadCard.Build(Lead(new Reporter(ReporterName, ReporterUnit)), locale));
        yield return ("lead-office-anonymous", LeadCard.Build(Lead(new Reporter(null, null)), locale));
        yield return ("lead-office-nameonly", LeadCard.Build(Lead(new Reporter(ReporterName, null)), locale));
        yield return ("lead-other", LeadCard.Build(Lead(null, office: false), locale));
        yield return ("lead-briefing", LeadCard.Build(Lead(new Reporter(ReporterName, ReporterUnit), briefing: true), locale));
        yield return ("lead-new", LeadCard.Build(Lead(null) with
        {
            Status = LeadStatus.Registered, Talks = [], Dispositions = [], Tasks = [], Admonishment = null, CanDispose = false, Notice = null, Errors = null,
        }, locale));

        yield return ("dispose-form", DispositionFormCard.Build(DispositionForm(), locale));
        yield return ("dispose-form-errors", DispositionFormCard.Build(DispositionForm(
            [RuleMessages.Describe(new RuleViolation(RuleCode.DispositionsConflict, RuleSources.Dispositions), locale)],
            new Dictionary<string, string?>
            {
                [CaseFields.Chosen(DispositionKind.ClosedUnfounded)] = "true", [CaseFields.Note(DispositionKind.ClosedUnfounded)] = "反映不实",
                [CaseFields.Chosen(DispositionKind.SecondTalk)] = "true", [CaseFields.Due(DispositionKind.SecondTalk)] = "2026-03-20",
            }), locale));

        yield return ("proposal", ProposalFormCard.Build(Proposal(), locale));
        yield return ("proposal-lead", ProposalFormCard.Build(ProposalFromLead(), locale));
        yield return ("proposal-request", ProposalFormCard.Build(ProposalFromRequest(), locale));
        yield return ("proposal-errors", ProposalFormCard.Build(Proposal() with
        {
            Earlier = [new(EarlierCaseId, "2025年6月诫勉谈话"), new(CaseId, "2025年12月诫勉谈话")],
            Values = new Dictionary<string, string?>
            {
                [CaseFields.Subject] = "p3", [CaseFields.Situation] = nameof(AdmonishmentSituation.Other), [CaseFields.MinorViolation] = "true",
                [CaseFields.Origin] = nameof(AdmonishmentOrigin.SpecialInspection), [CaseFields.Earlier] = $"{EarlierCaseId.Value},{CaseId.Value}",
            },
            Errors = [RuleMessages.Describe(RuleViolation.Required(AdmonishmentCase.Fields.Facts, RuleSources.AdmonishmentProposal), locale)],
        }, locale));
        yield return ("proposal-nobody", ProposalFormCard.Build(Proposal() with { Subjects = [] }, locale));
        yield return ("proposal-typeahead", ProposalFormCard.Build(Proposal() with { Subjects = SampleViews.ShortList() }, locale));

        foreach (var mode in Enum.GetValues<CaseCardMode>())
        {
            foreach (var status in Enum.GetValues<CaseStatus>())
            {
                yield return ($"case-{mode}-{status}", CaseCard.Build(Case(mode, status), locale));
            }
        }

        yield return ("case-arrange-noviolation", CaseCard.Build(Case(CaseCardMode.Arrange, CaseStatus.Approved, minorViolation: false), locale));
        yield return ("case-decide-deputy", CaseCard.Build(Case(CaseCardMode.Decide, CaseStatus.Proposed) with
        {
            SubjectRank = Rank.DeputyDivision, ApproverRoles = [Role.DisciplineOfficeHead, Role.OrganizationDeptHead],
            Values = new Dictionary<string, string?> { [CaseFields.ApprovalComment] = "同意" },
        }, locale));

        foreach (var mode in Enum.GetValues<TaskCardMode>())
        {
            foreach (var kind in Enum.GetValues<CaseTaskKind>())
            {
                yield return ($"task-{mode}-{kind}", TaskCard.Build(Task(mode, kind), locale));
            }

            yield return ($"task-{mode}-none", TaskCard.Build(Task(mode, submissions: []), locale));
        }

        yield return ("task-accepted", TaskCard.Build(Task(TaskCardMode.View, submissions:
            [Submissions[0], Submissions[1] with { Accepted = true, ReviewerName = "陈静", Comment = "认识深刻" }]), locale));

        yield return ("archive-picker", ArchiveCard.Build(Archive(withPerson: false), locale));
        yield return ("archive-person", ArchiveCard.Build(Archive(withPerson: true), locale));
        yield return ("archive-empty", ArchiveCard.Build(Archive(withPerson: true, empty: true), locale));
        yield return ("archive-nobody", ArchiveCard.Build(Archive(withPerson: false) with { People = [] }, locale));
        yield return ("archive-typeahead", ArchiveCard.Build(Archive(withPerson: true) with { People = SampleViews.ShortList() }, locale));

        yield return ("export-link", ExportLinkCard.Build(new ExportLinkView("周海涛", new Uri("https://talkbot.example/api/exports/abc"),
            new DateTimeOffset(2026, 3, 10, 10, 10, 0, TimeSpan.FromHours(8))), locale));
        yield return ("monthly-report", MonthlyReportCard.Build(MonthlyReport(below: 24), locale));
        yield return ("monthly-report-single", MonthlyReportCard.Build(MonthlyReport(below: 0), locale));
        yield return ("audit", AuditLogCard.Build(Audit(), locale));
        yield return ("audit-empty", AuditLogCard.Build(new AuditLogView([]), locale));

        yield return ("desk", CaseDeskCard.Build(Desk(), locale));
        yield return ("desk-empty", CaseDeskCard.Build(Desk(empty: true), locale));
        yield return ("desk-noactions", CaseDeskCard.Build(Desk(office: false), locale));
        yield return ("desk-paged", CaseDeskCard.Build(PagedDesk(), locale));
        yield return ("desk-assigned", CaseDeskCard.Build(Desk() with { Recused = [Recused[1]], Message = "已指定郑委员与孙所长谈话（2026年3月），并通知郑委员。" }, locale));
        yield return ("desk-assign-refused", CaseDeskCard.Build(Desk() with { Errors = ["只有回避人所在层级的纪委办可以指定谈话人（000 §四(一)、§四(五)3）。"] }, locale));
        yield return ("archive-paged", ArchiveCard.Build(PagedArchive(), locale));
        yield return ("archive-material", ArchiveMaterialParts.Card(new ArchiveMaterialView("周海涛", "廉政提醒谈话 · 第三会议室", ArchiveWithMaterials().Materials!), locale));
        yield return ("archive-material-none", ArchiveMaterialParts.Card(new ArchiveMaterialView("周海涛", "书面检查", []), locale));
        yield return ("task-admonishment-selfexam", TaskCard.Build(Task(TaskCardMode.Submit) with { Origin = CaseTaskOrigin.Admonishment }, locale));
        yield return ("task-calendar-note", TaskCard.Build(Task(TaskCardMode.View) with { UncoveredYears = [2027] }, locale));

        yield return ("request", SelfRequestCard.Build(new SelfRequestView("form-request-1", false), locale));
        yield return ("request-errors", SelfRequestCard.Build(new SelfRequestView("form-request-1", false, "我想说明",
            [RuleMessages.Describe(RuleViolation.Required(AdmonishmentCase.Fields.Request, RuleSources.SelfInitiated), locale)]), locale));
        yield return ("request-sent", SelfRequestCard.Build(new SelfRequestView("form-request-1", true, "本人主动说明接待超标问题。"), locale));
    }

    /// <summary>A monthly report with <paramref name="below"/> units below: rates of 0%, 100%, none, and in between.</summary>
    public static MonthlyReportView MonthlyReport(int below) => new(2026, 2, new ReportLine("东城分局党委", 120, 110, 96, 96.0 / 110),
        [.. Enumerable.Range(1, below).Select(i => new ReportLine($"第{i}党支部", 5, i % 4 == 0 ? 0 : 5, i % 3, i % 4 == 0 ? null : (i % 3) / 5.0))],
        new Uri("https://talkbot.example/tab/?section=statistics&month=2026-02&unit=dc"));
}
