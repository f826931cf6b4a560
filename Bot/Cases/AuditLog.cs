using System.Globalization;
using TalkBot.Bot.Storage;
using Azure.Data.Tables;
using TalkBot.Bot.Infrastructure.Storage;
using TalkBot.Domain;
using TalkBot.Domain.Audit;

namespace TalkBot.Bot.Cases;

/// <summary>
/// Table <c>AuditLog</c> (SPEC §6: every view and export of leads, records and archives): PartitionKey = the month
/// (<c>yyyy-MM</c>, UTC); RowKey = <c>{inverted ticks, 19 digits}|{guid}</c>, so that one partition query lists a month
/// newest first and lines never collide. Lines are inserted, never changed.
/// </summary>
public sealed class AuditLog(TalkBotTables tables)
{
    public Task WriteAsync(AuditEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var utc = entry.At.UtcDateTime;
        return tables.AuditLog.AddEntityAsync(new AuditEntity
        {
            PartitionKey = Month(utc),
            RowKey = $"{DateTime.MaxValue.Ticks - utc.Ticks:D19}|{Guid.NewGuid():N}",
            At = entry.At,
            Actor = entry.Actor.Value,
            Action = entry.Action.ToString(),
            Object = entry.Object.ToString(),
            ObjectId = entry.ObjectId,
            Subject = entry.Subject?.Value,
        }, cancellationToken);
    }

    /// <summary>The newest lines, at most <paramref name="max"/>, from this month and the months before (up to a year).</summary>
    public async Task<IReadOnlyList<AuditEntry>> ListAsync(DateTimeOffset now, int max, CancellationToken cancellationToken)
    {
        var entries = new List<AuditEntry>();
        var month = new DateTime(now.UtcDateTime.Year, now.UtcDateTime.Month, 1, 0, 0, 0, DateTimeKind.Utc);
        for (var i = 0; i < 12 && entries.Count < max; i++, month = month.AddMonths(-1))
        {
            await foreach (var row in tables.AuditLog.QueryAsync<AuditEntity>(TableFilter.Of($"PartitionKey eq {Month(month)}"),
                maxPerPage: max, cancellationToken: cancellationToken).ConfigureAwait(false))
            {
                entries.Add(new AuditEntry(row.At, new PersonId(row.Actor), Enum.Parse<AuditAction>(row.Action), Enum.Parse<AuditObject>(row.Object),
                    row.ObjectId, row.Subject is null ? null : new PersonId(row.Subject)));
                if (entries.Count >= max)
                {
                    break;
                }
            }
        }

        return entries;
    }

    private static string Month(DateTime utc) => utc.ToString("yyyy-MM", CultureInfo.InvariantCulture);
}
