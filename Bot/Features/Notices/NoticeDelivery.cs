using TalkBot.Bot.Features.Quiz;
using TalkBot.Bot.Features.Talks;
using TalkBot.Domain.Reminders;

namespace TalkBot.Bot.Features.Notices;

/// <summary>
/// Once a talk is stored: the 《层级廉政谈话通知书》 goes to each talkee's personal chat (000 §四(一)3), its outcome is
/// recorded on the notice (a talkee TalkBot cannot reach is recorded so, never silently skipped), and each notice's
/// reminders are planned: pushed again while unanswered, escalated to the organiser close to the talk.
/// </summary>
public sealed partial class NoticeDelivery(
    TalkStore talks,
    PeopleDirectory directory,
    Messenger messenger,
    ScheduleStore schedule,
    ReminderRules rules,
    WorkingCalendar calendar,
    TimeProvider time,
    ILogger<NoticeDelivery> logger) : IFollowUp<TalkScheduled>
{
    /// <summary>The idempotency key of a talk's notices: one notice per talk and talkee, however often this runs.</summary>
    public static string Key(Talk talk) => "notice|" + talk?.Id.Value;

    public async Task RunAsync(TalkScheduled change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        if (await talks.GetAsync(change.Talk, cancellationToken).ConfigureAwait(false) is not { } talk)
        {
            return; // not stored after all
        }

        await PlanRemindersAsync(talk, cancellationToken).ConfigureAwait(false);
        var context = (await directory.CurrentAsync(cancellationToken).ConfigureAwait(false)).Context(calendar);
        foreach (var stored in await talks.ListNoticesAsync(talk.Id, cancellationToken).ConfigureAwait(false))
        {
            await DeliverAsync(talk, stored, context, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task PlanRemindersAsync(Talk talk, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        foreach (var talkee in talk.Talkees)
        {
            var repush = rules.NoticeRepushAt(now);
            var escalation = rules.NoticeEscalationAt(talk.ScheduledAt, now);
            if (repush < escalation)
            {
                await schedule.AddAsync(new ScheduleEntry(NoticeReminders.Repush, talk.Id.Value, talkee, repush), cancellationToken).ConfigureAwait(false);
            }

            await schedule.AddAsync(new ScheduleEntry(NoticeReminders.Escalation, talk.Id.Value, talkee, escalation), cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task DeliverAsync(Talk talk, StoredNotice stored, ViewContext context, CancellationToken cancellationToken)
    {
        var notice = stored.Notice;
        var escalation = TalkEscalation.For(talk, $"在{talk.Place}进行的谈话的《层级廉政谈话通知书》", $"the notice of the talk at {talk.Place}");
        // 000 §三: a routine talk's notice carries the button to start the quiz, which nobody has taken yet.
        var (outcome, conversation) = await messenger.SendAsync(notice.Talkee, Key(talk),
            (to, locale) => TalkeeNoticeCard.First(talk, notice, context, locale, to.UserId), escalation, cancellationToken).ConfigureAwait(false);
        string? activityId = null;
        switch (outcome.Status)
        {
            case SendStatus.Sent:
                activityId = outcome.ActivityId;
                notice.MarkSent(time.GetUtcNow());
                break;
            case SendStatus.Unreachable:
                // PROTOCOL §9: never opened TalkBot; or 403 (blocked, uninstalled) and 404 (conversation gone): not "retry".
                notice.MarkUnreachable(outcome.Error == Messenger.NotInstalled ? UnreachableReasons.NotInstalled : UnreachableReasons.Blocked);
                break;
            case SendStatus.Failed:
                LogSendFailed(logger, talk.Id.Value, outcome.HttpStatus ?? 0, outcome.Error ?? "");
                notice.MarkUnreachable(UnreachableReasons.SendFailed);
                break;
            default:
                // Queued or being retried by the outbox: the notice stays as it is until the send is done.
                break;
        }

        // When the save loses a race (the talkee answered while the card was on its way), their answer stands.
        await talks.SaveNoticeAsync(stored, conversation?.ConversationId, activityId, null, cancellationToken).ConfigureAwait(false);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Notice for talk {TalkId} not delivered: HTTP {Status} {Code}")]
    private static partial void LogSendFailed(ILogger logger, string talkId, int status, string code);
}
