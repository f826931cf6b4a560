using Azure;
using Azure.Data.Tables;
using TalkBot.Bot.Features.Talks;
using TalkBot.Domain.Rectifications;

namespace TalkBot.Bot.Features.Rectifications;

public sealed record StoredRectification(Rectification Rectification, ETag ETag);

/// <summary>
/// Rectifications in the talk's partition of table <c>Talks</c> (keys in <see cref="TalkRows"/>). Reports, measures
/// and reviews are inserted, never changed, in one transaction with the ETag-guarded head, so every version is kept
/// and a repeated click adds nothing.
/// </summary>
public sealed class RectificationStore(TableSet tables)
{
    public async Task<StoredRectification?> GetAsync(TalkId talk, PersonId talkee, CancellationToken cancellationToken)
    {
        var head = await tables[TalkRows.Talks].GetEntityIfExistsAsync<RectificationEntity>(talk.Value, TalkRows.RectificationRow(talkee.Value), cancellationToken: cancellationToken).ConfigureAwait(false);
        if (!head.HasValue)
        {
            return null;
        }

        var reports = await QueryAsync<RectificationReportEntity>(talk, TalkRows.RectificationReportRowPrefix + talkee.Value + "|", cancellationToken).ConfigureAwait(false);
        var measures = await QueryAsync<MeasureEntity>(talk, TalkRows.MeasureRowPrefix + talkee.Value + "|", cancellationToken).ConfigureAwait(false);
        var reviews = await QueryAsync<RectificationReviewEntity>(talk, TalkRows.RectificationReviewRowPrefix + talkee.Value + "|", cancellationToken).ConfigureAwait(false);
        return new StoredRectification(Restore(talk, head.Value!, reports, measures, reviews), head.Value!.ETag);
    }

    /// <summary>
    /// Every rectification opened for the talk's talkees (000 §四(一)5), in one query of the talk's rectification rows
    /// (their keys share <see cref="TalkRows.RectificationRowsPrefix"/>): what a recount or the ledger reads for a whole talk.
    /// </summary>
    public async Task<IReadOnlyList<Rectification>> ListAsync(TalkId talk, CancellationToken cancellationToken)
    {
        var rows = await QueryAsync<TableEntity>(talk, TalkRows.RectificationRowsPrefix, cancellationToken).ConfigureAwait(false);
        List<T> Of<T>(string prefix) where T : TableRow, new() =>
            [.. rows.Where(r => r.RowKey.StartsWith(prefix, StringComparison.Ordinal)).Select(TableRowReader.As<T>)];

        var (reports, measures, reviews) = (Of<RectificationReportEntity>(TalkRows.RectificationReportRowPrefix), Of<MeasureEntity>(TalkRows.MeasureRowPrefix),
            Of<RectificationReviewEntity>(TalkRows.RectificationReviewRowPrefix));
        return [.. Of<RectificationEntity>(TalkRows.RectificationRowPrefix).Select(h => Restore(talk, h, [.. reports.Where(r => r.Talkee == h.Talkee)],
            [.. measures.Where(m => m.Talkee == h.Talkee)], [.. reviews.Where(v => v.Talkee == h.Talkee)]))];
    }

    private static Rectification Restore(TalkId talk, RectificationEntity h, List<RectificationReportEntity> reports, List<MeasureEntity> measures,
        List<RectificationReviewEntity> reviews) =>
        Rectification.Restore(
            talk,
            new PersonId(h.Talkee),
            h.Items.Split('\n'),
            DateOnly.FromDateTime(h.FirstDueDate),
            h.OpenedAt,
            reports.Where(r => r.Number <= h.Reports).Select(r => new RectificationReport(
                r.Number,
                [.. measures.Where(m => m.Report == r.Number).OrderBy(m => m.Item).Select(m => new MeasureReport(
                    m.Item, m.Measure, Enum.Parse<MeasureStatus>(m.Status), m.CompletedOn is { } d ? DateOnly.FromDateTime(d) : null))],
                r.SubmittedAt,
                r.Late,
                r.FormId)),
            reviews.Where(v => v.Report <= h.Reports).Select(v => new RectificationReview(
                v.Report, v.Accepted, v.Comment, v.NewDueDate is { } d ? DateOnly.FromDateTime(d) : null, new PersonId(v.Reviewer), v.At)));

    /// <summary>Opens a rectification; false when the talkee has one for this talk already (it is kept as it is).</summary>
    public Task<bool> CreateAsync(Rectification rectification, CancellationToken cancellationToken) =>
        tables[TalkRows.Talks].TrySubmitAsync([new(TableTransactionActionType.Add, Head(rectification))], cancellationToken);

    /// <summary>Stores the reports and reviews added since it was read; false on a concurrent change.</summary>
    public Task<bool> SaveAsync(StoredRectification stored, int reportsBefore, int reviewsBefore, CancellationToken cancellationToken)
    {
        var r = stored.Rectification;
        var talkee = r.Talkee.Value;
        var added = new List<ITableEntity>();
        foreach (var report in r.Reports.Skip(reportsBefore))
        {
            added.Add(new RectificationReportEntity
            {
                PartitionKey = r.TalkId.Value,
                RowKey = TalkRows.RectificationReportRow(talkee, report.Number),
                Talkee = talkee,
                Number = report.Number,
                SubmittedAt = report.SubmittedAt,
                Late = report.Late,
                FormId = report.FormId,
            });
            added.AddRange(report.Measures.Select(m => new MeasureEntity
            {
                PartitionKey = r.TalkId.Value,
                RowKey = TalkRows.MeasureRow(talkee, report.Number, m.Item),
                Talkee = talkee,
                Report = report.Number,
                Item = m.Item,
                Measure = m.Measure ?? "",
                Status = m.Status.ToString(),
                CompletedOn = m.CompletedOn?.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc),
            }));
        }

        foreach (var review in r.Reviews.Skip(reviewsBefore))
        {
            added.Add(new RectificationReviewEntity
            {
                PartitionKey = r.TalkId.Value,
                RowKey = TalkRows.RectificationReviewRow(talkee, review.Report),
                Talkee = talkee,
                Report = review.Report,
                Accepted = review.Accepted,
                Comment = review.Comment,
                NewDueDate = review.NewDueDate?.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc),
                Reviewer = review.Reviewer.Value,
                At = review.At,
            });
        }

        return tables[TalkRows.Talks].TrySaveAsync(Head(r), stored.ETag, added, cancellationToken);
    }

    private Task<List<T>> QueryAsync<T>(TalkId talk, string prefix, CancellationToken cancellationToken) where T : class, ITableEntity, new() =>
        tables[TalkRows.Talks].QueryAllAsync<T>(TalkStore.RowsStartingWith(talk, prefix), cancellationToken);

    private static RectificationEntity Head(Rectification r) => new()
    {
        PartitionKey = r.TalkId.Value,
        RowKey = TalkRows.RectificationRow(r.Talkee.Value),
        Talkee = r.Talkee.Value,
        Items = string.Join('\n', r.Items),
        FirstDueDate = r.FirstDueDate.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc),
        DueDate = r.DueDate.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc),
        OpenedAt = r.OpenedAt,
        Status = r.Status.ToString(),
        Reports = r.Reports.Count,
    };
}
