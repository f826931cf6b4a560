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
