namespace TalkBot.Domain.Audit;

/// <summary>What was done to a confidential object (SPEC §6: every view and export is written to an audit log).</summary>
public enum AuditAction
{
    View,
    Export,
    /// <summary>Asked for something the person may not see: refused.</summary>
    Refused,
    /// <summary>An approval by someone without the authority for the person's rank (002 §四2): refused.</summary>
    ApprovalRefused,
    /// <summary>An administrator corrected what the directory says (a unit's level or parent).</summary>
    Corrected,
}

/// <summary>The kinds of confidential object.</summary>
public enum AuditObject
{
    Lead,
    Record,
    Archive,
    Admonishment,
    AuditLog,
    /// <summary>A unit of the organisation (its level and parent, 000 §二).</summary>
    Unit,
    /// <summary>The statistics of a month (SPEC §6: reports show counts to those above), as viewed or exported.</summary>
    Statistics,
    /// <summary>A ledger of the tab (台账): a page of it viewed, or exported.</summary>
    Ledger,
}

/// <summary>
/// One line of the audit log: who did what to which object, about whom, when. <paramref name="Subject"/> is the person
/// the object is about; it never names a reporter.
/// </summary>
public sealed record AuditEntry(DateTimeOffset At, PersonId Actor, AuditAction Action, AuditObject Object, string ObjectId, PersonId? Subject);
