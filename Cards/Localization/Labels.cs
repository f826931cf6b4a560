using TalkBot.Domain.Admonishments;
using TalkBot.Domain.Audit;
using TalkBot.Domain.FollowUps;
using TalkBot.Domain.Leads;
using TalkBot.Domain.People;
using TalkBot.Domain.Talks;

namespace TalkBot.Cards.Localization;

/// <summary>Display names of domain values, in the official Chinese terms (SPEC §1, §3, §6; 000 §二, §三, §四(四); 002 §二, §四).</summary>
public static partial class Labels
{
    public static string Of(Role role, Locale locale) => role switch
    {
        Role.BureauSecretary => locale.Pick("局党委书记", "Bureau Party Secretary"),
        Role.BureauCommitteeMember => locale.Pick("局党委班子成员", "Bureau Party Committee Member"),
        Role.DisciplineGroupLeader => locale.Pick("纪检监察组组长", "Discipline Inspection Group Leader"),
        Role.DeputyGroupLeader => locale.Pick("纪检监察组副组长", "Deputy Discipline Inspection Group Leader"),
        Role.UnitSecretary => locale.Pick("基层党委（党总支、党支部）书记", "Unit Party Secretary"),
        Role.UnitCommitteeMember => locale.Pick("基层党委（党总支、党支部）班子成员", "Unit Party Committee Member"),
        Role.StationedDisciplineLeader => locale.Pick("市局纪委派驻纪检监察组组长", "Stationed Discipline Inspection Group Leader"),
        Role.UnitHead => locale.Pick("单位主要领导", "Head of Unit"),
        Role.Recorder => locale.Pick("记录人", "Recorder"),
        Role.DisciplineOffice => locale.Pick("纪委办（监察处）", "Discipline Office"),
        Role.OrganizationDept => locale.Pick("组织部门", "Organisation Department"),
        Role.CadreDeputySecretary => locale.Pick("分管干部的党委副书记", "Deputy Party Secretary for Cadres"),
        Role.DisciplineSecretary => locale.Pick("纪委书记", "Discipline Commission Secretary"),
        Role.Administrator => locale.Pick("管理员", "Administrator"),
        Role.DisciplineOfficeHead => locale.Pick("纪委办（监察处）负责人", "Head of the Discipline Office"),
        Role.OrganizationDeptHead => locale.Pick("组织部负责人", "Head of the Organisation Department"),
        _ => role.ToString(),
    };

    public static string Of(Rank rank, Locale locale) => rank switch
    {
        Rank.Division => locale.Pick("正处级", "Division level"),
        Rank.DeputyDivision => locale.Pick("副处级", "Deputy division level"),
        Rank.SectionAndBelow => locale.Pick("科级及以下", "Section level and below"),
        _ => rank.ToString(),
    };

    public static string Of(TalkKind kind, Locale locale) => kind switch
    {
        TalkKind.Routine => locale.Pick("日常廉政谈话", "Routine integrity talk"),
        TalkKind.Reminder => locale.Pick("廉政提醒谈话", "Integrity reminder talk"),
        TalkKind.Admonishment => locale.Pick("诫勉谈话", "Admonishment talk"),
        _ => kind.ToString(),
    };

    /// <summary>
    /// The title of the notice of each kind of talk. 000 §四(一)3 names the 《层级廉政谈话通知书》 of the monthly routine talk;
    /// a reminder talk (000 §三2–3) and an admonishment (002) are not routine talks and their notices say what they are.
    /// </summary>
    public static string NoticeTitle(TalkKind kind, Locale locale) => kind switch
    {
        TalkKind.Reminder => locale.Pick("《廉政提醒谈话通知书》", "Notice of Integrity Reminder Talk"),
        TalkKind.Admonishment => locale.Pick("《诫勉谈话通知书》", "Notice of Admonishment Talk"),
        _ => locale.Pick("《层级廉政谈话通知书》", "Notice of Routine Integrity Talk"),
    };

    public static string Of(TalkFormat format, Locale locale) => format switch
    {
        TalkFormat.Individual => locale.Pick("个别谈话", "Individual talk"),
        TalkFormat.Collective => locale.Pick("集体谈话", "Collective talk"),
        _ => format.ToString(),
    };

    public static string Of(TalkStatus status, Locale locale) => status switch
    {
        TalkStatus.Scheduled => locale.Pick("已安排", "Scheduled"),
        TalkStatus.Cancelled => locale.Pick("已撤销", "Cancelled"),
        TalkStatus.Held => locale.Pick("已谈话", "Held"),
        _ => status.ToString(),
    };

    /// <summary>000 §三3: 信访举报、审计监督、组织考察、执纪审查、巡察.</summary>
    public static string Of(LeadSource source, Locale locale) => source switch
    {
        LeadSource.Petition => locale.Pick("信访举报", "Petitions and reports"),
        LeadSource.Audit => locale.Pick("审计监督", "Audit supervision"),
        LeadSource.OrganisationalInspection => locale.Pick("组织考察", "Organisational inspection"),
        LeadSource.DisciplinaryReview => locale.Pick("执纪审查", "Disciplinary review"),
        LeadSource.Patrol => locale.Pick("巡察", "Inspection tour"),
        _ => source.ToString(),
    };

    /// <summary>The 六项纪律 (000 §三3).</summary>
    public static string Of(DisciplineCategory category, Locale locale) => category switch
    {
        DisciplineCategory.Political => locale.Pick("政治纪律", "Political discipline"),
        DisciplineCategory.Organisational => locale.Pick("组织纪律", "Organisational discipline"),
        DisciplineCategory.Integrity => locale.Pick("廉洁纪律", "Integrity discipline"),
        DisciplineCategory.Mass => locale.Pick("群众纪律", "Discipline towards the people"),
        DisciplineCategory.Work => locale.Pick("工作纪律", "Work discipline"),
        DisciplineCategory.Life => locale.Pick("生活纪律", "Discipline in personal life"),
        _ => category.ToString(),
    };

    /// <summary>SPEC §6: what the audit log records.</summary>
    public static string Of(AuditAction action, Locale locale) => action switch
    {
        AuditAction.View => locale.Pick("查看", "Viewed"),
        AuditAction.Export => locale.Pick("导出", "Exported"),
        AuditAction.Refused => locale.Pick("拒绝访问", "Access refused"),
        AuditAction.ApprovalRefused => locale.Pick("越权审批被拒", "Approval without authority refused"),
        AuditAction.Corrected => locale.Pick("更正", "Corrected"),
        _ => action.ToString(),
    };

    public static string Of(AuditObject obj, Locale locale) => obj switch
    {
        AuditObject.Lead => locale.Pick("问题线索", "Lead"),
        AuditObject.Record => locale.Pick("谈话记录", "Talk record"),
        AuditObject.Archive => locale.Pick("廉政档案", "Integrity archive"),
        AuditObject.Admonishment => locale.Pick("诫勉谈话", "Admonishment"),
        AuditObject.AuditLog => locale.Pick("审计日志", "Audit log"),
        AuditObject.Unit => locale.Pick("单位", "Unit"),
        AuditObject.Statistics => locale.Pick("统计", "Statistics"),
        AuditObject.Ledger => locale.Pick("台账", "Ledger"),
        _ => obj.ToString(),
    };

    public static string Of(PersonField field, Locale locale) => field switch
    {
        PersonField.Talkee or PersonField.LeadSubject or PersonField.CaseSubject => locale.Pick("谈话对象", "talkee"),
        PersonField.Talker or PersonField.RecordTalker => locale.Pick("谈话人", "talker"),
        PersonField.Recorder or PersonField.RecordRecorder => locale.Pick("记录人", "recorder"),
        PersonField.ArchiveSubject => locale.Pick("查看档案的人员", "person whose archive is opened"),
        PersonField.RoleHolder => locale.Pick("分配角色的人员", "person whose roles are assigned"),
        PersonField.JointTalker => locale.Pick("共同谈话人", "joint talker"),
        _ => field.ToString(),
    };

    /// <summary>Whom a person field takes (Domain's PersonScopes), in words.</summary>
    public static string ScopeOf(PersonField field, Locale locale) => field switch
    {
        PersonField.Talkee => locale.Pick("组织名录中在职的其他人员，不能是组织者本人", "an active person in the directory other than the organiser"),
        PersonField.Talker => locale.Pick("组织名录中在职的人员", "an active person in the directory"),
        PersonField.Recorder => locale.Pick("在职的记录人或纪委办（监察处）人员", "an active recorder or member of the discipline office"),
        PersonField.RecordTalker => locale.Pick("在职人员，且不是本次谈话的谈话对象", "an active person who is not a talkee of this talk"),
        PersonField.RecordRecorder => locale.Pick(
            "在职的记录人、纪委办（监察处）人员、本次谈话指定的记录人或登记人本人，且不是谈话对象",
            "an active recorder, member of the discipline office, the talk's named recorder or whoever logs it, and not a talkee"),
        PersonField.LeadSubject or PersonField.CaseSubject => locale.Pick("组织名录中在职的其他人员，不能是本人", "an active person in the directory other than yourself"),
        PersonField.JointTalker => locale.Pick(
            "本层级可邀请共同谈话的人员：组长谈话邀请局党委班子其他成员，派驻纪检监察组组长谈话邀请驻在单位党委班子其他成员",
            "someone this tier may invite: the bureau committee's other members for the group leader's talks, the unit committee's for the stationed leader's"),
        _ => locale.Pick("组织名录中在职的人员", "an active person in the directory"),
    };

    /// <summary>What a disposition's note is (000 §四(四)): the label of its input, and the name used when it is missing.</summary>
    public static string NoteOf(DispositionKind kind, Locale locale) => kind switch
    {
        DispositionKind.WrittenReply => locale.Pick("要求答复的问题", "Questions to answer"),
        DispositionKind.SuggestionAdopted => locale.Pick("采纳情况（将告知谈话对象）", "What is adopted (the talkee is told)"),
        DispositionKind.ClosedUnfounded => locale.Pick("了结澄清的理由", "Why the matter is closed"),
        DispositionKind.Criticism => locale.Pick("批评教育内容", "The criticism given"),
        _ => locale.Pick("说明", "Note"),
    };

    /// <summary>The due date input of a disposition with a follow-on (000 §四(四)).</summary>
    public static string DueOf(DispositionKind kind, Locale locale) => kind switch
    {
        DispositionKind.WrittenReply => locale.Pick("书面答复期限", "Written reply due"),
        DispositionKind.SelfExamination => locale.Pick("书面检查提交期限", "Self-examination due"),
        DispositionKind.SecondTalk => locale.Pick("再次谈话期限", "Second talk by"),
        DispositionKind.LetterInquiry => locale.Pick("函询完成期限", "Letter inquiry done by"),
        DispositionKind.PreliminaryVerification => locale.Pick("初步核实完成期限", "Preliminary verification done by"),
        _ => locale.Pick("期限", "Due"),
    };

    /// <summary>
    /// The label of a lead, proposal, approval, follow-up or task input (<see cref="CaseFields"/>), or null for an unknown
    /// id. The ids are also Lead.Fields and AdmonishmentCase.Fields, so a Required violation names the input as shown.
    /// </summary>
    public static string? CaseField(string field, Locale locale) => field switch
    {
        CaseFields.Subject => locale.Pick("谈话对象", "Talkee"),
        CaseFields.Source => locale.Pick("线索来源", "Source of the lead"),
        CaseFields.Category => locale.Pick("问题类别（六项纪律）", "Category (six disciplines)"),
        CaseFields.Summary => locale.Pick("反映的问题", "Problem reported"),
        CaseFields.ReporterName => locale.Pick("反映人姓名", "Reporter's name"),
        CaseFields.ReporterUnit => locale.Pick("反映人单位", "Reporter's unit"),
        CaseFields.Situation => locale.Pick("诫勉情形（002 §二）", "Situation (002 §二)"),
        CaseFields.Facts => locale.Pick("调查核实的事实", "Facts found on investigation"),
        CaseFields.MinorViolation => locale.Pick("有轻微违纪行为", "Minor violation"),
        CaseFields.Origin => locale.Pick("问题来源", "Where the problem came to light"),
        CaseFields.ForUnit => locale.Pick("对单位负责人诫勉", "Admonishment of a unit's head"),
        CaseFields.Earlier => locale.Pick("同一问题此前的诫勉谈话", "Earlier admonishments on the same problem"),
        CaseFields.Request => locale.Pick("需要说明的问题", "What you need to explain"),
        CaseFields.ApprovalComment => locale.Pick("审批意见", "Approval comment"),
        CaseFields.Outcome => locale.Pick("改进情况", "Outcome of the check"),
        CaseFields.FollowUpNote => locale.Pick("了解情况说明", "What the check found"),
        CaseFields.OpinionBy => locale.Pick("提出意见的党委（会议）", "Party committee (meeting) giving the opinion"),
        CaseFields.OpinionOn => locale.Pick("党委意见日期", "Date of the opinion"),
        CaseFields.Opinion => locale.Pick("党委意见内容", "What the committee decided"),
        CaseFields.NextCheck => locale.Pick("下次了解日期", "Next check on"),
        CaseFields.TaskText => locale.Pick("提交内容", "Text"),
        CaseFields.Person => locale.Pick("人员", "Person"),
        _ => null,
    };
}
