namespace TalkBot.Domain.Rules;

/// <summary>What a rule forbids. Cards turn a code and its arguments into zh-CN / en-US text.</summary>
public enum RuleCode
{
    /// <summary>000 §四(一)3: the notice must reach the talkee at least 2 working days before the talk.</summary>
    NoticeTooLate,
    /// <summary>000 §四(一)2: the talk is held within 5 days after its content is determined.</summary>
    OutsideFiveDayWindow,
    /// <summary>Both of the above cannot be met for the content date given.</summary>
    NoticeAndWindowIncompatible,
    /// <summary>A talk cannot be scheduled in the past.</summary>
    TalkInPast,
    /// <summary>The content date cannot lie in the future.</summary>
    ContentDateInFuture,
    /// <summary>A required field is missing (argument: the field name).</summary>
    Required,
    /// <summary>A talkee cannot also be a talker of the same talk.</summary>
    TalkeeIsTalker,
    /// <summary>SPEC §1: the person's roles do not allow this action.</summary>
    NotPermitted,
    /// <summary>A state change that the current state does not allow (argument: the current state).</summary>
    InvalidState,
    /// <summary>A reason is required to ask for a postponement (000 §四(五)1).</summary>
    PostponementReasonRequired,
    /// <summary>SPEC §1: a person no longer active in the directory cannot be the talkee of a new talk (argument "person").</summary>
    TalkeeInactive,
    /// <summary>000 §三: the quiz belongs to routine talks only.</summary>
    QuizNotForThisKind,
    /// <summary>000 §三: one attempt per talk unless the organiser allows a retake.</summary>
    QuizAlreadyTaken,
    /// <summary>An answer names a question that was not drawn for this attempt (argument "question").</summary>
    QuizQuestionNotDrawn,
    /// <summary>Drawn questions left unanswered (argument "numbers": 1-based positions, comma-separated).</summary>
    QuizUnanswered,
    /// <summary>An answer is not one of the question's options, or several for a single choice (argument "numbers").</summary>
    QuizInvalidAnswer,
    /// <summary>The talk took place already, so the pre-talk quiz is closed.</summary>
    QuizClosed,
    /// <summary>The record's end time is not after its start time.</summary>
    RecordEndBeforeStart,
    /// <summary>A record cannot describe a talk that has not ended yet.</summary>
    RecordInFuture,
    /// <summary>000 §四(三) / 002 §三: every step of the procedure must be recorded (argument "items": missing numbers).</summary>
    ChecklistIncomplete,
    /// <summary>000 §四(二): a routine talk record ticks at least one content item.</summary>
    ChecklistEmpty,
    /// <summary>A ticked checklist item the kind of talk does not have (argument "items").</summary>
    ChecklistUnknownItem,
    /// <summary>000 §四(一)5: rectification required but no item named (argument "person").</summary>
    RectificationItemsRequired,
    /// <summary>A collective talk covers several talkees (000 §二, last paragraph).</summary>
    CollectiveNeedsSeveralTalkees,
    /// <summary>000 §二: a talk is delegated by one of its planned talkers to someone else.</summary>
    DelegationInvalid,
    /// <summary>A record field for one talkee is missing (arguments "field", "person").</summary>
    PartFieldRequired,
    /// <summary>The card shows an older version of the record than the current one.</summary>
    RecordSuperseded,
    /// <summary>002 §五7: a dispute of the record must say what is wrong.</summary>
    DisputeCommentRequired,
    /// <summary>The talkee has already answered this version of the record (argument "state").</summary>
    AlreadyVerified,
    /// <summary>A record is logged for a talk that is cancelled.</summary>
    TalkCancelled,
    /// <summary>000 §四(一)5: a rectification report names a measure for every item (argument "items": those missing).</summary>
    RectificationMeasuresRequired,
    /// <summary>A measure reported as done needs its completion date (argument "items").</summary>
    CompletionDateRequired,
    /// <summary>A completion date cannot lie in the future (argument "items").</summary>
    CompletionDateInFuture,
    /// <summary>A report returned to the talkee says why.</summary>
    ReturnCommentRequired,
    /// <summary>A report returned to the talkee gets a new due date after today.</summary>
    NewDueDateRequired,
    /// <summary>SPEC §1: roles are assigned to people in the directory only (argument "person": as given).</summary>
    PersonNotInDirectory,
    /// <summary>SPEC §1: not one of the Party and discipline roles (argument "role": as given).</summary>
    RoleUnknown,
    /// <summary>SPEC §1: not one of the ranks 正处级, 副处级, 科级及以下 (argument "rank": as given).</summary>
    RankUnknown,
    /// <summary>One role import names a person twice (arguments "person": as given, "line": where first named).</summary>
    PersonListedTwice,
    /// <summary>A role import lacks a column in its header or in a row (argument "column").</summary>
    ColumnMissing,
    /// <summary>SPEC §1: the last active administrator keeps the role, or nobody could assign roles any more.</summary>
    LastAdministrator,
    /// <summary>The person a lead or proposal is about cannot be the one who registers it.</summary>
    SubjectIsActor,
    /// <summary>000 §四(四): dispositions follow a reminder talk that has been held (and once per talk).</summary>
    DispositionBeforeTalk,
    /// <summary>000 §四(四): at least one disposition is chosen.</summary>
    DispositionRequired,
    /// <summary>A disposition needs its note (argument "kind").</summary>
    DispositionNoteRequired,
    /// <summary>A disposition with a follow-on task needs a due date after today (argument "kind").</summary>
    DispositionDueDateRequired,
    /// <summary>000 §四(四)3: 了结澄清 cannot be combined with a disposition that finds a problem.</summary>
    DispositionsConflict,
    /// <summary>A written submission cannot be empty (argument "kind").</summary>
    SubmissionTextRequired,
    /// <summary>002 §四2: the approver lacks the authority for the person's rank (argument "rank").</summary>
    NotAuthorisedForRank,
    /// <summary>002 §四2: a rejection says why.</summary>
    RejectionCommentRequired,
    /// <summary>002 §四2: the talk is arranged only after approval (argument "state").</summary>
    NotApproved,
    /// <summary>002 §四3: with a minor violation, at least two talkers.</summary>
    TwoTalkersRequired,
    /// <summary>002 §四3: with a minor violation, the discipline office provides a recorder.</summary>
    AdmonishmentRecorderRequired,
    /// <summary>An admonishment talk is held with the case's subject alone.</summary>
    TalkeeNotSubject,
    /// <summary>002 §四5: not corrected → checked again on a later date.</summary>
    NextCheckRequired,
    /// <summary>002 §四2: the proposal goes to someone else for approval; its proposer does not approve it.</summary>
    ProposerCannotApprove,
    /// <summary>A proposal links a lead or earlier cases (002 §五5) about someone else, or a lead of another office.</summary>
    LinkNotSamePerson,
    /// <summary>000 §二: a unit cannot sit under itself or one of its own units (arguments "unit", "parent").</summary>
    UnitParentCycle,
    /// <summary>A unit that the directory does not have (argument "unit").</summary>
    UnitUnknown,
    /// <summary>
    /// A person field names someone the caller may not choose there, or nobody in the directory (arguments "person",
    /// "name", "field": a PersonField, "unknown").
    /// </summary>
    PersonNotChoosable,
    /// <summary>000 §四(一)3, §四(五)1: moving or cancelling a talk, or refusing a postponement, says why (argument "action").</summary>
    ReasonRequired,
    /// <summary>000 §四(一)3: a talk whose time has come is not moved any more; what happened is recorded instead.</summary>
    TalkAlreadyBegun,
    /// <summary>000 §四(五)1: only a postponement asked and not yet decided can be decided (argument "state").</summary>
    PostponementNotPending,
    /// <summary>000 §四(五)1: a postponement is approved with a new time, not the one the talkee could not keep.</summary>
    NewTimeRequired,
    /// <summary>000 §四(五)1: that a talkee did not come is recorded once the talk's time has come.</summary>
    AbsenceBeforeTalk,
    /// <summary>The person named is not a talkee of this talk (argument "person").</summary>
    NotTalkeeOfTalk,
    /// <summary>
    /// 000 §四(一)4, §四(五)1: a record is of a talk held; a talk every talkee of which was recorded absent without leave
    /// did not take place, and is not recorded as held.
    /// </summary>
    TalkeesAbsent,
    /// <summary>
    /// 000 §四(一)4, §四(五)1: once the record is logged the talk was held with its talkees; who did not come is recorded
    /// before the record, not after it (the record is corrected instead).
    /// </summary>
    AbsenceAfterRecord,
    /// <summary>
    /// 000 §三2–3, §四(一)1: a reminder talk follows from a lead (问题线索) and is arranged from it (安排提醒谈话), never
    /// through 新建谈话.
    /// </summary>
    ReminderTalkNeedsLead,
    /// <summary>
    /// 002 §四 intro (要严格履行审批程序), §四2–3: an admonishment talk is arranged only from an approved case (安排诫勉谈话),
    /// never through 新建谈话.
    /// </summary>
    AdmonishmentNeedsApprovedCase,
    /// <summary>
    /// The form names a talk that exists already and is not this form's talk: another organiser's, another kind, or about
    /// someone other than the lead's or case's subject. It is neither shown nor attached (000 §三2–3, 002 §五8).
    /// </summary>
    TalkFormOfAnotherTalk,
    /// <summary>
    /// 002 §四2–3, §五6: the admonishment talk is led (主谈) by the person's 党风廉政建设责任人; for 正处级 without a violation
    /// also by the discipline office or the organisation department (arguments "names": the responsible persons, "rank").
    /// </summary>
    LeadTalkerNotResponsible,
    /// <summary>
    /// 002 §四5: 应根据党委的意见…作出组织处理: the Party committee's opinion (who gave it, when, what it says) is recorded
    /// before a case closes as organisational handling (argument "fields": those missing).
    /// </summary>
    CommitteeOpinionRequired,
    /// <summary>
    /// 000 §二: a talk delegated (委托) to someone is with the talkee on their plan alone, as a routine talk (arguments
    /// "person", "name": the talkee submitted).
    /// </summary>
    TalkeeNotOnPlan,
    /// <summary>000 §二: 委托…进行谈话: whoever a talk is delegated to talks themselves (among its talkers).</summary>
    DelegateMustTalk,
    /// <summary>
    /// 002 §五4: a cadre's own request goes to their responsible person (主动找责任人); the office writes the proposal only
    /// once the responsible person has handed it on.
    /// </summary>
    RequestNotHandedToOffice,
    /// <summary>
    /// 000 §二1–4: a routine talk (日常廉政谈话) is held along a tier line: each talkee is on one of its lead talker's
    /// lines, or on a line whose talk was delegated (委托) or reassigned after 回避 to him; a line its talker handed over is
    /// no longer his (arguments "person", "name": the talkee; "talker": the lead talker's name; "handed": "true" when the
    /// line was his and he handed it over).
    /// </summary>
    TalkeeNotOnTierLine,
    /// <summary>
    /// 000 §二1–4: besides its talker a routine talk has the tier's assistant (配合: 组长, 副组长, 派驻组组长) and, on tier 2
    /// (000 §二2: 邀请X局党委班子其他成员) and tier 4 (000 §二4: 邀请驻在单位党委班子其他成员), those the talker invites to talk
    /// jointly; nobody else (arguments "person", "name", "tier": the line's tier number).
    /// </summary>
    JointTalkerNotAllowed,
}

/// <summary>Where each rule comes from, as cited in <see cref="RuleViolation.Source"/>.</summary>
public static class RuleSources
{
    /// <summary>000 §四(一)1: the discipline office determines the content of the talk.</summary>
    public const string ContentDetermined = "000 §四(一)1";
    /// <summary>000 §四(一)2: 原则上谈话内容确定后5日内开展谈话.</summary>
    public const string FiveDayWindow = "000 §四(一)2";
    /// <summary>000 §四(一)3: 提前2个工作日向谈话对象送达《层级廉政谈话通知书》.</summary>
    public const string Notice = "000 §四(一)3";
    /// <summary>000 §四(五)1: the talkee attends at the notified time; a postponement needs a reason.</summary>
    public const string TalkeeDuties = "000 §四(五)1";
    /// <summary>000 §二: who talks to whom.</summary>
    public const string Tiers = "000 §二";
    /// <summary>002 §四1: the discipline office or organisation department proposes an admonishment talk.</summary>
    public const string AdmonishmentProposal = "002 §四1";
    /// <summary>SPEC §1: roles and who may do what.</summary>
    public const string Roles = "SPEC §1";
    /// <summary>SPEC §4: TalkBot never silently breaks a rule; a talk is scheduled ahead of time.</summary>
    public const string Procedure = "SPEC §4";
    /// <summary>000 §三: 日常廉政谈话前应进行廉政常识测试.</summary>
    public const string Quiz = "000 §三";
    /// <summary>000 §四(一)4: 安排专人做好记录工作，同时填写《层级廉政谈话登记表》.</summary>
    public const string Record = "000 §四(一)4";
    /// <summary>000 §四(二): the ten items of a routine talk.</summary>
    public const string RoutineContent = "000 §四(二)";
    /// <summary>000 §四(三): the three steps of a reminder talk.</summary>
    public const string ReminderContent = "000 §四(三)";
    /// <summary>002 §三: the four steps of an admonishment talk.</summary>
    public const string AdmonishmentContent = "002 §三";
    /// <summary>000 §四(一)5: rectification reported within 3 days after the talk.</summary>
    public const string Rectification = "000 §四(一)5";
    /// <summary>002 §五7: 谈话记录需经本人核实.</summary>
    public const string Verification = "002 §五7";
    /// <summary>000 §三2–3: reminder talks follow from leads.</summary>
    public const string ReminderTalk = "000 §三2–3";
    /// <summary>000 §四(四): what follows a reminder talk.</summary>
    public const string Dispositions = "000 §四(四)";
    /// <summary>000 §四(四)1、4 and 002 §四4: written replies and self-examinations.</summary>
    public const string FollowUp = "000 §四(四)";
    /// <summary>002 §二: the seven situations.</summary>
    public const string AdmonishmentSituations = "002 §二";
    /// <summary>002 §四2: approval by the authority for the person's rank.</summary>
    public const string AdmonishmentApproval = "002 §四2";
    /// <summary>002 §四3: who talks.</summary>
    public const string AdmonishmentTalkers = "002 §四3";
    /// <summary>002 §四5: the follow-up check.</summary>
    public const string AdmonishmentFollowUp = "002 §四5";
    /// <summary>002 §五5: several talks on the same problem.</summary>
    public const string AdmonishmentRepeat = "002 §五5";
    /// <summary>002 §五4: a cadre may ask for a talk.</summary>
    public const string SelfInitiated = "002 §五4";
    /// <summary>000 §四(一)6: materials go into the personal integrity archive, which the discipline office keeps.</summary>
    public const string Archive = "000 §四(一)6";
    /// <summary>000 §四(一)3: the notice fixes time and place; changing them is a new notice, told with its reason.</summary>
    public const string TalkChange = "000 §四(一)3";
    /// <summary>000 §四(一): the discipline office of each level organises the talks and sends their notices.</summary>
    public const string TalkOrganisation = "000 §四(一)";
    /// <summary>002 §四2–3: who carries out and leads an admonishment talk.</summary>
    public const string AdmonishmentResponsible = "002 §四2–3";
    /// <summary>SPEC §6: who may see a record.</summary>
    public const string Confidentiality = "SPEC §6";
}

/// <summary>
/// A broken rule: which rule (its source, such as <c>000 §四(一)3</c>), what it forbids, and where the
/// rule can be met, the earliest date on which it can.
/// </summary>
public sealed record RuleViolation(
    RuleCode Code,
    string Source,
    DateOnly? EarliestValidDate = null,
    IReadOnlyDictionary<string, string>? Arguments = null)
{
    public string? Argument(string name) =>
        Arguments is not null && Arguments.TryGetValue(name, out var value) ? value : null;

    /// <summary>A violation of a required field (argument "field").</summary>
    public static RuleViolation Required(string field, string source = RuleSources.Procedure) =>
        new(RuleCode.Required, source, Arguments: new Dictionary<string, string> { ["field"] = field });

    /// <summary>A change the current state does not allow (argument "state").</summary>
    public static RuleViolation InvalidState(string state, string source) =>
        new(RuleCode.InvalidState, source, Arguments: new Dictionary<string, string> { ["state"] = state });
}

/// <summary>Thrown by aggregates when a change is illegal; carries every rule the change breaks.</summary>
public sealed class DomainRuleException : Exception
{
    public DomainRuleException(IReadOnlyList<RuleViolation> violations)
        : base(string.Join("; ", violations.Select(v => $"{v.Source}: {v.Code}")))
    {
        Violations = violations;
    }

    public DomainRuleException(RuleViolation violation) : this([violation]) { }

    public IReadOnlyList<RuleViolation> Violations { get; }
}
