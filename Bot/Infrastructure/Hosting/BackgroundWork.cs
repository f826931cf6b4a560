namespace TalkBot.Bot.Infrastructure.Hosting;

/// <summary>
/// Work a request starts and does not wait for: what follows a save, once the save is stored and its follow-ups are
/// in the schedule. Nothing here is the only copy of anything: a crash loses the run, never the work, which the
/// scheduler then does from its durable entry. At most <see cref="MaxConcurrency"/> pieces run at once, their storage
/// calls in the background lane (<see cref="Storage.BackgroundLane"/>); stopping the host waits for those under way.
/// </summary>
public sealed partial class BackgroundWork(ILogger<BackgroundWork> logger) : IHostedService
{
    /// <summary>Pieces running at once; more wait their turn.</summary>
    public const int MaxConcurrency = 8;

    private readonly SemaphoreSlim slots = new(MaxConcurrency, MaxConcurrency);
    private readonly CancellationTokenSource stopping = new();
    private readonly Lock gate = new();
    private readonly HashSet<Task> running = [];
    private TaskCompletionSource idle = Idle();

    /// <summary>Starts <paramref name="work"/> and returns at once; a failure is logged, and its durable entry retries it.</summary>
    public void Start(string what, Func<CancellationToken, Task> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        Task task;
        lock (gate)
        {
            if (running.Count == 0)
            {
                idle = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            }

            // Not the request's context: the work outlives the request.
            task = Task.Run(() => RunAsync(what, work), CancellationToken.None);
            running.Add(task);
        }

        _ = task.ContinueWith(Finished, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    /// <summary>Completes once nothing is running (at once when nothing is).</summary>
    public Task WhenIdleAsync()
    {
        lock (gate)
        {
            return idle.Task;
        }
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Lets what runs finish, until the host's shutdown timeout cancels it; the scheduler redoes what did not.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        Task[] now;
        lock (gate)
        {
            now = [.. running];
        }

        try
        {
            await Task.WhenAll(now).WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            await stopping.CancelAsync().ConfigureAwait(false);
        }
    }

    private async Task RunAsync(string what, Func<CancellationToken, Task> work)
    {
        await slots.WaitAsync(stopping.Token).ConfigureAwait(false);
        try
        {
            Storage.BackgroundLane.Enter();
            await work(stopping.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException || !stopping.IsCancellationRequested)
        {
            LogFailed(logger, what, e);
        }
        finally
        {
            slots.Release();
        }
    }

    private void Finished(Task task)
    {
        lock (gate)
        {
            running.Remove(task);
            if (running.Count == 0)
            {
                idle.TrySetResult();
            }
        }
    }

    private static TaskCompletionSource Idle()
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        done.SetResult();
        return done;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Background work {What} failed; its schedule entry retries it")]
    private static partial void LogFailed(ILogger logger, string what, Exception exception);
}

/// <summary>Wakes a polling loop before its interval is up (work was queued), so that it starts at once.</summary>
public class Wakeup
{
    private readonly SemaphoreSlim signal = new(0, 1);

    /// <summary>Wakes the loop; several pokes before it wakes count as one.</summary>
    public void Poke()
    {
        try
        {
            if (signal.CurrentCount == 0)
            {
                signal.Release();
            }
        }
        catch (SemaphoreFullException)
        {
            // Poked meanwhile by another thread: awake already.
        }
    }

    /// <summary>Waits for a poke or for <paramref name="interval"/>, whichever comes first.</summary>
    public Task WaitAsync(TimeSpan interval, CancellationToken cancellationToken) => signal.WaitAsync(interval, cancellationToken);
}
