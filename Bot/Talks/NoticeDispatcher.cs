using TalkBot.Bot.Connector;
using TalkBot.Bot.Handlers;
using TalkBot.Bot.Hosting;
using TalkBot.Bot.Storage;
using TalkBot.Cards.Builders;
using TalkBot.Cards.Localization;
using TalkBot.Domain.Talks;

namespace TalkBot.Bot.Talks;

/// <summary>
/// Delivers the 《层级廉政谈话通知书》 to each talkee's personal chat (000 §四(一)3) and records the outcome on the
/// notice. A talkee without a conversation reference is recorded as unreachable, never silently skipped.
/// </summary>
public sealed partial class NoticeDispatcher(
    IConnectorClient connector,
    ConversationReferenceRepository conversations,
    TalkRepository talks,
    NoticeViews views,
    LocalePolicy locales,
    TimeProvider time,
    ILogger<NoticeDispatcher> logger)
{
    public async Task<StoredNotice> DeliverAsync(Talk talk, StoredNotice stored, PeopleLookup people, CancellationToken cancellationToken)
    {
        var notice = stored.Notice;
        var conversation = await conversations.FindAsync(notice.Talkee, cancellationToken).ConfigureAwait(false);
        string? activityId = null;
        if (conversation is null)
        {
            notice.MarkUnreachable(UnreachableReasons.NotInstalled);
        }
        else
        {
            var locale = locales.For(conversation.Locale);
            // 000 §三: a routine talk's notice carries the button to start the quiz, which nobody has taken yet.
            var view = views.Notice(talk, notice, people, locale, conversation.UserId) with
            {
                Quiz = talk.Kind == TalkKind.Routine ? new Cards.Views.NoticeQuiz(CanStart: true) : null,
            };
            var card = NoticeCard.Build(view, locale);
            try
            {
                var response = await connector.SendToConversationAsync(
                    conversation.ServiceUrl, conversation.ConversationId, CardMessages.Proactive(conversation, card), cancellationToken).ConfigureAwait(false);
                activityId = response?.Id;
                notice.MarkSent(time.GetUtcNow());
            }
            catch (ConnectorException e)
            {
                // PROTOCOL §9: 403 (blocked, uninstalled) and 404 (conversation gone) mean unreachable, not "retry".
                var reason = e.StatusCode is 403 or 404 ? UnreachableReasons.Blocked : UnreachableReasons.SendFailed;
                LogSendFailed(logger, talk.Id.Value, e.StatusCode, e.ErrorCode ?? "");
                notice.MarkUnreachable(reason);
                if (reason == UnreachableReasons.Blocked)
                {
                    await conversations.MarkRemovedAsync(notice.Talkee, cancellationToken).ConfigureAwait(false);
                }
            }
            catch (HttpRequestException e)
            {
                LogSendError(logger, talk.Id.Value, e);
                notice.MarkUnreachable(UnreachableReasons.SendFailed);
            }
        }

        // When the save loses a race (the talkee answered while the card was on its way), their answer stands: either
        // way the stored notice is read back, so what the organiser sees is what is stored.
        await talks.SaveNoticeAsync(stored, conversation?.ConversationId, activityId, null, cancellationToken).ConfigureAwait(false);
        return await talks.GetNoticeAsync(talk.Id, notice.Talkee, cancellationToken).ConfigureAwait(false) ?? stored;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Notice for talk {TalkId} not delivered: HTTP {Status} {Code}")]
    private static partial void LogSendFailed(ILogger logger, string talkId, int status, string code);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Notice for talk {TalkId} not delivered")]
    private static partial void LogSendError(ILogger logger, string talkId, Exception exception);
}
