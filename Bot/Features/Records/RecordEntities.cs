using Azure;
using Azure.Data.Tables;

namespace TalkBot.Bot.Features.Records;

// Rows of the Talks table that hold a talk's quiz and record; keys in TalkRows.cs. Every row but the heads is
// insert-only, which is what keeps a verified version and an answered quiz immutable.

/// <summary>Row <c>record</c>: the current version and status; every change of the record goes through its ETag.</summary>
public sealed class RecordHeadEntity : TableRow
{
    public int CurrentVersion { get; set; }
    public string Status { get; set; } = "";
    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>Row <c>recordv|{nnn}</c>: the common part of one version of the 《层级廉政谈话登记表》.</summary>
public sealed class RecordVersionEntity : TableRow
{
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
public sealed class RecordPartEntity : TableRow
{
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
public sealed class VerificationEntity : TableRow
{
    public int Version { get; set; }
    public string Talkee { get; set; } = "";
    public string Decision { get; set; } = "";
    public string? Comment { get; set; }
    public DateTimeOffset At { get; set; }
    public string? ActivityId { get; set; }
}

