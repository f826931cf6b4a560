using System.Globalization;
using Azure;
using Azure.Data.Tables;
using TalkBot.Domain.Admonishments;
using TalkBot.Domain.Leads;

namespace TalkBot.Bot.Features.Admonishments;

public sealed record StoredCase(AdmonishmentCase Case, ETag ETag);

/// <summary>
/// Admonishment cases (诫勉谈话). Table <c>Cases</c>: PartitionKey = the case's id; RowKey = <c>case</c> (the head, with
/// its ETag) or <c>check|{nn}</c> (a follow-up check, insert-only). A case and its tasks share one partition. A case is
/// indexed by its subject, by the office that proposed it, by the approvers it waits for, by the lead it came from and
/// by each of its talks.
/// </summary>
public sealed class CaseStore(TableSet tables, MatterIndex index)
{
    public const string Table = "Cases";
    private const string CaseRow = "case";
    private const string CheckPrefix = "check|";

    private readonly TableClient cases = tables[Table];

    /// <summary>Stores a new case; false when one with its id exists already (a repeated submit).</summary>
    public async Task<bool> CreateAsync(AdmonishmentCase c, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(c);
        if (!await cases.TryAddAsync(ToEntity(c), cancellationToken).ConfigureAwait(false))
        {
            return false;
        }

        await IndexAsync(c, cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <summary>The case's index rows: its subject, the office that proposed it (known once proposed), and the lead it came from.</summary>
    public Task IndexAsync(AdmonishmentCase c, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(c);
        return index.AddAsync("case", c.Id.Value,
            [MatterIndex.Person(c.Subject), MatterIndex.Office(c.OfficeUnit), .. c.Lead is { } lead ? [MatterIndex.Lead(lead.Value)] : Array.Empty<string>()],
            cancellationToken);
    }

    /// <summary>The case waits for these approvers: it is listed on their desk (002 §四2).</summary>
    public Task IndexForApproversAsync(AdmonishmentCase c, IEnumerable<PersonId> approvers, CancellationToken cancellationToken) =>
        index.AddAsync("case", c?.Id.Value ?? "", approvers.Select(MatterIndex.Person), cancellationToken);

    /// <summary>Records that a talk was arranged for the case; idempotent.</summary>
    public Task LinkTalkAsync(TalkId talk, CaseId c, CancellationToken cancellationToken) =>
        index.AddAsync("case", c.Value, [MatterIndex.Talk(talk)], cancellationToken);

    /// <summary>The case a talk was arranged for, if any.</summary>
    public async Task<StoredCase?> OfTalkAsync(TalkId talk, CancellationToken cancellationToken) =>
        (await index.ListAsync(MatterIndex.Talk(talk), cancellationToken).ConfigureAwait(false)).FirstOrDefault(m => m.Type == "case") is { } row
            ? await GetAsync(new CaseId(row.Id), cancellationToken).ConfigureAwait(false)
            : null;

    /// <summary>The cases about a person (their archive, earlier cases on the same problem).</summary>
    public Task<IReadOnlyList<AdmonishmentCase>> ListAsync(string partition, CancellationToken cancellationToken) =>
        index.LoadAsync(partition, "case", async id => (await GetAsync(new CaseId(id), cancellationToken).ConfigureAwait(false))?.Case, cancellationToken);

    public async Task<StoredCase?> GetAsync(CaseId id, CancellationToken cancellationToken)
    {
        if (await cases.FindAsync<AdmonishmentEntity>(id.Value, CaseRow, cancellationToken).ConfigureAwait(false) is not { } h)
        {
            return null;
        }

        var rows = await cases.QueryAllAsync<FollowUpCheckEntity>(TableFilter.RowsStartingWith(id.Value, CheckPrefix), cancellationToken).ConfigureAwait(false);
        var c = AdmonishmentCase.Restore(id, new PersonId(h.Subject), Enum.Parse<Rank>(h.SubjectRank), Enum.Parse<CaseStatus>(h.Status), h.Request,
            h.Situation is null ? null : Enum.Parse<AdmonishmentSituation>(h.Situation), h.Facts, h.MinorViolation, Enum.Parse<AdmonishmentOrigin>(h.Origin),
            h.ForUnit, h.Lead is null ? null : new LeadId(h.Lead), [.. Ids(h.Earlier).Select(e => new CaseId(e))],
            h.ProposedBy is null ? null : new PersonId(h.ProposedBy), h.OfficeUnit is { } unit ? new UnitId(unit) : null, h.OpenedAt, h.ProposedAt,
            h.Approved is { } approved ? new ApprovalDecision(approved, new PersonId(h.Approver!), h.ApprovalComment, h.DecidedAt!.Value) : null,
            Ids(h.Talks).Select(t => new TalkId(t)), Date(h.NextCheck),
            rows.Where(r => r.Number <= h.Checks).Select(r => new FollowUpCheck(r.Number, Enum.Parse<FollowUpOutcome>(r.Outcome), r.Note, Date(r.NextCheck),
                new PersonId(r.By), r.At, r.FormId)));
        return new StoredCase(c, h.ETag);
    }

    /// <summary>
    /// Stores the case as it is now, with the checks added since it was read and <paramref name="added"/> (rows of its
    /// partition that its change opens, such as a task), in one transaction; false on a concurrent change.
    /// </summary>
    public Task<bool> SaveAsync(StoredCase stored, int checksBefore, CancellationToken cancellationToken, IEnumerable<ITableEntity>? added = null)
    {
        ArgumentNullException.ThrowIfNull(stored);
        var c = stored.Case;
        return cases.TrySaveAsync(ToEntity(c), stored.ETag, c.Checks.Skip(checksBefore).Select(k => (ITableEntity)new FollowUpCheckEntity
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
        }).Concat(added ?? []), cancellationToken);
    }

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

    private static IEnumerable<string> Ids(string? csv) => (csv ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries);

    private static DateOnly? Date(DateTime? value) => value is { } d ? DateOnly.FromDateTime(d) : null;

    private static DateTime? Utc(DateOnly? date) => date?.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
}
