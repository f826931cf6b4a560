using System.Text.Json;
using Microsoft.Extensions.DependencyInjection.Extensions;

using TalkBot.Bot.Infrastructure.Hosting;

namespace TalkBot.Bot.Infrastructure.Scheduling;

/// <summary>
/// What one feature does when another's change is saved (a record logged → the talkee's rectification opens). The event
/// type lives in Domain, where the two features meet; neither names the other.
/// </summary>
public interface IFollowUp<in TEvent>
{
    /// <summary>
    /// Runs once the event is saved, and again after a crash until it finishes: it checks the stored state first (the
    /// event may not have been saved after all) and makes every effect idempotent (keyed sends, inserts that find their row).
    /// </summary>
    Task RunAsync(TEvent change, CancellationToken cancellationToken);
}

/// <summary>A follow-up registered for an event type, by job name.</summary>
public sealed record FollowUpRegistration(Type Event, string Job);

/// <summary>Follow-ups planned for one change, to run once it is saved.</summary>
public sealed record PlannedFollowUps(IReadOnlyList<ClaimedEntry> Entries)
{
    public static PlannedFollowUps None { get; } = new([]);
}

/// <summary>
/// Makes what follows a save as durable as the save: every follow-up of the change is written to the schedule
/// (keyed, due after <see cref="SchedulerOptions.FollowUpGrace"/>) before the save, and started right after it in the
/// background, so that the click that saved answers at once. A crash between the two leaves the entries for any
/// instance's scheduler; a save that did not happen leaves entries that find nothing to do.
/// </summary>
public sealed class FollowUps(
    ScheduleStore schedule, Scheduler scheduler, IEnumerable<FollowUpRegistration> registrations, SchedulerOptions options, BackgroundWork background, TimeProvider time)
{
    private readonly ILookup<Type, string> jobs = registrations.ToLookup(r => r.Event, r => r.Job);

    /// <summary>Plans the follow-ups of <paramref name="change"/>, identified by <paramref name="key"/>, before its save.</summary>
    public async Task<PlannedFollowUps> PlanAsync<TEvent>(TEvent change, string key, CancellationToken cancellationToken) where TEvent : notnull
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        var payload = JsonSerializer.Serialize(change);
        var due = time.GetUtcNow() + options.FollowUpGrace;
        var entries = jobs[typeof(TEvent)].Select(job => new ScheduleEntry(job, key, null, due, Payload: payload)).ToList();
        return entries.Count == 0 ? PlannedFollowUps.None : new(await schedule.AddKeyedAsync(entries, cancellationToken).ConfigureAwait(false));
    }

    /// <summary>Runs planned follow-ups now, after their save; one another instance took first is left to it.</summary>
    public async Task RunAsync(PlannedFollowUps planned, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(planned);
        if (planned.Entries.Count == 0)
        {
            return;
        }

        var claimed = await schedule.ClaimAsync(planned.Entries, time.GetUtcNow(), options.InstanceId, options.Lease, cancellationToken).ConfigureAwait(false);
        await scheduler.RunAsync(claimed, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Plans, lets <paramref name="save"/> store the change, and when it did, starts the follow-ups in the background
    /// (<see cref="SchedulerOptions.RunFollowUpsAfterSave"/>; otherwise the scheduler runs them after the grace).
    /// </summary>
    public async Task<bool> SaveAsync<TEvent>(TEvent change, string key, Func<Task<bool>> save, CancellationToken cancellationToken) where TEvent : notnull
    {
        ArgumentNullException.ThrowIfNull(save);
        var planned = await PlanAsync(change, key, cancellationToken).ConfigureAwait(false);
        if (!await save().ConfigureAwait(false))
        {
            return false;
        }

        if (options.RunFollowUpsAfterSave && planned.Entries.Count > 0)
        {
            background.Start("follow-ups of " + key, ct => RunAsync(planned, ct));
        }

        return true;
    }

    /// <summary>
    /// Plans and runs the follow-ups of a change already saved, in the background: for a click whose answer may not wait
    /// for another storage call before its save. A crash before the plan is stored loses them; what they do must be
    /// mended otherwise (the statistics' daily recount of what is unfinished does).
    /// </summary>
    public void StartAfterSave<TEvent>(TEvent change, string key) where TEvent : notnull =>
        background.Start("follow-ups of " + key, async ct => await RunAsync(await PlanAsync(change, key, ct).ConfigureAwait(false), ct).ConfigureAwait(false));
}

/// <summary>Runs one registered follow-up from its schedule entry.</summary>
internal sealed class FollowUpJob<TEvent, THandler>(string name, THandler handler) : IScheduledJob where THandler : IFollowUp<TEvent>
{
    public string Name => name;

    public async Task<ScheduleEntry?> RunAsync(ScheduleEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var change = JsonSerializer.Deserialize<TEvent>(entry.Payload ?? "null")
            ?? throw new InvalidDataException($"Follow-up {entry.Key} carries no event.");
        await handler.RunAsync(change, cancellationToken).ConfigureAwait(false);
        return null;
    }
}

public static class FollowUpServices
{
    /// <summary>
    /// Registers <typeparamref name="THandler"/> to run after every saved <typeparamref name="TEvent"/>, as the durable
    /// job <paramref name="name"/>.
    /// </summary>
    public static IServiceCollection AddFollowUp<TEvent, THandler>(this IServiceCollection services, string name)
        where THandler : class, IFollowUp<TEvent>
    {
        services.TryAddSingleton<THandler>();
        services.AddSingleton(new FollowUpRegistration(typeof(TEvent), name));
        services.AddSingleton<IScheduledJob>(sp => new FollowUpJob<TEvent, THandler>(name, sp.GetRequiredService<THandler>()));
        return services;
    }
}
