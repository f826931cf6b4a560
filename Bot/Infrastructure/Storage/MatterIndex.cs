using Azure.Data.Tables;
using TalkBot.Domain.Leads;

namespace TalkBot.Bot.Infrastructure.Storage;

/// <summary>One entry of the index: a matter's type (lead, case, task) and id.</summary>
public sealed record IndexedMatter(string Type, string Id);

/// <summary>
/// Table <c>CaseIndex</c>: what belongs to whom. PartitionKey = <c>person|{id}</c> (matters about a person, waiting for
/// their approval, owed or reviewed by them), <c>office|{unit}</c> (what an office of that level handles), or
/// <c>talk|{talkId}</c> (what a talk was arranged for), or <c>lead|{leadId}</c> (the case proposed from a lead); RowKey = <c>{type}|{id}</c>. A desk, an archive and "a record
/// was logged" each read one partition. Rows are upserted after the matter's own transaction; writing one again is
/// harmless.
/// </summary>
public sealed class MatterIndex(TableSet tables)
{
    public const string Table = "CaseIndex";
    private readonly TableClient index = tables[Table];

    public static string Person(PersonId person) => "person|" + person.Value;

    public static string Office(UnitId? unit) => "office|" + (unit?.Value ?? "-");

    public static string Talk(TalkId talk) => "talk|" + talk.Value;

    /// <summary>What a lead led to (an admonishment case proposed from it, 000 §四(四)4).</summary>
    public static string Lead(string lead) => "lead|" + lead;

    public async Task AddAsync(string type, string id, IEnumerable<string> partitions, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(partitions);
        foreach (var partition in partitions.Distinct())
        {
            await index.UpsertAsync(new IndexEntity { PartitionKey = partition, RowKey = $"{type}|{id}", Type = type, Id = id }, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The matters of one type a partition names, each read by <paramref name="load"/>; those gone since are left out.</summary>
    public async Task<IReadOnlyList<T>> LoadAsync<T>(string partition, string type, Func<string, Task<T?>> load, CancellationToken cancellationToken) where T : class
    {
        ArgumentNullException.ThrowIfNull(load);
        var found = new List<T>();
        foreach (var row in (await ListAsync(partition, cancellationToken).ConfigureAwait(false)).Where(m => m.Type == type))
        {
            if (await load(row.Id).ConfigureAwait(false) is { } matter)
            {
                found.Add(matter);
            }
        }

        return found;
    }

    public async Task<IReadOnlyList<IndexedMatter>> ListAsync(string partition, CancellationToken cancellationToken) =>
        [.. (await index.QueryAllAsync<IndexEntity>(TableFilter.Of($"PartitionKey eq {partition}"), cancellationToken).ConfigureAwait(false))
            .Select(r => new IndexedMatter(r.Type, r.Id))];
}

/// <summary>Table <c>CaseIndex</c>: a pointer to a lead, case or task (keys in <see cref="MatterIndex"/>).</summary>
public sealed class IndexEntity : TableRow
{
    /// <summary>lead, case or task.</summary>
    public string Type { get; set; } = "";
    public string Id { get; set; } = "";
}
