using System.IO.Compression;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using TalkBot.Bot.Infrastructure.Connector;

namespace TalkBot.Bot.Infrastructure.Sending;

/// <summary>
/// The durable outbox. Two tables:
/// <list type="bullet">
/// <item><c>Deliveries</c>: PartitionKey = idempotency key, RowKey = person: where the send stands (queued, retrying,
/// sent, failed, unreachable), with the activity id and the last error. One point read tells whether a send happened.</item>
/// <item><c>Outbox</c>: PartitionKey <c>pending</c>, RowKey <c>{key}|{person}</c>: a send still to make, with its activity
/// (JSON, gzip) and a lease (owner, until), so that an instance that dies mid-send leaves it for another; PartitionKey
/// <c>failed</c>, same RowKey: a send that failed, kept with its activity until it is sent again.</item>
/// </list>
/// A pending row is written before its delivery row and deleted after the outcome is stored, so a crash at any point
/// leaves either a pending row (sent later) or a final status (never sent again). The one window left is between a
/// send reaching Teams and its status being stored: a crash there sends the message a second time (at least once).
/// </summary>
public sealed partial class OutboxStore(TableSet tables)
{
    public const string OutboxTable = "Outbox";
    public const string DeliveriesTable = "Deliveries";
    public const string PendingPartition = "pending";
    public const string FailedPartition = "failed";

    private readonly TableClient outbox = tables[OutboxTable];
    private readonly TableClient deliveries = tables[DeliveriesTable];

    private static readonly DateTimeOffset Free = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>The stored outcome of the key for the person, or null when nothing was queued under it.</summary>
    public async Task<SendOutcome?> FindAsync(string key, PersonId person, CancellationToken cancellationToken)
    {
        var row = await deliveries.GetEntityIfExistsAsync<DeliveryEntity>(key, person.Value, cancellationToken: cancellationToken).ConfigureAwait(false);
        return row.HasValue ? Outcome(row.Value!) : null;
    }

    /// <summary>Queues the message for the dispatcher unless its key was queued for the person already.</summary>
    /// <returns>Null when this call queued it; the stored outcome when it was queued (or sent) before.</returns>
    public async Task<SendOutcome?> EnqueueAsync(OutboundMessage message, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (await FindAsync(message.Key, message.Person, cancellationToken).ConfigureAwait(false) is { } existing)
        {
            return existing;
        }

        // The pending row first: a crash before the delivery row leaves a send to make, never a status with nothing behind it.
        if (!await outbox.TryAddAsync(ToPending(message, PendingPartition, now), cancellationToken).ConfigureAwait(false))
        {
            return Queued;
        }

        await AddDeliveryAsync(message.Key, message.Person, now, cancellationToken).ConfigureAwait(false);
        return null;
    }

    /// <summary>
    /// Queues a card refresh for the person, due at <paramref name="due"/>: one row per refresh, subject and person, so
    /// that every change until it is sent makes one send. Queued again while it is being sent, it is sent again
    /// (the completion finds its row changed and leaves it). No delivery row: a refresh is not a once-only send.
    /// </summary>
    public Task QueueRefreshAsync(
        PersonalConversation to, Activity message, CardRefreshOf refresh, string instance, DateTimeOffset due, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(to);
        ArgumentNullException.ThrowIfNull(refresh);
        var row = ToPending(new OutboundMessage(RefreshKey(refresh), to.Person, to, message), PendingPartition, now);
        row.Refresh = refresh.Refresh;
        row.RefreshSubject = refresh.Subject;
        row.QueuedBy = instance;
        row.LeaseUntil = due;
        return outbox.UpsertAsync(row, cancellationToken);
    }

    /// <summary>The key of a card refresh: one per refresh and subject (and person, in the row).</summary>
    public static string RefreshKey(CardRefreshOf refresh) => $"refresh|{refresh?.Refresh}|{refresh?.Subject}";

    /// <summary>
    /// Queues many messages (a fan-out) for the dispatcher, a hundred rows per transaction where they share a
    /// partition. Messages already queued or sent under their key are left alone.
    /// </summary>
    public async Task<int> EnqueueManyAsync(IEnumerable<OutboundMessage> messages, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var queued = 0;
        foreach (var byKey in messages.DistinctBy(m => (m.Key, m.Person)).GroupBy(m => m.Key))
        {
            // One partition query tells which people this key has already reached or queued.
            var known = (await deliveries.QueryAllAsync<DeliveryEntity>(
                    TableFilter.Of($"PartitionKey eq {byKey.Key}"), cancellationToken).ConfigureAwait(false))
                .Select(d => d.RowKey).ToHashSet(StringComparer.Ordinal);
            foreach (var chunk in byKey.Where(m => !known.Contains(m.Person.Value)).Chunk(100))
            {
                // Pending rows first: a crash between the two writes leaves a send to make, never a status with nothing behind it.
                await outbox.SubmitAsync(
                    [.. chunk.Select(m => new TableTransactionAction(TableTransactionActionType.UpsertReplace, ToPending(m, PendingPartition, now)))], cancellationToken).ConfigureAwait(false);
                await deliveries.SubmitAsync(
                    [.. chunk.Select(m => new TableTransactionAction(TableTransactionActionType.UpsertReplace, Delivery(m.Key, m.Person, Queued, now)))], cancellationToken).ConfigureAwait(false);
                queued += chunk.Length;
            }
        }

        return queued;
    }

    /// <summary>Claims up to <paramref name="max"/> pending sends whose lease is free, for <paramref name="lease"/>.</summary>
    public async Task<IReadOnlyList<ClaimedSend>> ClaimAsync(DateTimeOffset now, string owner, TimeSpan lease, int max, CancellationToken cancellationToken)
    {
        // The lease is checked by the query itself: only free rows come back.
        var rows = await outbox.ClaimLeasesAsync<OutboxEntity>(
            TableFilter.Of($"PartitionKey eq {PendingPartition} and LeaseUntil lt {now}"),
            max,
            _ => true,
            row =>
            {
                row.LeaseOwner = owner;
                row.LeaseUntil = now + lease;
                row.Attempts++;
            },
            cancellationToken).ConfigureAwait(false);
        return [.. rows.Select(ToClaim)];
    }

    /// <summary>
    /// Frees the leases <paramref name="owner"/> holds: called when an instance with a stable name starts, since what
    /// it held before a crash is nobody's now. Returns how many were freed.
    /// </summary>
    public async Task<int> ReleaseLeasesAsync(string owner, CancellationToken cancellationToken)
    {
        var rows = await outbox.QueryAllAsync<OutboxEntity>(
            TableFilter.Of($"PartitionKey eq {PendingPartition} and LeaseOwner eq {owner}"), cancellationToken).ConfigureAwait(false);
        var freed = 0;
        foreach (var row in rows)
        {
            row.LeaseOwner = null;
            row.LeaseUntil = Free;
            // A row finished or taken over meanwhile is left as it is.
            if (await outbox.TryUpdateAsync(row, cancellationToken).ConfigureAwait(false))
            {
                freed++;
            }
        }

        return freed;
    }

    /// <summary>Marks a send as being retried (once, at its first retry), so the office sees it is not yet out.</summary>
    public Task MarkRetryingAsync(ClaimedSend send, int? httpStatus, string? error, DateTimeOffset now, CancellationToken cancellationToken) =>
        RecordAsync(send.Key, send.Person, new SendOutcome(SendStatus.Retrying, null, httpStatus, error), now, cancellationToken);

    /// <summary>
    /// Lets the pending row go once its outcome is stored (<see cref="RecordAsync"/>): a failed send moves to the failed
    /// list with its activity. A card refresh queued again since it was claimed stays, to be sent again.
    /// </summary>
    public async Task CompleteAsync(ClaimedSend send, SendOutcome outcome, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(send);
        ArgumentNullException.ThrowIfNull(outcome);
        if (send.Refresh is not null)
        {
            await outbox.TrySubmitAsync([new(TableTransactionActionType.Delete, new TableEntity(PendingPartition, RowKey(send.Key, send.Person)), send.ETag)],
                cancellationToken).ConfigureAwait(false);
            return;
        }

        if (outcome.Status == SendStatus.Failed)
        {
            var failed = ToPending(send, FailedPartition, now);
            failed.HttpStatus = outcome.HttpStatus;
            failed.Error = outcome.Error;
            await outbox.UpsertAsync(failed, cancellationToken).ConfigureAwait(false);
        }

        await DeleteIfExistsAsync(PendingPartition, RowKey(send.Key, send.Person), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Hands a claimed send back until <paramref name="until"/>, when any instance may claim it again (its conversation
    /// is at its limit for a while, or a refresh failed): the worker moves on to other conversations meanwhile.
    /// Nothing happens when the row changed since the claim.
    /// </summary>
    public async Task PostponeAsync(ClaimedSend send, DateTimeOffset until, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(send);
        var row = new TableEntity(PendingPartition, RowKey(send.Key, send.Person))
        {
            [nameof(OutboxEntity.LeaseUntil)] = until,
        };
        await outbox.TrySubmitAsync([new(TableTransactionActionType.UpdateMerge, row, send.ETag)], cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Stores where a send under the key stands for the person (also for a person TalkBot cannot reach at all).</summary>
    public async Task RecordAsync(string key, PersonId person, SendOutcome outcome, DateTimeOffset now, CancellationToken cancellationToken) =>
        await deliveries.UpsertAsync(Delivery(key, person, outcome, now), cancellationToken).ConfigureAwait(false);

    /// <summary>Sends that failed after every retry, oldest first.</summary>
    public async Task<IReadOnlyList<FailedSend>> ListFailedAsync(CancellationToken cancellationToken)
    {
        var rows = await outbox.QueryAllAsync<OutboxEntity>(
            TableFilter.Of($"PartitionKey eq {FailedPartition}"), cancellationToken).ConfigureAwait(false);
        return [.. rows.OrderBy(r => r.EnqueuedAt).Select(r => new FailedSend(r.Key, new PersonId(r.Person), r.EnqueuedAt, r.HttpStatus, r.Error, r.AboutZh, r.AboutEn))];
    }

    /// <summary>"Resend to failed": every failed send goes back to the queue, once. Returns how many.</summary>
    public async Task<int> RequeueFailedAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var rows = await outbox.QueryAllAsync<OutboxEntity>(
            TableFilter.Of($"PartitionKey eq {FailedPartition}"), cancellationToken).ConfigureAwait(false);
        var requeued = 0;
        foreach (var row in rows)
        {
            var pending = Copy(row, PendingPartition);
            pending.EnqueuedAt = now;
            pending.Attempts = 0;
            if (await outbox.TrySubmitAsync([new(TableTransactionActionType.Add, pending)], cancellationToken).ConfigureAwait(false))
            {
                await RecordAsync(row.Key, new PersonId(row.Person), Queued, now, cancellationToken).ConfigureAwait(false);
                requeued++;
            }

            await DeleteIfExistsAsync(FailedPartition, row.RowKey, cancellationToken).ConfigureAwait(false);
        }

        return requeued;
    }

    /// <summary>Pending sends (for tests, the benchmark and the office's view).</summary>
    public async Task<int> CountPendingAsync(CancellationToken cancellationToken) =>
        (await outbox.QueryAllAsync<OutboxEntity>(
            TableFilter.Of($"PartitionKey eq {PendingPartition}"), cancellationToken).ConfigureAwait(false)).Count;

    private async Task AddDeliveryAsync(string key, PersonId person, DateTimeOffset now, CancellationToken cancellationToken) =>
        await deliveries.TrySubmitAsync([new(TableTransactionActionType.Add, Delivery(key, person, Queued, now))], cancellationToken).ConfigureAwait(false);

    private Task DeleteIfExistsAsync(string partition, string rowKey, CancellationToken cancellationToken) =>
        outbox.DeleteIfExistsAsync(partition, rowKey, cancellationToken);
}
