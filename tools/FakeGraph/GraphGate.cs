using System.Globalization;

namespace TalkBot.FakeGraph;

/// <summary>
/// What every request of the newer endpoints goes through before it is answered, as Graph does: latency, a bearer token,
/// an injected failure (503) now and then, and throttling per kind of request: past <see cref="FakeGraphOptions.WritesPerSecond"/>
/// in a second Graph answers 429 with Retry-After, and a request that comes before that Retry-After has passed is
/// counted as the client ignoring it (and answered 429 again).
/// </summary>
internal sealed class GraphGate(FakeGraphOptions options, FakeGraphLog log)
{
    private readonly Lock gate = new();
    private readonly Dictionary<string, Queue<DateTimeOffset>> windows = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (DateTimeOffset From, DateTimeOffset Until)> blocked = new(StringComparer.Ordinal);
    private long requests;

    /// <summary>
    /// How long after a 429 requests already on their way may still arrive: the latency and half a second, for a request
    /// sent before the 429 was read that a busy machine (two cores running the bot, Azurite and the tests) delays. A
    /// client that ignores Retry-After keeps sending through the whole block and is still counted.
    /// </summary>
    private TimeSpan InFlight => options.Latency + TimeSpan.FromMilliseconds(500);

    /// <summary>True when the request may be served; otherwise it has been answered.</summary>
    public async Task<bool> PassAsync(HttpContext context, string kind, bool throttled)
    {
        if (options.Latency > TimeSpan.Zero)
        {
            await Task.Delay(options.Latency, options.TimeProvider, context.RequestAborted);
        }

        var authorization = context.Request.Headers.Authorization.ToString();
        if (!authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) || authorization.Length <= "Bearer ".Length)
        {
            log.CountUnauthorized();
            await GraphJson.ErrorAsync(context, StatusCodes.Status401Unauthorized, "InvalidAuthenticationToken", "Access token is empty.");
            return false;
        }

        if (options.FailEvery is { } every && Interlocked.Increment(ref requests) % every == 0)
        {
            log.CountFailed();
            await GraphJson.ErrorAsync(context, StatusCodes.Status503ServiceUnavailable, "serviceNotAvailable", "Service unavailable.");
            return false;
        }

        if (throttled && options.WritesPerSecond is { } limit && Throttle(kind, limit) is { } retryAfter)
        {
            log.CountThrottled();
            context.Response.Headers.RetryAfter = retryAfter.ToString(CultureInfo.InvariantCulture);
            await GraphJson.ErrorAsync(context, StatusCodes.Status429TooManyRequests, "TooManyRequests", $"Too many requests. Retry after {retryAfter} seconds.");
            return false;
        }

        return true;
    }

    /// <summary>Null when admitted; else the Retry-After in whole seconds.</summary>
    private int? Throttle(string kind, int limit)
    {
        var now = options.TimeProvider.GetUtcNow();
        var seconds = Math.Max(1, (int)Math.Ceiling(options.RetryAfter.TotalSeconds));
        lock (gate)
        {
            if (blocked.TryGetValue(kind, out var block) && now < block.Until)
            {
                // A request sent before the client could have read the 429 (on its way already) ignores nothing.
                if (now - block.From > InFlight)
                {
                    log.CountRetryAfterIgnored();
                }

                return (int)Math.Ceiling((block.Until - now).TotalSeconds);
            }

            var window = windows.TryGetValue(kind, out var w) ? w : windows[kind] = new();
            while (window.Count > 0 && now - window.Peek() >= TimeSpan.FromSeconds(1))
            {
                window.Dequeue();
            }

            if (window.Count >= limit)
            {
                blocked[kind] = (now, now.AddSeconds(seconds));
                return seconds;
            }

            window.Enqueue(now);
            return null;
        }
    }
}
