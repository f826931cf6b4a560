namespace TalkBot.FakeConnector;

/// <summary>
/// At most <paramref name="Count"/> accepted requests in any sliding <paramref name="Window"/>.
/// Teams states its limits this way, several windows at once, so the fake enforces each window independently.
/// </summary>
/// <param name="Count">How many requests the window admits; at least 1.</param>
/// <param name="Window">The length of the sliding window; positive.</param>
public sealed record RateLimit(int Count, TimeSpan Window)
{
    /// <summary>
    /// Teams' "send to conversation" limits per bot and conversation: 7 per second, 8 per 2 s, 60 per 30 s, 1800 per hour.
    /// The 8-per-2 s window is what a client that simply waits one second after a 429 runs into next.
    /// </summary>
    public static IReadOnlyList<RateLimit> TeamsPerConversation { get; } =
    [
        new(7, TimeSpan.FromSeconds(1)),
        new(8, TimeSpan.FromSeconds(2)),
        new(60, TimeSpan.FromSeconds(30)),
        new(1800, TimeSpan.FromSeconds(3600)),
    ];
}
