namespace TalkBot.Bot.Features.Leads;

// Rows of the Cases table (leads); keys in LeadStore.

/// <summary>Table <c>Cases</c>, row <c>lead</c>: a lead. The reporter's fields are read only by the office of its level.</summary>
public sealed class LeadEntity : TableRow
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

/// <summary>The columns of a disposition, in its lead's partition and as a line under the lead alike.</summary>
public interface IDispositionColumns
{
    int Number { get; set; }
    string Kind { get; set; }
    string? Note { get; set; }
    DateTime? DueDate { get; set; }
    int AfterTalk { get; set; }
    string By { get; set; }
    DateTimeOffset At { get; set; }
}

/// <summary>Table <c>Cases</c>, row <c>disp|{nn}</c>: one disposition, insert-only.</summary>
public sealed class DispositionEntity : TableRow, IDispositionColumns
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

/// <summary>
/// Table <c>CaseIndex</c>, row <c>lead|{id}</c> of each partition the lead is listed in (keys in <see cref="MatterIndex"/>):
/// what the desk and the archive show of it. Never the reporter (SPEC §6).
/// </summary>
public sealed class LeadLineEntity : ListRow
{
    public string Source { get; set; } = "";
    public string Category { get; set; } = "";
    public string Summary { get; set; } = "";
    public string Status { get; set; } = "";
    public DateTimeOffset RegisteredAt { get; set; }
}

/// <summary>Table <c>CaseIndex</c>, row <c>disp|{leadId}|{nn}</c>: a disposition, as a line under its lead.</summary>
public sealed class DispositionLineEntity : ListRow, IDispositionColumns
{
    public int Number { get; set; }
    public string Kind { get; set; } = "";
    public string? Note { get; set; }
    public DateTime? DueDate { get; set; }
    public int AfterTalk { get; set; }
    public string By { get; set; } = "";
    public DateTimeOffset At { get; set; }
}
