using TalkBot.Bot.Infrastructure.Connector;

namespace TalkBot.Bot.Infrastructure.Routing;

/// <summary>The sender's own chat: its reference kept current, and answers that fall back to the outbox.</summary>
public sealed partial class TalkBotRouter
{
    private async Task RememberConversationAsync(Activity activity, CancellationToken cancellationToken)
    {
        if (ConversationOf(activity) is { } conversation)
        {
            await conversations.SaveAsync(conversation, cancellationToken).ConfigureAwait(false);
        }
    }

    // The sender's personal chat with TalkBot, as the activity shows it; null for a group chat or channel.
    private static PersonalConversation? ConversationOf(Activity activity) =>
        IsPersonal(activity)
        && activity.From?.AadObjectId is { Length: > 0 } aad
        && activity.Conversation?.Id is { Length: > 0 } conversationId
        && activity.ServiceUrl is { Length: > 0 } serviceUrl
            ? new PersonalConversation(new PersonId(aad), activity.From.Id ?? "", activity.From.Name, activity.Recipient?.Id ?? "", activity.Recipient?.Name,
                conversationId, serviceUrl, activity.ChannelId ?? "msteams", activity.GetTenantId(), activity.Locale)
            : null;

    private static bool IsPersonal(Activity activity) =>
        activity.Conversation is { } c && (c.ConversationType is null or "personal") && c.IsGroup != true;

    /// <summary>
    /// Answers a message with a card. When Teams will not take it now (throttled, unavailable), the answer goes to the
    /// outbox under the message's id and is sent within the limits like any message: the request never fails for it.
    /// </summary>
    private async Task SendCardAsync(ITurnContext turn, AdaptiveCard card, CancellationToken cancellationToken)
    {
        var reply = CardMessages.Reply(turn.Activity, card);
        try
        {
            await turn.SendActivityAsync(reply, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when ((e is HttpRequestException || (e is ConnectorException c && ProactiveSender.IsTransient(c.StatusCode)))
            && ConversationOf(turn.Activity) is not null)
        {
            LogReplyQueued(logger, e.Message);
            await messenger.QueueAsync(ConversationOf(turn.Activity)!, reply, "reply|" + turn.Activity.Id, cancellationToken).ConfigureAwait(false);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Reply not taken now ({Reason}); queued in the outbox")]
    private static partial void LogReplyQueued(ILogger logger, string reason);
}
