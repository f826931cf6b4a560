using TalkBot.Domain;
using TalkBot.Domain.Admonishments;
using TalkBot.Domain.Audit;
using TalkBot.Domain.FollowUps;
using TalkBot.Domain.Leads;
using TalkBot.Domain.People;
using TalkBot.Domain.Records;
using TalkBot.Domain.Talks;

namespace TalkBot.Cards.Views;

/// <summary>
/// Form to register a lead (问题线索, 000 §三2–3). Inputs are <see cref="CaseFields"/>' lead fields; <see cref="Values"/>
/// re-shows what was entered after a refusal; <see cref="FormId"/> becomes the lead's id (a repeated submit is one lead).
/// </summary>
public sealed record LeadFormView(
    string FormId,
    IReadOnlyList<PersonChoice> Subjects,
    IReadOnlyDictionary<string, string?>? Values = null,
    IReadOnlyList<string>? Errors = null);

/// <summary>A talk as one line of a lead, case or archive.</summary>
public sealed record TalkLine(TalkId TalkId, TalkKind Kind, DateTimeOffset Scheduled, string Place, TalkStatus Status, IReadOnlyList<string> TalkerNames,
    RecordStatus? Record);

/// <summary>A recorded disposition (000 §四(四)).</summary>
public sealed record DispositionLine(DispositionKind Kind, string? Note, DateOnly? DueDate, string ByName, DateTimeOffset At);

/// <summary>A follow-on task as one line, with the button to open it.</summary>
public sealed record TaskLine(CaseTaskId TaskId, CaseTaskKind Kind, string AssigneeName, DateOnly DueDate, CaseTaskStatus Status, bool Overdue);

/// <summary>
/// A lead. <see cref="Reporter"/> is null whenever the viewer is not the discipline office of the lead's level: the
/// card then has no reporter field at all (SPEC §6). A briefing (<see cref="Briefing"/>) is the version sent to the
/// talkers of the reminder talk: the problem, never the reporter, and no office actions.
/// </summary>
public sealed record LeadView(
    LeadId LeadId,
    string SubjectName,
    string? SubjectUnit,
    LeadSource Source,
    DisciplineCategory Category,
    string Summary,
    Reporter? Reporter,
    LeadStatus Status,
    string RegisteredByName,
    DateTimeOffset RegisteredAt,
    IReadOnlyList<TalkLine> Talks,
    IReadOnlyList<DispositionLine> Dispositions,
    IReadOnlyList<TaskLine> Tasks,
    bool Briefing = false,
    bool CanArrangeTalk = false,
    bool CanDispose = false,
    CaseId? Admonishment = null,
    string? Notice = null,
    IReadOnlyList<string>? Errors = null);

/// <summary>
/// The form to record the dispositions after a reminder talk (000 §四(四)): one toggle per <see cref="DispositionKind"/>
/// with its note and, where <see cref="DispositionRules.NeedsDueDate"/>, its due date (ids from <see cref="CaseFields"/>).
/// </summary>
public sealed record DispositionFormView(
    LeadId LeadId,
    string FormId,
    string SubjectName,
    string Summary,
    DateOnly MinDueDate,
    IReadOnlyDictionary<string, string?>? Values = null,
    IReadOnlyList<string>? Errors = null);

/// <summary>An earlier case offered for linking (002 §五5), or shown as linked.</summary>
public sealed record CaseChoice(CaseId CaseId, string Label);

/// <summary>
/// The admonishment proposal form (002 §四1). Either the subject is chosen from <see cref="Subjects"/>, or it is fixed
/// (<see cref="FixedSubjectName"/>: from a lead, a repeat talk, or a cadre's own request, whose text is
/// <see cref="Request"/>). <see cref="CaseId"/> is set when completing a request; <see cref="LeadId"/> when the proposal
/// follows a reminder talk. <see cref="FormId"/> becomes the new case's id.
/// </summary>
public sealed record ProposalFormView(
    string FormId,
    IReadOnlyList<PersonChoice> Subjects,
    IReadOnlyList<CaseChoice> Earlier,
    string? FixedSubjectName = null,
    PersonId? FixedSubject = null,
    CaseId? CaseId = null,
    LeadId? LeadId = null,
    string? Request = null,
    IReadOnlyDictionary<string, string?>? Values = null,
    IReadOnlyList<string>? Errors = null);

/// <summary>A follow-up check (002 §四5).</summary>
/// <param name="Opinion">002 §四5: the Party committee's opinion behind organisational handling.</param>
public sealed record CheckLine(FollowUpOutcome Outcome, string Note, DateOnly? NextCheck, string ByName, DateTimeOffset At, CommitteeOpinion? Opinion = null);

/// <summary>What the viewer may do with a case.</summary>
public enum CaseCardMode
{
    View,
    /// <summary>The approver for the rank: comment, 批准 / 不批准.</summary>
    Decide,
    /// <summary>The office or organisation department, case approved: 安排诫勉谈话.</summary>
    Arrange,
    /// <summary>The office or organisation department, talk held: the follow-up form (outcome, note, next check).</summary>
    FollowUp,
    /// <summary>The office: a cadre's own request waits for the proposal (提出诫勉建议).</summary>
    CompleteRequest,
    /// <summary>The responsible person a cadre's own request went to: 交纪委办 (002 §五4).</summary>
    HandToOffice,
}

/// <summary>
/// An admonishment case. <see cref="ApproverRoles"/> names who must approve for the subject's rank (002 §四2).
/// <see cref="FormId"/> is for the follow-up form.
/// </summary>
public sealed record CaseView(
    CaseId CaseId,
    string SubjectName,
    Rank SubjectRank,
    CaseStatus Status,
    AdmonishmentSituation? Situation,
    string? Facts,
    bool MinorViolation,
    bool ForUnit,
    AdmonishmentOrigin Origin,
    string? Request,
    string? ProposedByName,
    DateTimeOffset? ProposedAt,
    IReadOnlyList<Role> ApproverRoles,
    ApprovalDecision? Decision,
    string? DecidedByName,
    IReadOnlyList<TalkLine> Talks,
    IReadOnlyList<TaskLine> Tasks,
    IReadOnlyList<CheckLine> Checks,
    DateOnly? NextCheck,
    IReadOnlyList<CaseChoice> Earlier,
    LeadId? Lead,
    CaseCardMode Mode,
    string? FormId = null,
    string? Notice = null,
    IReadOnlyDictionary<string, string?>? Values = null,
    IReadOnlyList<string>? Errors = null);

public enum TaskCardMode
{
    View,
    /// <summary>The assignee: the text input (<see cref="CaseFields.TaskText"/>) and 提交.</summary>
    Submit,
    /// <summary>A reviewer: 审阅通过, or 退回 with comment and new due date.</summary>
    Review,
}

/// <summary>One submission and its review.</summary>
public sealed record SubmissionLine(int Number, string Text, DateTimeOffset At, bool Late, bool? Accepted, string? Comment, string? ReviewerName, DateOnly? NewDueDate);

/// <summary>A follow-on task: a written reply, a self-examination, a collective analysis, or the office's own step.</summary>
public sealed record TaskView(
    CaseTaskId TaskId,
    CaseTaskKind Kind,
    string SubjectName,
    string AssigneeName,
    string? Instruction,
    DateOnly DueDate,
    bool Overdue,
    CaseTaskStatus Status,
    IReadOnlyList<SubmissionLine> Submissions,
    TaskCardMode Mode,
    string? FormId = null,
    string? Notice = null,
    IReadOnlyDictionary<string, string?>? Values = null,
    IReadOnlyList<string>? Errors = null,
    CaseTaskOrigin Origin = CaseTaskOrigin.Lead,
    IReadOnlyList<int>? UncoveredYears = null);

/// <summary>A lead as one line of the archive or the office's list (never with its reporter).</summary>
public sealed record LeadLine(LeadId LeadId, string SubjectName, LeadSource Source, DisciplineCategory Category, string Summary, LeadStatus Status,
    DateTimeOffset RegisteredAt, IReadOnlyList<DispositionLine> Dispositions);

/// <summary>A case as one line of the archive or the office's list.</summary>
public sealed record CaseLine(CaseId CaseId, string SubjectName, AdmonishmentSituation? Situation, CaseStatus Status, bool MinorViolation,
    DateTimeOffset OpenedAt, DateOnly? NextCheck, IReadOnlyList<CheckLine> Checks);

/// <summary>
/// The personal integrity archive (个人廉政档案, 000 §四(一)6) of one person, for the discipline office: talks and
/// their records, reminder-talk materials (leads, without reporters), dispositions, admonishments and tasks.
/// <see cref="People"/> is the picker to open another person's archive.
/// </summary>
public sealed record ArchiveView(
    string? PersonName,
    string? UnitName,
    Rank? Rank,
    IReadOnlyList<TalkLine> Talks,
    IReadOnlyList<LeadLine> Leads,
    IReadOnlyList<CaseLine> Cases,
    IReadOnlyList<TaskLine> Tasks,
    IReadOnlyList<PersonChoice> People,
    PersonId? Person = null,
    ArchivePages? Pages = null,
    IReadOnlyList<ArchiveMaterial>? Materials = null);

/// <summary>The page of each section of an archive the view holds; null for a section shown whole.</summary>
public sealed record ArchivePages(ListPage? Talks, ListPage? Leads, ListPage? Cases, ListPage? Tasks);

/// <summary>
/// The office's desk (线索与诫勉台账): open leads and cases, what is overdue, and the buttons to start new ones.
/// <see cref="LeadPage"/>, <see cref="CasePage"/> and <see cref="TaskPage"/> say which page of each list the view holds;
/// null for a list shown whole. <see cref="Recused"/>: the office's recused talks waiting for a talker (000 §二4, §四(五)3);
/// <see cref="Message"/> and <see cref="Errors"/> answer the click that showed the desk.
/// </summary>
public sealed record CaseDeskView(IReadOnlyList<LeadLine> Leads, IReadOnlyList<CaseLine> Cases, IReadOnlyList<TaskLine> Tasks, bool CanRegisterLeads, bool CanPropose,
    ListPage? LeadPage = null, ListPage? CasePage = null, ListPage? TaskPage = null,
    IReadOnlyList<Builders.RecusedTalkLine>? Recused = null, ListPage? RecusedPage = null, string? Message = null, IReadOnlyList<string>? Errors = null);

/// <summary>One audit line, names resolved.</summary>
public sealed record AuditLine(DateTimeOffset At, string ActorName, AuditAction Action, AuditObject Object, string ObjectId, string? SubjectName);

/// <summary>The audit log (SPEC §6), newest first, for the discipline office.</summary>
public sealed record AuditLogView(IReadOnlyList<AuditLine> Entries);

/// <summary>A cadre's own request for an admonishment talk (002 §五4): the reason input, or the confirmation once sent.</summary>
public sealed record SelfRequestView(string FormId, bool Sent, string? Reason = null, IReadOnlyList<string>? Errors = null);
