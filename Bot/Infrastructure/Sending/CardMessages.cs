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
    public static Activity Proactive(PersonalConversation to, AdaptiveCard card) => new()
    {
        Type = ActivityTypes.Message,
        From = new ChannelAccount { Id = to.BotId, Name = to.BotName },
        Recipient = new ChannelAccount { Id = to.UserId, Name = to.UserName },
        Conversation = new ConversationAccount { Id = to.ConversationId, ConversationType = "personal", TenantId = to.TenantId },
        ChannelId = to.ChannelId,
        ServiceUrl = to.ServiceUrl,
        Locale = to.Locale,
        Attachments = [Attachment(card)],
    };

    private static Attachment Attachment(AdaptiveCard card) => new()
    {
        ContentType = CardAttachment.AdaptiveCardContentType,
        Content = CardSerializer.ToNode(card),
    };
}
