using Azure;
using Azure.Data.Tables;

namespace TalkBot.Bot.Features.Talks;

// Table entities are storage shapes only; the repositories map them to and from Domain types.
// Keys of every table are written down in TalkRows.cs.

/// <summary>Table <c>Talks</c>, row <c>talk</c>: the talk itself.</summary>
public sealed class TalkEntity : TableRow
{
    public string Kind { get; set; } = "";
    public string Status { get; set; } = "";
    /// <summary>Comma-separated person ids; the order is kept (the first talker leads).</summary>
    public string Talkees { get; set; } = "";
    public string Talkers { get; set; } = "";
    public string? Recorder { get; set; }
    public string Organiser { get; set; } = "";
    public DateTimeOffset ScheduledAt { get; set; }
    public string Place { get; set; } = "";
    public DateTime ContentDeterminedOn { get; set; }
    public string? Preparation { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    /// <summary>The create form this talk came from: a repeated submit of one form yields this talk again.</summary>
    public string? FormId { get; set; }
    /// <summary>Where the organiser's card for the talk is (the message they created it from), updated in place with the notices.</summary>
    public string? OrganiserConversationId { get; set; }
    public string? OrganiserActivityId { get; set; }
    /// <summary>How often the talk moved or was cancelled (null: never), and its last change.</summary>
    public int? Revision { get; set; }
    public string? ChangeKind { get; set; }
    public string? ChangedBy { get; set; }
    public DateTimeOffset? ChangedAt { get; set; }
    public string? ChangeReason { get; set; }
    public DateTimeOffset? MovedFrom { get; set; }
    /// <summary>Talkees recorded absent without leave: <c>{talkee}|{by}|{UTC ticks}</c>, separated by ';'.</summary>
    public string? Absences { get; set; }
}

/// <summary>Table <c>Talks</c>, row <c>notice|{talkeeId}</c>: the 《层级廉政谈话通知书》 sent to one talkee.</summary>
public sealed class NoticeEntity : TableRow
{
    public string Talkee { get; set; } = "";
    public string State { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? SentAt { get; set; }
    public string? UnreachableReason { get; set; }
    public DateTimeOffset? AcknowledgedAt { get; set; }
    public DateTimeOffset? PostponementRequestedAt { get; set; }
    public string? PostponementReason { get; set; }
    /// <summary>Where the notice card was posted, so that it can be updated in place.</summary>
    public string? ConversationId { get; set; }
    public string? ActivityId { get; set; }
    /// <summary>The notice's version (null: the first); each move of the talk issues the next.</summary>
    public int? Version { get; set; }
    /// <summary>The last decision on a postponement the talkee asked (000 §四(五)1).</summary>
    public bool? DecisionApproved { get; set; }
    public string? DecidedBy { get; set; }
    public DateTimeOffset? DecidedAt { get; set; }
    public string? DecisionReason { get; set; }
    public string? DecisionRequestReason { get; set; }
    /// <summary>Whether the <c>ack|</c> row was added (in the transaction that first acknowledged), so it is not read to know.</summary>
    public bool? AcknowledgementStored { get; set; }
}

/// <summary>
/// Table <c>Talks</c>, row <c>ack|{talkeeId}</c>: the acknowledgement itself. Inserted (never upserted) in the same
/// entity group transaction as the notice's change, so a repeated click or a Teams retry cannot add a second one.
/// </summary>
public sealed class AcknowledgementEntity : TableRow
{
    public string Talkee { get; set; } = "";
    public DateTimeOffset AcknowledgedAt { get; set; }
    /// <summary>The activity id of the invoke that acknowledged, for the audit trail.</summary>
    public string? ActivityId { get; set; }
}

/// <summary>
/// Table <c>NoticesByPerson</c>: a talkee's line of 我的通知 for one notice, carrying what the list shows, so that the
/// list is one partition query.
/// </summary>
public sealed class NoticeIndexEntity : TableRow
{
    public DateTimeOffset ScheduledAt { get; set; }
    public TalkKind? Kind { get; set; }
    public string? Place { get; set; }
    public TalkStatus? TalkStatus { get; set; }
    public NoticeStatus? State { get; set; }
    public DateTimeOffset? AcknowledgedAt { get; set; }
    public DateTimeOffset? PostponementRequestedAt { get; set; }
    public string? PostponementReason { get; set; }
}

/// <summary>Table <c>TalksByPerson</c>: which talks a person organises, leads, joins or records.</summary>
public sealed class TalkIndexEntity : TableRow
{
    /// <summary>Comma-separated: organiser, talker, recorder.</summary>
    public string Relations { get; set; } = "";
    public DateTimeOffset ScheduledAt { get; set; }
    /// <summary>Comma-separated talkee ids, so that a talker's plan reads whom they talk to from these rows alone; null on rows written before.</summary>
    public string? Talkees { get; set; }
    /// <summary>Set once the talk is cancelled: a talker's plan leaves it out.</summary>
    public bool? Cancelled { get; set; }
}
