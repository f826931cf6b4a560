using Azure;
using Azure.Data.Tables;
using TalkBot.Bot.Infrastructure.Storage;

namespace TalkBot.Bot.Storage;

// Rows of the Talks table that hold a talk's quiz and record; keys in TableLayout.cs. Every row but the heads is
// insert-only, which is what keeps a verified version and an answered quiz immutable.

/// <summary>Row <c>quiz|{talkeeId}</c>: attempts started and retakes allowed (guards the next attempt by ETag).</summary>
public sealed class QuizTrackEntity : ITableEntity
{
    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public string Talkee { get; set; } = "";
    public int Attempts { get; set; }
    public int RetakesAllowed { get; set; }
}

/// <summary>Row <c>quiza|{talkeeId}|{nn}</c>: one attempt. Written when started, updated once when submitted.</summary>
public sealed class QuizAttemptEntity : ITableEntity
{
    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public string Talkee { get; set; } = "";
    public int Number { get; set; }
    /// <summary>Question ids in the order shown, comma-separated.</summary>
    public string Questions { get; set; } = "";
    public DateTimeOffset StartedAt { get; set; }
    public DateTimeOffset? SubmittedAt { get; set; }
    /// <summary><c>q001=A;q002=A,C</c>: each question id with the option keys chosen.</summary>
    public string? Answers { get; set; }
    public int Score { get; set; }
    public string? SubmittedByActivity { get; set; }
}

/// <summary>Row <c>record</c>: the current version and status; every change of the record goes through its ETag.</summary>
public sealed class RecordHeadEntity : ITableEntity
{
    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public int CurrentVersion { get; set; }
    public string Status { get; set; } = "";
    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>Row <c>recordv|{nnn}</c>: the common part of one version of the 《层级廉政谈话登记表》.</summary>
public sealed class RecordVersionEntity : ITableEntity
{
    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public int Number { get; set; }
    public DateTimeOffset StartedAt { get; set; }
    public DateTimeOffset EndedAt { get; set; }
    public string Place { get; set; } = "";
    public string Format { get; set; } = "";
    public string LeadTalker { get; set; } = "";
    /// <summary>Comma-separated person ids.</summary>
    public string JointTalkers { get; set; } = "";
    public string? DelegatedBy { get; set; }
    public string Recorder { get; set; } = "";
    /// <summary>Ticked checklist items, comma-separated numbers.</summary>
    public string Checklist { get; set; } = "";
    public string Author { get; set; } = "";
    public DateTimeOffset At { get; set; }
    public string? FormId { get; set; }
    /// <summary>Fields changed from the previous version, comma-separated.</summary>
    public string ChangedFields { get; set; } = "";
}

/// <summary>Row <c>recordp|{nnn}|{talkeeId}</c>: what one version says about one talkee.</summary>
public sealed class RecordPartEntity : ITableEntity
{
    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public int Version { get; set; }
    public string Talkee { get; set; } = "";
    public string? Problems { get; set; }
    public string? Explanation { get; set; }
    public string? Requirements { get; set; }
    public bool RectificationRequired { get; set; }
    /// <summary>One item per line.</summary>
    public string? RectificationItems { get; set; }
}

/// <summary>Row <c>recordc|{nnn}|{talkeeId}</c>: a talkee's verification of one version (本人核实). Insert-only.</summary>
public sealed class VerificationEntity : ITableEntity
{
    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public int Version { get; set; }
    public string Talkee { get; set; } = "";
    public string Decision { get; set; } = "";
    public string? Comment { get; set; }
    public DateTimeOffset At { get; set; }
    public string? ActivityId { get; set; }
}

/// <summary>Table <c>TalksByPerson</c>: which talks a person organises, leads, joins or records.</summary>
public sealed class TalkIndexEntity : ITableEntity
{
    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    /// <summary>Comma-separated: organiser, talker, recorder.</summary>
    public string Relations { get; set; } = "";
    public DateTimeOffset ScheduledAt { get; set; }
}

/// <summary>Row <c>rect|{talkeeId}</c>: a talkee's rectification (000 §四(一)5); its ETag guards every change.</summary>
public sealed class RectificationEntity : ITableEntity
{
    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

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
public sealed class RectificationReportEntity : ITableEntity
{
    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public string Talkee { get; set; } = "";
    public int Number { get; set; }
    public DateTimeOffset SubmittedAt { get; set; }
    public bool Late { get; set; }
    public string? FormId { get; set; }
}

/// <summary>Row <c>rectm|{talkeeId}|{nn}|{item}</c>: the measure reported for one item in one report. Insert-only.</summary>
public sealed class MeasureEntity : ITableEntity
{
    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public string Talkee { get; set; } = "";
    public int Report { get; set; }
    public int Item { get; set; }
    public string Measure { get; set; } = "";
    public string Status { get; set; } = "";
    public DateTime? CompletedOn { get; set; }
}

/// <summary>Row <c>rectv|{talkeeId}|{nn}</c>: the review of report nn. Insert-only: a report is reviewed once.</summary>
public sealed class RectificationReviewEntity : ITableEntity
{
    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public string Talkee { get; set; } = "";
    public int Report { get; set; }
    public bool Accepted { get; set; }
    public string? Comment { get; set; }
    public DateTime? NewDueDate { get; set; }
    public string Reviewer { get; set; } = "";
    public DateTimeOffset At { get; set; }
}
