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

    /// <summary>Role groups: group id → the ids of its members (served by <c>/groups/delta</c>).</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Groups { get; init; } = new Dictionary<string, IReadOnlyList<string>>();

    /// <summary>The largest page of a delta query (<c>Prefer: odata.maxpagesize</c>); 100 when the client asks for none.</summary>
    public int MaxDeltaPageSize { get; init; } = 999;

    /// <summary>The Teams app's catalog id that installs accept; null accepts any.</summary>
    public string? CatalogAppId { get; init; }

    /// <summary>Installs answer 403: the app lacks TeamsAppInstallation.ReadWriteSelfForUser.All.</summary>
    public bool InstallForbidden { get; init; }

    /// <summary>Event writes answer 403: the app lacks Calendars.ReadWrite (or an access policy leaves the mailbox out).</summary>
    public bool CalendarForbidden { get; init; }

    /// <summary>Installs, and event writes, admitted per second each; past it 429 with <see cref="RetryAfter"/>. Null: unlimited.</summary>
    public int? WritesPerSecond { get; init; }

    /// <summary>Every this many requests to the newer endpoints one is answered 503. Null: none.</summary>
    public int? FailEvery { get; init; }

    /// <summary>Called with the user's id when the app is installed for them (tests tell the fake Teams).</summary>
    public Action<string>? OnInstalled { get; init; }

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
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxDeltaPageSize, 1);
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
