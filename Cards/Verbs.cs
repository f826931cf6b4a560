namespace TalkBot.Cards;

/// <summary>
/// Card verbs, shared with the Bot's router. An Action.Execute carries its verb in <c>verb</c>; its
/// Action.Submit fallback carries it as <c>data.verb</c> (see <see cref="CardActions"/>).
/// </summary>
public static class Verbs
{
    /// <summary>Show the help card (also the text command "help" / "帮助").</summary>
    public const string Help = "help";

    /// <summary>Show the create-talk form.</summary>
    public const string TalkNew = "talk.new";

    /// <summary>Submit the create-talk form; the data holds the <see cref="CreateTalk.CreateTalkFields"/> inputs.</summary>
    public const string TalkCreate = "talk.create";

    /// <summary>The talkee confirms receipt of the notice (确认收到); data: talkId.</summary>
    public const string NoticeAcknowledge = "notice.acknowledge";

    /// <summary>The talkee asks to postpone (申请改期); data: talkId and the "reason" input (000 §四(五)1).</summary>
    public const string NoticePostpone = "notice.postpone";

    /// <summary>Refresh of the notice card (Universal Actions refresh, trigger "automatic"); data: talkId.</summary>
    public const string NoticeRefresh = "notice.refresh";

    /// <summary>The organiser (or the talkees' office) moves a talk (改期); data: talkId and the date, time and reason inputs.</summary>
    public const string TalkReschedule = "talk.reschedule";

    /// <summary>The organiser (or the talkees' office) cancels a talk (撤销); data: talkId and the reason input.</summary>
    public const string TalkCancel = "talk.cancel";

    /// <summary>The recorder or a talker: who came (出勤登记) once the talk's time has come; data: talkId.</summary>
    public const string TalkAttendance = "talk.attendance";

    /// <summary>The recorder or a talker records a talkee absent without leave (无故缺席, 000 §四(五)1); data: talkId, talkee.</summary>
    public const string TalkAbsent = "talk.absent";

    /// <summary>One postponement asked, with the decision's buttons (for a reminder's link); data: talkId, talkee.</summary>
    public const string PostponementShow = "postpone.show";

    /// <summary>The organiser approves a postponement with a new time (000 §四(五)1); data: talkId, talkee, the date and time inputs.</summary>
    public const string PostponementApprove = "postpone.approve";

    /// <summary>The organiser refuses a postponement with a reason (000 §四(五)1); data: talkId, talkee, the reason input.</summary>
    public const string PostponementRefuse = "postpone.refuse";

    /// <summary>The talkee starts (or resumes) the 廉政常识测试 of a routine talk (000 §三); data: talkId.</summary>
    public const string QuizStart = "quiz.start";

    /// <summary>The talkee submits the quiz; data: talkId, attempt and one <c>q.{questionId}</c> input per question.</summary>
    public const string QuizSubmit = "quiz.submit";

    /// <summary>The organiser allows a talkee another attempt; data: talkId, talkee.</summary>
    public const string QuizRetake = "quiz.retake";

    /// <summary>Open the record form of a talk (new, or revising the current version); data: talkId.</summary>
    public const string RecordNew = "record.new";

    /// <summary>Submit the record form; data: talkId, formId and the <c>RecordFields</c> inputs.</summary>
    public const string RecordSubmit = "record.submit";

    /// <summary>The talkee confirms their part of a version (确认无误, 002 §五7); data: talkId, version.</summary>
    public const string RecordConfirm = "record.confirm";

    /// <summary>The talkee disputes their part (有异议); data: talkId, version and the "comment" input.</summary>
    public const string RecordDispute = "record.dispute";

    /// <summary>Show a talk's record to someone allowed to see it (SPEC §6); data: talkId.</summary>
    public const string RecordShow = "record.show";

    /// <summary>The recorder's list of what is missing (also the command 待办记录).</summary>
    public const string RecordTodo = "record.todo";

    /// <summary>Show a rectification: the talkee's report form, or the reviewer's card; data: talkId, talkee.</summary>
    public const string RectificationShow = "rect.show";

    /// <summary>The talkee reports the measures (整改措施落实情况); data: talkId, formId and <c>m{n}.*</c> inputs.</summary>
    public const string RectificationSubmit = "rect.submit";

    /// <summary>The reviewer accepts a report; data: talkId, talkee, report.</summary>
    public const string RectificationAccept = "rect.accept";

    /// <summary>The reviewer returns a report; data: talkId, talkee, report and the "comment" and "dueDate" inputs.</summary>
    public const string RectificationReturn = "rect.return";

    /// <summary>The discipline office's list of sends that failed after every retry (also the command 发送失败).</summary>
    public const string SendFailed = "send.failed";

    /// <summary>"Resend to failed": every failed send is queued again, once.</summary>
    public const string SendResend = "send.resend";

    /// <summary>A talker's plan for the month (also the command 本月计划); data: month (yyyy-MM).</summary>
    public const string PlanShow = "plan.show";

    /// <summary>Schedule a talk of the plan: the create-talk form prefilled; data: month, talkee, tier.</summary>
    public const string PlanSchedule = "plan.schedule";

    /// <summary>Submits the create-talk form of a talk handed to the clicker (委托, 000 §二); data: month, talkee, tier and the form.</summary>
    public const string PlanTalkCreate = "plan.talk.create";

    /// <summary>Delegate a talk of the plan (委托) to the "delegate" input; data: month, talkee, tier.</summary>
    public const string PlanDelegate = "plan.delegate";

    /// <summary>Recuse from a talk of the plan (回避), which is reassigned along the delegation line; data: month, talkee, tier.</summary>
    public const string PlanRecuse = "plan.recuse";

    /// <summary>
    /// The discipline office names the talker of a recused talk nobody on the tier could take (000 §二4, §四(五)3), from its
    /// desk; data: month, talker (who recused), talkee, tier, and the "assign" input of that line.
    /// </summary>
    public const string PlanAssign = "plan.assign";

    /// <summary>My place in the organisation: manager, unit, roles (also the command 组织架构).</summary>
    public const string OrgShow = "org.show";

    /// <summary>The administrator's role card (also the command 角色管理): choose a person or paste a CSV (SPEC §1).</summary>
    public const string RolesShow = "roles.show";

    /// <summary>One person's roles and rank, prefilled; data: the "person" input (or the person's id).</summary>
    public const string RolesLoad = "roles.load";

    /// <summary>Save one person's roles and rank; data: person, and the "roles" and "rank" inputs.</summary>
    public const string RolesAssign = "roles.assign";

    /// <summary>Import roles and ranks from the "csv" input: all rows or none.</summary>
    public const string RolesImport = "roles.import";

    /// <summary>The office's desk of leads and admonishments (also the command 线索台账).</summary>
    public const string CaseDesk = "case.desk";

    /// <summary>The lead form (登记问题线索, 000 §三2–3).</summary>
    public const string LeadNew = "lead.new";

    /// <summary>Register a lead; data: formId and the lead inputs of <see cref="CaseFields"/>.</summary>
    public const string LeadCreate = "lead.create";

    /// <summary>Show a lead to someone allowed to see it; data: leadId.</summary>
    public const string LeadShow = "lead.show";

    /// <summary>Arrange the reminder talk of a lead: the create-talk form for it; data: leadId.</summary>
    public const string LeadTalk = "lead.talk";

    /// <summary>Submit the reminder talk's create-talk form; data: leadId, formId and the create-talk inputs.</summary>
    public const string LeadTalkCreate = "lead.talk.create";

    /// <summary>The dispositions form after the talk (000 §四(四)); data: leadId.</summary>
    public const string LeadDisposeForm = "lead.disposeForm";

    /// <summary>Record the dispositions; data: leadId, formId and the disposition inputs.</summary>
    public const string LeadDispose = "lead.dispose";

    /// <summary>The proposal form (提出诫勉建议, 002 §四1); data: optional leadId, caseId (a request to complete) or earlier (a repeat).</summary>
    public const string CaseNew = "case.new";

    /// <summary>Submit a proposal; data: formId, optional caseId/leadId and the proposal inputs.</summary>
    public const string CasePropose = "case.propose";

    /// <summary>Show a case; data: caseId.</summary>
    public const string CaseShow = "case.show";

    /// <summary>The approver approves (批准, 002 §四2); data: caseId and the approvalComment input.</summary>
    public const string CaseApprove = "case.approve";

    /// <summary>The approver rejects (不批准) with a comment; data: caseId and the approvalComment input.</summary>
    public const string CaseReject = "case.reject";

    /// <summary>Arrange the admonishment talk: the create-talk form for it; data: caseId.</summary>
    public const string CaseTalk = "case.talk";

    /// <summary>Submit the admonishment talk's create-talk form; data: caseId, formId and the create-talk inputs.</summary>
    public const string CaseTalkCreate = "case.talk.create";

    /// <summary>Record a follow-up check (002 §四5); data: caseId, formId, outcome, followUpNote, nextCheck.</summary>
    public const string CaseFollowUp = "case.followup";

    /// <summary>A cadre asks for an admonishment talk (002 §五4); the form (also the command 申请谈话).</summary>
    public const string CaseRequestForm = "case.requestForm";

    /// <summary>Send the request; data: formId and the request input.</summary>
    public const string CaseRequest = "case.request";

    /// <summary>Show a follow-on task; data: taskId.</summary>
    public const string TaskShow = "task.show";

    /// <summary>The assignee submits; data: taskId, formId and the taskText input.</summary>
    public const string TaskSubmit = "task.submit";

    /// <summary>A reviewer accepts the latest submission; data: taskId, report (the submission number).</summary>
    public const string TaskAccept = "task.accept";

    /// <summary>A reviewer returns it; data: taskId, report, and the comment and dueDate inputs.</summary>
    public const string TaskReturn = "task.return";

    /// <summary>The personal integrity archive (个人廉政档案); data: the person input (also the command 廉政档案).</summary>
    public const string ArchiveShow = "archive.show";

    /// <summary>Export one person's archive as CSV: a single-use download link (导出); data: archiveOf (the person's id).</summary>
    public const string ArchiveExport = "archive.export";

    /// <summary>
    /// The written material of one talk or task in a person's archive (书面材料: record text, rectification reports,
    /// written replies and self-examinations); data: archiveOf (the person's id) and talkId or taskId.
    /// </summary>
    public const string ArchiveMaterial = "archive.material";

    /// <summary>The audit log (审计日志), for the discipline office.</summary>
    public const string AuditShow = "audit.show";

    /// <summary>单位管理: the units, or one chosen to correct; data: the unit input.</summary>
    public const string UnitsShow = "units.show";

    /// <summary>Saves an administrator's correction of a unit's level or parent; data: unit, level, parent.</summary>
    public const string UnitsCorrect = "units.correct";

    /// <summary>The responsible person hands a cadre's own request to the discipline office (002 §五4); data: caseId.</summary>
    public const string CaseRequestForward = "case.request.forward";

    public static IReadOnlyList<string> All { get; } =
    [
        Help, TalkNew, TalkCreate, NoticeAcknowledge, NoticePostpone, NoticeRefresh, QuizStart, QuizSubmit, QuizRetake,
        RecordNew, RecordSubmit, RecordConfirm, RecordDispute, RecordShow, RecordTodo,
        RectificationShow, RectificationSubmit, RectificationAccept, RectificationReturn, SendFailed, SendResend,
        PlanShow, PlanSchedule, PlanTalkCreate, PlanDelegate, PlanRecuse, PlanAssign, OrgShow,
        RolesShow, RolesLoad, RolesAssign, RolesImport,
        CaseDesk, LeadNew, LeadCreate, LeadShow, LeadTalk, LeadTalkCreate, LeadDisposeForm, LeadDispose,
        CaseNew, CasePropose, CaseShow, CaseApprove, CaseReject, CaseTalk, CaseTalkCreate, CaseFollowUp, CaseRequestForm, CaseRequest, CaseRequestForward,
        TaskShow, TaskSubmit, TaskAccept, TaskReturn, ArchiveShow, ArchiveExport, ArchiveMaterial, AuditShow,
        UnitsShow, UnitsCorrect,
        TalkReschedule, TalkCancel, TalkAttendance, TalkAbsent, PostponementShow, PostponementApprove, PostponementRefuse,
    ];
}

/// <summary>Keys of action data besides the form inputs.</summary>
public static class DataKeys
{
    public const string Verb = "verb";
    public const string TalkId = "talkId";

    /// <summary>The postponement reason input.</summary>
    public const string Reason = "reason";

    /// <summary>The new date and time inputs of a move (yyyy-MM-dd, HH:mm).</summary>
    public const string NewDate = "newDate";
    public const string NewTime = "newTime";

    /// <summary>The reason input of a cancellation (its own id: the organiser's card also holds the move form's reason).</summary>
    public const string CancelReason = "cancelReason";

    /// <summary>Identifies one rendering of a form (idempotent submit).</summary>
    public const string FormId = "formId";

    /// <summary>The quiz attempt a submit answers.</summary>
    public const string Attempt = "attempt";

    /// <summary>The record version a verification answers.</summary>
    public const string Version = "version";

    /// <summary>The talkee whose quiz a retake is allowed for.</summary>
    public const string Talkee = "talkee";

    /// <summary>The dispute comment input.</summary>
    public const string Comment = "comment";

    /// <summary>The report a review answers.</summary>
    public const string Report = "report";

    /// <summary>The new due date input of a returned report.</summary>
    public const string DueDate = "dueDate";

    public const string LeadId = "leadId";
    public const string CaseId = "caseId";
    public const string TaskId = "taskId";

    /// <summary>Whose archive an export is of (a person id; not the archive's "person" input, which the picker sets).</summary>
    public const string ArchiveOf = "archiveOf";

    /// <summary>Where each list of the desk or an archive starts (a page of <see cref="Views.ListPage.Size"/> lines).</summary>
    public const string LeadsFrom = "leadsFrom";
    public const string CasesFrom = "casesFrom";
    public const string TasksFrom = "tasksFrom";
    public const string TalksFrom = "talksFrom";
    public const string RecusedFrom = "recusedFrom";

    /// <summary>Earlier case ids a new proposal links to (comma-separated).</summary>
    public const string EarlierCases = "earlierCases";

    /// <summary>Prefix of the quiz's answer inputs: <c>q.{questionId}</c>.</summary>
    public const string QuizAnswerPrefix = "q.";
}
