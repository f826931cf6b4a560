namespace TalkBot.FakeConnector;

/// <summary>
/// Teams' throttling: a tenant-wide requests-per-second limit, then the per-conversation windows. A request is admitted
/// only when it fits both, and only admitted requests count, so a client hammering after a 429 is not punished further
/// (Teams documents the windows over successful sends).
/// One lock covers the check and the record so that concurrent requests cannot both take the last slot.
/// </summary>
internal sealed class TeamsRateLimiter(FakeConnectorOptions options)
{
    private readonly Lock gate = new();
    private readonly SlidingWindows tenant = new(options.TenantLimitPerSecond > 0 ? [new RateLimit(options.TenantLimitPerSecond, TimeSpan.FromSeconds(1))] : []);
    private readonly Dictionary<string, SlidingWindows> conversations = new(StringComparer.Ordinal);

    /// <summary>
    /// Admits and records a request for <paramref name="conversationId"/>, or says how many whole seconds (at least 1)
    /// to wait, as Teams' Retry-After header does.
    /// </summary>
    public bool TryAdmit(string conversationId, out int retryAfterSeconds)
    {
        lock (gate)
        {
            var now = options.TimeProvider.GetUtcNow().UtcTicks;
            if (!conversations.TryGetValue(conversationId, out var windows))
            {
                windows = new SlidingWindows(options.ConversationLimits);
                conversations.Add(conversationId, windows);
            }

            var wait = Math.Max(tenant.WaitTicks(now), windows.WaitTicks(now));
            if (wait > 0)
            {
                retryAfterSeconds = (int)Math.Max(1, (wait + TimeSpan.TicksPerSecond - 1) / TimeSpan.TicksPerSecond);
                return false;
            }

            tenant.Record(now);
            windows.Record(now);
            retryAfterSeconds = 0;
            return true;
        }
    }

    /// <summary>Forgets every window, as if the server had just started.</summary>
    public void Reset()
    {
        lock (gate)
        {
            conversations.Clear();
            tenant.Clear();
        }
    }
}
