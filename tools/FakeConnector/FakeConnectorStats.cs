namespace TalkBot.FakeConnector;

/// <summary>
/// What the fake saw, at one moment. A benchmark reads it to tell whether every notice arrived exactly once and how
/// often the sender was throttled; GET /_stats serves the same record as JSON.
/// </summary>
public sealed record FakeConnectorStats
{
    /// <summary>Every request to a connector endpoint (not /_stats), whatever its answer.</summary>
    public int Requests { get; init; }

    /// <summary>Sends and replies answered 201.</summary>
    public int Delivered { get; init; }

    /// <summary>Requests answered 429 by a tenant or conversation limit.</summary>
    public int Throttled { get; init; }

    /// <summary>Requests answered 503 by the failure injection.</summary>
    public int Injected503 { get; init; }

    /// <summary>Requests answered 403 MessageWritesBlocked.</summary>
    public int Forbidden { get; init; }

    /// <summary>Requests answered 404 ConversationNotFound.</summary>
    public int NotFound { get; init; }

    /// <summary>Updates answered 200; they are not deliveries.</summary>
    public int Updates { get; init; }

    /// <summary>Sends and replies delivered, per unescaped conversation id.</summary>
    public IReadOnlyDictionary<string, int> DeliveredPerConversation { get; init; } = new Dictionary<string, int>();

    /// <summary>How many conversations got at least one activity.</summary>
    public int DistinctConversations => DeliveredPerConversation.Count;

    /// <summary>Activities beyond the first in each conversation: for a one-notice-per-person run, each is a double send.</summary>
    public int Duplicates => DeliveredPerConversation.Values.Sum(count => Math.Max(0, count - 1));

    /// <summary>When the first activity was delivered, or null if none was.</summary>
    public DateTimeOffset? FirstDeliveryAt { get; init; }

    /// <summary>When the last activity was delivered, or null if none was.</summary>
    public DateTimeOffset? LastDeliveryAt { get; init; }

    /// <summary>How many of <paramref name="expectedConversationIds"/> (each counted once) got nothing.</summary>
    public int Lost(IEnumerable<string> expectedConversationIds)
    {
        ArgumentNullException.ThrowIfNull(expectedConversationIds);
        return expectedConversationIds.Distinct(StringComparer.Ordinal).Count(id => !DeliveredPerConversation.ContainsKey(id));
    }
}
