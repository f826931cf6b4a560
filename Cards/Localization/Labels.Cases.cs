using TalkBot.Domain.Admonishments;
using TalkBot.Domain.Audit;
using TalkBot.Domain.FollowUps;
using TalkBot.Domain.Leads;
using TalkBot.Domain.People;
using TalkBot.Domain.Talks;

namespace TalkBot.Cards.Localization;

/// <summary>The names of leads', cases' and tasks' kinds and states.</summary>
public static partial class Labels
{
    /// <summary>What follows a reminder talk (000 §四(四)1–5).</summary>
    public static string Of(DispositionKind kind, Locale locale) => kind switch
    {
        DispositionKind.WrittenReply => locale.Pick("要求书面答复或说明", "Written reply or explanation required"),
        DispositionKind.SuggestionAdopted => locale.Pick("采纳建议和意见并告知", "Suggestions adopted, talkee told"),
        DispositionKind.ClosedUnfounded => locale.Pick("了结澄清", "Closed and clarified"),
        DispositionKind.Criticism => locale.Pick("批评教育", "Criticism and education"),
        DispositionKind.SelfExamination => locale.Pick("责令检查", "Ordered self-examination"),
        DispositionKind.Admonishment => locale.Pick("诫勉谈话", "Admonishment talk"),
        DispositionKind.SecondTalk => locale.Pick("再次谈话", "Second talk"),
        DispositionKind.LetterInquiry => locale.Pick("函询", "Letter inquiry"),
        DispositionKind.PreliminaryVerification => locale.Pick("初步核实", "Preliminary verification"),
        _ => kind.ToString(),
    };

    public static string Of(CaseTaskKind kind, Locale locale) => kind switch
    {
        CaseTaskKind.WrittenReply => locale.Pick("书面答复或说明", "Written reply or explanation"),
        CaseTaskKind.SelfExamination => locale.Pick("书面检查", "Written self-examination"),
        CaseTaskKind.CollectiveAnalysis => locale.Pick("集体剖析材料及整改措施", "Collective analysis and rectification measures"),
        CaseTaskKind.SecondTalk => locale.Pick("再次谈话", "Second talk"),
        CaseTaskKind.LetterInquiry => locale.Pick("函询", "Letter inquiry"),
        CaseTaskKind.PreliminaryVerification => locale.Pick("初步核实", "Preliminary verification"),
        _ => kind.ToString(),
    };

    public static string Of(CaseTaskStatus status, Locale locale) => status switch
    {
        CaseTaskStatus.Open => locale.Pick("待提交", "Awaiting submission"),
        CaseTaskStatus.Submitted => locale.Pick("已提交，待审阅", "Submitted, awaiting review"),
        CaseTaskStatus.Returned => locale.Pick("已退回，待重新提交", "Returned, to be resubmitted"),
        CaseTaskStatus.Done => locale.Pick("已完成", "Done"),
        _ => status.ToString(),
    };

    /// <summary>The seven situations of 002 §二, shortened from the official text.</summary>
    public static string Of(AdmonishmentSituation situation, Locale locale) => situation switch
    {
        AdmonishmentSituation.PoliticalDiscipline => locale.Pick(
            "（一）不严格遵守党的政治纪律，贯彻落实党的路线方针政策和上级决议、决定及工作部署不力",
            "(1) Not strictly observing political discipline; weak in carrying out the Party's line and higher decisions"),
        AdmonishmentSituation.DemocraticCentralism => locale.Pick(
            "（二）不认真执行民主集中制，作风专断，或者在领导班子中闹无原则纠纷",
            "(2) Not practising democratic centralism; arbitrary, or unprincipled disputes in the leadership"),
        AdmonishmentSituation.DutyNeglect => locale.Pick(
            "（三）不认真履行职责，给工作造成一定损失",
            "(3) Not performing duties conscientiously, causing some loss to the work"),
        AdmonishmentSituation.VanityProjects => locale.Pick(
            "（四）搞“形象工程”“政绩工程”，铺张浪费，造成不良影响",
            "(4) “Image” or “vanity” projects and extravagance, with bad effect"),
        AdmonishmentSituation.CadreSelection => locale.Pick(
            "（五）不严格执行《党政领导干部选拔任用工作条例》，用人失察失误",
            "(5) Not strictly following the cadre selection regulations; errors in appointing people"),
        AdmonishmentSituation.IntegritySelfDiscipline => locale.Pick(
            "（六）不严格执行廉洁自律规定，造成不良影响",
            "(6) Not strictly following the integrity and self-discipline rules, with bad effect"),
        AdmonishmentSituation.Other => locale.Pick(
            "（七）其他需要进行诫勉谈话的",
            "(7) Other matters that call for an admonishment talk"),
        _ => situation.ToString(),
    };

    /// <summary>Where the problem came to light (002 §四1), or the cadre's own request (002 §五4).</summary>
    public static string Of(AdmonishmentOrigin origin, Locale locale) => origin switch
    {
        AdmonishmentOrigin.Petition => locale.Pick("群众来信来访", "Letters and visits from the public"),
        AdmonishmentOrigin.IntegrityAssessment => locale.Pick("党风廉政考核", "Integrity assessment"),
        AdmonishmentOrigin.DisciplinaryReview => locale.Pick("执纪监察", "Discipline enforcement and supervision"),
        AdmonishmentOrigin.SpecialInspection => locale.Pick("各类专项检查", "Special inspections"),
        AdmonishmentOrigin.Lead => locale.Pick("廉政提醒谈话后处置", "Disposition after a reminder talk"),
        AdmonishmentOrigin.SelfInitiated => locale.Pick("本人主动申请", "The cadre's own request"),
        _ => origin.ToString(),
    };

    /// <summary>What the follow-up check found (002 §四5).</summary>
    public static string Of(FollowUpOutcome outcome, Locale locale) => outcome switch
    {
        FollowUpOutcome.Resolved => locale.Pick("已改正，结案", "Corrected: closed"),
        FollowUpOutcome.FurtherCriticism => locale.Pick("未改正或改正不明显，批评教育并督促改正", "Not or barely corrected: criticised again and urged to correct"),
        FollowUpOutcome.OrganisationalHandling => locale.Pick("作出组织处理", "Organisational handling"),
        _ => outcome.ToString(),
    };

    public static string Of(CaseStatus status, Locale locale) => status switch
    {
        CaseStatus.Requested => locale.Pick("本人申请，待提出建议", "Requested by the cadre; proposal to be written"),
        CaseStatus.Proposed => locale.Pick("已提出建议，待审批", "Proposed, awaiting approval"),
        CaseStatus.Rejected => locale.Pick("未批准", "Not approved"),
        CaseStatus.Approved => locale.Pick("已批准，待安排谈话", "Approved; talk to be arranged"),
        CaseStatus.TalkArranged => locale.Pick("已安排谈话", "Talk arranged"),
        CaseStatus.FollowUp => locale.Pick("已谈话，跟踪了解改进情况", "Talk held; following up"),
        CaseStatus.Resolved => locale.Pick("已改正，结案", "Corrected, closed"),
        CaseStatus.OrganisationalHandling => locale.Pick("已转组织处理", "Handed to organisational handling"),
        _ => status.ToString(),
    };

    public static string Of(LeadStatus status, Locale locale) => status switch
    {
        LeadStatus.Registered => locale.Pick("已登记，待谈话", "Registered; no talk yet"),
        LeadStatus.InTalk => locale.Pick("提醒谈话中", "Reminder talk under way"),
        LeadStatus.Disposed => locale.Pick("已作谈后处置", "Disposed after the talk"),
        LeadStatus.Closed => locale.Pick("已了结澄清", "Closed and clarified"),
        _ => status.ToString(),
    };
}
