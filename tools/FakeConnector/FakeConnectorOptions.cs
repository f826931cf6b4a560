namespace TalkBot.FakeConnector;

/// <summary>
/// How the fake Bot Connector behaves. The defaults are Teams' published limits with no injected faults, so a test
/// only states what it wants to break.
/// </summary>
public sealed class FakeConnectorOptions
{
    /// <summary>Requests per second admitted across all conversations (Teams: 50 per app per tenant); 0 or less turns the limit off.</summary>
    public int TenantLimitPerSecond { get; init; } = 50;

    /// <summary>The sliding windows every conversation is held to; sends, replies and updates all count.</summary>
    public IReadOnlyList<RateLimit> ConversationLimits { get; init; } = RateLimit.TeamsPerConversation;

    /// <summary>
    /// Fraction (0 to 1) of requests answered 503 before any other processing, as Teams does under load.
    /// They are neither delivered nor counted against a rate limit.
    /// </summary>
    public double FailureRate { get; init; }

    /// <summary>Seed of the random source that picks the failing requests, so that a run can be repeated.</summary>
    public int Seed { get; init; }

    /// <summary>
    /// Delay added to every request, measured on <see cref="TimeProvider"/>: with a fake clock the test must advance it.
    /// </summary>
    public TimeSpan Latency { get; init; } = TimeSpan.Zero;

    /// <summary>Conversations whose user blocked or uninstalled the bot: 403 MessageWritesBlocked.</summary>
    public IReadOnlySet<string> BlockedConversations { get; init; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>Conversations that no longer exist: 404 ConversationNotFound.</summary>
    public IReadOnlySet<string> MissingConversations { get; init; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>Port on 127.0.0.1; 0 takes a free one, which parallel tests need.</summary>
    public int Port { get; init; }

    /// <summary>Clock for the rate windows, delivery times and latency; a fake clock makes throttling tests exact.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>Rejects settings that would make the fake misbehave in confusing ways (a window that never admits, a rate over 1).</summary>
    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfNegative(FailureRate, nameof(FailureRate));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(FailureRate, 1.0, nameof(FailureRate));
        ArgumentOutOfRangeException.ThrowIfLessThan(Latency, TimeSpan.Zero, nameof(Latency));
        ArgumentOutOfRangeException.ThrowIfNegative(Port, nameof(Port));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(Port, 65535, nameof(Port));
        ArgumentNullException.ThrowIfNull(ConversationLimits, nameof(ConversationLimits));
        ArgumentNullException.ThrowIfNull(BlockedConversations, nameof(BlockedConversations));
        ArgumentNullException.ThrowIfNull(MissingConversations, nameof(MissingConversations));
        ArgumentNullException.ThrowIfNull(TimeProvider, nameof(TimeProvider));
        foreach (var limit in ConversationLimits)
        {
            if (limit.Count < 1 || limit.Window <= TimeSpan.Zero)
            {
                throw new ArgumentException($"A rate limit needs a count of at least 1 and a positive window, not {limit}.", nameof(ConversationLimits));
            }
        }
    }
}
