using Azure;
using TalkBot.Bot.Storage;
using Azure.Data.Tables;
using TalkBot.Bot.Infrastructure.Storage;
using TalkBot.Domain;

namespace TalkBot.Bot.Scheduling;

/// <summary>What a schedule entry asks for (each kind's job is in <see cref="ReminderJobs"/>).</summary>
public enum ReminderKind
{
    /// <summary>An unacknowledged notice is pushed again (000 §四(一)3).</summary>
    NoticeRepush,
    /// <summary>An unacknowledged notice close to the talk is escalated to the organiser.</summary>
    NoticeEscalation,
    /// <summary>The working day before the talk: talkers, recorder and talkee are reminded.</summary>
    TalkEve,
    /// <summary>The working day after the talk: the recorder is reminded when no record is logged (000 §四(一)4).</summary>
    RecordMissing,
    /// <summary>One working day before a rectification is due (000 §四(一)5).</summary>
    RectificationDueSoon,
    /// <summary>A rectification is overdue: escalated to the talker and the discipline office, repeatedly.</summary>
    RectificationOverdue,
    /// <summary>The month's plans are made and sent to the talkers (000 §三1); Tag = the month (yyyy-MM).</summary>
    MonthlyPlan,
    /// <summary>Talks of the month's plan still unscheduled: the talker is reminded; Tag = the month.</summary>
    PlanUnscheduled,
    /// <summary>A follow-on task is due in a working day; Talk = its lead's or case's id, Tag = task and due date.</summary>
    TaskDueSoon,
    /// <summary>A follow-on task is overdue: escalated repeatedly.</summary>
    TaskOverdue,
    /// <summary>002 §四5: an admonishment's follow-up check is due; Talk = the case id, Tag = the check date.</summary>
    CaseFollowUp,
}

/// <summary>A durable reminder: what, about which talk and person, and when.</summary>
/// <param name="Tag">Tells chains of the same kind apart, such as a rectification's due date after a return.</param>
public sealed record ScheduleEntry(ReminderKind Kind, TalkId Talk, PersonId? Person, DateTimeOffset DueAt, int Round = 1, string? Tag = null)
{
    /// <summary>
    /// The idempotency key: one entry per kind, talk, person, tag and round. Scheduling it again is a no-op, and every
    /// send it makes carries this key, so a re-run after a crash sends nothing twice.
    /// </summary>
    public string Key => $"{Kind}|{Talk.Value}|{Person?.Value ?? "-"}|{Tag ?? "-"}|{Round}";
}

/// <summary>An entry this instance holds the lease of.</summary>
public sealed record ClaimedEntry(ScheduleEntry Entry, string RowKey, ETag ETag);

/// <summary>
/// Table <c>Schedule</c>: PartitionKey = <c>due</c>; RowKey = <c>{due instant, UTC ticks, 19 digits}|{key}</c>, so
/// one range query returns what is due, oldest first. An entry is claimed by an ETag-guarded lease (owner and
/// expiry): two instances never hold it at once, and an instance that dies mid-run lets its lease lapse so another
/// picks the entry up. Done entries are deleted; a repeating escalation replaces itself with its next round in one
/// transaction.
/// </summary>
public sealed class ScheduleStore(TalkBotTables tables)
{
    public const string Partition = "due";

    /// <summary>Adds the entry; an entry with the same key and time exists already → nothing changes.</summary>
    public async Task AddAsync(ScheduleEntry entry, CancellationToken cancellationToken) =>
        await tables.Schedule.TrySubmitAsync([new(TableTransactionActionType.Add, ToEntity(entry))], cancellationToken).ConfigureAwait(false);

    /// <summary>Claims up to <paramref name="max"/> due entries whose lease is free, for <paramref name="lease"/>.</summary>
    public async Task<IReadOnlyList<ClaimedEntry>> ClaimDueAsync(DateTimeOffset now, string owner, TimeSpan lease, int max, CancellationToken cancellationToken)
    {
        var upTo = $"{now.UtcTicks:D19}|~";
        var rows = await tables.Schedule.ClaimLeasesAsync<ScheduleEntity>(
            TableFilter.Of($"PartitionKey eq {Partition} and RowKey le {upTo}"),
            max,
            row => row.LeaseUntil is not { } until || until <= now,
            row =>
            {
                row.LeaseOwner = owner;
                row.LeaseUntil = now + lease;
                row.Attempts++;
            },
            cancellationToken).ConfigureAwait(false);
        // The claim wrote the new ETag back into each row: the lease is ours while it still matches.
        return [.. rows.Select(row => new ClaimedEntry(ToEntry(row), row.RowKey, row.ETag))];
    }

    /// <summary>Deletes a finished entry, if the lease is still ours; false when it was lost (another instance has it).</summary>
    public async Task<bool> CompleteAsync(ClaimedEntry claimed, ScheduleEntry? next, CancellationToken cancellationToken)
    {
        var actions = new List<TableTransactionAction>
        {
            new(TableTransactionActionType.Delete, new TableEntity(Partition, claimed.RowKey), claimed.ETag),
        };
        if (next is not null)
        {
            actions.Add(new(TableTransactionActionType.Add, ToEntity(next)));
        }

        return await tables.Schedule.TrySubmitAsync(actions, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Every entry, soonest first (for tests and for the office's view of what is pending).</summary>
    public async Task<IReadOnlyList<ScheduleEntry>> ListAsync(CancellationToken cancellationToken) =>
        [.. (await tables.Schedule.QueryAllAsync<ScheduleEntity>(TableFilter.Of($"PartitionKey eq {Partition}"), cancellationToken).ConfigureAwait(false)).Select(ToEntry)];

    private static ScheduleEntity ToEntity(ScheduleEntry entry) => new()
    {
        PartitionKey = Partition,
        RowKey = $"{entry.DueAt.UtcTicks:D19}|{entry.Key}",
        Kind = entry.Kind.ToString(),
        TalkId = entry.Talk.Value,
        Person = entry.Person?.Value,
        DueAt = entry.DueAt,
        Round = entry.Round,
        Tag = entry.Tag,
    };

    private static ScheduleEntry ToEntry(ScheduleEntity e) => new(
        Enum.Parse<ReminderKind>(e.Kind), new TalkId(e.TalkId), e.Person is { Length: > 0 } p ? new PersonId(p) : null, e.DueAt, e.Round, e.Tag);
}

/// <summary>Table <c>Schedule</c>: one durable reminder (keys in <see cref="ScheduleStore"/>).</summary>
public sealed class ScheduleEntity : ITableEntity
{
    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public string Kind { get; set; } = "";
    public string TalkId { get; set; } = "";
    public string? Person { get; set; }
    public DateTimeOffset DueAt { get; set; }
    public int Round { get; set; }
    public string? Tag { get; set; }
    public string? LeaseOwner { get; set; }
    public DateTimeOffset? LeaseUntil { get; set; }
    public int Attempts { get; set; }
}
