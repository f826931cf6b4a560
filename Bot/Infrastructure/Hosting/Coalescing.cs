namespace TalkBot.Bot.Infrastructure.Hosting;

/// <summary>
/// Runs the work of one key one run at a time, and folds every call that comes while a run goes into the one run after
/// it. Each call completes with a run that started after the call was made, so a caller that saved a change before
/// calling sees it taken into account; a burst of calls for one key (twenty talkees of a talk answering at once) costs
/// two runs rather than twenty. A run's failure or cancellation is every folded caller's, each of which retries as it
/// would have alone (a follow-up runs again).
/// </summary>
public sealed class Coalescing<TKey> where TKey : notnull
{
    private sealed record State(TaskCompletionSource? Waiting, Task Last);

    private readonly Lock gate = new();
    private readonly Dictionary<TKey, State> states = [];

    /// <summary>Keys with a run going or waiting: none once every run has finished.</summary>
    public int Pending
    {
        get
        {
            lock (gate)
            {
                return states.Count;
            }
        }
    }

    /// <param name="work">What a run does; when the call is folded into a waiting run, that run's work is done instead (the same for a key).</param>
    public Task RunAsync(TKey key, Func<Task> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        TaskCompletionSource done;
        Task previous;
        lock (gate)
        {
            var state = states.GetValueOrDefault(key);
            if (state?.Waiting is { } waiting)
            {
                return waiting.Task;
            }

            done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            previous = state?.Last ?? Task.CompletedTask;
            states[key] = new State(done, done.Task);
        }

        _ = RunAfterAsync(key, previous, done, work);
        return done.Task;
    }

    private async Task RunAfterAsync(TKey key, Task previous, TaskCompletionSource done, Func<Task> work)
    {
        await previous.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        lock (gate)
        {
            // From here on a call needs a run of its own: this one may have read before that call's change was saved.
            states[key] = new State(null, done.Task);
        }

        try
        {
            await work().ConfigureAwait(false);
            done.SetResult();
        }
        catch (OperationCanceledException e)
        {
            done.SetCanceled(e.CancellationToken);
        }
        catch (Exception e)
        {
            done.SetException(e);
        }
        finally
        {
            lock (gate)
            {
                if (states.TryGetValue(key, out var state) && state.Waiting is null && state.Last == done.Task)
                {
                    states.Remove(key);
                }
            }
        }
    }
}
