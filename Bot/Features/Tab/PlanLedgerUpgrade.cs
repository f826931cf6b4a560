using TalkBot.Bot.Features.Plans;

namespace TalkBot.Bot.Features.Tab;

/// <summary>
/// Writes, once, the plans ledger's rows of the plans a store holds from before the ledger (<see cref="PlanLedgerRows"/>):
/// those of the twelve months the statistics show, in the background after start-up (<see cref="StoreUpgrade"/>);
/// <c>plans-2</c> writes them again, for the units' rows in their own table (<see cref="MatterIndex.UnitTable"/>).
/// </summary>
internal sealed class PlanLedgerUpgrade(MatterIndex index, PlanStore plans, PlanLedgerRows rows, WorkingCalendar calendar, TimeProvider time,
    ILogger<PlanLedgerUpgrade> logger) : StoreUpgrade(index, logger)
{
    public const string Upgrade = "plans-2";

    protected override string Name => Upgrade;

    protected override async Task<int> WriteAsync(CancellationToken cancellationToken)
    {
        var today = calendar.LocalDate(time.GetUtcNow());
        var written = 0;
        for (var back = 0; back < 12; back++)
        {
            var day = today.AddMonths(-back);
            var month = new PlanMonth(day.Year, day.Month);
            foreach (var talker in await plans.ListTalkersAsync(month, cancellationToken).ConfigureAwait(false))
            {
                await rows.WriteAsync(month, talker, cancellationToken).ConfigureAwait(false);
                written++;
            }
        }

        return written;
    }
}
