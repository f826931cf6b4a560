namespace TalkBot.FakeGraph;

/// <summary>What the fake Graph serves and how it misbehaves.</summary>
public sealed class FakeGraphOptions
{
    /// <summary>The directory, in the order <c>/users</c> pages through it.</summary>
    public IReadOnlyList<FakeGraphUser> Users { get; init; } = [];

    /// <summary>Added to every request before it is answered (the benchmark uses 50 ms, about Graph's own).</summary>
    public TimeSpan Latency { get; init; } = TimeSpan.Zero;

    /// <summary>Answer the first request for a page after the first with 429 and <see cref="RetryAfter"/>, once.</summary>
    public bool ThrottleOnce { get; init; }

    /// <summary>The Retry-After of a throttled answer, sent in whole seconds.</summary>
    public TimeSpan RetryAfter { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>The largest <c>$top</c> accepted; Graph answers 400 above 999 for users.</summary>
    public int MaxPageSize { get; init; } = 999;

    /// <summary>The page size without <c>$top</c> (Graph's is 100 for users).</summary>
    public int DefaultPageSize { get; init; } = 100;

    /// <summary>
    /// Caps the page size when <c>$expand</c> is present, as Graph does for directory objects (a known issue: at most
    /// 100 objects per page with $expand). Null, the default, does not model it.
    /// </summary>
    public int? MaxPageSizeWithExpand { get; init; }

    /// <summary>0 picks a free port.</summary>
    public int Port { get; init; }

    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>
    /// A realistic organisation of <paramref name="count"/> users: one head, up to eight departments each led by a
    /// head who reports to them, teams of ten under a team lead, one account in 40 disabled and one in 100 without a
    /// mailbox. Deterministic, so that a test can compute what it expects.
    /// </summary>
    public static FakeGraphOptions Organisation(int count) => new() { Users = FakeOrganisation.Build(count) };

    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxPageSize, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(DefaultPageSize, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxPageSizeWithExpand ?? 1, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(Latency.Ticks);
        ArgumentOutOfRangeException.ThrowIfNegative(RetryAfter.Ticks);
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var user in Users)
        {
            if (!ids.Add(user.Id))
            {
                throw new ArgumentException($"User id '{user.Id}' appears twice.", nameof(Users));
            }
        }
    }
}
