using TalkBot.Bot.Infrastructure.Connector;

namespace TalkBot.Bot.Infrastructure.Sending;

/// <summary>Message activities that carry one Adaptive Card (PROTOCOL §4: the card attachment shape).</summary>
public static class CardMessages
{
    public static Activity Reply(Activity incoming, AdaptiveCard card)
    {
        var reply = incoming.CreateReply();
        reply.Attachments = [Attachment(card)];
        return reply;
    }

    /// <summary>A proactive message into a stored personal conversation.</summary>
    public static Activity Proactive(PersonalConversation to, AdaptiveCard card)
    {
        var message = Proactive(to);
        message.Attachments = [Attachment(card)];
        return message;
    }

    /// <summary>A proactive message into a stored personal conversation, its card still to be added.</summary>
    public static Activity Proactive(PersonalConversation to) => new()
    {
        Type = ActivityTypes.Message,
        From = new ChannelAccount { Id = to.BotId, Name = to.BotName },
        Recipient = new ChannelAccount { Id = to.UserId, Name = to.UserName },
        Conversation = new ConversationAccount { Id = to.ConversationId, ConversationType = "personal", TenantId = to.TenantId },
        ChannelId = to.ChannelId,
        ServiceUrl = to.ServiceUrl,
        Locale = to.Locale,
    };

    /// <summary>
    /// The proactive message with this card: a new message, or — with <paramref name="replaces"/> — the update that
    /// replaces that activity's card in place (PUT, PROTOCOL §3), in <paramref name="conversationId"/> when it is not
    /// the person's personal chat.
    /// </summary>
    public static Activity WithCard(Activity message, AdaptiveCard card, string? replaces, string? conversationId)
    {
        ArgumentNullException.ThrowIfNull(message);
        var conversation = message.Conversation;
        return new Activity
        {
            Type = ActivityTypes.Message,
            Id = replaces,
            From = message.From,
            Recipient = message.Recipient,
            Conversation = new ConversationAccount
            {
                Id = conversationId ?? conversation?.Id,
                ConversationType = conversation?.ConversationType,
                TenantId = conversation?.TenantId,
            },
            ChannelId = message.ChannelId,
            ServiceUrl = message.ServiceUrl,
            Locale = message.Locale,
            Attachments = [Attachment(card)],
        };
    }

    private static Attachment Attachment(AdaptiveCard card) => new()
    {
        ContentType = CardAttachment.AdaptiveCardContentType,
        Content = CardSerializer.ToNode(card),
    };
}
