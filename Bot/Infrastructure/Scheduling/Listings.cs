namespace TalkBot.Bot.Infrastructure.Scheduling;

/// <summary>
/// Keeps the rows a list reads (<see cref="MatterIndex"/>) with the matter they show, where the two live in different
/// tables and cannot share a transaction. Before the matter's save a keyed entry is planned (due after
/// <see cref="SchedulerOptions.FollowUpGrace"/>) naming the job that lists the matter again from what is stored; right
/// after the save the rows are written from the matter in hand and the entry is deleted. A crash between the two leaves
/// the entry, and any instance's scheduler lists the matter again once it is due: the list is mended within the grace
/// and a poll. A save that lost its race (or never happened) leaves nothing to list, and a job that finds the matter as
/// it was writes the same rows again.
/// </summary>
/// <para>
/// What else must follow every change of a listed matter (its counts) watches the listings
/// (<see cref="IListingWatcher"/>): told after the rows are written, here and by the job that lists a matter again. When a
/// watcher fails, the entry stays, and the job lists the matter again and tells the watchers once it is due.
/// </para>
public sealed partial class Listings(ScheduleStore schedule, SchedulerOptions options, TimeProvider time, IServiceProvider services, ILogger<Listings> logger)
{

    /// <summary>
    /// Plans <paramref name="job"/> for <paramref name="subject"/>, lets <paramref name="save"/> store the change and, when
    /// it did, <paramref name="list"/> write the rows; then drops the plan.
    /// </summary>
    public async Task<bool> SaveAsync(string job, string subject, Func<Task<bool>> save, Func<Task> list, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(save);
        ArgumentNullException.ThrowIfNull(list);
        // One entry per save (its own tag): two saves of one matter never share, nor delete, each other's.
        var entry = new ScheduleEntry(job, subject, null, time.GetUtcNow() + options.FollowUpGrace, Tag: Guid.NewGuid().ToString("N"));
        var planned = (await schedule.AddKeyedAsync([entry], cancellationToken).ConfigureAwait(false))[0];
        var saved = await save().ConfigureAwait(false);
        if (saved)
        {
            await list().ConfigureAwait(false);
            // Looked up when told, not when made: a watcher reads the stores that list through this class.
            if (!await TellAsync(services.GetServices<IListingWatcher>(), job, subject, logger, cancellationToken).ConfigureAwait(false))
            {
                // The entry stays: its job lists the matter again and tells the watchers when it is due.
                return saved;
            }
        }

        await schedule.CompleteAsync(planned, null, cancellationToken).ConfigureAwait(false);
        return saved;
    }

    /// <summary>Tells each watcher that <paramref name="subject"/> was listed by <paramref name="job"/>; false when one failed.</summary>
    internal static async Task<bool> TellAsync(IEnumerable<IListingWatcher> watchers, string job, string subject, ILogger logger, CancellationToken cancellationToken)
    {
        var told = true;
        foreach (var watcher in watchers)
        {
            try
            {
                await watcher.ListedAsync(job, subject, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogWatcherFailed(logger, job, subject, e);
                told = false;
            }
        }

        return told;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "What follows the listing of {Job} {Subject} failed; its entry tries again")]
    private static partial void LogWatcherFailed(ILogger logger, string job, string subject, Exception exception);
}

/// <summary>What follows every listing of a matter (<see cref="Listings"/>): idempotent, as it may be told twice.</summary>
public interface IListingWatcher
{
    /// <summary><paramref name="subject"/>, a matter of the kind listed by <paramref name="job"/>, was saved and listed.</summary>
    Task ListedAsync(string job, string subject, CancellationToken cancellationToken);
}

/// <summary>A kind of matter whose store lists it (<see cref="Listings"/>).</summary>
public interface IListedKind
{
    /// <summary>The id of every matter of this kind stored: a scan of its table, for <see cref="ListingUpgrade"/>.</summary>
    IAsyncEnumerable<string> StoredAsync(CancellationToken cancellationToken);

    /// <summary>Lists the matter again as it is stored; one that is not (its save failed) is left alone.</summary>
    Task RelistAsync(string id, CancellationToken cancellationToken);
}

public static class ListingServices
{
    /// <summary>
    /// Registers a kind of matter <typeparamref name="T"/> lists: the job <paramref name="job"/> that lists one again
    /// from what is stored, by its id, and the kind for <see cref="ListingUpgrade"/>.
    /// </summary>
    public static IServiceCollection AddListing<T>(this IServiceCollection services, string job) where T : class, IListedKind
    {
        services.AddSingleton<IListedKind>(sp => sp.GetRequiredService<T>());
        services.AddSingleton<IScheduledJob>(sp => new DelegateJob(job, async (entry, cancellationToken) =>
        {
            await sp.GetRequiredService<T>().RelistAsync(entry.Subject, cancellationToken).ConfigureAwait(false);
            if (!await Listings.TellAsync(sp.GetServices<IListingWatcher>(), job, entry.Subject, sp.GetRequiredService<ILogger<Listings>>(), cancellationToken).ConfigureAwait(false))
            {
                throw new InvalidOperationException($"What follows the listing of {entry.Subject} failed; the entry is tried again.");
            }

            return null;
        }));
        return services;
    }
}
