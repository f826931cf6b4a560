namespace TalkBot.Bot.Infrastructure.Sending;

/// <summary>
/// The proactive sender's configuration (section <c>Sender</c>). The limits default to Teams' own (PROTOCOL §9); they
/// apply per bot instance, so with several instances each is given its share of the tenant limit.
/// </summary>
public sealed class SenderOptions
{
    public const string Section = "Sender";

    /// <summary>Sends per second to one tenant (Teams: 50 requests per second per app per tenant).</summary>
    public int TenantPerSecond { get; set; } = 50;

    /// <summary>Sends to one conversation per 1 s, 2 s, 30 s and 3600 s (Teams: 7, 8, 60, 1800).</summary>
    public int ConversationPerSecond { get; set; } = 7;

    public int ConversationPer2Seconds { get; set; } = 8;

    public int ConversationPer30Seconds { get; set; } = 60;

    public int ConversationPerHour { get; set; } = 1800;

    /// <summary>
    /// Kept between the oldest send of a full window and the next one. Small: each send counts from when it was answered,
    /// never before Teams counted it (<see cref="SendRateLimiter.Sent"/>), so this only covers the timer's and the clock's
    /// granularity; every millisecond here is a tenth of a percent of the tenant's rate lost.
    /// </summary>
    public TimeSpan RateGuard { get; set; } = TimeSpan.FromMilliseconds(5);

    /// <summary>Retries of one send on 429, 412, 502, 503 and 504 before it is stored as failed.</summary>
    public int MaxRetries { get; set; } = 5;

    /// <summary>The first back-off (exponential, jittered) when Teams gives no Retry-After.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long a claimed send is this instance's; longer than the longest run of retries.</summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Whether this instance drains the outbox (queued sends, and those a crashed instance left).</summary>
    public bool DispatcherEnabled { get; set; } = true;

    /// <summary>Sends in flight at once from the outbox.</summary>
    public int Concurrency { get; set; } = 16;

    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// A send whose conversation has no room for longer than this goes back to the outbox until it has, so that the
    /// workers serve other chats meanwhile (a burst to one person never holds up everyone's messages).
    /// </summary>
    public TimeSpan PostponeAbove { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// How long this instance keeps a conversation reference it read or wrote. Another instance's change (a new
    /// service URL, a removal) reaches it within this time; a send to a chat removed meanwhile is answered 403 and
    /// recorded so. Zero reads the table every time.
    /// </summary>
    public TimeSpan ReferencesHeldFor { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// How long a card refresh waits for more changes before it is sent (the organiser's talk card): a burst of
    /// acknowledgements within it makes one update. Zero sends at the next drain.
    /// </summary>
    public TimeSpan CoalesceWindow { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// This instance's name in leases. Give it a stable name per instance (the pod or App Service instance) so that a
    /// restarted instance resumes its own unfinished sends at once; by default it is unique per process, and what a
    /// crashed process held waits for its lease to lapse.
    /// </summary>
    public string InstanceId { get; set; } = $"{Environment.MachineName}-{Environment.ProcessId}-{Guid.NewGuid().ToString("N")[..6]}";

    /// <summary>
    /// The clock of the wire: limits, back-off and leases run on real time, whatever the business clock says (the
    /// test clock moves talks and deadlines, not Teams' rate windows). Tests of the sender may replace it.
    /// </summary>
    public TimeProvider WireClock { get; set; } = TimeProvider.System;

    internal IReadOnlyList<RateWindow> ConversationWindows =>
    [
        new(ConversationPerSecond, TimeSpan.FromSeconds(1)),
        new(ConversationPer2Seconds, TimeSpan.FromSeconds(2)),
        new(ConversationPer30Seconds, TimeSpan.FromSeconds(30)),
        new(ConversationPerHour, TimeSpan.FromHours(1)),
    ];

    internal IReadOnlyList<RateWindow> TenantWindows => [new(TenantPerSecond, TimeSpan.FromSeconds(1))];
}

/// <summary>At most <paramref name="Count"/> sends in any <paramref name="Window"/>.</summary>
public readonly record struct RateWindow(int Count, TimeSpan Window);
