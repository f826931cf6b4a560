namespace TalkBot.Bot.Infrastructure.People;

/// <summary>How often an instance looks whether the stored directory changed (section <c>People</c>).</summary>
public sealed class PeopleDirectoryOptions
{
    public const string Section = "People";

    /// <summary>
    /// At most this long after a sync or a role change on another instance, this one holds the new directory; a change
    /// made through this instance is held at once.
    /// </summary>
    public TimeSpan RefreshEvery { get; set; } = TimeSpan.FromSeconds(5);
}

/// <summary>
/// The directory as this instance holds it in memory: read whole once, then again only when the version row says the
/// stored directory changed (a sync, a role change, on any instance). A click reads people from here and never from
/// storage; the version is looked at (one point read) at most every <see cref="PeopleDirectoryOptions.RefreshEvery"/>,
/// and a changed directory is read again in the background while clicks go on with the one held.
/// </summary>
public sealed partial class PeopleDirectory(PeopleStore store, PeopleDirectoryOptions options, TimeProvider time, ILogger<PeopleDirectory> logger)
{
    private readonly SemaphoreSlim loading = new(1, 1);
    private volatile Held? held;
    private long checkedAt;
    private int refreshing;

    private sealed record Held(PeopleLookup People, string Version, long LocalWrites);

    /// <summary>
    /// The directory held now. The first call reads it (at start-up, before any click); so does the first call after
    /// this instance wrote people, so that whoever changed a role sees the change in their next card.
    /// </summary>
    public async ValueTask<PeopleLookup> CurrentAsync(CancellationToken cancellationToken)
    {
        if (held is not { } now || now.LocalWrites != store.LocalWrites)
        {
            return (await LoadAsync(cancellationToken).ConfigureAwait(false)).People;
        }

        var at = time.GetTimestamp();
        if (time.GetElapsedTime(Interlocked.Read(ref checkedAt), at) >= options.RefreshEvery && Interlocked.Exchange(ref refreshing, 1) == 0)
        {
            Interlocked.Exchange(ref checkedAt, at);
            // Not awaited: whoever asked goes on with the directory held; the next one gets the new one.
            _ = Task.Run(() => RefreshAsync(now.Version), CancellationToken.None);
        }

        return now.People;
    }

    /// <summary>A person by id from the directory held (null when unknown).</summary>
    public async ValueTask<Person?> FindAsync(PersonId id, CancellationToken cancellationToken) =>
        (await CurrentAsync(cancellationToken).ConfigureAwait(false)).Find(id);

    private async Task<Held> LoadAsync(CancellationToken cancellationToken)
    {
        await loading.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (held is { } done && done.LocalWrites == store.LocalWrites)
            {
                return done;
            }

            // The version and the local count first: a write between them and the read leaves an older version held,
            // so the next look reads again.
            var writes = store.LocalWrites;
            var version = await store.VersionAsync(cancellationToken).ConfigureAwait(false);
            var loaded = new Held(await ReadAsync(cancellationToken).ConfigureAwait(false), version, writes);
            held = loaded;
            Interlocked.Exchange(ref checkedAt, time.GetTimestamp());
            return loaded;
        }
        finally
        {
            loading.Release();
        }
    }

    private async Task<PeopleLookup> ReadAsync(CancellationToken cancellationToken) =>
        new(await store.ListAsync(cancellationToken).ConfigureAwait(false), await store.ListUnitsAsync(cancellationToken).ConfigureAwait(false));

    private async Task RefreshAsync(string version)
    {
        try
        {
            var writes = store.LocalWrites;
            if (await store.VersionAsync(CancellationToken.None).ConfigureAwait(false) is var stored && stored != version)
            {
                var people = await ReadAsync(CancellationToken.None).ConfigureAwait(false);
                held = new Held(people, stored, writes);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Storage unreachable for a moment: the directory held stays, and the next look tries again.
            LogRefreshFailed(logger, e);
        }
        finally
        {
            Interlocked.Exchange(ref refreshing, 0);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reading the changed directory failed; the one held is kept")]
    private static partial void LogRefreshFailed(ILogger logger, Exception exception);
}
