using Azure.Data.Tables;
using TalkBot.Bot.Features.Talks;
using TalkBot.Domain.Records;

namespace TalkBot.Bot.Features.Records;

/// <summary>
/// Talks as lines of a lead, a case or an archive, each with its record's status ("held" means recorded, 000 §四(一)4).
/// For the archive each talk is listed under each of its talkees (<see cref="TalkLineEntity"/>): once it is stored (a
/// follow-up of <see cref="TalkScheduled"/>), again when it is moved or cancelled (<see cref="TalkChanged"/>), and whenever its record changes (<see cref="RecordStore"/>), so that an
/// archive reads its talks in one query.
/// </summary>
public sealed class TalkLines(TalkStore talks, RecordStore records, MatterIndex index, TableSet tables, Tab.TalkLedgerRows ledger) : IFollowUp<TalkScheduled>, IFollowUp<TalkChanged>, IListedKind
{
    /// <summary>Lists a talk again from what is stored (a crash between a record's save and its listing).</summary>
    public const string ListJob = "TalkLines";
    public const string LinePrefix = "talk|";

    public async Task<IReadOnlyList<TalkLine>> ForAsync(IEnumerable<TalkId> ids, ViewContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ids);
        var lines = new List<TalkLine>();
        foreach (var id in ids)
        {
            if (await talks.GetAsync(id, cancellationToken).ConfigureAwait(false) is { } talk)
            {
                var record = await records.GetAsync(talk, cancellationToken).ConfigureAwait(false);
                lines.Add(TalkViews.Line(talk, record?.Record.Status, context));
            }
        }

        return lines;
    }

    /// <summary>Whether the talk has its record, which is what "held" means here (000 §四(一)4).</summary>
    public async Task<bool> IsHeldAsync(Talk? talk, CancellationToken cancellationToken) =>
        talk is not null && await records.GetAsync(talk, cancellationToken).ConfigureAwait(false) is not null;

    /// <summary>The talks noticed to <paramref name="talkee"/>, as their archive shows them: one query.</summary>
    public async Task<IReadOnlyList<TalkListing>> ListingsAsync(PersonId talkee, CancellationToken cancellationToken) =>
        [.. (await index.QueryAsync<TalkLineEntity>(MatterIndex.Person(talkee), LinePrefix, ListScope.AboutPerson(talkee), cancellationToken).ConfigureAwait(false))
            .Select(l => new TalkListing(new TalkId(l.Matter), Enum.Parse<TalkKind>(l.Kind), l.ScheduledAt, l.Place, Enum.Parse<TalkStatus>(l.Status),
                [.. l.Talkers.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(t => new PersonId(t))],
                l.Record is { } record ? Enum.Parse<RecordStatus>(record) : null))];

    public Task RunAsync(TalkScheduled change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        return RelistAsync(change.Talk.Value, cancellationToken);
    }

    /// <summary>A moved or cancelled talk is listed again with its new time and state, in the archive and the ledger.</summary>
    public Task RunAsync(TalkChanged change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        return RelistAsync(change.Talk.Value, cancellationToken);
    }

    public IAsyncEnumerable<string> StoredAsync(CancellationToken cancellationToken) =>
        tables[TalkRows.Talks].QueryColumnAsync(TableFilter.Of($"RowKey eq {TalkRows.TalkRow}"), nameof(ITableEntity.PartitionKey), cancellationToken);

    /// <summary>Lists the talk under each talkee as it is stored, with its record's status; a talk that is not is left alone.</summary>
    public async Task RelistAsync(string id, CancellationToken cancellationToken)
    {
        if (!TalkId.TryParse(id, out var talkId) || await talks.GetAsync(talkId, cancellationToken).ConfigureAwait(false) is not { } talk)
        {
            return;
        }

        var l = TalkListing.Of(talk, await records.StatusAsync(talk.Id, cancellationToken).ConfigureAwait(false));
        var talkees = talk.Talkees.ToDictionary(MatterIndex.Person);
        await index.WriteAsync(talkees.Keys, partition => [ListRow.Place(new TalkLineEntity
        {
            Kind = l.Kind.ToString(),
            ScheduledAt = l.ScheduledAt,
            Place = l.Place,
            Talkers = string.Join(',', l.Talkers.Select(t => t.Value)),
            Status = l.Status.ToString(),
            Record = l.Record?.ToString(),
        }, partition, LinePrefix + l.Id.Value, l.Id.Value, talkees[partition], l.Status == TalkStatus.Scheduled)], cancellationToken).ConfigureAwait(false);
        await ledger.WriteAsync(talk.Id, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The columns a record's change sets on its talk's lines (<see cref="TalkLineEntity"/>): the talk is held, and where its record stands.</summary>
    public static Dictionary<string, object> RecordColumns(TalkRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return new()
        {
            [nameof(TalkLineEntity.Status)] = TalkStatus.Held.ToString(),
            [nameof(TalkLineEntity.Open)] = false,
            [nameof(TalkLineEntity.Record)] = record.Status.ToString(),
        };
    }
}

/// <summary>
/// Table <c>CaseIndex</c>, row <c>talk|{talkId}</c> of the partition <c>person|{talkee}</c> of each talkee (keys in
/// <see cref="MatterIndex"/>): what their archive shows of the talk.
/// </summary>
public sealed class TalkLineEntity : ListRow
{
    public string Kind { get; set; } = "";
    public DateTimeOffset ScheduledAt { get; set; }
    public string Place { get; set; } = "";
    /// <summary>Comma-separated person ids; the first leads the talk.</summary>
    public string Talkers { get; set; } = "";
    public string Status { get; set; } = "";
    /// <summary>Where the record stands; null before it is logged.</summary>
    public string? Record { get; set; }
}
