namespace TalkBot.Bot.Infrastructure.Scheduling;

/// <summary>
/// A durable piece of work: which job, about what (the subject's id, typed by the job that reads it), for whom, and
/// when. Features register their jobs (<see cref="IScheduledJob"/>); the scheduler names none of them.
/// </summary>
/// <param name="Job">The registered job's name.</param>
/// <param name="Subject">The id of what the job is about (a talk, a lead, a case, a plan month), as the job's own id type writes it.</param>
/// <param name="Tag">Tells chains of the same job apart, such as a rectification's due date after a return.</param>
/// <param name="Payload">What a follow-up carries (its event, as JSON); null for reminders.</param>
public sealed record ScheduleEntry(string Job, string Subject, PersonId? Person, DateTimeOffset DueAt, int Round = 1, string? Tag = null, string? Payload = null)
{
    /// <summary>
    /// The idempotency key: one entry per job, subject, person, tag and round. Scheduling it again is a no-op, and every
    /// send it makes carries this key, so a re-run after a crash sends nothing twice.
    /// </summary>
    public string Key => $"{Job}|{Subject}|{Person?.Value ?? "-"}|{Tag ?? "-"}|{Round}";
}

/// <summary>
/// What a due entry does. A job first checks that its thing is still not done (reminders stop as soon as it is) and
/// sends under the entry's key, so that a re-run after a crash sends nothing twice. It returns the entry that follows
/// it (the next escalation), or null.
/// </summary>
public interface IScheduledJob
{
    /// <summary>The name entries carry; two jobs with one name fail at start-up.</summary>
    string Name { get; }

    Task<ScheduleEntry?> RunAsync(ScheduleEntry entry, CancellationToken cancellationToken);
}

/// <summary>The registered jobs by name.</summary>
public sealed class JobRegistry
{
    private readonly Dictionary<string, IScheduledJob> jobs = new(StringComparer.Ordinal);

    public JobRegistry(IEnumerable<IScheduledJob> registered)
    {
        ArgumentNullException.ThrowIfNull(registered);
        foreach (var job in registered)
        {
            if (!jobs.TryAdd(job.Name, job))
            {
                throw new InvalidOperationException($"Two jobs registered as '{job.Name}': {jobs[job.Name].GetType().Name} and {job.GetType().Name}.");
            }
        }
    }

    public IScheduledJob? Find(string name) => jobs.GetValueOrDefault(name);
}

/// <summary>A job that is one method of a service (one service may run several jobs).</summary>
internal sealed class DelegateJob(string name, Func<ScheduleEntry, CancellationToken, Task<ScheduleEntry?>> run) : IScheduledJob
{
    public string Name => name;

    public Task<ScheduleEntry?> RunAsync(ScheduleEntry entry, CancellationToken cancellationToken) => run(entry, cancellationToken);
}

public static class JobServices
{
    /// <summary>Registers <paramref name="name"/> as a job that <typeparamref name="T"/>'s <paramref name="run"/> does.</summary>
    public static IServiceCollection AddJob<T>(this IServiceCollection services, string name, Func<T, ScheduleEntry, CancellationToken, Task<ScheduleEntry?>> run)
        where T : class
    {
        services.AddSingleton<IScheduledJob>(sp =>
        {
            var service = sp.GetRequiredService<T>();
            return new DelegateJob(name, (entry, cancellationToken) => run(service, entry, cancellationToken));
        });
        return services;
    }
}
