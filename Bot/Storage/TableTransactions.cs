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
