using System.Diagnostics;
using Azure;
using Azure.Data.Tables;

namespace TalkBot.Bench;

/// <summary>
/// What the storage under the bot costs on its own, at the click's concurrency: each worker reads its own entity and
/// merges it back guarded by the ETag it read (what an acknowledgement needs at the least), round after round, all
/// workers at once. The bot's p99 is judged against this p99 (issue 12: ≤ 3×).
/// </summary>
internal static class RawAzurite
{
    private const string Row = "row";

    public static async Task<Latencies> MeasureAsync(string connectionString, string tablePrefix, int workers, int rounds, CancellationToken cancellationToken)
    {
        var table = new TableServiceClient(connectionString).GetTableClient(tablePrefix + "Raw");
        await table.CreateIfNotExistsAsync(cancellationToken);
        // Also opens the connections, as the bot's have been opened by the time the clicks come.
        await Task.WhenAll(Enumerable.Range(0, workers).Select(w =>
            table.UpsertEntityAsync(new TableEntity(Partition(w), Row) { ["Clicks"] = 0 }, cancellationToken: cancellationToken)));

        var go = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var runs = Enumerable.Range(0, workers).Select(async w =>
        {
            await go.Task;
            var times = new List<double>(rounds);
            for (var r = 0; r < rounds; r++)
            {
                var clock = Stopwatch.StartNew();
                var entity = (await table.GetEntityAsync<TableEntity>(Partition(w), Row, cancellationToken: cancellationToken)).Value;
                entity["Clicks"] = r + 1;
                await table.UpdateEntityAsync(entity, entity.ETag, TableUpdateMode.Merge, cancellationToken);
                times.Add(clock.Elapsed.TotalMilliseconds);
            }

            return times;
        }).ToList();
        go.SetResult();
        return Latencies.Of((await Task.WhenAll(runs)).SelectMany(t => t));
    }

    private static string Partition(int worker) => "w" + worker.ToString("D4", System.Globalization.CultureInfo.InvariantCulture);
}
