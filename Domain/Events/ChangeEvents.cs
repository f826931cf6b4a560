using TalkBot.Domain.Admonishments;
using TalkBot.Domain.Leads;

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

/// <summary>A cadre asked for an admonishment talk themselves (002 §五4): the discipline office of their unit is told.</summary>
public sealed record TalkRequested(CaseId Case)
{
    public string Key => "request|" + Case.Value;
}
