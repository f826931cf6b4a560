using System.Globalization;
using Azure;
using Azure.Data.Tables;
using TalkBot.Bot.Features.Talks;
using TalkBot.Domain.Records;

namespace TalkBot.Bot.Features.Records;

/// <summary>A record as stored, with the head row's ETag that guards its next change.</summary>
public sealed record StoredRecord(TalkRecord Record, ETag ETag);

/// <summary>
/// Talk records (《层级廉政谈话登记表》) in the talk's partition of table <c>Talks</c>; keys in <see cref="TalkRows"/>.
/// Every change is one entity group transaction: the head row (ETag-guarded) with the rows it adds, so a Teams retry
/// racing the first call loses the race instead of adding a second version or verification. After each change the
/// talk's lines in its talkees' archives say where the record stands (<see cref="TalkLines"/>, through <see cref="Listings"/>).
/// </summary>
public sealed class RecordStore(TableSet tables, MatterIndex index, Listings listings, Tab.TalkLedgerRows ledger)
{
    public async Task<StoredRecord?> GetAsync(Talk talk, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(talk);
        var head = await tables[TalkRows.Talks].GetEntityIfExistsAsync<RecordHeadEntity>(talk.Id.Value, TalkRows.RecordHeadRow, cancellationToken: cancellationToken).ConfigureAwait(false);
        if (!head.HasValue)
        {
            return null;
        }

        var versions = await QueryAsync<RecordVersionEntity>(talk.Id, TalkRows.RecordVersionRowPrefix, cancellationToken).ConfigureAwait(false);
        var parts = await QueryAsync<RecordPartEntity>(talk.Id, TalkRows.RecordPartRowPrefix, cancellationToken).ConfigureAwait(false);
        var checks = await QueryAsync<VerificationEntity>(talk.Id, TalkRows.RecordVerificationRowPrefix, cancellationToken).ConfigureAwait(false);

        // Rows of a version beyond the head's are left by nothing (they are written in one transaction with it); they
        // are ignored all the same, so the head alone says what the record is.
        var current = head.Value!.CurrentVersion;
        var restored = versions.Where(v => v.Number <= current).Select(v => RecordVersion.Restore(
            v.Number,
            new RecordContent(
                v.StartedAt,
                v.EndedAt,
                v.Place,
                Enum.Parse<TalkFormat>(v.Format),
                new PersonId(v.LeadTalker),
                Ids(v.JointTalkers),
                v.DelegatedBy is { Length: > 0 } d ? new PersonId(d) : null,
                new PersonId(v.Recorder),
                v.Checklist.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(n => int.Parse(n, CultureInfo.InvariantCulture)).ToHashSet(),
                [.. talk.Talkees.Select(t => parts.FirstOrDefault(p => p.Version == v.Number && p.Talkee == t.Value) is { } p
                    ? ToPart(p)
                    : new TalkeePart(t, null, null, null, false, []))]),
            new PersonId(v.Author),
            v.At,
            v.FormId,
            v.ChangedFields.Split(',', StringSplitOptions.RemoveEmptyEntries),
            checks.Where(c => c.Version == v.Number).Select(c => new Verification(
                new PersonId(c.Talkee), Enum.Parse<VerificationDecision>(c.Decision), c.Comment, c.At)))).ToList();
        return new StoredRecord(TalkRecord.Restore(talk.Id, talk.Kind, talk.Talkees, restored), head.Value.ETag);
    }

    /// <summary>
    /// Stores a newly logged record with the talk's new status (held) in one transaction. Returns false, storing
    /// nothing, when the talk has a record already (a concurrent first submit): the caller reads it and revises.
    /// </summary>
    public async Task<bool> CreateAsync(Talk talk, TalkRecord record, CancellationToken cancellationToken)
    {
        var actions = new List<TableTransactionAction> { new(TableTransactionActionType.Add, Head(record)) };
        actions.AddRange(VersionRows(record.TalkId, record.Current).Select(r => new TableTransactionAction(TableTransactionActionType.Add, r)));
        actions.Add(TalkStore.StatusUpdate(talk));
        return await listings.SaveAsync(TalkLines.ListJob, talk.Id.Value, () => SubmitAsync(actions, cancellationToken), () => ListAsync(record, cancellationToken),
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Where the talk's record stands, from its head row alone; null before it is logged.</summary>
    public async Task<RecordStatus?> StatusAsync(TalkId talk, CancellationToken cancellationToken) =>
        await tables[TalkRows.Talks].FindAsync<RecordHeadEntity>(talk.Value, TalkRows.RecordHeadRow, cancellationToken).ConfigureAwait(false) is { } head
            ? Enum.Parse<RecordStatus>(head.Status)
            : null;

    /// <summary>
    /// Stores what changed since <paramref name="stored"/> was read: a new version or new verifications. Returns false
    /// on a concurrent change; the caller reads again and re-applies, which the domain makes a no-op when repeated.
    /// </summary>
    public async Task<bool> SaveAsync(StoredRecord stored, int versionsBefore, IReadOnlyCollection<PersonId> newVerifications, string? activityId, CancellationToken cancellationToken)
    {
        var record = stored.Record;
        var added = new List<ITableEntity>();
        foreach (var version in record.Versions.Where(v => v.Number > versionsBefore))
        {
            added.AddRange(VersionRows(record.TalkId, version));
        }

        foreach (var talkee in newVerifications)
        {
            var verification = record.Current.VerificationBy(talkee) ?? throw new InvalidOperationException("No verification to store.");
            added.Add(new VerificationEntity
            {
                PartitionKey = record.TalkId.Value,
                RowKey = TalkRows.RecordVerificationRow(record.Current.Number, talkee.Value),
                Version = record.Current.Number,
                Talkee = talkee.Value,
                Decision = verification.Decision.ToString(),
                Comment = verification.Comment,
                At = verification.At,
                ActivityId = activityId,
            });
        }

        return await listings.SaveAsync(TalkLines.ListJob, record.TalkId.Value, () => tables[TalkRows.Talks].TrySaveAsync(Head(record), stored.ETag, added, cancellationToken),
            () => ListAsync(record, cancellationToken), cancellationToken).ConfigureAwait(false);
    }

    // A talk not listed yet is listed whole, with its record as stored, by the follow-up of its scheduling.
    // The tab's ledger rows are written whole from what is stored (their partitions follow the talk's people and units).
    private async Task ListAsync(TalkRecord record, CancellationToken cancellationToken)
    {
        await index.TryMergeAsync(record.Talkees.Select(MatterIndex.Person), TalkLines.LinePrefix + record.TalkId.Value, TalkLines.RecordColumns(record), cancellationToken)
            .ConfigureAwait(false);
        await ledger.WriteAsync(record.TalkId, cancellationToken).ConfigureAwait(false);
    }

    private Task<bool> SubmitAsync(List<TableTransactionAction> actions, CancellationToken cancellationToken) =>
        tables[TalkRows.Talks].TrySubmitAsync(actions, cancellationToken);

    private Task<List<T>> QueryAsync<T>(TalkId talk, string prefix, CancellationToken cancellationToken) where T : class, ITableEntity, new() =>
        tables[TalkRows.Talks].QueryAllAsync<T>(TalkStore.RowsStartingWith(talk, prefix), cancellationToken);

    private static RecordHeadEntity Head(TalkRecord record) => new()
    {
        PartitionKey = record.TalkId.Value,
        RowKey = TalkRows.RecordHeadRow,
        CurrentVersion = record.Current.Number,
        Status = record.Status.ToString(),
        UpdatedAt = record.Current.Verifications.Select(v => v.At).Append(record.Current.At).Max(),
    };

    private static IEnumerable<ITableEntity> VersionRows(TalkId talk, RecordVersion version)
    {
        var c = version.Content;
        yield return new RecordVersionEntity
        {
            PartitionKey = talk.Value,
            RowKey = TalkRows.RecordVersionRow(version.Number),
            Number = version.Number,
            StartedAt = c.StartedAt!.Value,
            EndedAt = c.EndedAt!.Value,
            Place = c.Place ?? "",
            Format = c.Format.ToString(),
            LeadTalker = c.LeadTalker!.Value.Value,
            JointTalkers = string.Join(',', c.JointTalkers.Select(p => p.Value)),
            DelegatedBy = c.DelegatedBy?.Value,
            Recorder = c.Recorder!.Value.Value,
            Checklist = string.Join(',', c.Checklist.Order()),
            Author = version.Author.Value,
            At = version.At,
            FormId = version.FormId,
            ChangedFields = string.Join(',', version.ChangedFields),
        };

        foreach (var part in c.Parts)
        {
            yield return new RecordPartEntity
            {
                PartitionKey = talk.Value,
                RowKey = TalkRows.RecordPartRow(version.Number, part.Talkee.Value),
                Version = version.Number,
                Talkee = part.Talkee.Value,
                Problems = part.Problems,
                Explanation = part.Explanation,
                Requirements = part.Requirements,
                RectificationRequired = part.RectificationRequired,
                RectificationItems = part.RectificationItems.Count > 0 ? string.Join('\n', part.RectificationItems) : null,
            };
        }
    }

    private static TalkeePart ToPart(RecordPartEntity p) => new(
        new PersonId(p.Talkee),
        p.Problems,
        p.Explanation,
        p.Requirements,
        p.RectificationRequired,
        p.RectificationItems?.Split('\n') ?? []);

    private static List<PersonId> Ids(string csv) =>
        csv.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(id => new PersonId(id)).ToList();
}
