using Azure.Data.Tables;
using TalkBot.Bot.Infrastructure.Storage;

namespace TalkBot.Bot.Tests.Support;

/// <summary>The rows of both tables of the index (<see cref="MatterIndex.Tables"/>), for tests that make a store as it was before an upgrade.</summary>
public static class IndexRows
{
    /// <summary>Deletes the rows <paramref name="which"/> picks, in both tables; how many there were.</summary>
    public static async Task<int> DeleteAsync(TableSet tables, Func<TableEntity, bool> which)
    {
        ArgumentNullException.ThrowIfNull(tables);
        ArgumentNullException.ThrowIfNull(which);
        var deleted = 0;
        foreach (var table in MatterIndex.Tables.Select(name => tables[name]))
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
