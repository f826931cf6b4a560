namespace TalkBot.Bot.Features.Tasks;

// Rows of the Cases table (follow-on tasks); keys in TaskStore.

/// <summary>Table <c>Cases</c>, row <c>task|{kind}-{n}</c>: a follow-on task's head.</summary>
public sealed class CaseTaskEntity : TableRow
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
    /// <summary>The unit of the office of its lead's or case's level: the task is on that office's desk.</summary>
    public string? OfficeUnit { get; set; }
    /// <summary><see cref="CaseTaskOrigin"/>; rows written before it was kept are a lead's (only leads opened tasks then
    /// that cite a rule of their own).</summary>
    public string? Origin { get; set; }
}

/// <summary>Table <c>Cases</c>, row <c>tasks|{kind}-{n}|{nn}</c>: one submission, insert-only.</summary>
public sealed class TaskSubmissionEntity : TableRow
{
    public int Number { get; set; }
    public string Text { get; set; } = "";
    public string By { get; set; } = "";
    public DateTimeOffset At { get; set; }
    public bool Late { get; set; }
    public string? FormId { get; set; }
}

/// <summary>Table <c>Cases</c>, row <c>taskr|{kind}-{n}|{nn}</c>: one review, insert-only.</summary>
public sealed class TaskReviewEntity : TableRow
{
    public int Number { get; set; }
    public int Submission { get; set; }
    public bool Accepted { get; set; }
    public string? Comment { get; set; }
    public DateTime? NewDueDate { get; set; }
    public string By { get; set; } = "";
    public DateTimeOffset At { get; set; }
}

/// <summary>
/// Table <c>CaseIndex</c>, row <c>task|{id}</c> of each partition the task is listed in (keys in <see cref="MatterIndex"/>):
/// what a desk and an archive show of it, and who it waits for.
/// </summary>
public sealed class TaskLineEntity : ListRow
{
    public string Kind { get; set; } = "";
    public string Assignee { get; set; } = "";
    /// <summary>Comma-separated person ids.</summary>
    public string Reviewers { get; set; } = "";
    public DateTime DueDate { get; set; }
    public string Status { get; set; } = "";
    /// <summary>When the task was opened: the start of its deadline's light in the tab's ledger; null on rows written before.</summary>
    public DateTimeOffset? OpenedAt { get; set; }
}
