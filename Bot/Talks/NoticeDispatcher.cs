using TalkBot.Bot.Sending;
using TalkBot.Bot.Storage;
using TalkBot.Cards.Builders;
using TalkBot.Domain.Talks;

namespace TalkBot.Bot.Talks;

/// <summary>
/// Delivers the 《层级廉政谈话通知书》 to each talkee's personal chat (000 §四(一)3) and records the outcome on the
/// notice. A talkee without a conversation reference is recorded as unreachable, never silently skipped.
/// </summary>
public sealed partial class NoticeDispatcher(
    PersonMessenger messenger,
    TalkRepository talks,
    NoticeViews views,
    TimeProvider time,
    ILogger<NoticeDispatcher> logger)
{
    /// <summary>The idempotency key of a talk's notices: one notice per talk and talkee, however often this runs.</summary>
    public static string Key(Talk talk) => "notice|" + talk.Id.Value;

    public async Task<StoredNotice> DeliverAsync(Talk talk, StoredNotice stored, PeopleLookup people, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(talk);
        ArgumentNullException.ThrowIfNull(stored);
        var notice = stored.Notice;
        var escalation = TalkEscalation.For(talk,
            $"在{talk.Place}进行的谈话的《层级廉政谈话通知书》",
            $"the notice of the talk at {talk.Place}");
        // 000 §三: a routine talk's notice carries the button to start the quiz, which nobody has taken yet.
        var (outcome, conversation) = await messenger.SendAsync(notice.Talkee, Key(talk), (to, locale) => NoticeCard.Build(
            views.Notice(talk, notice, people, locale, to.UserId) with
            {
                Quiz = talk.Kind == TalkKind.Routine ? new Cards.Views.NoticeQuiz(CanStart: true) : null,
            }, locale), escalation, cancellationToken).ConfigureAwait(false);
        string? activityId = null;
        switch (outcome.Status)
        {
            case SendStatus.Sent:
                activityId = outcome.ActivityId;
                notice.MarkSent(time.GetUtcNow());
                break;
            case SendStatus.Unreachable:
                // PROTOCOL §9: never opened TalkBot; or 403 (blocked, uninstalled) and 404 (conversation gone): not "retry".
                notice.MarkUnreachable(outcome.Error == PersonMessenger.NotInstalled ? UnreachableReasons.NotInstalled : UnreachableReasons.Blocked);
                break;
            case SendStatus.Failed:
                LogSendFailed(logger, talk.Id.Value, outcome.HttpStatus ?? 0, outcome.Error ?? "");
                notice.MarkUnreachable(UnreachableReasons.SendFailed);
                break;
            default:
                // Queued or being retried by the outbox: the notice stays as it is until the send is done.
                break;
        }

        // When the save loses a race (the talkee answered while the card was on its way), their answer stands: either
        // way the stored notice is read back, so what the organiser sees is what is stored.
        await talks.SaveNoticeAsync(stored, conversation?.ConversationId, activityId, null, cancellationToken).ConfigureAwait(false);
        return await talks.GetNoticeAsync(talk.Id, notice.Talkee, cancellationToken).ConfigureAwait(false) ?? stored;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Notice for talk {TalkId} not delivered: HTTP {Status} {Code}")]
    private static partial void LogSendFailed(ILogger logger, string talkId, int status, string code);
}
