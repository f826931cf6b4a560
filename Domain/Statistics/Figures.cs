using TalkBot.Domain.Admonishments;
using TalkBot.Domain.Leads;

namespace TalkBot.Domain.Statistics;

/// <summary>
/// The names of the figures the statistics keep (SPEC §6: reports show counts to those above; 000, last paragraph:
/// whether talks were carried out counts in assessment and accountability, 考核、问责). Talk figures count talkees
/// (谈话人次): a collective talk with three talkees counts three, each in their own unit. The names are stored as
/// column names: letters only, and never renamed.
/// </summary>
public static class Figures
{
    /// <summary>制定谈话方案: a talker's plan for the month (000 §三1, §四(一)2).</summary>
    public const string Plans = "Plans";

    /// <summary>Talkees on the month's plans (000 §二).</summary>
    public const string Planned = "Planned";

    /// <summary>Talkees of talks scheduled for the month and not cancelled.</summary>
    public const string Scheduled = "Scheduled";

    public const string Cancelled = "Cancelled";

    /// <summary>通知谈话对象: the notice reached the talkee (000 §四(一)3).</summary>
    public const string Notified = "Notified";

    /// <summary>The talkee confirmed receipt (确认收到).</summary>
    public const string Acknowledged = "Acknowledged";

    /// <summary>实施谈话: the talk took place (000 §四(一)4).</summary>
    public const string Held = "Held";

    /// <summary>The 登记表 was filled in (000 §四(一)4; 002 §五6).</summary>
    public const string Recorded = "Recorded";

    /// <summary>The record verified by every talkee (002 §五7).</summary>
    public const string Verified = "Verified";

    /// <summary>Carried out, as assessment counts it (<see cref="StatisticsRules.IsCompleted"/>).</summary>
    public const string Completed = "Completed";

    /// <summary>问题整改 reported by the due date (000 §四(一)5; <see cref="StatisticsRules.Rectification"/>).</summary>
    public const string RectificationOnTime = "RectOnTime";

    public const string RectificationLate = "RectLate";

    public const string RectificationOpen = "RectOpen";

    /// <summary>廉政常识测试 taken (000 §三).</summary>
    public const string QuizTaken = "QuizTaken";

    /// <summary>The sum of the scores of <see cref="QuizTaken"/>, for their average.</summary>
    public const string QuizScore = "QuizScore";

    /// <summary>问题线索 registered (000 §三2–3).</summary>
    public const string Leads = "Leads";

    public static string LeadSource(LeadSource source) => "LeadSrc" + source;

    /// <summary>六项纪律 (000 §三3).</summary>
    public static string LeadCategory(DisciplineCategory category) => "LeadCat" + category;

    /// <summary>谈后处置 (000 §四(四)): each disposition recorded.</summary>
    public static string LeadDisposition(DispositionKind kind) => "LeadDisp" + kind;

    /// <summary>Admonishment cases opened (002 §四1; a cadre's own request, 002 §五4).</summary>
    public const string Cases = "Cases";

    /// <summary>The situation of 002 §二.</summary>
    public static string CaseSituation(AdmonishmentSituation situation) => "CaseSit" + situation;

    /// <summary>Where the case stands: its outcome once decided (002 §四2–5).</summary>
    public static string CaseStatus(CaseStatus status) => "CaseSt" + status;
}
