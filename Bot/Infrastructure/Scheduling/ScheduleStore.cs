using Azure;
using Azure.Data.Tables;

namespace TalkBot.Bot.Infrastructure.Scheduling;

/// <summary>An entry this instance holds the lease of.</summary>
public sealed record ClaimedEntry(ScheduleEntry Entry, string Partition, string RowKey, ETag ETag);

/// <summary>
/// Table <c>Schedule</c>, two partitions:
/// <list type="bullet">
/// <item><c>due</c>: reminders by time. RowKey = <c>{due instant, UTC ticks, 19 digits}|{key}</c>, so that one range
/// query returns what is due, oldest first.</item>
/// <item><c>next</c>: follow-ups of a change, keyed. RowKey = the entry's key, so that planning the same follow-up again
/// (a retried save) finds it; what is due is found by <c>DueAt</c> within the partition, which holds only the few
/// follow-ups not yet run.</item>
/// </list>
/// An entry is claimed by an ETag-guarded lease (owner and expiry): two instances never hold it at once, and an instance
/// that dies mid-run lets its lease lapse so another picks the entry up. Done entries are deleted; a repeating
/// escalation replaces itself with its next round in one transaction.
/// </summary>
public sealed class ScheduleStore(TableSet tables)
{
    public const string Table = "Schedule";
    public const string DuePartition = "due";
    public const string KeyedPartition = "next";

    private readonly TableClient schedule = tables[Table];

    /// <summary>Adds the entry; an entry with the same key and time exists already → nothing changes.</summary>
    public async Task AddAsync(ScheduleEntry entry, CancellationToken cancellationToken) =>
        await schedule.TrySubmitAsync([new(TableTransactionActionType.Add, ToEntity(entry, DuePartition))], cancellationToken).ConfigureAwait(false);

    /// <summary>
    /// Adds keyed entries in one transaction; those whose key is there already are kept as they are. Returns the entries
    /// as stored, each with the ETag a claim needs.
    /// </summary>
    public async Task<IReadOnlyList<ClaimedEntry>> AddKeyedAsync(IReadOnlyList<ScheduleEntry> entries, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var rows = entries.Select(e => ToEntity(e, KeyedPartition)).ToList();
        if (rows.Count == 0)
        {
            return [];
        }

        if (!await schedule.TrySubmitAsync(rows.Select(r => new TableTransactionAction(TableTransactionActionType.Add, r)), cancellationToken).ConfigureAwait(false))
        {
            // Planned before (a retried save): keep what is there, add what is not.
            for (var i = 0; i < rows.Count; i++)
            {
                if (!await schedule.TryAddAsync(rows[i], cancellationToken).ConfigureAwait(false)
                    && await schedule.FindAsync<ScheduleEntity>(KeyedPartition, rows[i].RowKey, cancellationToken).ConfigureAwait(false) is { } existing)
                {
                    rows[i] = existing;
                }
            }
        }

        return [.. rows.Select(r => new ClaimedEntry(ToEntry(r), r.PartitionKey, r.RowKey, r.ETag))];
    }

    /// <summary>Claims up to <paramref name="max"/> due entries of both partitions whose lease is free.</summary>
    public async Task<IReadOnlyList<ClaimedEntry>> ClaimDueAsync(DateTimeOffset now, string owner, TimeSpan lease, int max, CancellationToken cancellationToken)
    {
        var upTo = $"{now.UtcTicks:D19}|~";
        var due = await ClaimAsync(TableFilter.Of($"PartitionKey eq {DuePartition} and RowKey le {upTo}"), now, owner, lease, max, cancellationToken).ConfigureAwait(false);
        var keyed = due.Count < max
            ? await ClaimAsync(TableFilter.Of($"PartitionKey eq {KeyedPartition} and DueAt le {now}"), now, owner, lease, max - due.Count, cancellationToken).ConfigureAwait(false)
            : [];
        return [.. keyed, .. due];
    }

    /// <summary>
    /// Claims entries just added (<see cref="AddKeyedAsync"/>) to run them now, whatever their due time; an entry another
    /// instance holds or finished is left to it.
    /// </summary>
    public async Task<IReadOnlyList<ClaimedEntry>> ClaimAsync(IEnumerable<ClaimedEntry> added, DateTimeOffset now, string owner, TimeSpan lease, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(added);
        var claimed = new List<ClaimedEntry>();
        foreach (var entry in added)
        {
            var row = ToEntity(entry.Entry, entry.Partition);
            row.ETag = entry.ETag;
            Take(row, now, owner, lease);
            if (await schedule.TryUpdateAsync(row, cancellationToken).ConfigureAwait(false))
            {
                claimed.Add(new ClaimedEntry(entry.Entry, row.PartitionKey, row.RowKey, row.ETag));
            }
        }

        return claimed;
    }

    /// <summary>Deletes a finished entry, if the lease is still ours; false when it was lost (another instance has it).</summary>
    public async Task<bool> CompleteAsync(ClaimedEntry claimed, ScheduleEntry? next, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(claimed);
        if (next is not null && claimed.Partition != DuePartition)
        {
            // Another partition: not one transaction, so the next entry first; a crash between leaves both, and the
            // entry's keyed sends make the repeat harmless.
            await AddAsync(next, cancellationToken).ConfigureAwait(false);
            next = null;
        }

        var actions = new List<TableTransactionAction> { new(TableTransactionActionType.Delete, new TableEntity(claimed.Partition, claimed.RowKey), claimed.ETag) };
        if (next is not null)
        {
            actions.Add(new(TableTransactionActionType.Add, ToEntity(next, DuePartition)));
        }

        return await schedule.TrySubmitAsync(actions, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Removes the pending reminders of <paramref name="job"/> about <paramref name="subject"/> (a talk moved or cancelled
    /// takes its reminders with it). One query of the <c>due</c> partition, which holds only entries not yet run; a rare
    /// act of an organiser, not a click of many. An entry another instance is running keeps its lease and finds, when it
    /// looks, that its thing changed. Returns how many were removed.
    /// </summary>
    public async Task<int> RemoveAsync(string job, string subject, CancellationToken cancellationToken)
    {
        var rows = await schedule.QueryAllAsync<ScheduleEntity>(
            TableFilter.Of($"PartitionKey eq {DuePartition} and Job eq {job} and Subject eq {subject}"), cancellationToken).ConfigureAwait(false);
        var removed = 0;
        foreach (var row in rows)
        {
            if (await schedule.TrySubmitAsync([new(TableTransactionActionType.Delete, row, row.ETag)], cancellationToken).ConfigureAwait(false))
            {
                removed++;
            }
        }

        return removed;
    }

    /// <summary>Every entry, soonest first (for tests and for the office's view of what is pending).</summary>
    public async Task<IReadOnlyList<ScheduleEntry>> ListAsync(CancellationToken cancellationToken) =>
        [.. (await schedule.QueryAllAsync<ScheduleEntity>(TableFilter.Of($"PartitionKey eq {DuePartition} or PartitionKey eq {KeyedPartition}"), cancellationToken)
            .ConfigureAwait(false)).Select(ToEntry).OrderBy(e => e.DueAt)];

    private Task<IReadOnlyList<ScheduleEntity>> ClaimEntitiesAsync(string filter, DateTimeOffset now, string owner, TimeSpan lease, int max, CancellationToken cancellationToken) =>
        schedule.ClaimLeasesAsync<ScheduleEntity>(filter, max, row => row.LeaseUntil is not { } until || until <= now, row => Take(row, now, owner, lease), cancellationToken);

    private async Task<IReadOnlyList<ClaimedEntry>> ClaimAsync(string filter, DateTimeOffset now, string owner, TimeSpan lease, int max, CancellationToken cancellationToken) =>
        // The claim wrote the new ETag back into each row: the lease is ours while it still matches.
        [.. (await ClaimEntitiesAsync(filter, now, owner, lease, max, cancellationToken).ConfigureAwait(false))
            .Select(row => new ClaimedEntry(ToEntry(row), row.PartitionKey, row.RowKey, row.ETag))];

    private static void Take(ScheduleEntity row, DateTimeOffset now, string owner, TimeSpan lease)
    {
        row.LeaseOwner = owner;
        row.LeaseUntil = now + lease;
        row.Attempts++;
    }

    private static ScheduleEntity ToEntity(ScheduleEntry entry, string partition) => new()
    {
        PartitionKey = partition,
        RowKey = partition == DuePartition ? $"{entry.DueAt.UtcTicks:D19}|{entry.Key}" : entry.Key,
        Job = entry.Job,
        Subject = entry.Subject,
        Person = entry.Person?.Value,
        DueAt = entry.DueAt,
        Round = entry.Round,
        Tag = entry.Tag,
        Payload = entry.Payload,
    };

    private static ScheduleEntry ToEntry(ScheduleEntity e) =>
        new(e.Job, e.Subject, e.Person is { Length: > 0 } p ? new PersonId(p) : null, e.DueAt, e.Round, e.Tag, e.Payload);
}

/// <summary>Table <c>Schedule</c>: one durable entry (keys in <see cref="ScheduleStore"/>).</summary>
public sealed class ScheduleEntity : TableRow
{
    public string Job { get; set; } = "";
    public string Subject { get; set; } = "";
    public string? Person { get; set; }
    public DateTimeOffset DueAt { get; set; }
    public int Round { get; set; }
    public string? Tag { get; set; }
    public string? Payload { get; set; }
    public string? LeaseOwner { get; set; }
    public DateTimeOffset? LeaseUntil { get; set; }
    public int Attempts { get; set; }
}
