using TalkBot.Bot.Features.Quiz;
using TalkBot.Bot.Features.Talks;
using TalkBot.Domain.Reminders;

namespace TalkBot.Bot.Features.Notices;

/// <summary>
/// Once a talk is stored: the 《层级廉政谈话通知书》 is queued for each talkee's personal chat (000 §四(一)3), and each
/// notice's reminders are planned: pushed again while unanswered, escalated to the organiser close to the talk. What
/// became of each send is recorded on its notice by <see cref="NoticeSent"/>, which also refreshes the organiser's card.
/// </summary>
public sealed class NoticeDelivery(
    TalkStore talks,
    PeopleDirectory directory,
    Messenger messenger,
    ScheduleStore schedule,
    ReminderRules rules,
    WorkingCalendar calendar,
    TimeProvider time) : IFollowUp<TalkScheduled>
{
    /// <summary>The idempotency key of a talk's notices: one notice per talk and talkee, however often this runs.</summary>
    public static string Key(Talk talk) => "notice|" + talk?.Id.Value;

    public async Task RunAsync(TalkScheduled change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        var (stored, notices) = await talks.GetWithNoticesAsync(change.Talk, cancellationToken).ConfigureAwait(false);
        if (stored?.Talk is not { } talk)
        {
            return; // not stored after all
        }

        await PlanRemindersAsync(talk, cancellationToken).ConfigureAwait(false);
        var context = (await directory.CurrentAsync(cancellationToken).ConfigureAwait(false)).Context(calendar);
        var escalation = TalkEscalation.For(talk, $"在{talk.Place}进行的谈话的{Labels.NoticeTitle(talk.Kind, Locale.ZhCn)}",
            $"the {Labels.NoticeTitle(talk.Kind, Locale.EnUs)} of the talk at {talk.Place}");
        foreach (var notice in notices.Select(n => n.Notice))
        {
            // 000 §三: a routine talk's notice carries the button to start the quiz, which nobody has taken yet.
            await messenger.SendAsync(notice.Talkee, Key(talk), (to, locale) => TalkeeNoticeCard.First(talk, notice, context, locale, to.UserId),
                escalation, new SendThen(NoticeSent.HandlerName, talk.Id.Value), cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Each talkee's notice reminders for the talk as it is now (tagged with its revision, <see cref="TalkRevision"/>).</summary>
    public async Task PlanRemindersAsync(Talk talk, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(talk);
        var now = time.GetUtcNow();
        var tag = TalkRevision.Tag(talk);
        foreach (var talkee in talk.Talkees)
        {
            var repush = rules.NoticeRepushAt(now);
            var escalation = rules.NoticeEscalationAt(talk.ScheduledAt, now);
            if (repush < escalation)
            {
                await schedule.AddAsync(new ScheduleEntry(NoticeReminders.Repush, talk.Id.Value, talkee, repush, Tag: tag), cancellationToken).ConfigureAwait(false);
            }

            await schedule.AddAsync(new ScheduleEntry(NoticeReminders.Escalation, talk.Id.Value, talkee, escalation, Tag: tag), cancellationToken).ConfigureAwait(false);
        }
    }
}
