using System.Globalization;
using Azure;
using Azure.Data.Tables;
using TalkBot.Domain.FollowUps;

namespace TalkBot.Bot.Features.Tasks;

/// <param name="Office">The unit of the office of its lead's or case's level, whose desk lists it.</param>
public sealed record StoredTask(CaseTask Task, ETag ETag, UnitId? Office = null);

/// <summary>
/// Follow-on tasks, in the partition of the lead or case that opened them (table <c>Cases</c>, PartitionKey = the origin's
/// id): RowKey <c>task|{kind}-{n}</c> (the head, with its ETag), <c>tasks|{kind}-{n}|{nn}</c> (a submission) and
/// <c>taskr|{kind}-{n}|{nn}</c> (a review), both insert-only. A task and its origin share a partition, so one query
/// reads every task of a lead or case. Each task is listed (its line in <see cref="MatterIndex"/>) under its subject,
/// assignee and reviewers and on the desk of the office of its origin's level, after each change (<see cref="Listings"/>,
/// job <see cref="ListJob"/>).
/// </summary>
public sealed class TaskStore(TableSet tables, MatterIndex index, Listings listings) : IListedKind
{
    public const string Table = "Cases";
    internal const string TaskPrefix = "task|";
    private const string SubmissionPrefix = "tasks|";
    private const string ReviewPrefix = "taskr|";

    /// <summary>Lists a task again from what is stored (a crash between its save and its listing).</summary>
    public const string ListJob = "TaskLines";

    private readonly TableClient cases = tables[Table];

    /// <summary>Opens a task; false when it exists already (it is kept as it is).</summary>
    /// <param name="office">The unit of the office of its lead's or case's level.</param>
    public async Task<bool> CreateAsync(CaseTask task, UnitId? office, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(task);
        var created = await cases.TryAddAsync(ToEntity(task, office), cancellationToken).ConfigureAwait(false);
        // Listed even when it existed: the follow-up that opens a task runs again after a crash, and mends it so.
        await ListAsync(task, office, cancellationToken).ConfigureAwait(false);
        return created;
    }

    public async Task<StoredTask?> GetAsync(CaseTaskId id, CancellationToken cancellationToken) =>
        await cases.FindAsync<CaseTaskEntity>(id.Origin, TaskRow(id), cancellationToken).ConfigureAwait(false) is { } head
            ? await RestoreAsync(head, cancellationToken).ConfigureAwait(false)
            : null;

    /// <summary>Every task a lead or case opened.</summary>
    public async Task<IReadOnlyList<CaseTask>> ListAsync(string origin, CancellationToken cancellationToken)
    {
        var tasks = new List<CaseTask>();
        foreach (var head in await cases.QueryAllAsync<CaseTaskEntity>(TableFilter.RowsStartingWith(origin, TaskPrefix), cancellationToken).ConfigureAwait(false))
        {
            tasks.Add((await RestoreAsync(head, cancellationToken).ConfigureAwait(false)).Task);
        }

        return tasks;
    }

    /// <summary>
    /// The tasks listed in an index partition (those a person owes, reviews or is the subject of; those of an office's
    /// matters), as their lines show them: one query.
    /// </summary>
    public async Task<IReadOnlyList<TaskListing>> ListingsAsync(string partition, ListScope scope, CancellationToken cancellationToken) =>
        [.. (await index.QueryAsync<TaskLineEntity>(partition, TaskPrefix, scope, cancellationToken).ConfigureAwait(false)).Select(l => new TaskListing(
            new CaseTaskId(l.Matter), Enum.Parse<CaseTaskKind>(l.Kind), new PersonId(l.Subject), new PersonId(l.Assignee), [.. Ids(l.Reviewers).Select(r => new PersonId(r))],
            DateOnly.FromDateTime(l.DueDate), Enum.Parse<CaseTaskStatus>(l.Status)))];

    public IAsyncEnumerable<string> StoredAsync(CancellationToken cancellationToken) =>
        cases.QueryColumnAsync(TableFilter.Of($"RowKey ge {TaskPrefix} and RowKey lt {"task}"}"), nameof(CaseTaskEntity.TaskId), cancellationToken);

    public async Task RelistAsync(string id, CancellationToken cancellationToken)
    {
        if (CaseTaskId.TryParse(id, out var taskId) && await GetAsync(taskId, cancellationToken).ConfigureAwait(false) is { } stored)
        {
            await ListAsync(stored.Task, stored.Office, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Stores the submissions and reviews added since it was read; false on a concurrent change.</summary>
    public Task<bool> SaveAsync(StoredTask stored, int submissionsBefore, int reviewsBefore, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stored);
        var t = stored.Task;
        var suffix = Suffix(t.Id);
        var submissions = t.Submissions.Skip(submissionsBefore).Select(s => (ITableEntity)new TaskSubmissionEntity
        {
            PartitionKey = t.Id.Origin,
            RowKey = $"{SubmissionPrefix}{suffix}|{s.Number:D2}",
            Number = s.Number,
            Text = s.Text,
            By = s.By.Value,
            At = s.At,
            Late = s.Late,
            FormId = s.FormId,
        });
        var reviews = t.Reviews.Skip(reviewsBefore).Select((r, i) => new TaskReviewEntity
        {
            PartitionKey = t.Id.Origin,
            RowKey = $"{ReviewPrefix}{suffix}|{reviewsBefore + i + 1:D2}",
            Number = reviewsBefore + i + 1,
            Submission = r.Submission,
            Accepted = r.Accepted,
            Comment = r.Comment,
            NewDueDate = Utc(r.NewDueDate),
            By = r.By.Value,
            At = r.At,
        });
        return listings.SaveAsync(ListJob, t.Id.Value, () => cases.TrySaveAsync(ToEntity(t, stored.Office), stored.ETag, submissions.Concat(reviews), cancellationToken),
            () => ListAsync(t, stored.Office, cancellationToken), cancellationToken);
    }

    // Its line under its subject (the archive), its assignee and its reviewers (their desks), and on the desk of its office.
    private Task ListAsync(CaseTask task, UnitId? office, CancellationToken cancellationToken)
    {
        var t = task.Listing;
        string[] partitions = [MatterIndex.Person(t.Subject), MatterIndex.Person(t.Assignee), .. t.Reviewers.Select(MatterIndex.Person),
            .. office is { } unit ? [MatterIndex.Office(unit)] : Array.Empty<string>()];
        return index.WriteAsync(partitions, partition => [ListRow.Place(new TaskLineEntity
        {
            Kind = t.Kind.ToString(),
            Assignee = t.Assignee.Value,
            Reviewers = string.Join(',', t.Reviewers.Select(r => r.Value)),
            DueDate = Utc(t.DueDate)!.Value,
            Status = t.Status.ToString(),
            OpenedAt = task.OpenedAt,
        }, partition, TaskPrefix + t.Id.Value, t.Id.Value, t.Subject, !t.IsDone)], cancellationToken);
    }

    private async Task<StoredTask> RestoreAsync(CaseTaskEntity h, CancellationToken cancellationToken)
    {
        var id = new CaseTaskId(h.TaskId);
        var suffix = Suffix(id);
        var submissions = await cases.QueryAllAsync<TaskSubmissionEntity>(TableFilter.RowsStartingWith(id.Origin, $"{SubmissionPrefix}{suffix}|"), cancellationToken)
            .ConfigureAwait(false);
        var reviews = await cases.QueryAllAsync<TaskReviewEntity>(TableFilter.RowsStartingWith(id.Origin, $"{ReviewPrefix}{suffix}|"), cancellationToken)
            .ConfigureAwait(false);
        var task = CaseTask.Restore(id, Enum.Parse<CaseTaskKind>(h.Kind), new PersonId(h.Subject), new PersonId(h.Assignee),
            [.. Ids(h.Reviewers).Select(r => new PersonId(r))], h.Instruction, DateOnly.FromDateTime(h.FirstDueDate), h.OpenedAt,
            submissions.Where(s => s.Number <= h.Submissions).Select(s => new TaskSubmission(s.Number, s.Text, new PersonId(s.By), s.At, s.Late, s.FormId)),
            reviews.Where(r => r.Number <= h.Reviews).OrderBy(r => r.Number)
                .Select(r => new TaskReview(r.Submission, r.Accepted, r.Comment, r.NewDueDate is { } d ? DateOnly.FromDateTime(d) : null, new PersonId(r.By), r.At)),
            Enum.TryParse<CaseTaskOrigin>(h.Origin, out var origin) ? origin : CaseTaskOrigin.Lead);
        return new StoredTask(task, h.ETag, h.OfficeUnit is { } unit ? new UnitId(unit) : null);
    }

    private static string Suffix(CaseTaskId id) => id.Value[(id.Origin.Length + 1)..];

    private static string TaskRow(CaseTaskId id) => TaskPrefix + Suffix(id);

    /// <summary>A new task's row, for the owner of its partition to insert with its own change in one transaction.</summary>
    /// <param name="office">The unit of the office of its lead's or case's level.</param>
    public static ITableEntity HeadRow(CaseTask task, UnitId? office) => ToEntity(task, office);

    private static CaseTaskEntity ToEntity(CaseTask t, UnitId? office) => new()
    {
        PartitionKey = t.Id.Origin,
        RowKey = TaskRow(t.Id),
        TaskId = t.Id.Value,
        Kind = t.Kind.ToString(),
        Subject = t.Subject.Value,
        Assignee = t.Assignee.Value,
        Reviewers = string.Join(',', t.Reviewers.Select(r => r.Value)),
        Instruction = t.Instruction,
        FirstDueDate = Utc(t.FirstDueDate)!.Value,
        DueDate = Utc(t.DueDate)!.Value,
        OpenedAt = t.OpenedAt,
        Submissions = t.Submissions.Count,
        Reviews = t.Reviews.Count,
        Status = t.Status.ToString(),
        OfficeUnit = office?.Value,
        Origin = t.Origin.ToString(),
    };

    private static IEnumerable<string> Ids(string? csv) => (csv ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries);

    private static DateTime? Utc(DateOnly? date) => date?.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);

    /// <summary>A task's tag in the schedule: kind, number and due date, so that a new due date starts a new chain.</summary>
    public static string Tag(CaseTask task)
    {
        ArgumentNullException.ThrowIfNull(task);
        return $"{(int)task.Kind}-{task.Id.Value.Split('-')[2]}-{task.DueDate.ToString("yyyyMMdd", CultureInfo.InvariantCulture)}";
    }

    /// <summary>The task a schedule entry's subject (its origin) and tag name.</summary>
    public static CaseTaskId? FromTag(string origin, string? tag)
    {
        var parts = tag?.Split('-') ?? [];
        return parts.Length == 3 && CaseTaskId.TryParse($"{origin}-{parts[0]}-{parts[1]}", out var id) ? id : null;
    }
}
