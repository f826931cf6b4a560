using Azure;
using Azure.Data.Tables;
using TalkBot.Bot.Infrastructure.Storage;

namespace TalkBot.Bot.Storage;

// Table entities are storage shapes only; the repositories map them to and from Domain types.
// Keys of every table are written down in TableLayout.cs.

/// <summary>Table <c>Talks</c>, row <c>talk</c>: the talk itself.</summary>
public sealed class TalkEntity : ITableEntity
{
    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

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
}

/// <summary>Table <c>Talks</c>, row <c>notice|{talkeeId}</c>: the 《层级廉政谈话通知书》 sent to one talkee.</summary>
public sealed class NoticeEntity : ITableEntity
{
    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

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
}

/// <summary>
/// Table <c>Talks</c>, row <c>ack|{talkeeId}</c>: the acknowledgement itself. Inserted (never upserted) in the same
/// entity group transaction as the notice's change, so a repeated click or a Teams retry cannot add a second one.
/// </summary>
public sealed class AcknowledgementEntity : ITableEntity
{
    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public string Talkee { get; set; } = "";
    public DateTimeOffset AcknowledgedAt { get; set; }
    /// <summary>The activity id of the invoke that acknowledged, for the audit trail.</summary>
    public string? ActivityId { get; set; }
}

/// <summary>Table <c>NoticesByPerson</c>: an index from a talkee to their notices.</summary>
public sealed class NoticeIndexEntity : ITableEntity
{
    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public DateTimeOffset ScheduledAt { get; set; }
}

/// <summary>Table <c>ConversationReferences</c>: where to reach a person proactively.</summary>
public sealed class ConversationReferenceEntity : ITableEntity
{
    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public string UserId { get; set; } = "";
    public string? UserName { get; set; }
    public string BotId { get; set; } = "";
    public string? BotName { get; set; }
    public string ConversationId { get; set; } = "";
    public string? ConversationType { get; set; }
    public string ServiceUrl { get; set; } = "";
    public string ChannelId { get; set; } = "";
    public string? TenantId { get; set; }
    public string? Locale { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    /// <summary>Set when the person uninstalled the app: the reference is kept for history but not used.</summary>
    public bool Removed { get; set; }
}

/// <summary>Table <c>People</c>, partition <c>person</c>.</summary>
public sealed class PersonEntity : ITableEntity
{
    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public string DisplayName { get; set; } = "";
    public string? UserPrincipalName { get; set; }
    public string? Mail { get; set; }
    public string? JobTitle { get; set; }
    public string? UnitId { get; set; }
    public string? ManagerId { get; set; }
    public string Rank { get; set; } = "";
    /// <summary>Comma-separated Role names.</summary>
    public string Roles { get; set; } = "";
    public bool Active { get; set; } = true;
}

/// <summary>Table <c>People</c>, partition <c>unit</c>.</summary>
public sealed class UnitEntity : ITableEntity
{
    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public string Name { get; set; } = "";
    public string? NameEn { get; set; }
    public string Level { get; set; } = "";
    public string? ParentId { get; set; }
}

/// <summary>Table <c>Deliveries</c>: the outcome of one keyed send to one person (keys in <see cref="TableLayout"/>).</summary>
public sealed class DeliveryEntity : ITableEntity
{
    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    /// <summary>A <see cref="Sending.SendStatus"/>: Queued, Retrying, Sent, Failed or Unreachable.</summary>
    public string Status { get; set; } = "";
    public DateTimeOffset At { get; set; }
    public string? ActivityId { get; set; }

    /// <summary>The last HTTP status from Teams when the send did not go out (429, 503, 403, …).</summary>
    public int? HttpStatus { get; set; }

    public string? Error { get; set; }
}
