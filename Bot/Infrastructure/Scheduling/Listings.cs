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
public sealed class Listings(ScheduleStore schedule, SchedulerOptions options, TimeProvider time)
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
        }

        await schedule.CompleteAsync(planned, null, cancellationToken).ConfigureAwait(false);
        return saved;
    }
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
        return services.AddJob<T>(job, async (kind, entry, cancellationToken) =>
        {
            await kind.RelistAsync(entry.Subject, cancellationToken).ConfigureAwait(false);
            return null;
        });
    }
}
