using Azure;
using TalkBot.Bot.Infrastructure.Connector;

namespace TalkBot.Bot.Infrastructure.Sending;

/// <summary>Where a send stands. Sent and Unreachable are final; Failed waits for "resend to failed".</summary>
public enum SendStatus
{
    Queued,
    Retrying,
    Sent,
    Failed,
    Unreachable,
}

/// <summary>Who is told, by name, when the person cannot be reached, and what the message was about.</summary>
public sealed record Escalation(IReadOnlyList<PersonId> To, string AboutZh, string AboutEn);

/// <summary>Whose hands a send's outcome goes into once it is stored (a registered <see cref="ISendOutcomeHandler"/>), and about what.</summary>
public sealed record SendThen(string Handler, string Subject);

/// <summary>A card that is built when it is sent, from the state then (a registered <see cref="ICardRefresh"/>), and about what.</summary>
public sealed record CardRefreshOf(string Refresh, string Subject);

/// <summary>One proactive message to one person's conversation, under an idempotency key.</summary>
/// <param name="Key">One send per key and person, whatever retries, re-runs or restarts happen.</param>
/// <param name="Then">Told the outcome once it is stored (a notice records that it went, or why not).</param>
public sealed record OutboundMessage(
    string Key, PersonId Person, PersonalConversation Conversation, Activity Activity, Escalation? Escalation = null, SendThen? Then = null);

/// <summary>What became of a send.</summary>
public sealed record SendOutcome(SendStatus Status, string? ActivityId = null, int? HttpStatus = null, string? Error = null)
{
    public bool Delivered => Status == SendStatus.Sent;
}

/// <summary>A pending send this instance holds the lease of, with everything needed to send it.</summary>
/// <param name="Activity">The message; for a card refresh, the message without its card, which is built at the send.</param>
/// <param name="Refresh">Set for a card refresh: the card is built when sent, and the row may be queued again meanwhile.</param>
/// <param name="FirstClaim">No instance held this send before, so no outcome of it can be stored yet.</param>
public sealed record ClaimedSend(
    string Key,
    PersonId Person,
    string ServiceUrl,
    string ConversationId,
    string Tenant,
    Activity Activity,
    Escalation? Escalation,
    ETag ETag,
    SendThen? Then = null,
    CardRefreshOf? Refresh = null,
    string? QueuedBy = null,
    bool FirstClaim = false);

/// <summary>A send that failed after every retry, as listed for "resend to failed".</summary>
public sealed record FailedSend(string Key, PersonId Person, DateTimeOffset At, int? HttpStatus, string? Error, string? AboutZh, string? AboutEn);

/// <summary>Table <c>Outbox</c>: a pending or failed send (keys in <see cref="OutboxStore"/>).</summary>
public sealed class OutboxEntity : TableRow
{
    public string Key { get; set; } = "";
    public string Person { get; set; } = "";
    public string ServiceUrl { get; set; } = "";
    public string ConversationId { get; set; } = "";
    public string Tenant { get; set; } = "";
    public byte[] Payload { get; set; } = [];
    public string? EscalateTo { get; set; }
    public string? AboutZh { get; set; }
    public string? AboutEn { get; set; }
    public DateTimeOffset EnqueuedAt { get; set; }
    public string? LeaseOwner { get; set; }
    public DateTimeOffset LeaseUntil { get; set; }
    public int Attempts { get; set; }
    public int? HttpStatus { get; set; }
    public string? Error { get; set; }
    /// <summary>The <see cref="ISendOutcomeHandler"/> told the outcome, and its subject.</summary>
    public string? Then { get; set; }
    public string? ThenSubject { get; set; }
    /// <summary>For a card refresh: the <see cref="ICardRefresh"/> that builds the card at the send, and its subject.</summary>
    public string? Refresh { get; set; }
    public string? RefreshSubject { get; set; }
    /// <summary>The instance that last queued the card refresh (<see cref="SenderOptions.InstanceId"/>).</summary>
    public string? QueuedBy { get; set; }
}

/// <summary>Table <c>Deliveries</c>: the outcome of one keyed send to one person (keys in <see cref="OutboxStore"/>).</summary>
public sealed class DeliveryEntity : TableRow
{
    /// <summary>A <see cref="SendStatus"/>: Queued, Retrying, Sent, Failed or Unreachable.</summary>
    public string Status { get; set; } = "";
    public DateTimeOffset At { get; set; }
    public string? ActivityId { get; set; }

    /// <summary>The last HTTP status from Teams when the send did not go out (429, 503, 403, …).</summary>
    public int? HttpStatus { get; set; }

    public string? Error { get; set; }
}
