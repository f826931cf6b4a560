namespace TalkBot.Bot.Infrastructure.Storage;

/// <summary>
/// Optimistic concurrency, once for every handler: read, let Domain decide, save guarded by the ETag read; when another
/// writer saved first (a Teams retry racing the first call, a double click, a reminder), read again and decide again.
/// Domain makes the repeat of the same change a no-op, so exactly one change is stored.
/// </summary>
public static class Optimistic
{
    /// <summary>How often one request reads again before it gives up as busy.</summary>
    public const int MaxAttempts = 3;

    /// <summary>What an attempt returns when its save lost the race: read again.</summary>
    public static Retry Again => default;

    /// <summary>
    /// Runs <paramref name="attempt"/> until it returns a result rather than <see cref="Again"/>; after
    /// <see cref="MaxAttempts"/> lost races, <paramref name="busy"/>'s.
    /// </summary>
    public static async Task<T> RetryAsync<T>(Func<Task<Attempt<T>>> attempt, Func<T> busy)
    {
        ArgumentNullException.ThrowIfNull(attempt);
        ArgumentNullException.ThrowIfNull(busy);
        for (var i = 0; i < MaxAttempts; i++)
        {
            var outcome = await attempt().ConfigureAwait(false);
            if (!outcome.IsRetry)
            {
                return outcome.Value;
            }
        }

        return busy();
    }

    /// <summary>Marks an attempt whose save lost the race.</summary>
    public readonly record struct Retry;
}

/// <summary>What one attempt of <see cref="Optimistic.RetryAsync{T}"/> came to: a result, or "read again".</summary>
public readonly struct Attempt<T>
{
    private Attempt(bool retry, T value)
    {
        IsRetry = retry;
        Value = value;
    }

    public bool IsRetry { get; }

    public T Value { get; }

    public static implicit operator Attempt<T>(T value) => new(false, value);

    public static implicit operator Attempt<T>(Optimistic.Retry _) => new(true, default!);
}
