using Azure;
using Azure.Data.Tables;
using TalkBot.Bot.Features.Talks;

namespace TalkBot.Bot.Features.Notices;

/// <summary>
/// The postponements that wait for an organiser's decision (000 §四(五)1), told to them in one message per
/// <see cref="SenderOptions.CoalesceWindow"/> however many talkees asked: each request is kept as a row until a digest
/// carrying it has gone out. Table <c>NoticeDigests</c>: PartitionKey = organiser id; RowKey = <c>{talkId}|{talkeeId}</c>
/// (a talkee who changes their reason replaces their row).
/// </summary>
public sealed class PostponementDigest(TableSet tables, TalkStore talks, PeopleDirectory directory, WorkingCalendar calendar, Messenger messenger, OrganiserView organiser)
    : ICardRefresh
{
    public const string Table = "NoticeDigests";
    public const string RefreshName = "Notices.PostponementDigest";

    private readonly TableClient digests = tables[Table];

    public string Name => RefreshName;

    /// <summary>Keeps the request for the organiser's next digest and queues that digest.</summary>
    public async Task AddAsync(Talk talk, Notice notice, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(talk);
        ArgumentNullException.ThrowIfNull(notice);
        await digests.UpsertAsync(new PostponementDigestEntity
        {
            PartitionKey = talk.Organiser.Value,
            RowKey = $"{talk.Id.Value}|{notice.Talkee.Value}",
            TalkId = talk.Id.Value,
            Talkee = notice.Talkee.Value,
            RequestedAt = notice.PostponementRequestedAt ?? talk.CreatedAt,
            Reason = notice.PostponementReason ?? "",
        }, cancellationToken).ConfigureAwait(false);
        await messenger.RefreshAsync(talk.Organiser, new CardRefreshOf(RefreshName, talk.Organiser.Value), cancellationToken).ConfigureAwait(false);
    }

    public async Task<RefreshedCard?> RenderAsync(CardRefreshRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (person, locale) = (request.Person, request.Locale);
        var rows = await digests.QueryAllAsync<PostponementDigestEntity>(TableFilter.Of($"PartitionKey eq {person.Value}"), cancellationToken).ConfigureAwait(false);
        var context = (await directory.CurrentAsync(cancellationToken).ConfigureAwait(false)).Context(calendar);
        var requests = new List<PostponementRequestView>();
        var carried = new List<PostponementDigestEntity>();
        var withdrawn = new List<PostponementDigestEntity>();
        foreach (var row in rows.OrderBy(r => r.RequestedAt))
        {
            var read = await talks.ReadForTalkeeAsync(new TalkId(row.TalkId), new PersonId(row.Talkee), cancellationToken).ConfigureAwait(false);
            if (read is { Talk.Talk: { Status: TalkStatus.Scheduled } talk, Notice: { Notice.Status: NoticeStatus.PostponementRequested } stored })
            {
                // 000 §四(五)1: with the organiser's two answers, and the dates a new time may take today.
                var (min, max) = organiser.Dates(talk.Kind);
                requests.Add(NoticeViews.PostponementRequested(talk, stored.Notice, context, min, max));
                carried.Add(row);
            }
            else
            {
                withdrawn.Add(row); // acknowledged after all, or the talk is gone: nothing left to decide
            }
        }

        await ForgetAsync(withdrawn, cancellationToken).ConfigureAwait(false);
        return requests.Count == 0 ? null : new RefreshedCard(PostponementDigestCard.Build(requests, locale), null, Sent: ct => ForgetAsync(carried, ct));
    }

    // Each row only as it was read: a reason changed meanwhile is kept for the next digest.
    private async Task ForgetAsync(IEnumerable<PostponementDigestEntity> carried, CancellationToken cancellationToken)
    {
        foreach (var row in carried)
        {
            await digests.TrySubmitAsync([new(TableTransactionActionType.Delete, new TableEntity(row.PartitionKey, row.RowKey), row.ETag)], cancellationToken)
                .ConfigureAwait(false);
        }
    }
}

/// <summary>Table <c>NoticeDigests</c>: one postponement request waiting for the organiser's next digest.</summary>
public sealed class PostponementDigestEntity : TableRow
{
    public string TalkId { get; set; } = "";
    public string Talkee { get; set; } = "";
    public DateTimeOffset RequestedAt { get; set; }
    public string Reason { get; set; } = "";
}
