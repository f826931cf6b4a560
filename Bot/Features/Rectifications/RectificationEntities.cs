namespace TalkBot.Bot.Features.Rectifications;

// Rows of the Talks table (keys in Talks/TalkRows.cs).
/// <summary>Row <c>rect|{talkeeId}</c>: a talkee's rectification (000 §四(一)5); its ETag guards every change.</summary>
public sealed class RectificationEntity : TableRow
{
    public string Talkee { get; set; } = "";
    /// <summary>The items, one per line.</summary>
    public string Items { get; set; } = "";
    public DateTime FirstDueDate { get; set; }
    public DateTime DueDate { get; set; }
    public DateTimeOffset OpenedAt { get; set; }
    public string Status { get; set; } = "";
    public int Reports { get; set; }
}

/// <summary>Row <c>rectr|{talkeeId}|{nn}</c>: one report. Insert-only.</summary>
public sealed class RectificationReportEntity : TableRow
{
    public string Talkee { get; set; } = "";
    public int Number { get; set; }
    public DateTimeOffset SubmittedAt { get; set; }
    public bool Late { get; set; }
    public string? FormId { get; set; }
}

/// <summary>Row <c>rectm|{talkeeId}|{nn}|{item}</c>: the measure reported for one item in one report. Insert-only.</summary>
public sealed class MeasureEntity : TableRow
{
    public string Talkee { get; set; } = "";
    public int Report { get; set; }
    public int Item { get; set; }
    public string Measure { get; set; } = "";
    public string Status { get; set; } = "";
    public DateTime? CompletedOn { get; set; }
}

/// <summary>Row <c>rectv|{talkeeId}|{nn}</c>: the review of report nn. Insert-only: a report is reviewed once.</summary>
public sealed class RectificationReviewEntity : TableRow
{
    public string Talkee { get; set; } = "";
    public int Report { get; set; }
    public bool Accepted { get; set; }
    public string? Comment { get; set; }
    public DateTime? NewDueDate { get; set; }
    public string Reviewer { get; set; } = "";
    public DateTimeOffset At { get; set; }
}
