using System.Globalization;
using Azure;
using Azure.Data.Tables;
using TalkBot.Domain.Leads;

namespace TalkBot.Bot.Features.Leads;

public sealed record StoredLead(Lead Lead, ETag ETag);

/// <summary>
/// Leads (问题线索). Table <c>Cases</c>: PartitionKey = the lead's id; RowKey = <c>lead</c> (the head, with its ETag) or
/// <c>disp|{nn}</c> (a disposition, insert-only). A lead and all it leads to (its tasks too) share one partition: each
/// change is one transaction guarded by the head's ETag, and one query reads it whole. A lead is listed (its line and its
/// dispositions' lines in <see cref="MatterIndex"/>) under its subject and under the office that registered it, after each
/// change (<see cref="Listings"/>, job <see cref="ListJob"/>); each of its talks names it.
/// </summary>
public sealed class LeadStore(TableSet tables, MatterIndex index, Listings listings) : IListedKind
{
    public const string Table = "Cases";
    private const string LeadRow = "lead";
    private const string DispositionPrefix = "disp|";

    /// <summary>Lists a lead again from what is stored (a crash between its save and its listing).</summary>
    public const string ListJob = "LeadLines";
    private const string LinePrefix = "lead|";

    private readonly TableClient cases = tables[Table];

    /// <summary>Stores a new lead; false when one with its id exists already (a repeated submit).</summary>
    public async Task<bool> CreateAsync(Lead lead, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(lead);
        return await listings.SaveAsync(ListJob, lead.Id.Value, () => cases.TryAddAsync(ToEntity(lead), cancellationToken), () => ListAsync(lead, cancellationToken),
            cancellationToken).ConfigureAwait(false);
    }

    public async Task<StoredLead?> GetAsync(LeadId id, CancellationToken cancellationToken)
    {
        if (await cases.FindAsync<LeadEntity>(id.Value, LeadRow, cancellationToken).ConfigureAwait(false) is not { } h)
        {
            return null;
        }

        var rows = await cases.QueryAllAsync<DispositionEntity>(TableFilter.RowsStartingWith(id.Value, DispositionPrefix), cancellationToken).ConfigureAwait(false);
        var lead = Lead.Restore(id, new PersonId(h.Subject), Enum.Parse<LeadSource>(h.Source), Enum.Parse<DisciplineCategory>(h.Category), h.Summary,
            new Reporter(h.ReporterName, h.ReporterUnit), h.OfficeUnit is { } unit ? new UnitId(unit) : null, new PersonId(h.RegisteredBy), h.RegisteredAt,
            (h.Talks ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries).Select(t => new TalkId(t)),
            rows.Where(d => d.Number <= h.Dispositions).Select(d => ToDisposition(d, d.FormId)));
        return new StoredLead(lead, h.ETag);
    }

    /// <summary>The leads listed in an index partition (about a person, or of an office), as their lines show them: two queries.</summary>
    public async Task<IReadOnlyList<LeadListing>> ListingsAsync(string partition, ListScope scope, CancellationToken cancellationToken)
    {
        var (lines, under) = await index.QueryAsync<LeadLineEntity, DispositionLineEntity>(partition, LinePrefix, DispositionPrefix, scope, cancellationToken)
            .ConfigureAwait(false);
        return [.. lines.Select(l => new LeadListing(new LeadId(l.Matter), new PersonId(l.Subject), Enum.Parse<LeadSource>(l.Source),
            Enum.Parse<DisciplineCategory>(l.Category), l.Summary, Enum.Parse<LeadStatus>(l.Status), l.RegisteredAt,
            [.. under[l.Matter].OrderBy(d => d.Number).Select(d => ToDisposition(d, null))]))];
    }

    public IAsyncEnumerable<string> StoredAsync(CancellationToken cancellationToken) =>
        cases.QueryColumnAsync(TableFilter.Of($"RowKey eq {LeadRow}"), nameof(ITableEntity.PartitionKey), cancellationToken);

    public async Task RelistAsync(string id, CancellationToken cancellationToken)
    {
        if (LeadId.TryParse(id, out var leadId) && await GetAsync(leadId, cancellationToken).ConfigureAwait(false) is { } stored)
        {
            await ListAsync(stored.Lead, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The lead a talk was arranged for, if any.</summary>
    public async Task<StoredLead?> OfTalkAsync(TalkId talk, CancellationToken cancellationToken) =>
        (await index.ListAsync(MatterIndex.Talk(talk), cancellationToken).ConfigureAwait(false)).FirstOrDefault(m => m.Type == "lead") is { } row
            ? await GetAsync(new LeadId(row.Id), cancellationToken).ConfigureAwait(false)
            : null;

    /// <summary>Records that a talk was arranged for the lead; idempotent.</summary>
    public Task LinkTalkAsync(TalkId talk, LeadId lead, CancellationToken cancellationToken) =>
        index.AddAsync("lead", lead.Value, [MatterIndex.Talk(talk)], cancellationToken);

    /// <summary>Stores the talks and dispositions added since it was read; false on a concurrent change.</summary>
    public Task<bool> SaveAsync(StoredLead stored, int dispositionsBefore, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stored);
        var lead = stored.Lead;
        return listings.SaveAsync(ListJob, lead.Id.Value, () => cases.TrySaveAsync(ToEntity(lead), stored.ETag, lead.Dispositions.Skip(dispositionsBefore).Select(d =>
            Columns(new DispositionEntity { PartitionKey = lead.Id.Value, RowKey = DispositionPrefix + Number(d.Number), FormId = d.FormId }, d)),
            cancellationToken), () => ListAsync(lead, cancellationToken), cancellationToken);
    }

    // Its line under its subject (the archive) and under the office that registered it (the desk), with its dispositions.
    private Task ListAsync(Lead lead, CancellationToken cancellationToken)
    {
        var l = lead.Listing;
        return index.WriteAsync([MatterIndex.Person(l.Subject), MatterIndex.Office(lead.OfficeUnit)], partition => [
            ListRow.Place(new LeadLineEntity
            {
                Source = l.Source.ToString(),
                Category = l.Category.ToString(),
                Summary = l.Summary,
                Status = l.Status.ToString(),
                RegisteredAt = l.RegisteredAt,
            }, partition, LinePrefix + l.Id.Value, l.Id.Value, l.Subject, l.IsOpen),
            .. l.Dispositions.Select(d => ListRow.Place(Columns(new DispositionLineEntity(), d), partition, $"{DispositionPrefix}{l.Id.Value}|{Number(d.Number)}",
                l.Id.Value, l.Subject, l.IsOpen)),
        ], cancellationToken);
    }

    private static T Columns<T>(T row, Disposition d) where T : IDispositionColumns
    {
        row.Number = d.Number;
        row.Kind = d.Kind.ToString();
        row.Note = d.Note;
        row.DueDate = d.DueDate?.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        row.AfterTalk = d.AfterTalk;
        row.By = d.By.Value;
        row.At = d.At;
        return row;
    }

    private static Disposition ToDisposition(IDispositionColumns d, string? formId) =>
        new(d.Number, Enum.Parse<DispositionKind>(d.Kind), d.Note, Date(d.DueDate), d.AfterTalk, new PersonId(d.By), d.At, formId);

    private static string Number(int n) => n.ToString("D2", CultureInfo.InvariantCulture);

    private static DateOnly? Date(DateTime? value) => value is { } d ? DateOnly.FromDateTime(d) : null;

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
}
