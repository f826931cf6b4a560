namespace TalkBot.Bot.Infrastructure.Scheduling;

/// <summary>
/// Lists, once, the matters a store holds from before their lists were rows of their own (<see cref="MatterIndex"/>: the
/// index then held bare pointers, and talks were not listed at all). A store holding no matter at all is only marked;
/// otherwise every matter of every <see cref="IListedKind"/> is listed again in the background (<see cref="StoreUpgrade"/>):
/// listing is idempotent.
/// </summary>
internal sealed class ListingUpgrade(MatterIndex index, IEnumerable<IListedKind> kinds, ILogger<ListingUpgrade> logger) : StoreUpgrade(index, logger)
{
    /// <summary>
    /// The upgrade to rows that carry their lines; <c>lines-2</c> adds the tab's talk ledger rows (with the notices
    /// already answered) and the tasks' opening time, so a store upgraded to <c>lines-1</c> is listed once more;
    /// <c>lines-3</c> adds the talkees' rectifications to the talk ledger (<c>tr|</c>), for the lights of their reports;
    /// <c>lines-4</c> adds the notices delivered or not deliverable (<c>tn|</c>) and the quizzes taken (<c>tq|</c>);
    /// <c>lines-5</c> writes the units' rows into their own table (<see cref="MatterIndex.UnitTable"/>).
    /// </summary>
    public const string Upgrade = "lines-5";

    protected override string Name => Upgrade;

    protected override async Task<bool> AnyStoredAsync(CancellationToken cancellationToken)
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

    protected override async Task<int> WriteAsync(CancellationToken cancellationToken)
    {
        var listed = 0;
        foreach (var kind in kinds)
        {
            await foreach (var id in kind.StoredAsync(cancellationToken).ConfigureAwait(false))
            {
                await kind.RelistAsync(id, cancellationToken).ConfigureAwait(false);
                listed++;
            }
        }

        return listed;
    }
}
