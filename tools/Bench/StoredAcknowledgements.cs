using Azure.Data.Tables;
using TalkBot.Bot.Features.Talks;
using TalkBot.Domain.Talks;

namespace TalkBot.Bench;

/// <summary>What Table Storage holds after the clicks, read straight from the Talks table (keys in TalkRows.cs).</summary>
/// <param name="Stored">Cadres with an acknowledgement row.</param>
/// <param name="Duplicates">Acknowledgement rows beyond one per cadre.</param>
/// <param name="NoticesAcknowledged">Cadres whose notice is in state Acknowledged.</param>
internal sealed record StoredAcknowledgements(int Stored, int Duplicates, int NoticesAcknowledged)
{
    public static async Task<StoredAcknowledgements> ReadAsync(
        string connectionString, string tablePrefix, IReadOnlyCollection<BenchPerson> cadres, CancellationToken cancellationToken)
    {
        var table = new TableServiceClient(connectionString).GetTableClient(tablePrefix + TalkRows.Talks);
        var acknowledgements = new Dictionary<string, int>(StringComparer.Ordinal);
        var acknowledged = new HashSet<string>(StringComparer.Ordinal);
        // The bench's tables are its own (a fresh prefix): every row is of this run.
        await foreach (var row in table.QueryAsync<TableEntity>(cancellationToken: cancellationToken))
        {
            if (row.RowKey.StartsWith(TalkRows.AcknowledgementRowPrefix, StringComparison.Ordinal))
            {
                var talkee = row.RowKey[TalkRows.AcknowledgementRowPrefix.Length..];
                acknowledgements[talkee] = acknowledgements.GetValueOrDefault(talkee) + 1;
            }
            else if (row.RowKey.StartsWith(TalkRows.NoticeRowPrefix, StringComparison.Ordinal)
                     && row.GetString("State") == nameof(NoticeStatus.Acknowledged))
            {
                acknowledged.Add(row.RowKey[TalkRows.NoticeRowPrefix.Length..]);
            }
        }

        return new StoredAcknowledgements(
            cadres.Count(c => acknowledgements.ContainsKey(c.Id)),
            acknowledgements.Values.Sum(n => n - 1),
            cadres.Count(c => acknowledged.Contains(c.Id)));
    }
}
