namespace TalkBot.FakeConnector;

/// <summary>
/// Several sliding windows over one stream of accepted requests. Only the times inside the longest window are kept,
/// so an hour-long window costs at most its count of timestamps, and nothing for a quiet conversation.
/// Not thread-safe: <see cref="TeamsRateLimiter"/> holds the lock.
/// </summary>
internal sealed class SlidingWindows(IReadOnlyList<RateLimit> limits)
{
    private readonly TimestampRing accepted = new();
    private readonly long longestWindow = limits.Count == 0 ? 0 : limits.Max(l => l.Window.Ticks);

    /// <summary>
    /// How long until one more request at <paramref name="now"/> would fit every window, or zero if it fits now.
    /// Because only admitted requests are recorded, a window never holds more than its count; when it holds exactly
    /// its count, the oldest of them is the one that must leave.
    /// </summary>
    public long WaitTicks(long now)
    {
        accepted.DropUpTo(now - longestWindow);
        long wait = 0;
        foreach (var limit in limits)
        {
            if (accepted.Count < limit.Count)
            {
                continue;
            }

            var oldestInWindow = accepted[accepted.Count - limit.Count];
            var leavesAt = oldestInWindow + limit.Window.Ticks;
            if (leavesAt > now)
            {
                wait = Math.Max(wait, leavesAt - now);
            }
        }

        return wait;
    }

    /// <summary>Counts an admitted request.</summary>
    public void Record(long now) => accepted.Add(Math.Max(now, accepted.Newest));

    /// <summary>Forgets every request.</summary>
    public void Clear() => accepted.DropUpTo(long.MaxValue);
}
