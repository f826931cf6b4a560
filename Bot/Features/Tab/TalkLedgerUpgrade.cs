namespace TalkBot.Bot.Features.Tab;

/// <summary>
/// Moves, once, the talk ledger's rows of a store from before they were kept by month (<c>tl|{talk}</c>,
/// <c>tn|</c>, <c>tq|</c>, <c>tr|{talk}|{talkee}</c>) to their month's keys (<see cref="TalkLedgerRows"/>): every talk
/// stored is written again, then the old rows are deleted, in the background after start-up (<see cref="StoreUpgrade"/>).
/// Until it is done the ledger shows the talks written again so far.
/// </summary>
internal sealed class TalkLedgerUpgrade(MatterIndex index, Records.TalkLines talks, TalkLedgerRows rows, ILogger<TalkLedgerUpgrade> logger) : StoreUpgrade(index, logger)
{
    public const string Upgrade = "talks-by-month";

    /// <summary>The first and last of the old rows' prefixes, which sat side by side in key order.</summary>
    internal const string OldFirst = "tl|";
    internal const string OldLast = "tr|";

    protected override string Name => Upgrade;

    protected override async Task<bool> AnyStoredAsync(CancellationToken cancellationToken) =>
        await talks.StoredAsync(cancellationToken).AnyAsync(cancellationToken).ConfigureAwait(false);

    protected override async Task<int> WriteAsync(CancellationToken cancellationToken)
    {
        var written = 0;
        await foreach (var id in talks.StoredAsync(cancellationToken).ConfigureAwait(false))
        {
            if (TalkId.TryParse(id, out var talk))
            {
                await rows.WriteAsync(talk, cancellationToken).ConfigureAwait(false);
                written++;
            }
        }

        await Index.DeleteEverywhereAsync(OldFirst, OldLast, cancellationToken).ConfigureAwait(false);
        return written;
    }
}
