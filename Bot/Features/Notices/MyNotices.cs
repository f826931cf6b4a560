using TalkBot.Bot.Features.Talks;

namespace TalkBot.Bot.Features.Notices;

/// <summary>我的通知 / my notices: every notice sent to the caller, including ones whose push failed.</summary>
public sealed class MyNotices(TalkStore talks, WorkingCalendar calendar) : ICommand
{
    public IReadOnlyList<string> Names { get; } = ["我的通知", "my notices"];

    public async Task<AdaptiveCard> ExecuteAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var items = new List<NoticeListItem>();
        foreach (var talkId in await talks.ListTalksNoticedToAsync(request.Actor.Id, cancellationToken).ConfigureAwait(false))
        {
            var talk = await talks.GetAsync(talkId, cancellationToken).ConfigureAwait(false);
            var stored = await talks.GetNoticeAsync(talkId, request.Actor.Id, cancellationToken).ConfigureAwait(false);
            if (talk is null || stored is null)
            {
                continue;
            }

            items.Add(new NoticeListItem(talk.Id, talk.Kind, calendar.ToLocal(talk.ScheduledAt), talk.Place, NoticeViews.State(stored.Notice, calendar)));
        }

        return NoticeListCard.Build(items, request.Locale);
    }
}
