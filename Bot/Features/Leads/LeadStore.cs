using System.Globalization;
using Azure;
using Azure.Data.Tables;
using TalkBot.Domain.Leads;

namespace TalkBot.Bot.Features.Leads;

public sealed record StoredLead(Lead Lead, ETag ETag);

/// <summary>
/// Leads (问题线索). Table <c>Cases</c>: PartitionKey = the lead's id; RowKey = <c>lead</c> (the head, with its ETag) or
/// <c>disp|{nn}</c> (a disposition, insert-only). A lead and all it leads to (its tasks too) share one partition: each
/// change is one transaction guarded by the head's ETag, and one query reads it whole. A lead is indexed by its subject
/// and by the office that registered it, and each of its talks names it.
/// </summary>
public sealed class LeadStore(TableSet tables, MatterIndex index)
{
    public const string Table = "Cases";
    private const string LeadRow = "lead";
    private const string DispositionPrefix = "disp|";

    private readonly TableClient cases = tables[Table];

    /// <summary>Stores a new lead; false when one with its id exists already (a repeated submit).</summary>
    public async Task<bool> CreateAsync(Lead lead, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(lead);
        if (!await cases.TryAddAsync(ToEntity(lead), cancellationToken).ConfigureAwait(false))
        {
            return false;
        }

        await index.AddAsync("lead", lead.Id.Value, [MatterIndex.Person(lead.Subject), MatterIndex.Office(lead.OfficeUnit)], cancellationToken).ConfigureAwait(false);
        return true;
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
            rows.Where(d => d.Number <= h.Dispositions).Select(d => new Disposition(d.Number, Enum.Parse<DispositionKind>(d.Kind), d.Note,
                d.DueDate is { } due ? DateOnly.FromDateTime(due) : null, d.AfterTalk, new PersonId(d.By), d.At, d.FormId)));
        return new StoredLead(lead, h.ETag);
    }

    /// <summary>The leads an index partition names: about a person, or of an office.</summary>
    public Task<IReadOnlyList<Lead>> ListAsync(string partition, CancellationToken cancellationToken) =>
        index.LoadAsync(partition, "lead", async id => (await GetAsync(new LeadId(id), cancellationToken).ConfigureAwait(false))?.Lead, cancellationToken);

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
        return cases.TrySaveAsync(ToEntity(lead), stored.ETag, lead.Dispositions.Skip(dispositionsBefore).Select(d => new DispositionEntity
        {
            PartitionKey = lead.Id.Value,
            RowKey = DispositionPrefix + d.Number.ToString("D2", CultureInfo.InvariantCulture),
            Number = d.Number,
            Kind = d.Kind.ToString(),
            Note = d.Note,
            DueDate = d.DueDate?.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc),
            AfterTalk = d.AfterTalk,
            By = d.By.Value,
            At = d.At,
            FormId = d.FormId,
        }), cancellationToken);
    }

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
