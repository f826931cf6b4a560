using Azure.Data.Tables;

namespace TalkBot.Bot.Features.Calendar;

/// <summary>
/// Which Outlook event each talk has. Table <c>TalkEvents</c>: PartitionKey = the talk id, RowKey <c>event</c>: one
/// point read tells whether the talk's event exists, so creating it again, moving it or cancelling it finds it.
/// </summary>
public sealed class TalkEventStore(TableSet tables)
{
    public const string Table = "TalkEvents";
    private const string Row = "event";

    private readonly TableClient table = tables[Table];

    public async Task<TalkEventEntity?> FindAsync(TalkId talk, CancellationToken cancellationToken) =>
        await table.FindAsync<TalkEventEntity>(talk.Value, Row, cancellationToken).ConfigureAwait(false);

    public Task SaveAsync(TalkId talk, string mailbox, string eventId, bool cancelled, DateTimeOffset at, CancellationToken cancellationToken) =>
        table.UpsertAsync(new TalkEventEntity { PartitionKey = talk.Value, RowKey = Row, Mailbox = mailbox, EventId = eventId, Cancelled = cancelled, UpdatedAt = at }, cancellationToken);
}

/// <summary>Table <c>TalkEvents</c>: the event of one talk, in the mailbox that organises it.</summary>
public sealed class TalkEventEntity : TableRow
{
    public string Mailbox { get; set; } = "";
    public string EventId { get; set; } = "";
    public bool Cancelled { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
