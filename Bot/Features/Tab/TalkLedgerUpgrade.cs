namespace TalkBot.Bot.Features.Tab;

/// <summary>
/// Moves, once, the talk ledger's rows of a store to where they are kept now (<see cref="TalkLedgerTables"/>): every talk
/// stored is written again, then the rows of the layouts before are deleted, in the background after start-up
/// (<see cref="StoreUpgrade"/>). Those were keyed by talk (<c>tl|{talk}</c>, <c>tn|</c>, <c>tq|</c>,
/// <c>tr|{talk}|{talkee}</c>) in both tables of <see cref="MatterIndex"/>, then by month (<c>t|{month}|…</c>) with the
/// units' partitions in <c>UnitIndex</c>. Until it is done the ledger shows the talks written again so far.
/// </summary>
internal sealed class TalkLedgerUpgrade(MatterIndex index, Records.TalkLines talks, TalkLedgerRows rows, ILogger<TalkLedgerUpgrade> logger) : StoreUpgrade(index, logger)
{
    public const string Upgrade = "talk-ledger-tables";

    /// <summary>The first and last of the rows' prefixes keyed by talk, which sat side by side in key order.</summary>
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
        await Index.DeleteEverywhereAsync(TalkLedgerRows.Prefix, TalkLedgerRows.Prefix, cancellationToken, MatterIndex.UnitPartitions).ConfigureAwait(false);
        return written;
    }
}
