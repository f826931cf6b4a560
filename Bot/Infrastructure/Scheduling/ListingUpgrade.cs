namespace TalkBot.Bot.Infrastructure.Scheduling;

/// <summary>
/// Lists, once, the matters a store holds from before their lists were rows of their own (<see cref="MatterIndex"/>: the
/// index then held bare pointers, and talks were not listed at all). At start-up a store marked as upgraded, or holding
/// no matter at all, is left as it is (and marked); otherwise every matter of every <see cref="IListedKind"/> is listed
/// again in the background and the store marked once all are. A stop before then leaves it unmarked, and the next start
/// lists them all again: listing is idempotent.
/// </summary>
internal sealed partial class ListingUpgrade(MatterIndex index, IEnumerable<IListedKind> kinds, ILogger<ListingUpgrade> logger) : BackgroundService
{
    /// <summary>
    /// The upgrade to rows that carry their lines; <c>lines-2</c> adds the tab's talk ledger rows (with the notices
    /// already answered) and the tasks' opening time, so a store upgraded to <c>lines-1</c> is listed once more;
    /// <c>lines-3</c> adds the talkees' rectifications to the talk ledger (<c>tr|</c>), for the lights of their reports;
    /// <c>lines-4</c> adds the notices delivered or not deliverable (<c>tn|</c>) and the quizzes taken (<c>tq|</c>).
    /// </summary>
    public const string Upgrade = "lines-4";

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        if (await index.IsUpgradedAsync(Upgrade, cancellationToken).ConfigureAwait(false))
        {
            return;
        }

        if (!await AnyStoredAsync(cancellationToken).ConfigureAwait(false))
        {
            await index.MarkUpgradedAsync(Upgrade, cancellationToken).ConfigureAwait(false);
            return;
        }

        await base.StartAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task<bool> AnyStoredAsync(CancellationToken cancellationToken)
    {
        foreach (var kind in kinds)
        {
            await foreach (var _ in kind.StoredAsync(cancellationToken).ConfigureAwait(false))
            {
                return true;
            }
        }

        return false;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Off the start-up path: the host answers while the matters are listed.
        await Task.Yield();
        try
        {
            var listed = 0;
            foreach (var kind in kinds)
            {
                await foreach (var id in kind.StoredAsync(stoppingToken).ConfigureAwait(false))
                {
                    await kind.RelistAsync(id, stoppingToken).ConfigureAwait(false);
                    listed++;
                }
            }

            await index.MarkUpgradedAsync(Upgrade, stoppingToken).ConfigureAwait(false);
            LogListed(logger, listed);
        }
        catch (OperationCanceledException)
        {
            // Stopped: the next start lists them again.
        }
        catch (Exception e)
        {
            LogFailed(logger, e);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Listed {Count} matters stored before their lists were rows of their own")]
    private static partial void LogListed(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "Listing the matters stored before failed; the next start tries again")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
