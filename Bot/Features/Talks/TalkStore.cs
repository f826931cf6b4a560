using Azure;
using Azure.Data.Tables;

namespace TalkBot.Bot.Features.Talks;

/// <summary>A notice as stored: the domain notice, where its card was posted, the row's ETag and when the row last changed.</summary>
public sealed record StoredNotice(Notice Notice, string? ConversationId, string? ActivityId, ETag ETag, bool HasAcknowledgement, DateTimeOffset? ChangedAt = null);

/// <summary>Where a card was posted, so that it can be updated in place.</summary>
public sealed record CardLocation(string ConversationId, string ActivityId);

/// <summary>A talk as stored, with where its organiser's card is (the card the talk was created from).</summary>
public sealed record StoredTalk(Talk Talk, CardLocation? OrganiserCard, ETag ETag = default);

/// <summary>
/// What a talkee's answer to their notice reads, in one query of the talk's partition: the talk, their notice, and
/// their other rows there (the quiz), for the features that map them.
/// </summary>
public sealed record TalkeeRows(StoredTalk? Talk, StoredNotice? Notice, IReadOnlyList<TableEntity> Rows);

/// <summary>How a person takes part in a talk, besides as its talkee (indexed in <c>TalksByPerson</c>).</summary>
public enum TalkRelation
{
    Organiser,
    Talker,
    Recorder,
    /// <summary>A talker who does not lead: the tier's assistant (配合) or one invited (共同谈话, 000 §二); also Talker.</summary>
    Joins,
}

/// <summary>Another list that shows where a talk's notices stand (the tab's talk ledger), told with the talkee's line of 我的通知.</summary>
public interface INoticeListing
{
    Task ListAsync(Talk talk, Notice notice, CancellationToken cancellationToken);
}

/// <summary>Talks, their notices and acknowledgements, and the indexes by person (keys in <see cref="TalkRows"/>).</summary>
public sealed partial class TalkStore(TableSet tables, IEnumerable<INoticeListing>? listings = null)
{
    private readonly TableClient talks = tables[TalkRows.Talks];
    private readonly TableClient talksByPerson = tables[TalkRows.TalksByPerson];
    private readonly TableClient noticesByPerson = tables[TalkRows.NoticesByPerson];

    /// <summary>
    /// Stores a new talk with one notice per talkee in one entity group transaction: all or nothing.
    /// Returns false, storing nothing, when a talk with this id exists already (a repeated submit of one form).
    /// </summary>
    /// <param name="organiserCard">The card the organiser created the talk from, kept up to date with the notices.</param>
    public async Task<bool> CreateAsync(Talk talk, IReadOnlyList<Notice> notices, CardLocation? organiserCard, CancellationToken cancellationToken)
    {
        var row = ToEntity(talk);
        row.OrganiserConversationId = organiserCard?.ConversationId;
        row.OrganiserActivityId = organiserCard?.ActivityId;
        var actions = new List<TableTransactionAction> { new(TableTransactionActionType.Add, row) };
        actions.AddRange(notices.Select(n => new TableTransactionAction(TableTransactionActionType.Add, ToEntity(n, null, null))));
        if (!await talks.TrySubmitAsync(actions, cancellationToken).ConfigureAwait(false))
        {
            return false;
        }

        // The per-person index is written after the talk; rewriting it is harmless, so a crash here is mended by the
        // next write of the same notice.
        foreach (var notice in notices)
        {
            await IndexNoticeAsync(talk, notice, cancellationToken).ConfigureAwait(false);
        }

        foreach (var (person, relations) in Relations(talk))
        {
            await talksByPerson.UpsertAsync(
                new TalkIndexEntity
                {
                    PartitionKey = person.Value, RowKey = talk.Id.Value, Relations = relations, ScheduledAt = talk.ScheduledAt,
                    Talkees = string.Join(',', talk.Talkees.Select(t => t.Value)),
                },
                cancellationToken).ConfigureAwait(false);
        }

        return true;
    }

    /// <summary>The talks <paramref name="person"/> organises, leads or joins, or records, soonest first.</summary>
    public async Task<IReadOnlyList<(TalkId Talk, IReadOnlySet<TalkRelation> Relations)>> ListTalksInvolvingAsync(PersonId person, CancellationToken cancellationToken)
    {
        var filter = TableFilter.Of($"PartitionKey eq {person.Value}");
        var rows = new List<TalkIndexEntity>();
        await foreach (var row in talksByPerson.QueryAsync<TalkIndexEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            rows.Add(row);
        }

        return rows.OrderBy(r => r.ScheduledAt)
            .Select(r => (new TalkId(r.RowKey), (IReadOnlySet<TalkRelation>)r.Relations.Split(',', StringSplitOptions.RemoveEmptyEntries)
                .Select(x => Enum.TryParse<TalkRelation>(x, out var relation) ? relation : (TalkRelation?)null)
                .OfType<TalkRelation>()
                .ToHashSet()))
            .ToList();
    }

    /// <summary>
    /// The talks <paramref name="talker"/> leads that are scheduled from <paramref name="from"/> until
    /// <paramref name="until"/>, soonest first, each with its talkees: one query of the person's rows (a row written
    /// before rows carried the talkees reads its talk). A cancelled talk is left out (its rows say so), and so is one he
    /// only joins (assisting another tier's talker, or invited): it is not his own talk of the plan (000 §二). Rows
    /// written before joining talkers were marked read as led.
    /// </summary>
    public async Task<IReadOnlyList<(TalkId Talk, DateTimeOffset ScheduledAt, IReadOnlyList<PersonId> Talkees)>> ListTalksAsTalkerAsync(
        PersonId talker, DateTimeOffset from, DateTimeOffset until, CancellationToken cancellationToken)
    {
        var rows = await talksByPerson.QueryAllAsync<TalkIndexEntity>(
            TableFilter.Of($"PartitionKey eq {talker.Value} and ScheduledAt ge {from} and ScheduledAt lt {until}"), cancellationToken).ConfigureAwait(false);
        var talks = new List<(TalkId, DateTimeOffset, IReadOnlyList<PersonId>)>();
        foreach (var row in rows.Where(r => r.Cancelled != true && r.Relations.Split(',') is var relations
            && relations.Contains(nameof(TalkRelation.Talker)) && !relations.Contains(nameof(TalkRelation.Joins))).OrderBy(r => r.ScheduledAt))
        {
            var id = new TalkId(row.RowKey);
            if (row.Talkees is { } talkees)
            {
                talks.Add((id, row.ScheduledAt, Ids(talkees)));
            }
            else if (await GetAsync(id, cancellationToken).ConfigureAwait(false) is { Status: not TalkStatus.Cancelled } talk)
            {
                talks.Add((id, row.ScheduledAt, talk.Talkees));
            }
        }

        return talks;
    }

    /// <summary>Saves a talk's status (held, cancelled); the caller changed it through the domain.</summary>
    internal static TableTransactionAction StatusUpdate(Talk talk) => new(
        TableTransactionActionType.UpdateMerge,
        new TableEntity(talk.Id.Value, TalkRows.TalkRow) { ["Status"] = talk.Status.ToString() },
        ETag.All);

    private static IEnumerable<(PersonId Person, string Relations)> Relations(Talk talk)
    {
        var map = new Dictionary<PersonId, SortedSet<TalkRelation>>();
        void Add(PersonId person, TalkRelation relation)
        {
            if (!map.TryGetValue(person, out var set))
            {
                map[person] = set = [];
            }

            set.Add(relation);
        }

        Add(talk.Organiser, TalkRelation.Organiser);
        foreach (var talker in talk.Talkers)
        {
            Add(talker, TalkRelation.Talker);
        }

        foreach (var joining in talk.Talkers.Skip(1).Where(t => t != talk.LeadTalker))
        {
            Add(joining, TalkRelation.Joins);
        }

        if (talk.Recorder is { } recorder)
        {
            Add(recorder, TalkRelation.Recorder);
        }

        return map.Select(p => (p.Key, string.Join(',', p.Value)));
    }

    public async Task<Talk?> GetAsync(TalkId id, CancellationToken cancellationToken)
    {
        var response = await talks.GetEntityIfExistsAsync<TalkEntity>(id.Value, TalkRows.TalkRow, cancellationToken: cancellationToken).ConfigureAwait(false);
        return response.HasValue ? ToDomain(response.Value!) : null;
    }

    public async Task<StoredNotice?> GetNoticeAsync(TalkId talk, PersonId talkee, CancellationToken cancellationToken) =>
        await talks.FindAsync<NoticeEntity>(talk.Value, TalkRows.NoticeRow(talkee.Value), cancellationToken).ConfigureAwait(false) is { } row ? ToStored(row) : null;

    public async Task<IReadOnlyList<StoredNotice>> ListNoticesAsync(TalkId talk, CancellationToken cancellationToken) =>
        [.. (await talks.QueryAllAsync<NoticeEntity>(RowsStartingWith(talk, TalkRows.NoticeRowPrefix), cancellationToken).ConfigureAwait(false)).Select(ToStored)];

    /// <summary>A talk, where its organiser's card is, and all its notices: one query.</summary>
    public async Task<(StoredTalk? Talk, IReadOnlyList<StoredNotice> Notices)> GetWithNoticesAsync(TalkId talk, CancellationToken cancellationToken)
    {
        var filter = TableFilter.Of($"PartitionKey eq {talk.Value} and (RowKey eq {TalkRows.TalkRow} or (RowKey ge {TalkRows.NoticeRowPrefix} and RowKey lt {TableFilter.After(TalkRows.NoticeRowPrefix)}))");
        var rows = await talks.QueryAllAsync<TableEntity>(filter, cancellationToken).ConfigureAwait(false);
        return (TalkOf(rows), [.. rows.Where(r => r.RowKey.StartsWith(TalkRows.NoticeRowPrefix, StringComparison.Ordinal)).Select(r => ToStored(TableRowReader.As<NoticeEntity>(r)))]);
    }

    /// <summary>
    /// The talk, <paramref name="talkee"/>'s notice, and their quiz rows (<c>quiz|</c>, <c>quiza|</c>): one query, so that
    /// answering a notice reads once whatever its card shows.
    /// </summary>
    public async Task<TalkeeRows> ReadForTalkeeAsync(TalkId talk, PersonId talkee, CancellationToken cancellationToken)
    {
        var attempts = TalkRows.QuizAttemptRowPrefix + talkee.Value + "|";
        var filter = TableFilter.Of(
            $"PartitionKey eq {talk.Value} and (RowKey eq {TalkRows.TalkRow} or RowKey eq {TalkRows.NoticeRow(talkee.Value)} or RowKey eq {TalkRows.QuizTrackRow(talkee.Value)} or (RowKey ge {attempts} and RowKey lt {TableFilter.After(attempts)}))");
        var rows = await talks.QueryAllAsync<TableEntity>(filter, cancellationToken).ConfigureAwait(false);
        var notice = rows.FirstOrDefault(r => r.RowKey == TalkRows.NoticeRow(talkee.Value));
        return new TalkeeRows(TalkOf(rows), notice is null ? null : ToStored(TableRowReader.As<NoticeEntity>(notice)), rows);
    }

    /// <summary>A talk with where its organiser's card is.</summary>
    public async Task<StoredTalk?> GetStoredAsync(TalkId id, CancellationToken cancellationToken) =>
        await talks.FindAsync<TalkEntity>(id.Value, TalkRows.TalkRow, cancellationToken).ConfigureAwait(false) is { } row ? ToStoredTalk(row) : null;

    private static StoredTalk? TalkOf(IEnumerable<TableEntity> rows) =>
        rows.FirstOrDefault(r => r.RowKey == TalkRows.TalkRow) is { } row ? ToStoredTalk(TableRowReader.As<TalkEntity>(row)) : null;

    private static StoredTalk ToStoredTalk(TalkEntity row) => new(
        ToDomain(row),
        row is { OrganiserConversationId: { Length: > 0 } conversation, OrganiserActivityId: { Length: > 0 } activity } ? new CardLocation(conversation, activity) : null,
        row.ETag);

    /// <summary>The talks whose notices went to <paramref name="talkee"/>, soonest first.</summary>
    public async Task<IReadOnlyList<TalkId>> ListTalksNoticedToAsync(PersonId talkee, CancellationToken cancellationToken) =>
        [.. (await ListNoticedToAsync(talkee, cancellationToken).ConfigureAwait(false)).Select(r => new TalkId(r.RowKey))];

    /// <summary>The notices sent to <paramref name="talkee"/> as the list of them shows them (one partition query), soonest first.</summary>
    public async Task<IReadOnlyList<NoticeIndexEntity>> ListNoticedToAsync(PersonId talkee, CancellationToken cancellationToken) =>
        [.. (await noticesByPerson.QueryAllAsync<NoticeIndexEntity>(TableFilter.Of($"PartitionKey eq {talkee.Value}"), cancellationToken).ConfigureAwait(false))
            .OrderBy(r => r.ScheduledAt)];

    /// <summary>
    /// Saves a changed notice if nobody changed it since it was read (ETag), adding the acknowledgement row in the same
    /// transaction when the notice became acknowledged for the first time. Returns false on a concurrent change (a
    /// Teams retry racing the first call): the caller reads again and re-applies, which the domain makes a no-op.
    /// </summary>
    public async Task<bool> SaveNoticeAsync(StoredNotice stored, string? conversationId, string? activityId, string? byActivity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stored);
        var notice = stored.Notice;
        var firstAcknowledgement = notice.AcknowledgedAt is not null && !stored.HasAcknowledgement;
        var row = ToEntity(notice, conversationId ?? stored.ConversationId, activityId ?? stored.ActivityId);
        row.AcknowledgementStored = stored.HasAcknowledgement || firstAcknowledgement;
        var actions = new List<TableTransactionAction> { new(TableTransactionActionType.UpdateReplace, row, stored.ETag) };
        if (notice.AcknowledgedAt is { } at && firstAcknowledgement)
        {
            actions.Add(new(TableTransactionActionType.Add, new AcknowledgementEntity
            {
                PartitionKey = notice.TalkId.Value,
                RowKey = TalkRows.AcknowledgementRow(notice.Talkee.Value, notice.Version),
                Talkee = notice.Talkee.Value,
                AcknowledgedAt = at,
                ActivityId = byActivity,
            }));
        }

        return await talks.TrySubmitAsync(actions, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Every acknowledgement row of a talk (for the organiser and for tests of "exactly once").</summary>
    public async Task<int> CountAcknowledgementsAsync(TalkId talk, PersonId talkee, CancellationToken cancellationToken)
    {
        var filter = TableFilter.Of($"PartitionKey eq {talk.Value} and RowKey eq {TalkRows.AcknowledgementRow(talkee.Value)}");
        var count = 0;
        await foreach (var _ in talks.QueryAsync<AcknowledgementEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            count++;
        }

        return count;
    }

    internal static string RowsStartingWith(TalkId talk, string prefix) => TableFilter.RowsStartingWith(talk.Value, prefix);

    /// <summary>
    /// Writes the talkee's line of 我的通知 for this notice as it stands: written after the notice's own transaction, and
    /// again by every later change of the notice and by the organiser's card refresh, so a crash between them is
    /// mended by the next write.
    /// </summary>
    public async Task IndexNoticeAsync(Talk talk, Notice notice, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(talk);
        ArgumentNullException.ThrowIfNull(notice);
        foreach (var listing in listings ?? [])
        {
            await listing.ListAsync(talk, notice, cancellationToken).ConfigureAwait(false);
        }

        await noticesByPerson.UpsertAsync(new NoticeIndexEntity
        {
            PartitionKey = notice.Talkee.Value,
            RowKey = notice.TalkId.Value,
            ScheduledAt = talk.ScheduledAt,
            Kind = talk.Kind,
            Place = talk.Place,
            TalkStatus = talk.Status,
            State = notice.Status,
            AcknowledgedAt = notice.AcknowledgedAt,
            PostponementRequestedAt = notice.PostponementRequestedAt,
            PostponementReason = notice.PostponementReason,
        }, cancellationToken).ConfigureAwait(false);
    }
}
