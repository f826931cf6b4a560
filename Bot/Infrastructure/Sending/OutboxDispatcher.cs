using System.Threading.Channels;

namespace TalkBot.Bot.Infrastructure.Sending;

/// <summary>
/// Drains the outbox: claims pending sends by lease (queued by a fan-out, or left by an instance that stopped
/// mid-send) and sends them with <see cref="SenderOptions.Concurrency"/> in flight; each send is finished by
/// <see cref="ProactiveSender.DeliverAsync"/> (outcome, escalation, hand-over).
/// </summary>
public sealed partial class OutboxDispatcher(OutboxStore outbox, ProactiveSender sender, SenderOptions options, ILogger<OutboxDispatcher> logger)
{
    /// <summary>
    /// On start: what this instance's name held before it stopped is freed at once rather than after the lease
    /// (useful when <see cref="SenderOptions.InstanceId"/> is a stable name, such as the pod's).
    /// </summary>
    public Task<int> ResumeAsync(CancellationToken cancellationToken) => outbox.ReleaseLeasesAsync(options.InstanceId, cancellationToken);

    /// <summary>Sends until nothing claimable is pending; returns how many sends it finished.</summary>
    public async Task<int> DrainAsync(CancellationToken cancellationToken)
    {
        var work = Channel.CreateBounded<ClaimedSend>(options.Concurrency);
        var finished = 0;
        var workers = Enumerable.Range(0, options.Concurrency).Select(_ => Task.Run(async () =>
        {
            await foreach (var send in work.Reader.ReadAllAsync(CancellationToken.None).ConfigureAwait(false))
            {
                if (await TryDeliverAsync(send, cancellationToken).ConfigureAwait(false))
                {
                    Interlocked.Increment(ref finished);
                }
            }
        }, CancellationToken.None)).ToArray();

        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                var claimed = await outbox.ClaimAsync(options.WireClock.GetUtcNow(), options.InstanceId, options.Lease, options.Concurrency, cancellationToken).ConfigureAwait(false);
                if (claimed.Count == 0)
                {
                    break;
                }

                foreach (var send in claimed)
                {
                    await work.Writer.WriteAsync(send, cancellationToken).ConfigureAwait(false);
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopping: what was claimed but not sent keeps its lease, which lapses; another run sends it.
        }
        finally
        {
            work.Writer.Complete();
            await Task.WhenAll(workers).ConfigureAwait(false);
        }

        return finished;
    }

    private async Task<bool> TryDeliverAsync(ClaimedSend send, CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            return false;
        }

        try
        {
            return (await sender.DeliverAsync(send, cancellationToken).ConfigureAwait(false)).Status != SendStatus.Queued;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return false;
        }
        catch (Exception e)
        {
            // The lease lapses and the send is tried again.
            LogDeliverFailed(logger, send.Key, send.Person.Value, e);
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Outbox send {Key} to {Person} broke off; it will be tried again")]
    private static partial void LogDeliverFailed(ILogger logger, string key, string person, Exception exception);
}

/// <summary>The outbox loop of this instance (<c>Sender:DispatcherEnabled</c>): every poll, and at once when a message is queued here.</summary>
internal sealed class OutboxDispatcherService(OutboxDispatcher dispatcher, SenderOptions options, OutboxWakeup wakeup, ILogger<OutboxDispatcherService> logger)
    : Infrastructure.Hosting.PollingService(options.PollInterval, logger, wakeup)
{
    private bool resumed;

    protected override async Task RunPassAsync(CancellationToken stoppingToken)
    {
        if (!resumed)
        {
            await dispatcher.ResumeAsync(stoppingToken).ConfigureAwait(false);
            resumed = true;
        }

        await dispatcher.DrainAsync(stoppingToken).ConfigureAwait(false);
    }
}
