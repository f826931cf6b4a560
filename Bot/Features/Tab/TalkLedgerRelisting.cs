using TalkBot.Bot.Features.Directory;

namespace TalkBot.Bot.Features.Tab;

/// <summary>
/// Lists again, in every month, the talks listed under a unit moved under another parent (<see cref="UnitsMoved"/>), so
/// that they are listed under its new parents too (<see cref="TalkeeRows.UnitPartitions"/>): the office above it then sees
/// them. Their rows under the old parents stay, and the old parents' offices no longer see them: a view shows a talk by
/// the units it sees now (<see cref="LedgerAccess.CanSeeTalk"/>). Writing again is harmless, so a follow-up run twice is too.
/// </summary>
public sealed class TalkLedgerRelisting(TalkLedgerTables tables, TalkLedgerRows rows) : IFollowUp<UnitsMoved>
{
    public async Task RunAsync(UnitsMoved change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        foreach (var month in await tables.MonthsAsync(cancellationToken).ConfigureAwait(false))
        {
            var talks = new SortedSet<string>(StringComparer.Ordinal);
            foreach (var unit in change.Units)
            {
                var listed = await tables.Month(month).QueryKindsAsync(TalkLedgerRows.UnitPartition(new UnitId(unit)), TalkLedgerRows.Prefix, TalkLedgerRows.Prefix,
                    cancellationToken).ConfigureAwait(false);
                talks.UnionWith(listed.Where(r => TalkLedgerRows.KindOf(r.RowKey) == TalkLedgerRows.LineKind).Select(r => r.GetString(nameof(ListRow.Matter)) ?? ""));
            }

            foreach (var id in talks)
            {
                if (TalkId.TryParse(id, out var talk))
                {
                    await rows.WriteAsync(talk, cancellationToken).ConfigureAwait(false);
                }
            }
        }
    }
}
