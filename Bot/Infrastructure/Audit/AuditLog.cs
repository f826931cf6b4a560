using System.Globalization;
using Azure.Data.Tables;
using TalkBot.Domain.Audit;

namespace TalkBot.Bot.Infrastructure.Audit;

/// <summary>
/// The audit log (SPEC §6: every view and export of leads, records and archives, and every refusal). Table
/// <c>AuditLog</c>: PartitionKey = the month (<c>yyyy-MM</c>, UTC); RowKey = <c>{inverted ticks, 19 digits}|{guid}</c>, so
/// that one partition query lists a month newest first and lines never collide. Lines are inserted, never changed.
/// </summary>
public sealed class AuditLog(TableSet tables, TimeProvider time)
{
    public const string Table = "AuditLog";
    private readonly TableClient log = tables[Table];

    public Task WriteAsync(AuditEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var utc = entry.At.UtcDateTime;
        return log.AddEntityAsync(new AuditEntity
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

    /// <summary>Writes one line, now, by <paramref name="actor"/>.</summary>
    public Task WriteAsync(Person actor, AuditAction action, AuditObject what, string id, PersonId? subject, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return WriteAsync(new AuditEntry(time.GetUtcNow(), actor.Id, action, what, id, subject), cancellationToken);
    }

    /// <summary>A refusal that is also written to the audit log: someone asked for what they may not see.</summary>
    public async Task<AdaptiveCard> RefuseAsync(Person actor, Locale locale, AuditObject what, string id, PersonId? subject, string zhAction, string enAction,
        CancellationToken cancellationToken)
    {
        await WriteAsync(actor, AuditAction.Refused, what, id, subject, cancellationToken).ConfigureAwait(false);
        return RefusalCard.Build(locale, locale.Pick(zhAction, enAction));
    }

    /// <summary>The newest lines, at most <paramref name="max"/>, from this month and the months before (up to a year).</summary>
    public async Task<IReadOnlyList<AuditEntry>> ListAsync(DateTimeOffset now, int max, CancellationToken cancellationToken)
    {
        var entries = new List<AuditEntry>();
        var month = new DateTime(now.UtcDateTime.Year, now.UtcDateTime.Month, 1, 0, 0, 0, DateTimeKind.Utc);
        for (var i = 0; i < 12 && entries.Count < max; i++, month = month.AddMonths(-1))
        {
            await foreach (var row in log.QueryAsync<AuditEntity>(TableFilter.Of($"PartitionKey eq {Month(month)}"),
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

/// <summary>Table <c>AuditLog</c>: one line.</summary>
public sealed class AuditEntity : TableRow
{
    public DateTimeOffset At { get; set; }
    public string Actor { get; set; } = "";
    public string Action { get; set; } = "";
    public string Object { get; set; } = "";
    public string ObjectId { get; set; } = "";
    public string? Subject { get; set; }
}
