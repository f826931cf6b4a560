using System.Security.Claims;

namespace TalkBot.Bot.Infrastructure.Connector;

/// <summary>The bot's logic: one implementation, registered in DI, receives every authenticated, parsed activity.</summary>
public interface IActivityHandler
{
    /// <summary>
    /// Handles one activity. For invokes the result is the invoke's answer; null means "not handled" (HTTP 501 for an
    /// invoke). For other activities the result is ignored and the Connector answers 200.
    /// </summary>
    Task<InvokeResponse?> OnActivityAsync(ITurnContext turn, CancellationToken cancellationToken);
}

/// <summary>One incoming activity and the means to answer it in its conversation.</summary>
public interface ITurnContext
{
    Activity Activity { get; }

    /// <summary>The caller's validated claims; null in local development without an app id.</summary>
    ClaimsPrincipal? Identity { get; }

    IConnectorClient Connector { get; }

    /// <summary>Posts <paramref name="activity"/> into this conversation, as a reply to the incoming activity.</summary>
    Task<ResourceResponse?> SendActivityAsync(Activity activity, CancellationToken cancellationToken);

    /// <summary>Replaces a message the bot sent earlier in this conversation (PUT, PROTOCOL §3).</summary>
    Task<ResourceResponse?> UpdateActivityAsync(Activity activity, CancellationToken cancellationToken);
}

internal sealed class TurnContext(Activity activity, ClaimsPrincipal? identity, IConnectorClient connector) : ITurnContext
{
    public Activity Activity => activity;

    public ClaimsPrincipal? Identity => identity;

    public IConnectorClient Connector => connector;

    public Task<ResourceResponse?> SendActivityAsync(Activity reply, CancellationToken cancellationToken)
    {
        var serviceUrl = activity.ServiceUrl ?? throw new InvalidOperationException("The incoming activity has no serviceUrl.");
        var conversationId = activity.Conversation?.Id ?? throw new InvalidOperationException("The incoming activity has no conversation.");
        reply.ReplyToId ??= activity.Id;
        return string.IsNullOrEmpty(reply.ReplyToId)
            ? connector.SendToConversationAsync(serviceUrl, conversationId, reply, cancellationToken)
            : connector.ReplyToActivityAsync(serviceUrl, conversationId, reply.ReplyToId, reply, cancellationToken);
    }

    public Task<ResourceResponse?> UpdateActivityAsync(Activity update, CancellationToken cancellationToken)
    {
        var serviceUrl = activity.ServiceUrl ?? throw new InvalidOperationException("The incoming activity has no serviceUrl.");
        var conversationId = activity.Conversation?.Id ?? throw new InvalidOperationException("The incoming activity has no conversation.");
        return connector.UpdateActivityAsync(serviceUrl, conversationId, update, cancellationToken);
    }
}
