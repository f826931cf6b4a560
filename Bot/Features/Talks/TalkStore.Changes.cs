using System.Globalization;
using Azure;
using Azure.Data.Tables;

namespace TalkBot.Bot.Features.Talks;

/// <summary>A talk's changes after its notice: moved, cancelled, its absences; and the notices issued again with it.</summary>
public sealed partial class TalkStore
{
    /// <summary>
    /// Saves a changed talk and the notices changed with it in one entity group transaction, guarded by the ETags read:
    /// false when anyone changed the talk or one of them since (a Teams retry racing the first call), and nothing is
    /// stored; the caller reads again and decides again, which Domain makes a no-op. The per-person rows follow.
    /// </summary>
    public async Task<bool> SaveChangeAsync(StoredTalk stored, IReadOnlyList<StoredNotice> notices, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stored);
        ArgumentNullException.ThrowIfNull(notices);
        var talk = stored.Talk;
        // Merge: the row keeps what only it holds (the form id, where the organiser's card is).
        var row = new TableEntity(talk.Id.Value, TalkRows.TalkRow)
        {
            [nameof(TalkEntity.Status)] = talk.Status.ToString(),
            [nameof(TalkEntity.ScheduledAt)] = talk.ScheduledAt,
        };
        foreach (var (key, value) in HistoryColumns(talk))
        {
            row[key] = value;
        }

        var actions = new List<TableTransactionAction> { new(TableTransactionActionType.UpdateMerge, row, stored.ETag) };
        foreach (var notice in notices)
        {
            var entity = ToEntity(notice.Notice, notice.ConversationId, notice.ActivityId);
            entity.AcknowledgementStored = notice.Notice.AcknowledgedAt is not null && notice.HasAcknowledgement;
            actions.Add(new(TableTransactionActionType.UpdateReplace, entity, notice.ETag));
        }

        if (!await talks.TrySubmitAsync(actions, cancellationToken).ConfigureAwait(false))
        {
            return false;
        }

        await IndexChangeAsync(talk, notices.Select(n => n.Notice), cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <summary>
    /// The per-person rows of a changed talk: its time and whether it is cancelled for those who organise, lead or record
    /// it, and each talkee's line of 我的通知. Rewriting them is harmless, so a crash before this is mended by the next change
    /// of the talk, or by the organiser card's next build for the notices.
    /// </summary>
    public async Task IndexChangeAsync(Talk talk, IEnumerable<Notice> notices, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(talk);
        ArgumentNullException.ThrowIfNull(notices);
        foreach (var notice in notices)
        {
            await IndexNoticeAsync(talk, notice, cancellationToken).ConfigureAwait(false);
        }

        foreach (var (person, _) in Relations(talk))
        {
            await talksByPerson.UpsertEntityAsync(new TableEntity(person.Value, talk.Id.Value)
            {
                [nameof(TalkIndexEntity.ScheduledAt)] = talk.ScheduledAt,
                [nameof(TalkIndexEntity.Cancelled)] = talk.Status == TalkStatus.Cancelled,
            }, TableUpdateMode.Merge, cancellationToken).ConfigureAwait(false);
        }
    }

    private static IEnumerable<(string Key, object? Value)> HistoryColumns(Talk talk)
    {
        yield return (nameof(TalkEntity.Revision), talk.Revision);
        yield return (nameof(TalkEntity.ChangeKind), talk.LastChange?.Kind.ToString());
        yield return (nameof(TalkEntity.ChangedBy), talk.LastChange?.By.Value);
        yield return (nameof(TalkEntity.ChangedAt), talk.LastChange?.At);
        yield return (nameof(TalkEntity.ChangeReason), talk.LastChange?.Reason);
        yield return (nameof(TalkEntity.MovedFrom), talk.LastChange?.From);
        yield return (nameof(TalkEntity.Absences), talk.Absences.Count == 0 ? null
            : string.Join(';', talk.Absences.Select(a => $"{a.Talkee.Value}|{a.RecordedBy.Value}|{a.RecordedAt.UtcTicks.ToString(CultureInfo.InvariantCulture)}")));
    }

    private static TalkHistory? History(TalkEntity e)
    {
        var change = e is { ChangeKind: { } kind, ChangedBy: { } by, ChangedAt: { } at }
            ? new TalkChange(Enum.Parse<TalkChangeKind>(kind), new PersonId(by), at, e.ChangeReason ?? "", e.MovedFrom)
            : null;
        var absences = (e.Absences ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries)
            .Select(a => a.Split('|'))
            .Where(p => p.Length == 3)
            .Select(p => new Absence(new PersonId(p[0]), new PersonId(p[1]), new DateTimeOffset(long.Parse(p[2], CultureInfo.InvariantCulture), TimeSpan.Zero)))
            .ToList();
        return e.Revision is null && change is null && absences.Count == 0 ? null : new TalkHistory(e.Revision ?? 0, change, absences);
    }

    private static PostponementDecision? Decision(NoticeEntity e) => e is { DecisionApproved: { } approved, DecidedBy: { } by, DecidedAt: { } at }
        ? new PostponementDecision(approved, new PersonId(by), at, e.DecisionReason, e.DecisionRequestReason ?? "")
        : null;
}

internal static class TalkEntityHistory
{
    public static TalkEntity WithHistory(this TalkEntity row, Talk talk)
    {
        row.Revision = talk.Revision == 0 ? null : talk.Revision;
        row.ChangeKind = talk.LastChange?.Kind.ToString();
        row.ChangedBy = talk.LastChange?.By.Value;
        row.ChangedAt = talk.LastChange?.At;
        row.ChangeReason = talk.LastChange?.Reason;
        row.MovedFrom = talk.LastChange?.From;
        return row;
    }

    public static NoticeEntity WithDecision(this NoticeEntity row, Notice notice)
    {
        row.Version = notice.Version == 1 ? null : notice.Version;
        row.DecisionApproved = notice.Decision?.Approved;
        row.DecidedBy = notice.Decision?.By.Value;
        row.DecidedAt = notice.Decision?.At;
        row.DecisionReason = notice.Decision?.Reason;
        row.DecisionRequestReason = notice.Decision?.RequestReason;
        return row;
    }
}
