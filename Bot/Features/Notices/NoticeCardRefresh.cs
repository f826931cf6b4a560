using TalkBot.Bot.Features.Quiz;
using TalkBot.Bot.Features.Talks;

namespace TalkBot.Bot.Features.Notices;

/// <summary>
/// The talkee's notice card, updated in place (an activity update of the message it was delivered in) when the organiser
/// moves or cancels the talk or decides their postponement: built when sent, from the notice then.
/// </summary>
public sealed class NoticeCardRefresh(TalkStore talks, PeopleDirectory directory, TalkeeNoticeCard noticeCard, WorkingCalendar calendar) : ICardRefresh
{
    public const string RefreshName = "Notices.NoticeCard";

    public string Name => RefreshName;

    /// <summary>The refresh of the notice card of <paramref name="talk"/> for the person it is queued for.</summary>
    public static CardRefreshOf Of(TalkId talk) => new(RefreshName, talk.Value);

    public async Task<RefreshedCard?> RenderAsync(CardRefreshRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!TalkId.TryParse(request.Subject, out var id)
            || await talks.ReadForTalkeeAsync(id, request.Person, cancellationToken).ConfigureAwait(false) is not
                { Talk.Talk: { } talk, Notice: { ActivityId: { } activity, ConversationId: var conversation } stored } read)
        {
            return null; // no card of theirs to update
        }

        var context = (await directory.CurrentAsync(cancellationToken).ConfigureAwait(false)).Context(calendar);
        var card = noticeCard.Build(talk, stored.Notice, QuizStore.FromRows(talk.Id, request.Person, read.Rows), context, request.Locale, null, null);
        return new RefreshedCard(card, activity, conversation);
    }
}

/// <summary>
/// Once a talk moved or was cancelled (000 §四(一)3: a new time is a new notice): each talkee's notice card is updated in
/// place, a notice that never reached its talkee is sent afresh (recorded by <see cref="NoticeSent"/>), and the notice
/// reminders of the old time are removed — for a move, planned again for the new one; a cancelled talk has none left.
/// </summary>
public sealed class NoticeChanges(TalkStore talks, PeopleDirectory directory, Messenger messenger, NoticeDelivery delivery, ScheduleStore schedule, WorkingCalendar calendar)
    : IFollowUp<TalkChanged>
{
    public async Task RunAsync(TalkChanged change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        var (stored, notices) = await talks.GetWithNoticesAsync(change.Talk, cancellationToken).ConfigureAwait(false);
        if (stored?.Talk is not { } talk || talk.Revision != change.Revision)
        {
            return; // not stored after all, or a later change follows
        }

        foreach (var job in new[] { NoticeReminders.Repush, NoticeReminders.Escalation, PostponementReminders.Job })
        {
            await schedule.RemoveAsync(job, talk.Id.Value, cancellationToken).ConfigureAwait(false);
        }

        var context = (await directory.CurrentAsync(cancellationToken).ConfigureAwait(false)).Context(calendar);
        foreach (var notice in notices)
        {
            if (notice.ActivityId is not null)
            {
                await messenger.RefreshAsync(notice.Notice.Talkee, NoticeCardRefresh.Of(talk.Id), cancellationToken).ConfigureAwait(false);
            }
            else if (!change.Cancelled)
            {
                await messenger.SendAsync(notice.Notice.Talkee, $"{NoticeDelivery.Key(talk)}|v{notice.Notice.Version}",
                    (to, locale) => TalkeeNoticeCard.First(talk, notice.Notice, context, locale, to.UserId),
                    TalkEscalation.For(talk, $"在{talk.Place}进行的谈话的《层级廉政谈话通知书》", $"the notice of the talk at {talk.Place}"),
                    new SendThen(NoticeSent.HandlerName, talk.Id.Value), cancellationToken).ConfigureAwait(false);
            }
        }

        if (!change.Cancelled)
        {
            await delivery.PlanRemindersAsync(talk, cancellationToken).ConfigureAwait(false);
        }
    }
}
