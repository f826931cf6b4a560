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
/// listed (its line and its checks' lines in <see cref="MatterIndex"/>) under its subject, under the office that proposed
/// it and, once proposed, for the approvers (<see cref="MatterIndex.Approval"/>), after each change (<see cref="Listings"/>,
/// job <see cref="ListJob"/>); the lead it came from and each of its talks point to it.
/// </summary>
public sealed class CaseStore(TableSet tables, MatterIndex index, Listings listings) : IListedKind
{
    public const string Table = "Cases";
    private const string CaseRow = "case";
    private const string CheckPrefix = "check|";

    /// <summary>Lists a case again from what is stored (a crash between its save and its listing).</summary>
    public const string ListJob = "CaseLines";
    private const string LinePrefix = "case|";

    private readonly TableClient cases = tables[Table];

    /// <summary>Stores a new case; false when one with its id exists already (a repeated submit).</summary>
    public async Task<bool> CreateAsync(AdmonishmentCase c, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(c);
        return await listings.SaveAsync(ListJob, c.Id.Value, () => cases.TryAddAsync(ToEntity(c), cancellationToken), () => ListAsync(c, cancellationToken),
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The lead the case came from points to it (000 §四(四)4); idempotent.</summary>
    public Task LinkLeadAsync(AdmonishmentCase c, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(c);
        return c.Lead is { } lead ? index.AddAsync("case", c.Id.Value, [MatterIndex.Lead(lead.Value)], cancellationToken) : Task.CompletedTask;
    }

    /// <summary>Records that a talk was arranged for the case; idempotent.</summary>
    public Task LinkTalkAsync(TalkId talk, CaseId c, CancellationToken cancellationToken) =>
        index.AddAsync("case", c.Value, [MatterIndex.Talk(talk)], cancellationToken);

    /// <summary>The case a talk was arranged for, if any.</summary>
    public async Task<StoredCase?> OfTalkAsync(TalkId talk, CancellationToken cancellationToken) =>
        (await index.ListAsync(MatterIndex.Talk(talk), cancellationToken).ConfigureAwait(false)).FirstOrDefault(m => m.Type == "case") is { } row
            ? await GetAsync(new CaseId(row.Id), cancellationToken).ConfigureAwait(false)
            : null;

    /// <summary>
    /// The cases listed in an index partition (about a person, of an office, or proposed), as their lines show them: two
    /// queries.
    /// </summary>
    public async Task<IReadOnlyList<CaseListing>> ListingsAsync(string partition, ListScope scope, CancellationToken cancellationToken)
    {
        var (lines, under) = await index.QueryAsync<CaseLineEntity, CheckLineEntity>(partition, LinePrefix, CheckPrefix, scope, cancellationToken)
            .ConfigureAwait(false);
        return [.. lines.Select(l => new CaseListing(new CaseId(l.Matter), new PersonId(l.Subject), Enum.Parse<Rank>(l.SubjectRank),
            l.ProposedBy is { } by ? new PersonId(by) : null, l.Situation is { } situation ? Enum.Parse<AdmonishmentSituation>(situation) : null,
            Enum.Parse<CaseStatus>(l.Status), l.MinorViolation, l.OpenedAt, Date(l.NextCheck),
            [.. under[l.Matter].OrderBy(k => k.Number).Select(k => ToCheck(k, null))]))];
    }

    public IAsyncEnumerable<string> StoredAsync(CancellationToken cancellationToken) =>
        cases.QueryColumnAsync(TableFilter.Of($"RowKey eq {CaseRow}"), nameof(ITableEntity.PartitionKey), cancellationToken);

    public async Task RelistAsync(string id, CancellationToken cancellationToken)
    {
        if (CaseId.TryParse(id, out var caseId) && await GetAsync(caseId, cancellationToken).ConfigureAwait(false) is { } stored)
        {
            await ListAsync(stored.Case, cancellationToken).ConfigureAwait(false);
        }
    }

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
            rows.Where(r => r.Number <= h.Checks).Select(r => ToCheck(r, r.FormId)),
            h.RequestResponsible is null ? null : new RequestRouting([.. Ids(h.RequestResponsible).Select(p => new PersonId(p))],
                h.RequestHandedBy is { } by ? new PersonId(by) : null, h.RequestHandedAt));
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
        return listings.SaveAsync(ListJob, c.Id.Value, () => cases.TrySaveAsync(ToEntity(c), stored.ETag, c.Checks.Skip(checksBefore).Select(k => (ITableEntity)Columns(
            new FollowUpCheckEntity { PartitionKey = c.Id.Value, RowKey = CheckPrefix + Number(k.Number), FormId = k.FormId }, k)).Concat(added ?? []),
            cancellationToken), () => ListAsync(c, cancellationToken), cancellationToken);
    }

    // Its line under its subject (the archive), under the office that proposed it (the desk; a cadre's request has none
    // until it is proposed) and, once proposed, for the approvers (002 §四2), with its checks.
    private Task ListAsync(AdmonishmentCase c, CancellationToken cancellationToken)
    {
        var l = c.Listing;
        string[] partitions = [MatterIndex.Person(l.Subject), .. c.OfficeUnit is { } unit ? [MatterIndex.Office(unit)] : Array.Empty<string>(),
            .. c.ProposedAt is null ? Array.Empty<string>() : [MatterIndex.Approval]];
        return index.WriteAsync(partitions, partition => [
            ListRow.Place(new CaseLineEntity
            {
                SubjectRank = l.SubjectRank.ToString(),
                ProposedBy = l.ProposedBy?.Value,
                Situation = l.Situation?.ToString(),
                Status = l.Status.ToString(),
                MinorViolation = l.MinorViolation,
                OpenedAt = l.OpenedAt,
                NextCheck = Utc(l.NextCheck),
            }, partition, LinePrefix + l.Id.Value, l.Id.Value, l.Subject, !l.IsClosed),
            .. l.Checks.Select(k => ListRow.Place(Columns(new CheckLineEntity(), k), partition, $"{CheckPrefix}{l.Id.Value}|{Number(k.Number)}", l.Id.Value,
                l.Subject, !l.IsClosed)),
        ], cancellationToken);
    }

    private static T Columns<T>(T row, FollowUpCheck k) where T : ICheckColumns
    {
        row.Number = k.Number;
        row.Outcome = k.Outcome.ToString();
        row.Note = k.Note;
        row.NextCheck = Utc(k.NextCheck);
        row.By = k.By.Value;
        row.At = k.At;
        (row.OpinionBy, row.OpinionOn, row.Opinion) = (k.Opinion?.GivenBy, Utc(k.Opinion?.GivenOn), k.Opinion?.Text);
        return row;
    }

    private static FollowUpCheck ToCheck(ICheckColumns k, string? formId) =>
        new(k.Number, Enum.Parse<FollowUpOutcome>(k.Outcome), k.Note, Date(k.NextCheck), new PersonId(k.By), k.At, formId,
            k is { OpinionBy: { } by, Opinion: { } text } && Date(k.OpinionOn) is { } on ? new CommitteeOpinion(by, on, text) : null);

    private static string Number(int n) => n.ToString("D2", CultureInfo.InvariantCulture);

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
        RequestResponsible = c.Routing is { } r ? string.Join(',', r.Responsible.Select(p => p.Value)) : null,
        RequestHandedBy = c.Routing?.HandedBy?.Value,
        RequestHandedAt = c.Routing?.HandedAt,
    };

    private static IEnumerable<string> Ids(string? csv) => (csv ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries);

    private static DateOnly? Date(DateTime? value) => value is { } d ? DateOnly.FromDateTime(d) : null;

    private static DateTime? Utc(DateOnly? date) => date?.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
}
