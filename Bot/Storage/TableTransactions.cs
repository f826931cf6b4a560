using Azure;
using TalkBot.Bot.Storage.Tables;

namespace TalkBot.Bot.Storage;

public static class TableTransactions
{
    /// <summary>
    /// Submits an entity group transaction; false, with nothing written, when it lost a race: an Add found its row
    /// (409) or an ETag no longer matched (412). The caller reads again and re-applies, which the domain makes a no-op
    /// when the winner was the same change.
    /// </summary>
    public static async Task<bool> TrySubmitTransactionAsync(this TableClient table, IEnumerable<TableTransactionAction> actions, CancellationToken cancellationToken)
    {
        try
        {
            await table.SubmitTransactionAsync(actions, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (RequestFailedException e) when (e.Status is 409 or 412)
        {
            return false;
        }
    }

    /// <summary>
    /// Replaces a head row if its ETag still matches and inserts the rows added since it was read (versions, reports,
    /// reviews: never changed once written), in one entity group transaction; false, with nothing written, when
    /// another writer changed the head first or a row exists already.
    /// </summary>
    public static Task<bool> TrySaveAsync(this TableClient table, ITableEntity head, ETag ifMatch, IEnumerable<ITableEntity> added, CancellationToken cancellationToken) =>
        table.TrySubmitTransactionAsync(
            [new(TableTransactionActionType.UpdateReplace, head, ifMatch), .. added.Select(row => new TableTransactionAction(TableTransactionActionType.Add, row))],
            cancellationToken);

    /// <summary>
    /// Replaces the entity if its ETag still matches (the new ETag is written back into it); false when another
    /// writer changed or deleted it first (412, 404).
    /// </summary>
    public static async Task<bool> TryUpdateAsync<T>(this TableClient table, T entity, CancellationToken cancellationToken) where T : ITableEntity
    {
        try
        {
            await table.UpdateEntityAsync(entity, entity.ETag, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (RequestFailedException e) when (e.Status is 404 or 412)
        {
            return false;
        }
    }

    /// <summary>
    /// Claims up to <paramref name="max"/> rows the filter matches and <paramref name="isFree"/> accepts, each by an
    /// ETag-guarded update that <paramref name="take"/> prepares (owner, lease expiry, attempts): two instances never
    /// both win a row, and a row another instance took first is skipped.
    /// </summary>
    public static async Task<IReadOnlyList<T>> ClaimLeasesAsync<T>(
        this TableClient table, string filter, int max, Func<T, bool> isFree, Action<T> take, CancellationToken cancellationToken)
        where T : class, ITableEntity, new()
    {
        var claimed = new List<T>();
        await foreach (var row in table.QueryAsync<T>(filter, maxPerPage: max, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            if (!isFree(row))
            {
                continue;
            }

            take(row);
            if (await table.TryUpdateAsync(row, cancellationToken).ConfigureAwait(false))
            {
                claimed.Add(row);
            }

            if (claimed.Count >= max)
            {
                break;
            }
        }

        return claimed;
    }

    /// <summary>Every entity the filter matches, all pages.</summary>
    public static async Task<List<T>> QueryAllAsync<T>(this TableClient table, string filter, CancellationToken cancellationToken) where T : class, ITableEntity, new()
    {
        var rows = new List<T>();
        await foreach (var row in table.QueryAsync<T>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            rows.Add(row);
        }

        return rows;
    }
}
