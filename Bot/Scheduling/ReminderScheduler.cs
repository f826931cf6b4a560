namespace TalkBot.Bot.Scheduling;

/// <summary>Scheduler configuration (section <c>Scheduler</c>).</summary>
public sealed class SchedulerOptions
{
    public const string Section = "Scheduler";

    /// <summary>Whether this instance runs the scheduler loop (every instance may: leases keep them apart).</summary>
    public bool Enabled { get; set; } = true;

    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long a claimed entry is this instance's; after it, another instance may take it over.</summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(2);

    public int BatchSize { get; set; } = 50;

    /// <summary>This instance's name in leases; by default the machine, process and a random suffix.</summary>
    public string InstanceId { get; set; } = $"{Environment.MachineName}-{Environment.ProcessId}-{Guid.NewGuid().ToString("N")[..6]}";
}

/// <summary>
/// Runs the due reminders: claims a batch by lease, runs each job, and deletes the entry (or replaces it with its next
/// round) while the lease is still its own. A crash leaves the lease to lapse; the entry is then run again, and the
/// keyed sends it already made are not repeated.
/// </summary>
public sealed partial class ReminderScheduler(ScheduleStore schedule, ReminderJobs jobs, SchedulerOptions options, TimeProvider time, ILogger<ReminderScheduler> logger)
{
    /// <returns>How many entries this run finished.</returns>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        var done = 0;
        var claimed = await schedule.ClaimDueAsync(time.GetUtcNow(), options.InstanceId, options.Lease, options.BatchSize, cancellationToken).ConfigureAwait(false);
        foreach (var entry in claimed)
        {
            try
            {
                var next = await jobs.RunAsync(entry.Entry, cancellationToken).ConfigureAwait(false);
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reminder {Key} finished after its lease was taken over")]
    private static partial void LogLeaseLost(ILogger logger, string key);

    [LoggerMessage(Level = LogLevel.Error, Message = "Reminder {Key} failed; it will be tried again")]
    private static partial void LogJobFailed(ILogger logger, string key, Exception exception);
}

/// <summary>The scheduler loop of this instance.</summary>
internal sealed class ReminderSchedulerService(ReminderScheduler scheduler, SchedulerOptions options, ILogger<ReminderSchedulerService> logger)
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
