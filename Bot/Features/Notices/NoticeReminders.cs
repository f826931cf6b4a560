using TalkBot.Bot.Features.Quiz;
using TalkBot.Bot.Features.Talks;

namespace TalkBot.Bot.Features.Notices;

/// <summary>
/// An unanswered notice (000 §四(一)3): pushed to the talkee again, and escalated to the organiser the working day before
/// the talk. Both stop once the talkee has answered, and neither runs once the talk has begun.
/// </summary>
public sealed class NoticeReminders(TalkStore talks, PeopleDirectory directory, Messenger messenger, WorkingCalendar calendar, TimeProvider time)
{
    public const string Repush = "NoticeRepush";
    public const string Escalation = "NoticeEscalation";

    public async Task<ScheduleEntry?> RunAsync(ScheduleEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (entry.Person is not { } talkee
            || await talks.GetAsync(new TalkId(entry.Subject), cancellationToken).ConfigureAwait(false) is not { } talk
            || talk.Status != TalkStatus.Scheduled || time.GetUtcNow() >= talk.ScheduledAt || !TalkRevision.IsCurrent(entry, talk)
            || await talks.GetNoticeAsync(talk.Id, talkee, cancellationToken).ConfigureAwait(false) is not { Notice.IsAnswered: false } notice)
        {
            return null;
        }

        var people = await directory.CurrentAsync(cancellationToken).ConfigureAwait(false);
        if (entry.Job == Repush)
        {
            await messenger.TellAsync(talkee, l => TalkeeNoticeCard.First(talk, notice.Notice, people.Context(calendar), l, null), cancellationToken, entry.Key,
                TalkEscalation.For(talk, $"再次推送的{talk.Place}谈话的{Labels.NoticeTitle(talk.Kind, Locale.ZhCn)}",
                    $"the repeated {Labels.NoticeTitle(talk.Kind, Locale.EnUs)} of the talk at {talk.Place}")).ConfigureAwait(false);
            return null;
        }

        var when = calendar.ToLocal(talk.ScheduledAt);
        await messenger.TellAsync(talk.Organiser, l => ReminderCard.Build(new ReminderView(
            l.Pick("通知书尚未确认", "Notice not acknowledged"),
            [l.Pick($"{people.Name(talkee)}尚未确认收到{Labels.NoticeTitle(talk.Kind, l)}，谈话时间为{DateText.DateTime(when, l)}，地点：{talk.Place}。请另行通知。",
                $"{people.Name(talkee)} has not acknowledged the {Labels.NoticeTitle(talk.Kind, l)} of the talk on {DateText.DateTime(when, l)} at {talk.Place}. Please notify them another way.")],
            Escalation: true), l), cancellationToken, entry.Key).ConfigureAwait(false);
        return null;
    }
}
