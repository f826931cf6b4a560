using TalkBot.Domain.Admonishments;
using TalkBot.Domain.FollowUps;
using TalkBot.Domain.Leads;
using TalkBot.Domain.Plans;

namespace TalkBot.Domain.Events;

// Changes one feature saves and others act on. They are where the features meet: the one that saves a change names
// none of those that follow it, and each follow-up reads the stored state again before it acts.

/// <summary>
/// A talk was stored with its notices (000 §四(一)3): its notices are delivered and its reminders planned. A talk
/// arranged for a lead (a reminder talk, 000 §三2–3) or an admonishment case (002 §四3) names it.
/// </summary>
public sealed record TalkScheduled(TalkId Talk, LeadId? Lead = null, CaseId? Case = null)
{
    public string Key => "scheduled|" + Talk.Value;
}

/// <summary>
/// A talk was moved or cancelled after its notices went out (000 §四(一)3): its notices are issued again or withdrawn, the
/// people involved are told, and every reminder of it is moved or cancelled. <paramref name="Revision"/> tells one change
/// from the next; <paramref name="Requester"/> is the talkee whose postponement was approved (000 §四(五)1), if any.
/// </summary>
public sealed record TalkChanged(TalkId Talk, int Revision, bool Cancelled, PersonId? Requester = null)
{
    public string Key => $"changed|{Talk.Value}|{Revision}";
}

/// <summary>The organiser refused a talkee's postponement (000 §四(五)1): the talkee is told.</summary>
public sealed record PostponementDeclined(TalkId Talk, PersonId Talkee, DateTimeOffset DecidedAt)
{
    public string Key => $"refused|{Talk.Value}|{Talkee.Value}|{DecidedAt.UtcTicks}";
}

/// <summary>A talkee was recorded absent without leave (000 §四(五)1): the discipline office of their unit is told.</summary>
public sealed record AbsenceRecorded(TalkId Talk, PersonId Talkee)
{
    public string Key => $"absent|{Talk.Value}|{Talkee.Value}";
}

/// <summary>
/// A version of a talk's record was stored (000 §四(一)4; 002 §五6): the talkees verify it (002 §五7), a rectification
/// opens (000 §四(一)5), and a lead or case takes its next step (000 §四(四); 002 §四4–5).
/// </summary>
public sealed record RecordLogged(TalkId Talk, int Version)
{
    public string Key => $"record|{Talk.Value}|{Version}";
}

/// <summary>
/// Dispositions were recorded after a reminder talk (000 §四(四)), by <paramref name="By"/>: each opens what follows it
/// (a task, a word to the talkee, the admonishment proposal).
/// </summary>
public sealed record DispositionsRecorded(LeadId Lead, IReadOnlyList<int> Numbers, PersonId By)
{
    public string Key => $"disp|{Lead.Value}|{string.Join('-', Numbers)}";
}

/// <summary>An admonishment was proposed, or a cadre's request completed (002 §四1): the approvers for the rank are asked (002 §四2).</summary>
public sealed record CaseProposed(CaseId Case)
{
    public string Key => "proposed|" + Case.Value;
}

/// <summary>The approver decided (002 §四2): the proposer hears it, and an approved case comes back to them to arrange the talk.</summary>
public sealed record CaseDecided(CaseId Case, PersonId By)
{
    public string Key => "decided|" + Case.Value;
}

/// <summary>
/// A cadre asked for an admonishment talk themselves (002 §五4: 主动找责任人): their responsible persons are told
/// (<paramref name="ToResponsible"/>); once one of them hands it on, or when none is known, the discipline office of the
/// cadre's unit is.
/// </summary>
public sealed record TalkRequested(CaseId Case, bool ToResponsible = false)
{
    public string Key => (ToResponsible ? "request-responsible|" : "request|") + Case.Value;
}

/// <summary>A talkee reported their rectification (000 §四(一)5): the talkers and the organiser are asked to review report <paramref name="Report"/>.</summary>
public sealed record RectificationReported(TalkId Talk, PersonId Talkee, int Report)
{
    public string Key => $"rectr|{Talk.Value}|{Talkee.Value}|{Report}";
}

/// <summary>A rectification report was reviewed (000 §四(一)5): the talkee hears it; a returned report has a new due date and reminders.</summary>
public sealed record RectificationReviewed(TalkId Talk, PersonId Talkee, int Review)
{
    public string Key => $"rectv|{Talk.Value}|{Talkee.Value}|{Review}";
}

/// <summary>
/// A talkee's verification settled version <paramref name="Version"/> of a record (002 §五7): disputed, or verified by
/// every talkee; the recorder and the author hear it.
/// </summary>
public sealed record RecordSettled(TalkId Talk, int Version, PersonId By)
{
    public string Key => $"settled|{Talk.Value}|{Version}|{By.Value}";
}

/// <summary>A talkee submitted attempt <paramref name="Attempt"/> of the quiz (000 §三): the talkers and the organiser see the score.</summary>
public sealed record QuizSubmitted(TalkId Talk, PersonId Talkee, int Attempt)
{
    public string Key => $"quiz|{Talk.Value}|{Talkee.Value}|{Attempt}";
}

/// <summary>Another attempt was allowed (000 §三): the talkee is told; <paramref name="Retakes"/> counts the retakes allowed so far.</summary>
public sealed record RetakeAllowed(TalkId Talk, PersonId Talkee, int Retakes)
{
    public string Key => $"retake|{Talk.Value}|{Talkee.Value}|{Retakes}";
}

/// <summary>An assignee submitted a task's written material (000 §四(四)1, 4; 002 §四4): its reviewers are asked to review it.</summary>
public sealed record TaskSubmitted(CaseTaskId Task, int Submission)
{
    public string Key => $"tasks|{Task.Value}|{Submission}";
}

/// <summary>A task's submission was reviewed: the assignee hears it; a returned one has a new due date and reminders.</summary>
public sealed record TaskReviewed(CaseTaskId Task, int Review)
{
    public string Key => $"taskr|{Task.Value}|{Review}";
}

/// <summary>
/// A talker recused (回避, 000 §四(五)3) from a talk of their plan and the tier has no delegate to take it (tier 4, 000 §二4):
/// the discipline office is told to assign a talker itself.
/// </summary>
public sealed record PlanTalkToOffice(int Year, int Month, PersonId Talker, PersonId Talkee, Tier Tier)
{
    public string Key => $"plan-office|{Year:D4}-{Month:D2}|{Talker.Value}|{Talkee.Value}|{(int)Tier}";
}

/// <summary>
/// A talker handed a talk of their plan to the tier's delegate (委托, 000 §二) or recused from it and the tier's delegate
/// took it (回避, 000 §四(五)3): the plans ledger follows.
/// </summary>
public sealed record PlanItemHandedOver(int Year, int Month, PersonId Talker, PersonId Talkee, Tier Tier)
{
    public string Key => $"plan-handed|{Year:D4}-{Month:D2}|{Talker.Value}|{Talkee.Value}|{(int)Tier}";
}

/// <summary>
/// The discipline office named <paramref name="AssignedTo"/> for a talk <paramref name="Talker"/> recused from with nobody on
/// the tier to take it (000 §二4, §四(五)3): the office's desk no longer lists it, and the new talker is told.
/// </summary>
public sealed record PlanTalkAssigned(int Year, int Month, PersonId Talker, PersonId Talkee, Tier Tier, PersonId AssignedTo)
{
    public string Key => $"plan-assigned|{Year:D4}-{Month:D2}|{Talker.Value}|{Talkee.Value}|{(int)Tier}";
}

/// <summary>
/// A talkee's notice changed (000 §四(一)3): it was delivered or could not be, or the talkee acknowledged it or asked to
/// postpone (<paramref name="Status"/>, the notice's new status); what counts talks counts it again.
/// </summary>
public sealed record NoticeChanged(TalkId Talk, PersonId Talkee, string Status)
{
    public string Key => $"notice|{Talk.Value}|{Talkee.Value}|{Status}";
}

/// <summary>A talker's monthly plan (<paramref name="Month"/>, <c>yyyy-MM</c>) was made (000 §三1): what counts plans counts it.</summary>
public sealed record PlanMade(string Month, PersonId Talker)
{
    public string Key => $"plan|{Month}|{Talker.Value}";
}
