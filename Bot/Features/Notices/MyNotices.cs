using TalkBot.Bot.Features.Talks;

namespace TalkBot.Bot.Features.Notices;

/// <summary>
/// 我的通知 / my notices: every notice sent to the caller, including ones whose push failed, read from the caller's own
/// lines in <c>NoticesByPerson</c> (one partition query, whatever the number of talks).
/// </summary>
public sealed class MyNotices(TalkStore talks, WorkingCalendar calendar) : ICommand
{
    public IReadOnlyList<string> Names { get; } = ["我的通知", "my notices"];

    public async Task<AdaptiveCard> ExecuteAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var items = new List<NoticeListItem>();
        foreach (var line in await talks.ListNoticedToAsync(request.Actor.Id, cancellationToken).ConfigureAwait(false))
        {
            if (line is { Kind: { } kind, Place: { } place, State: { } state })
            {
                items.Add(new NoticeListItem(new TalkId(line.RowKey), kind, calendar.ToLocal(line.ScheduledAt), place, State(state, line)));
            }
            else if (await talks.ReadForTalkeeAsync(new TalkId(line.RowKey), request.Actor.Id, cancellationToken).ConfigureAwait(false) is { Talk.Talk: { } talk, Notice: { } stored })
            {
                // A line written before lines carried what the list shows.
                items.Add(new NoticeListItem(talk.Id, talk.Kind, calendar.ToLocal(talk.ScheduledAt), talk.Place, NoticeViews.State(stored.Notice, calendar)));
            }
        }

        return NoticeListCard.Build(items, request.Locale);
    }

    private NoticeState State(NoticeStatus state, NoticeIndexEntity line) => line.TalkStatus == TalkStatus.Cancelled ? new NoticeState.Cancelled(calendar.ToLocal(line.ScheduledAt), "") : state switch
    {
        NoticeStatus.PostponementRefused => new NoticeState.PostponementRefused(calendar.ToLocal(line.ScheduledAt), "", line.PostponementReason ?? ""),
        NoticeStatus.Acknowledged when line.AcknowledgedAt is { } at => new NoticeState.Acknowledged(calendar.ToLocal(at)),
        NoticeStatus.PostponementRequested when line.PostponementRequestedAt is { } at => new NoticeState.PostponementRequested(calendar.ToLocal(at), line.PostponementReason ?? ""),
        NoticeStatus.Unreachable => new NoticeState.Unreachable(),
        _ => new NoticeState.Pending(),
    };
}
