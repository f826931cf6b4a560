using TalkBot.Domain.Leads;

namespace TalkBot.Bot.Features.Admonishments;

// Rows of the Cases table (admonishment cases); keys in CaseStore.

/// <summary>Table <c>Cases</c>, row <c>case</c>: an admonishment case.</summary>
public sealed class AdmonishmentEntity : TableRow
{
    public string Subject { get; set; } = "";
    public string SubjectRank { get; set; } = "";
    public string Status { get; set; } = "";
    public string? Request { get; set; }
    public string? Situation { get; set; }
    public string? Facts { get; set; }
    public bool MinorViolation { get; set; }
    public string Origin { get; set; } = "";
    public bool ForUnit { get; set; }
    public string? Lead { get; set; }
    public string Earlier { get; set; } = "";
    public string? ProposedBy { get; set; }
    public string? OfficeUnit { get; set; }
    public DateTimeOffset OpenedAt { get; set; }
    public DateTimeOffset? ProposedAt { get; set; }
    public bool? Approved { get; set; }
    public string? Approver { get; set; }
    public string? ApprovalComment { get; set; }
    public DateTimeOffset? DecidedAt { get; set; }
    public string Talks { get; set; } = "";
    public DateTime? NextCheck { get; set; }
    public int Checks { get; set; }

    /// <summary>002 §五4: a cadre's own request: the responsible persons it went to (comma-separated ids), and who handed it on.</summary>
    public string? RequestResponsible { get; set; }
    public string? RequestHandedBy { get; set; }
    public DateTimeOffset? RequestHandedAt { get; set; }
}

/// <summary>The columns of a follow-up check, in its case's partition and as a line under the case alike.</summary>
public interface ICheckColumns
{
    int Number { get; set; }
    string Outcome { get; set; }
    string Note { get; set; }
    DateTime? NextCheck { get; set; }
    string By { get; set; }
    DateTimeOffset At { get; set; }

    /// <summary>002 §四5: the Party committee's opinion behind organisational handling (empty on other checks).</summary>
    string? OpinionBy { get; set; }
    DateTime? OpinionOn { get; set; }
    string? Opinion { get; set; }
}

/// <summary>Table <c>Cases</c>, row <c>check|{nn}</c>: one follow-up check, insert-only.</summary>
public sealed class FollowUpCheckEntity : TableRow, ICheckColumns
{
    public int Number { get; set; }
    public string Outcome { get; set; } = "";
    public string Note { get; set; } = "";
    public DateTime? NextCheck { get; set; }
    public string By { get; set; } = "";
    public DateTimeOffset At { get; set; }
    public string? OpinionBy { get; set; }
    public DateTime? OpinionOn { get; set; }
    public string? Opinion { get; set; }
    public string? FormId { get; set; }
}

/// <summary>
/// Table <c>CaseIndex</c>, row <c>case|{id}</c> of each partition the case is listed in (keys in <see cref="MatterIndex"/>):
/// what the desk and the archive show of it, and the rank and proposer that say whose approval it waits for (002 §四2).
/// </summary>
public sealed class CaseLineEntity : ListRow
{
    public string SubjectRank { get; set; } = "";
    public string? ProposedBy { get; set; }
    public string? Situation { get; set; }
    public string Status { get; set; } = "";
    public bool MinorViolation { get; set; }
    public DateTimeOffset OpenedAt { get; set; }
    public DateTime? NextCheck { get; set; }
}

/// <summary>Table <c>CaseIndex</c>, row <c>check|{caseId}|{nn}</c>: a follow-up check (002 §四5), as a line under its case.</summary>
public sealed class CheckLineEntity : ListRow, ICheckColumns
{
    public int Number { get; set; }
    public string Outcome { get; set; } = "";
    public string Note { get; set; } = "";
    public DateTime? NextCheck { get; set; }
    public string By { get; set; } = "";
    public DateTimeOffset At { get; set; }
    public string? OpinionBy { get; set; }
    public DateTime? OpinionOn { get; set; }
    public string? Opinion { get; set; }
}
