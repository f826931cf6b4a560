using TalkBot.Bot.Features.Plans;

namespace TalkBot.Bot.Features.Tab;

/// <summary>
/// Writes, once, the plans ledger's rows of the plans a store holds from before the ledger (<see cref="PlanLedgerRows"/>):
/// those of the twelve months the statistics show, in the background after start-up, and marks the store once all are
/// written. A stop before then leaves it unmarked and the next start writes them again: writing is idempotent.
/// </summary>
internal sealed partial class PlanLedgerUpgrade(MatterIndex index, PlanStore plans, PlanLedgerRows rows, WorkingCalendar calendar, TimeProvider time,
    ILogger<PlanLedgerUpgrade> logger) : BackgroundService
{
    public const string Upgrade = "plans-1";

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!await index.IsUpgradedAsync(Upgrade, cancellationToken).ConfigureAwait(false))
        {
            await base.StartAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Off the start-up path: the host answers while the rows are written.
        await Task.Yield();
        try
        {
            var first = calendar.LocalDate(time.GetUtcNow());
            var written = 0;
            for (var back = 0; back < 12; back++)
            {
                var day = first.AddMonths(-back);
                var month = new PlanMonth(day.Year, day.Month);
                foreach (var talker in await plans.ListTalkersAsync(month, stoppingToken).ConfigureAwait(false))
                {
                    await rows.WriteAsync(month, talker, stoppingToken).ConfigureAwait(false);
                    written++;
                }
            }

            await index.MarkUpgradedAsync(Upgrade, stoppingToken).ConfigureAwait(false);
            LogWritten(logger, written);
        }
        catch (OperationCanceledException)
        {
            // Stopped: the next start writes them again.
        }
        catch (Exception e)
        {
            LogFailed(logger, e);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Wrote the plans ledger's rows of {Count} plans stored before it")]
    private static partial void LogWritten(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "Writing the plans ledger's rows of the plans stored before failed; the next start tries again")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
