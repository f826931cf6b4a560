namespace TalkBot.Bot.Infrastructure.Scheduling;

/// <summary>Scheduler configuration (section <c>Scheduler</c>).</summary>
public sealed class SchedulerOptions
{
    public const string Section = "Scheduler";

    /// <summary>Whether this instance runs the scheduler loop (every instance may: leases keep them apart).</summary>
    public bool Enabled { get; set; } = true;

    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long a claimed entry is this instance's; after it, another instance may take it over.</summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// How long a follow-up planned before its save waits before any instance may run it: longer than a save takes, so
    /// that only a follow-up whose request died on the way is run by the poll (and one whose save failed finds nothing).
    /// </summary>
    public TimeSpan FollowUpGrace { get; set; } = TimeSpan.FromMinutes(1);

    public int BatchSize { get; set; } = 50;

    /// <summary>
    /// Whether what follows a save starts right after it, in the background (the default). Off, it waits for the
    /// scheduler's poll after <see cref="FollowUpGrace"/>: what a restart after a crash does.
    /// </summary>
    public bool RunFollowUpsAfterSave { get; set; } = true;

    /// <summary>This instance's name in leases; by default the machine, process and a random suffix.</summary>
    public string InstanceId { get; set; } = $"{Environment.MachineName}-{Environment.ProcessId}-{Guid.NewGuid().ToString("N")[..6]}";
}

/// <summary>
/// Runs due entries: claims a batch by lease, runs each entry's job, and deletes the entry (or replaces it with its
/// next round) while the lease is still its own. A crash leaves the lease to lapse; the entry is then run again, and
/// the keyed sends it already made are not repeated.
/// </summary>
public sealed partial class Scheduler(ScheduleStore schedule, JobRegistry jobs, SchedulerOptions options, TimeProvider time, ILogger<Scheduler> logger)
{
    /// <returns>How many entries this run finished.</returns>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        var claimed = await schedule.ClaimDueAsync(time.GetUtcNow(), options.InstanceId, options.Lease, options.BatchSize, cancellationToken).ConfigureAwait(false);
        return await RunAsync(claimed, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Runs entries this instance has claimed; returns how many it finished.</summary>
    public async Task<int> RunAsync(IReadOnlyList<ClaimedEntry> claimed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(claimed);
        var done = 0;
        foreach (var entry in claimed)
        {
            Hosting.TalkBotTelemetry.SchedulerLag.Record((time.GetUtcNow() - entry.Entry.DueAt).TotalSeconds, new KeyValuePair<string, object?>("job", entry.Entry.Job));
            try
            {
                ScheduleEntry? next = null;
                if (jobs.Find(entry.Entry.Job) is { } job)
                {
                    next = await job.RunAsync(entry.Entry, cancellationToken).ConfigureAwait(false);
                }
                else
                {
                    // A job this version no longer has (or never had): nothing will ever run it.
                    LogUnknownJob(logger, entry.Entry.Key);
                }

                if (await schedule.CompleteAsync(entry, next, cancellationToken).ConfigureAwait(false))
                {
                    done++;
                }
                else
                {
                    LogLeaseLost(logger, entry.Entry.Key);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The entry stays; its lease lapses and it is tried again.
                LogJobFailed(logger, entry.Entry.Key, e);
            }
        }

        return done;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Scheduled entry {Key} finished after its lease was taken over")]
    private static partial void LogLeaseLost(ILogger logger, string key);

    [LoggerMessage(Level = LogLevel.Error, Message = "Scheduled entry {Key} failed; it will be tried again")]
    private static partial void LogJobFailed(ILogger logger, string key, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Scheduled entry {Key} names no registered job; dropped")]
    private static partial void LogUnknownJob(ILogger logger, string key);
}

/// <summary>The scheduler loop of this instance.</summary>
internal sealed class SchedulerService(Scheduler scheduler, SchedulerOptions options, ILogger<SchedulerService> logger)
    : Hosting.PollingService(options.PollInterval, logger)
{
    protected override async Task RunPassAsync(CancellationToken stoppingToken)
    {
        while (await scheduler.RunOnceAsync(stoppingToken).ConfigureAwait(false) >= options.BatchSize)
        {
            // A full batch: there may be more due now.
        }
    }
}
