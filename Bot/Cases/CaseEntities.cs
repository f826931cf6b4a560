using Azure;
using Azure.Data.Tables;
using TalkBot.Bot.Infrastructure.Storage;

namespace TalkBot.Bot.Cases;

// Storage shapes of leads, admonishment cases, their tasks, the index and the audit log; keys in CaseTables.

/// <summary>The keys and ETag every row has.</summary>
public abstract class CaseRow : ITableEntity
{
    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }
}

/// <summary>Table <c>Cases</c>, row <c>lead</c>: a lead. The reporter's fields are read only by the office of its level.</summary>
public sealed class LeadEntity : CaseRow
{
    public string Subject { get; set; } = "";
    public string Source { get; set; } = "";
    public string Category { get; set; } = "";
    public string Summary { get; set; } = "";
    public string? ReporterName { get; set; }
    public string? ReporterUnit { get; set; }
    public string? OfficeUnit { get; set; }
    public string RegisteredBy { get; set; } = "";
    public DateTimeOffset RegisteredAt { get; set; }
    /// <summary>Comma-separated talk ids, first to last.</summary>
    public string Talks { get; set; } = "";
    public int Dispositions { get; set; }
    public string Status { get; set; } = "";
}

/// <summary>Table <c>Cases</c>, row <c>disp|{nn}</c>: one disposition, insert-only.</summary>
public sealed class DispositionEntity : CaseRow
{
    public int Number { get; set; }
    public string Kind { get; set; } = "";
    public string? Note { get; set; }
    public DateTime? DueDate { get; set; }
    public int AfterTalk { get; set; }
    public string By { get; set; } = "";
    public DateTimeOffset At { get; set; }
    public string? FormId { get; set; }
}

/// <summary>Table <c>Cases</c>, row <c>case</c>: an admonishment case.</summary>
public sealed class AdmonishmentEntity : CaseRow
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
}

/// <summary>Table <c>Cases</c>, row <c>check|{nn}</c>: one follow-up check, insert-only.</summary>
public sealed class FollowUpCheckEntity : CaseRow
{
    public int Number { get; set; }
    public string Outcome { get; set; } = "";
    public string Note { get; set; } = "";
    public DateTime? NextCheck { get; set; }
    public string By { get; set; } = "";
    public DateTimeOffset At { get; set; }
    public string? FormId { get; set; }
}

/// <summary>Table <c>Cases</c>, row <c>task|{kind}-{n}</c>: a follow-on task's head.</summary>
public sealed class CaseTaskEntity : CaseRow
{
    public string TaskId { get; set; } = "";
    public string Kind { get; set; } = "";
    public string Subject { get; set; } = "";
    public string Assignee { get; set; } = "";
    public string Reviewers { get; set; } = "";
    public string? Instruction { get; set; }
    public DateTime FirstDueDate { get; set; }
    public DateTime DueDate { get; set; }
    public DateTimeOffset OpenedAt { get; set; }
    public int Submissions { get; set; }
    public int Reviews { get; set; }
    public string Status { get; set; } = "";
}

/// <summary>Table <c>Cases</c>, row <c>tasks|{kind}-{n}|{nn}</c>: one submission, insert-only.</summary>
public sealed class TaskSubmissionEntity : CaseRow
{
    public int Number { get; set; }
    public string Text { get; set; } = "";
    public string By { get; set; } = "";
    public DateTimeOffset At { get; set; }
    public bool Late { get; set; }
    public string? FormId { get; set; }
}

/// <summary>Table <c>Cases</c>, row <c>taskr|{kind}-{n}|{nn}</c>: one review, insert-only.</summary>
public sealed class TaskReviewEntity : CaseRow
{
    public int Number { get; set; }
    public int Submission { get; set; }
    public bool Accepted { get; set; }
    public string? Comment { get; set; }
    public DateTime? NewDueDate { get; set; }
    public string By { get; set; } = "";
    public DateTimeOffset At { get; set; }
}

/// <summary>Table <c>CaseIndex</c>: a pointer to a lead, case or task (see <see cref="CaseTables"/>).</summary>
public sealed class CaseIndexEntity : CaseRow
{
    /// <summary>lead, case or task.</summary>
    public string Type { get; set; } = "";
    public string Id { get; set; } = "";
}

/// <summary>Table <c>AuditLog</c>: one line.</summary>
public sealed class AuditEntity : CaseRow
{
    public DateTimeOffset At { get; set; }
    public string Actor { get; set; } = "";
    public string Action { get; set; } = "";
    public string Object { get; set; } = "";
    public string ObjectId { get; set; } = "";
    public string? Subject { get; set; }
}
