namespace TalkBot.FakeConnector;

/// <summary>
/// The counters and the delivered activities, behind one lock: requests arrive concurrently and a snapshot must be
/// consistent (Delivered equals the sum per conversation).
/// </summary>
internal sealed class DeliveryLog
{
    private readonly Lock gate = new();
    private readonly Dictionary<string, List<DeliveredActivity>> delivered = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<DeliveredActivity>> updated = new(StringComparer.Ordinal);
    private int requests;
    private int deliveredCount;
    private int throttled;
    private int injected503;
    private int forbidden;
    private int notFound;
    private int updates;
    private DateTimeOffset? firstDeliveryAt;
    private DateTimeOffset? lastDeliveryAt;

    public void CountRequest() => Increment(ref requests);

    public void CountThrottled() => Increment(ref throttled);

    public void CountInjected503() => Increment(ref injected503);

    public void CountForbidden() => Increment(ref forbidden);

    public void CountNotFound() => Increment(ref notFound);

    /// <summary>Keeps a send or reply.</summary>
    public void Deliver(DeliveredActivity activity)
    {
        lock (gate)
        {
            Append(delivered, activity);
            deliveredCount++;
            firstDeliveryAt ??= activity.At;
            lastDeliveryAt = lastDeliveryAt is { } last && last > activity.At ? last : activity.At;
        }
    }

    /// <summary>Keeps an update, apart from deliveries so that it never looks like a duplicate notice.</summary>
    public void Update(DeliveredActivity activity)
    {
        lock (gate)
        {
            Append(updated, activity);
            updates++;
        }
    }

    public IReadOnlyList<DeliveredActivity> Delivered(string conversationId) => Copy(delivered, conversationId);

    public IReadOnlyList<DeliveredActivity> Updated(string conversationId) => Copy(updated, conversationId);

    public FakeConnectorStats Snapshot()
    {
        lock (gate)
        {
            return new FakeConnectorStats
            {
                Requests = requests,
                Delivered = deliveredCount,
                Throttled = throttled,
                Injected503 = injected503,
                Forbidden = forbidden,
                NotFound = notFound,
                Updates = updates,
                DeliveredPerConversation = delivered.ToDictionary(pair => pair.Key, pair => pair.Value.Count, StringComparer.Ordinal),
                FirstDeliveryAt = firstDeliveryAt,
                LastDeliveryAt = lastDeliveryAt,
            };
        }
    }

    public void Reset()
    {
        lock (gate)
        {
            delivered.Clear();
            updated.Clear();
            requests = deliveredCount = throttled = injected503 = forbidden = notFound = updates = 0;
            firstDeliveryAt = lastDeliveryAt = null;
        }
    }

    private static void Append(Dictionary<string, List<DeliveredActivity>> byConversation, DeliveredActivity activity)
    {
        if (!byConversation.TryGetValue(activity.ConversationId, out var list))
        {
            list = new List<DeliveredActivity>(1);
            byConversation.Add(activity.ConversationId, list);
        }

        list.Add(activity);
    }

    private IReadOnlyList<DeliveredActivity> Copy(Dictionary<string, List<DeliveredActivity>> byConversation, string conversationId)
    {
        lock (gate)
        {
            return byConversation.TryGetValue(conversationId, out var list) ? [.. list] : [];
        }
    }

    private void Increment(ref int counter)
    {
        lock (gate)
        {
            counter++;
        }
    }
}
