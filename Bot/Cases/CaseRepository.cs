using System.Globalization;
using Azure;
using TalkBot.Bot.Storage;
using Azure.Data.Tables;
using TalkBot.Bot.Infrastructure.Storage;
using TalkBot.Domain;
using TalkBot.Domain.Admonishments;
using TalkBot.Domain.FollowUps;
using TalkBot.Domain.Leads;
using TalkBot.Domain.People;

namespace TalkBot.Bot.Cases;

public sealed record StoredLead(Lead Lead, ETag ETag);

public sealed record StoredCase(AdmonishmentCase Case, ETag ETag);

public sealed record StoredTask(CaseTask Task, ETag ETag);

/// <summary>Which kinds of matter <see cref="CaseRepository.ListAsync"/> reads.</summary>
[Flags]
public enum Listed
{
    Leads = 1,
    Cases = 2,
    Tasks = 4,
    All = Leads | Cases | Tasks,
}

/// <summary>What a talk was arranged for: a lead (a reminder talk) or an admonishment case.</summary>
public sealed record TalkOrigin(LeadId? Lead, CaseId? Case);

/// <summary>
/// Leads, admonishment cases and their follow-on tasks.
/// <list type="table">
/// <item><c>Cases</c>: PartitionKey = the lead's or the case's id. RowKey = <c>lead</c> or <c>case</c> (the head, with
/// its ETag), <c>disp|{nn}</c> (a disposition), <c>check|{nn}</c> (a follow-up check), <c>task|{kind}-{n}</c> (a task's
/// head), <c>tasks|{kind}-{n}|{nn}</c> (a submission) and <c>taskr|{kind}-{n}|{nn}</c> (a review). A matter and all it
/// leads to share one partition: each change is one transaction guarded by one head's ETag, its parts are inserted and
/// never changed, and one query reads it whole.</item>
/// <item><c>CaseIndex</c>: PartitionKey = <c>person|{id}</c> (leads and cases about the person, cases waiting for their
/// approval, tasks they owe or review),
/// <c>office|{unit}</c> (what an office of that level handles), or <c>talk|{talkId}</c> (what a talk was arranged for);
/// RowKey = <c>{type}|{id}</c>. The archive, the office's desk and "a record was logged" each read one partition.
/// Index rows are upserted after the matter's transaction; writing one again is harmless.</item>
/// </list>
/// </summary>
public sealed class CaseRepository(TalkBotTables tables)
{
    private const string LeadRow = "lead";
    private const string CaseRow = "case";
    private const string DispositionPrefix = "disp|";
    private const string CheckPrefix = "check|";
    private const string TaskPrefix = "task|";
    private const string SubmissionPrefix = "tasks|";
    private const string ReviewPrefix = "taskr|";

    public static string PersonPartition(PersonId person) => "person|" + person.Value;

    public static string OfficePartition(UnitId? unit) => "office|" + (unit?.Value ?? "-");

    public static string TalkPartition(TalkId talk) => "talk|" + talk.Value;

    // Leads

    /// <summary>Stores a new lead; false when one with its id exists already (a repeated submit).</summary>
    public async Task<bool> CreateLeadAsync(Lead lead, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(lead);
        if (!await tables.Cases.TrySubmitAsync([new(TableTransactionActionType.Add, ToEntity(lead))], cancellationToken).ConfigureAwait(false))
        {
            return false;
        }

        await IndexAsync("lead", lead.Id.Value, [PersonPartition(lead.Subject), OfficePartition(lead.OfficeUnit)], cancellationToken).ConfigureAwait(false);
        return true;
    }

    public async Task<StoredLead?> GetLeadAsync(LeadId id, CancellationToken cancellationToken)
    {
        var head = await tables.Cases.GetEntityIfExistsAsync<LeadEntity>(id.Value, LeadRow, cancellationToken: cancellationToken).ConfigureAwait(false);
        if (!head.HasValue)
        {
            return null;
        }

        var h = head.Value!;
        var rows = await PartAsync<DispositionEntity>(id.Value, DispositionPrefix, cancellationToken).ConfigureAwait(false);
        var lead = Lead.Restore(id, new PersonId(h.Subject), Enum.Parse<LeadSource>(h.Source), Enum.Parse<DisciplineCategory>(h.Category), h.Summary,
            new Reporter(h.ReporterName, h.ReporterUnit), Unit(h.OfficeUnit), new PersonId(h.RegisteredBy), h.RegisteredAt,
            Ids(h.Talks).Select(t => new TalkId(t)),
            rows.Where(d => d.Number <= h.Dispositions).Select(d => new Disposition(d.Number, Enum.Parse<DispositionKind>(d.Kind), d.Note, Date(d.DueDate),
                d.AfterTalk, new PersonId(d.By), d.At, d.FormId)));
        return new StoredLead(lead, h.ETag);
    }

    /// <summary>Stores the talks and dispositions added since it was read; false on a concurrent change.</summary>
    public Task<bool> SaveLeadAsync(StoredLead stored, int dispositionsBefore, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stored);
        var lead = stored.Lead;
        return tables.Cases.TrySaveAsync(ToEntity(lead), stored.ETag, lead.Dispositions.Skip(dispositionsBefore).Select(d => new DispositionEntity
        {
            PartitionKey = lead.Id.Value,
            RowKey = DispositionPrefix + d.Number.ToString("D2", CultureInfo.InvariantCulture),
            Number = d.Number,
            Kind = d.Kind.ToString(),
            Note = d.Note,
            DueDate = Utc(d.DueDate),
            AfterTalk = d.AfterTalk,
            By = d.By.Value,
            At = d.At,
            FormId = d.FormId,
        }), cancellationToken);
    }

    // Admonishment cases

    /// <summary>Stores a new case; false when one with its id exists already (a repeated submit).</summary>
    public async Task<bool> CreateCaseAsync(AdmonishmentCase c, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(c);
        if (!await tables.Cases.TrySubmitAsync([new(TableTransactionActionType.Add, ToEntity(c))], cancellationToken).ConfigureAwait(false))
        {
            return false;
        }

        await IndexCaseAsync(c, cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <summary>The case's index rows: its subject, and the office that proposed it (known once proposed).</summary>
    public Task IndexCaseAsync(AdmonishmentCase c, CancellationToken cancellationToken) =>
        IndexAsync("case", c.Id.Value, [PersonPartition(c.Subject), OfficePartition(c.OfficeUnit)], cancellationToken);

    /// <summary>The case waits for these approvers: it is listed on their desk (002 §四2).</summary>
    public Task IndexForApproversAsync(AdmonishmentCase c, IEnumerable<PersonId> approvers, CancellationToken cancellationToken) =>
        IndexAsync("case", c.Id.Value, approvers.Select(PersonPartition), cancellationToken);

    public async Task<StoredCase?> GetCaseAsync(CaseId id, CancellationToken cancellationToken)
    {
        var head = await tables.Cases.GetEntityIfExistsAsync<AdmonishmentEntity>(id.Value, CaseRow, cancellationToken: cancellationToken).ConfigureAwait(false);
        if (!head.HasValue)
        {
            return null;
        }

        var h = head.Value!;
        var rows = await PartAsync<FollowUpCheckEntity>(id.Value, CheckPrefix, cancellationToken).ConfigureAwait(false);
        var c = AdmonishmentCase.Restore(id, new PersonId(h.Subject), Enum.Parse<Rank>(h.SubjectRank), Enum.Parse<CaseStatus>(h.Status), h.Request,
            h.Situation is null ? null : Enum.Parse<AdmonishmentSituation>(h.Situation), h.Facts, h.MinorViolation, Enum.Parse<AdmonishmentOrigin>(h.Origin),
            h.ForUnit, h.Lead is null ? null : new LeadId(h.Lead), [.. Ids(h.Earlier).Select(e => new CaseId(e))],
            h.ProposedBy is null ? null : new PersonId(h.ProposedBy), Unit(h.OfficeUnit), h.OpenedAt, h.ProposedAt,
            h.Approved is { } approved ? new ApprovalDecision(approved, new PersonId(h.Approver!), h.ApprovalComment, h.DecidedAt!.Value) : null,
            Ids(h.Talks).Select(t => new TalkId(t)), Date(h.NextCheck),
            rows.Where(r => r.Number <= h.Checks).Select(r => new FollowUpCheck(r.Number, Enum.Parse<FollowUpOutcome>(r.Outcome), r.Note, Date(r.NextCheck),
                new PersonId(r.By), r.At, r.FormId)));
        return new StoredCase(c, h.ETag);
    }

    /// <summary>Stores the case as it is now, with the checks added since it was read; false on a concurrent change.</summary>
    public Task<bool> SaveCaseAsync(StoredCase stored, int checksBefore, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stored);
        var c = stored.Case;
        return tables.Cases.TrySaveAsync(ToEntity(c), stored.ETag, c.Checks.Skip(checksBefore).Select(k => new FollowUpCheckEntity
        {
            PartitionKey = c.Id.Value,
            RowKey = CheckPrefix + k.Number.ToString("D2", CultureInfo.InvariantCulture),
            Number = k.Number,
            Outcome = k.Outcome.ToString(),
            Note = k.Note,
            NextCheck = Utc(k.NextCheck),
            By = k.By.Value,
            At = k.At,
            FormId = k.FormId,
        }), cancellationToken);
    }

    // Tasks

    /// <summary>Opens a task; false when it exists already (it is kept as it is).</summary>
    public async Task<bool> CreateTaskAsync(CaseTask task, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(task);
        if (!await tables.Cases.TrySubmitAsync([new(TableTransactionActionType.Add, ToEntity(task))], cancellationToken).ConfigureAwait(false))
        {
            return false;
        }

        await IndexAsync("task", task.Id.Value, [PersonPartition(task.Subject), PersonPartition(task.Assignee), .. task.Reviewers.Select(PersonPartition)],
            cancellationToken).ConfigureAwait(false);
        return true;
    }

    public async Task<StoredTask?> GetTaskAsync(CaseTaskId id, CancellationToken cancellationToken)
    {
        var head = await tables.Cases.GetEntityIfExistsAsync<CaseTaskEntity>(id.Origin, TaskRow(id), cancellationToken: cancellationToken).ConfigureAwait(false);
        return head.HasValue ? await RestoreAsync(head.Value!, cancellationToken).ConfigureAwait(false) : null;
    }

    /// <summary>Every task a lead or case opened.</summary>
    public async Task<IReadOnlyList<CaseTask>> ListTasksAsync(string origin, CancellationToken cancellationToken)
    {
        var heads = await PartAsync<CaseTaskEntity>(origin, TaskPrefix, cancellationToken).ConfigureAwait(false);
        var tasks = new List<CaseTask>();
        foreach (var head in heads)
        {
            tasks.Add((await RestoreAsync(head, cancellationToken).ConfigureAwait(false)).Task);
        }

        return tasks;
    }

    /// <summary>Stores the submissions and reviews added since it was read; false on a concurrent change.</summary>
    public Task<bool> SaveTaskAsync(StoredTask stored, int submissionsBefore, int reviewsBefore, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stored);
        var t = stored.Task;
        var suffix = t.Id.Value[(t.Id.Origin.Length + 1)..];
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
        return tables.Cases.TrySaveAsync(ToEntity(t), stored.ETag, submissions.Concat(reviews), cancellationToken);
    }

    // Index

    /// <summary>Records what a talk was arranged for; idempotent.</summary>
    public Task LinkTalkAsync(TalkId talk, LeadId? lead, CaseId? c, CancellationToken cancellationToken) =>
        lead is { } l ? IndexAsync("lead", l.Value, [TalkPartition(talk)], cancellationToken)
        : c is { } k ? IndexAsync("case", k.Value, [TalkPartition(talk)], cancellationToken)
        : Task.CompletedTask;

    public async Task<TalkOrigin?> FindTalkOriginAsync(TalkId talk, CancellationToken cancellationToken)
    {
        var rows = await IndexRowsAsync(TalkPartition(talk), cancellationToken).ConfigureAwait(false);
        var row = rows.FirstOrDefault();
        return row is null ? null
            : row.Type == "lead" ? new TalkOrigin(new LeadId(row.Id), null)
            : new TalkOrigin(null, new CaseId(row.Id));
    }

    /// <summary>
    /// The leads, cases and tasks an index partition names: a person's, or an office's. Only the kinds in
    /// <paramref name="what"/> are read; the others come back empty.
    /// </summary>
    public async Task<(IReadOnlyList<Lead> Leads, IReadOnlyList<AdmonishmentCase> Cases, IReadOnlyList<CaseTask> Tasks)> ListAsync(string partition, CancellationToken cancellationToken,
        Listed what = Listed.All)
    {
        var rows = (await IndexRowsAsync(partition, cancellationToken).ConfigureAwait(false)).Where(r => r.Type switch
        {
            "lead" => what.HasFlag(Listed.Leads),
            "case" => what.HasFlag(Listed.Cases),
            _ => what.HasFlag(Listed.Tasks),
        });
        var leads = new List<Lead>();
        var cases = new List<AdmonishmentCase>();
        var tasks = new List<CaseTask>();
        foreach (var row in rows)
        {
            switch (row.Type)
            {
                case "lead" when await GetLeadAsync(new LeadId(row.Id), cancellationToken).ConfigureAwait(false) is { } l:
                    leads.Add(l.Lead);
                    break;
                case "case" when await GetCaseAsync(new CaseId(row.Id), cancellationToken).ConfigureAwait(false) is { } c:
                    cases.Add(c.Case);
                    break;
                case "task" when await GetTaskAsync(new CaseTaskId(row.Id), cancellationToken).ConfigureAwait(false) is { } t:
                    tasks.Add(t.Task);
                    break;
            }
        }

        return (leads, cases, tasks);
    }

    private async Task IndexAsync(string type, string id, IEnumerable<string> partitions, CancellationToken cancellationToken)
    {
        foreach (var partition in partitions.Distinct())
        {
            await tables.CaseIndex.UpsertEntityAsync(new CaseIndexEntity { PartitionKey = partition, RowKey = $"{type}|{id}", Type = type, Id = id },
                TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
        }
    }

    private Task<List<CaseIndexEntity>> IndexRowsAsync(string partition, CancellationToken cancellationToken) =>
        tables.CaseIndex.QueryAllAsync<CaseIndexEntity>(TableFilter.Of($"PartitionKey eq {partition}"), cancellationToken);

    private async Task<StoredTask> RestoreAsync(CaseTaskEntity h, CancellationToken cancellationToken)
    {
        var id = new CaseTaskId(h.TaskId);
        var suffix = h.TaskId[(id.Origin.Length + 1)..];
        var submissions = await PartAsync<TaskSubmissionEntity>(id.Origin, $"{SubmissionPrefix}{suffix}|", cancellationToken).ConfigureAwait(false);
        var reviews = await PartAsync<TaskReviewEntity>(id.Origin, $"{ReviewPrefix}{suffix}|", cancellationToken).ConfigureAwait(false);
        var task = CaseTask.Restore(id, Enum.Parse<CaseTaskKind>(h.Kind), new PersonId(h.Subject), new PersonId(h.Assignee),
            [.. Ids(h.Reviewers).Select(r => new PersonId(r))], h.Instruction, DateOnly.FromDateTime(h.FirstDueDate), h.OpenedAt,
            submissions.Where(s => s.Number <= h.Submissions).Select(s => new TaskSubmission(s.Number, s.Text, new PersonId(s.By), s.At, s.Late, s.FormId)),
            reviews.Where(r => r.Number <= h.Reviews).OrderBy(r => r.Number)
                .Select(r => new TaskReview(r.Submission, r.Accepted, r.Comment, Date(r.NewDueDate), new PersonId(r.By), r.At)));
        return new StoredTask(task, h.ETag);
    }

    private Task<List<T>> PartAsync<T>(string partition, string prefix, CancellationToken cancellationToken) where T : class, ITableEntity, new()
    {
        // Every row key of the prefix sorts below prefix + '~' ('|' and digits are below it).
        var end = prefix + "~";
        return tables.Cases.QueryAllAsync<T>(TableFilter.Of($"PartitionKey eq {partition} and RowKey ge {prefix} and RowKey lt {end}"), cancellationToken);
    }

    private static string TaskRow(CaseTaskId id) => TaskPrefix + id.Value[(id.Origin.Length + 1)..];

    private static LeadEntity ToEntity(Lead l) => new()
    {
        PartitionKey = l.Id.Value,
        RowKey = LeadRow,
        Subject = l.Subject.Value,
        Source = l.Source.ToString(),
        Category = l.Category.ToString(),
        Summary = l.Summary,
        ReporterName = l.Reporter.Name,
        ReporterUnit = l.Reporter.Unit,
        OfficeUnit = l.OfficeUnit?.Value,
        RegisteredBy = l.RegisteredBy.Value,
        RegisteredAt = l.RegisteredAt,
        Talks = string.Join(',', l.Talks.Select(t => t.Value)),
        Dispositions = l.Dispositions.Count,
        Status = l.Status.ToString(),
    };

    private static AdmonishmentEntity ToEntity(AdmonishmentCase c) => new()
    {
        PartitionKey = c.Id.Value,
        RowKey = CaseRow,
        Subject = c.Subject.Value,
        SubjectRank = c.SubjectRank.ToString(),
        Status = c.Status.ToString(),
        Request = c.Request,
        Situation = c.Situation?.ToString(),
        Facts = c.Facts,
        MinorViolation = c.MinorViolation,
        Origin = c.Origin.ToString(),
        ForUnit = c.ForUnit,
        Lead = c.Lead?.Value,
        Earlier = string.Join(',', c.Earlier.Select(e => e.Value)),
        ProposedBy = c.ProposedBy?.Value,
        OfficeUnit = c.OfficeUnit?.Value,
        OpenedAt = c.OpenedAt,
        ProposedAt = c.ProposedAt,
        Approved = c.Decision?.Approved,
        Approver = c.Decision?.Approver.Value,
        ApprovalComment = c.Decision?.Comment,
        DecidedAt = c.Decision?.At,
        Talks = string.Join(',', c.Talks.Select(t => t.Value)),
        NextCheck = Utc(c.NextCheck),
        Checks = c.Checks.Count,
    };

    private static CaseTaskEntity ToEntity(CaseTask t) => new()
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
    };

    private static IEnumerable<string> Ids(string? csv) => (csv ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries);

    private static UnitId? Unit(string? value) => value is null ? null : new UnitId(value);

    private static DateOnly? Date(DateTime? value) => value is { } d ? DateOnly.FromDateTime(d) : null;

    private static DateTime? Utc(DateOnly? date) => date?.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
}
