using Azure;
using Azure.Data.Tables;

namespace TalkBot.Bot.Infrastructure.Storage;

/// <summary>
/// The writes TalkBot builds on the Azure.Data.Tables SDK, with what the SDK leaves to its caller:
/// <list type="bullet">
/// <item>the new ETag is written back into the entity after every write (the SDK returns it only in the response), so
/// that a lease claimed by an update is still ours at the next update;</item>
/// <item>a transaction is checked before it is sent: at least one and at most 100 actions, all on one PartitionKey
/// (PROTOCOL §10). Azure refuses the others; Azurite accepts some of them, so a test on Azurite alone would not see it;</item>
/// <item>an update or delete inside a transaction names its ETag: <see cref="ETag.All"/> when it overwrites whatever is
/// there. The SDK sends an empty If-Match for a default ETag, which the service refuses.</item>
/// </list>
/// </summary>
public static class TableOperations
{
    /// <summary>PROTOCOL §10: an entity group transaction holds at most 100 entities of one PartitionKey.</summary>
    public const int MaxTransactionActions = 100;

    /// <summary>Submits a transaction after checking it, and writes each written entity's new ETag back into it.</summary>
    public static async Task SubmitAsync(this TableClient table, IEnumerable<TableTransactionAction> actions, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(table);
        var list = Check(actions);
        var response = await table.SubmitTransactionAsync(list, cancellationToken).ConfigureAwait(false);
        var results = response.Value;
        for (var i = 0; i < list.Count && i < results.Count; i++)
        {
            if (list[i].ActionType != TableTransactionActionType.Delete && results[i].Headers.ETag is { } etag)
            {
                list[i].Entity.ETag = etag;
            }
        }
    }

    /// <summary>
    /// Submits a transaction; false, with nothing written, when it lost a race: an Add found its row (409) or an ETag
    /// no longer matched (412). The caller reads again and re-applies, which the domain makes a no-op when the winner
    /// was the same change.
    /// </summary>
    public static async Task<bool> TrySubmitAsync(this TableClient table, IEnumerable<TableTransactionAction> actions, CancellationToken cancellationToken)
    {
        try
        {
            await table.SubmitAsync(actions, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (RequestFailedException e) when (IsConflict(e))
        {
            return false;
        }
    }

    /// <summary>
    /// Replaces a head row if its ETag still matches and inserts the rows added since it was read (versions, reports,
    /// reviews: never changed once written), in one transaction; false, with nothing written, when another writer
    /// changed the head first or a row exists already.
    /// </summary>
    public static Task<bool> TrySaveAsync(this TableClient table, ITableEntity head, ETag ifMatch, IEnumerable<ITableEntity> added, CancellationToken cancellationToken) =>
        table.TrySubmitAsync(
            [new(TableTransactionActionType.UpdateReplace, head, ifMatch), .. added.Select(row => new TableTransactionAction(TableTransactionActionType.Add, row))],
            cancellationToken);

    /// <summary>Inserts the entity and writes its ETag back; false when a row with its keys exists already.</summary>
    public static async Task<bool> TryAddAsync<T>(this TableClient table, T entity, CancellationToken cancellationToken) where T : ITableEntity
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(entity);
        try
        {
            var response = await table.AddEntityAsync(entity, cancellationToken).ConfigureAwait(false);
            WriteBack(entity, response);
            return true;
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            return false;
        }
    }

    /// <summary>Inserts or replaces the entity whole, and writes its new ETag back.</summary>
    public static async Task UpsertAsync<T>(this TableClient table, T entity, CancellationToken cancellationToken) where T : ITableEntity
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(entity);
        WriteBack(entity, await table.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false));
    }

    /// <summary>
    /// Replaces (or merges) the entity if its ETag still matches, writing the new ETag back into it; false when another
    /// writer changed or deleted it first (412, 404). An entity never read has no ETag to match: that is a mistake here.
    /// </summary>
    public static async Task<bool> TryUpdateAsync<T>(this TableClient table, T entity, CancellationToken cancellationToken, TableUpdateMode mode = TableUpdateMode.Replace)
        where T : ITableEntity
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(entity);
        if (entity.ETag == default)
        {
            throw new ArgumentException($"Row ({entity.PartitionKey}, {entity.RowKey}) has no ETag: read it first, or upsert it.", nameof(entity));
        }

        try
        {
            WriteBack(entity, await table.UpdateEntityAsync(entity, entity.ETag, mode, cancellationToken).ConfigureAwait(false));
            return true;
        }
        catch (RequestFailedException e) when (e.Status is 404 or 412)
        {
            return false;
        }
    }

    /// <summary>Deletes the row if it is there (any version); a row already gone is the wanted state.</summary>
    public static async Task DeleteIfExistsAsync(this TableClient table, string partitionKey, string rowKey, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(table);
        try
        {
            await table.DeleteEntityAsync(partitionKey, rowKey, ETag.All, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            // Gone already: another instance finished it, or a retry of this call did.
        }
    }

    /// <summary>The entity, or null when the row does not exist.</summary>
    public static async Task<T?> FindAsync<T>(this TableClient table, string partitionKey, string rowKey, CancellationToken cancellationToken) where T : class, ITableEntity
    {
        ArgumentNullException.ThrowIfNull(table);
        var response = await table.GetEntityIfExistsAsync<T>(partitionKey, rowKey, cancellationToken: cancellationToken).ConfigureAwait(false);
        return response.HasValue ? response.Value : null;
    }

    /// <summary>Every entity the filter matches, all pages.</summary>
    public static async Task<List<T>> QueryAllAsync<T>(this TableClient table, string filter, CancellationToken cancellationToken) where T : class, ITableEntity, new()
    {
        ArgumentNullException.ThrowIfNull(table);
        var rows = new List<T>();
        await foreach (var row in table.QueryAsync<T>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            rows.Add(row);
        }

        return rows;
    }

    /// <summary>One column of every row the filter matches: a scan, for a one-off such as an upgrade of the store.</summary>
    public static async IAsyncEnumerable<string> QueryColumnAsync(this TableClient table, string filter, string column,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(table);
        await foreach (var row in table.QueryAsync<TableEntity>(filter, select: [column], cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            if (row.GetString(column) is { } value)
            {
                yield return value;
            }
        }
    }

    /// <summary>
    /// Claims up to <paramref name="max"/> rows the filter matches and <paramref name="isFree"/> accepts, each by an
    /// ETag-guarded update that <paramref name="take"/> prepares (owner, lease expiry, attempts): two instances never
    /// both win a row, and a row another instance took first is skipped. Each claimed row carries its new ETag, so that
    /// its lease is ours for as long as that ETag matches.
    /// </summary>
    public static async Task<IReadOnlyList<T>> ClaimLeasesAsync<T>(
        this TableClient table, string filter, int max, Func<T, bool> isFree, Action<T> take, CancellationToken cancellationToken)
        where T : class, ITableEntity, new()
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(isFree);
        ArgumentNullException.ThrowIfNull(take);
        while (true)
        {
            var candidates = new List<T>(max);
            await foreach (var row in table.QueryAsync<T>(filter, maxPerPage: max, cancellationToken: cancellationToken).ConfigureAwait(false))
            {
                if (isFree(row))
                {
                    take(row);
                    candidates.Add(row);
                }

                if (candidates.Count >= max)
                {
                    break;
                }
            }

            // The candidates are claimed together, one round trip rather than one per row; a row another instance
            // took meanwhile fails its ETag and is left out. Only when every candidate was lost is the query run again.
            var taken = await Task.WhenAll(candidates.Select(row => table.TryUpdateAsync(row, cancellationToken))).ConfigureAwait(false);
            if (candidates.Count == 0 || taken.Any(won => won))
            {
                return [.. candidates.Where((_, i) => taken[i])];
            }
        }
    }

    /// <summary>409 (an Add found its row) or 412 (an ETag no longer matched): someone else wrote first.</summary>
    public static bool IsConflict(RequestFailedException e) => e?.Status is 409 or 412;

    private static List<TableTransactionAction> Check(IEnumerable<TableTransactionAction> actions)
    {
        ArgumentNullException.ThrowIfNull(actions);
        var list = actions.ToList();
        if (list.Count == 0)
        {
            throw new ArgumentException("A transaction needs at least one action.", nameof(actions));
        }

        if (list.Count > MaxTransactionActions)
        {
            throw new ArgumentException($"A transaction holds at most {MaxTransactionActions} actions; {list.Count} were given.", nameof(actions));
        }

        var partition = list[0].Entity.PartitionKey;
        if (list.Any(a => !string.Equals(a.Entity.PartitionKey, partition, StringComparison.Ordinal)))
        {
            throw new ArgumentException("All actions of a transaction must share one PartitionKey.", nameof(actions));
        }

        var unguarded = list.FirstOrDefault(a => a.ETag == default
            && a.ActionType is TableTransactionActionType.UpdateMerge or TableTransactionActionType.UpdateReplace or TableTransactionActionType.Delete);
        if (unguarded is not null)
        {
            throw new ArgumentException(
                $"The {unguarded.ActionType} of row ({unguarded.Entity.PartitionKey}, {unguarded.Entity.RowKey}) names no ETag: give the one read, or ETag.All to overwrite.",
                nameof(actions));
        }

        return list;
    }

    private static void WriteBack(ITableEntity entity, Response response)
    {
        if (response.Headers.ETag is { } etag)
        {
            entity.ETag = etag;
        }
    }
}
