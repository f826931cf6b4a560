using Azure.Data.Tables;
using TalkBot.Bot.Features.Tab;
using TalkBot.Bot.Infrastructure.Storage;

namespace TalkBot.Bot.Tests.Support;

/// <summary>
/// The rows of the index: both its tables (<see cref="MatterIndex.Tables"/>) and the talk ledger's
/// (<see cref="TalkLedgerTables"/>), for tests that make a store as it was before an upgrade.
/// </summary>
public static class IndexRows
{
    /// <summary>The tables the index's rows are kept in (with <paramref name="copies"/>, also the live talks' copies).</summary>
    public static async Task<IReadOnlyList<string>> TablesAsync(TableSet tables, bool copies = true)
    {
        ArgumentNullException.ThrowIfNull(tables);
        return [.. MatterIndex.Tables, .. copies ? [TalkLedgerTables.LiveTable] : Array.Empty<string>(), .. await tables.ListAsync(TalkLedgerTables.MonthTables, default)];
    }

    /// <summary>Deletes the rows <paramref name="which"/> picks, in both tables; how many there were.</summary>
    public static async Task<int> DeleteAsync(TableSet tables, Func<TableEntity, bool> which)
    {
        ArgumentNullException.ThrowIfNull(tables);
        ArgumentNullException.ThrowIfNull(which);
        var deleted = 0;
        foreach (var table in (await TablesAsync(tables)).Select(name => tables[name]))
        {
            var rows = new List<TableEntity>();
            await foreach (var row in table.QueryAsync<TableEntity>(select: ["PartitionKey", "RowKey"]))
            {
                if (which(row))
                {
                    rows.Add(row);
                }
            }

            foreach (var row in rows)
            {
                await table.DeleteEntityAsync(row.PartitionKey, row.RowKey);
            }

            deleted += rows.Count;
        }

        return deleted;
    }
}
