namespace TalkBot.Bot.Infrastructure.Scheduling;

/// <summary>
/// A one-off rewrite of rows a store holds from before they existed (<see cref="MatterIndex"/> marks each done): at
/// start-up a store marked as upgraded, or with nothing to upgrade, is left as it is (and marked); otherwise the rows are
/// written in the background, off the start-up path, and the store marked once all are. A stop before then leaves it
/// unmarked and the next start writes them again: the writing is idempotent.
/// </summary>
internal abstract partial class StoreUpgrade(MatterIndex index, ILogger logger) : BackgroundService
{
    /// <summary>The index the upgrade is marked in, for an upgrade of its rows.</summary>
    protected MatterIndex Index => index;

    /// <summary>The upgrade's name, as marked in the store.</summary>
    protected abstract string Name { get; }

    /// <summary>Whether the store holds anything to upgrade.</summary>
    protected virtual Task<bool> AnyStoredAsync(CancellationToken cancellationToken) => Task.FromResult(true);

    /// <summary>Writes the rows; returns how many items were written.</summary>
    protected abstract Task<int> WriteAsync(CancellationToken cancellationToken);

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        if (await index.IsUpgradedAsync(Name, cancellationToken).ConfigureAwait(false))
        {
            return;
        }

        if (!await AnyStoredAsync(cancellationToken).ConfigureAwait(false))
        {
            await index.MarkUpgradedAsync(Name, cancellationToken).ConfigureAwait(false);
            return;
        }

        await base.StartAsync(cancellationToken).ConfigureAwait(false);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Off the start-up path: the host answers while the rows are written, their calls in the background lane.
        await Task.Yield();
        Storage.BackgroundLane.Enter();
        try
        {
            var written = await WriteAsync(stoppingToken).ConfigureAwait(false);
            await index.MarkUpgradedAsync(Name, stoppingToken).ConfigureAwait(false);
            LogWritten(logger, Name, written);
        }
        catch (OperationCanceledException)
        {
            // Stopped: the next start writes them again.
        }
        catch (Exception e)
        {
            LogFailed(logger, Name, e);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Upgrade {Upgrade}: wrote the rows of {Count} items stored before")]
    private static partial void LogWritten(ILogger logger, string upgrade, int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "Upgrade {Upgrade} failed; the next start tries again")]
    private static partial void LogFailed(ILogger logger, string upgrade, Exception exception);
}
