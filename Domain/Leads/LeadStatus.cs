namespace TalkBot.Domain.Leads;

public enum LeadStatus
{
    /// <summary>Registered; no reminder talk yet.</summary>
    Registered,
    /// <summary>A reminder talk is arranged or held; nothing decided after it yet.</summary>
    InTalk,
    /// <summary>Dispositions are recorded (000 §四(四)); their follow-ons may still be open.</summary>
    Disposed,
    /// <summary>Closed as unfounded (了结澄清, 000 §四(四)3).</summary>
    Closed,
}
