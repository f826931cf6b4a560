using TalkBot.Bot.Connector;
using TalkBot.Bot.Handlers;
using TalkBot.Bot.Hosting;
using TalkBot.Bot.Storage;
using TalkBot.Cards.AdaptiveCards;
using TalkBot.Cards.Localization;
using TalkBot.Domain;

namespace TalkBot.Bot.Talks;

/// <summary>
/// Tells a person something in their personal chat with TalkBot: a card built in their language. Used for news that
/// follows from someone else's action (an acknowledgement for the organiser, a score for the talker); the action is
/// stored whatever happens to the message, so a failure is logged and reported, never thrown.
/// </summary>
public sealed partial class PersonMessenger(
    IConnectorClient connector,
    ConversationReferenceRepository conversations,
    LocalePolicy locales,
    ILogger<PersonMessenger> logger)
{
    /// <returns>Whether the card was delivered.</returns>
    public async Task<bool> TellAsync(PersonId person, Func<Locale, AdaptiveCard> build, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(build);
        var conversation = await conversations.FindAsync(person, cancellationToken).ConfigureAwait(false);
        if (conversation is null)
        {
            LogNoConversation(logger, person.Value);
            return false;
        }

        try
        {
            var card = build(locales.For(conversation.Locale));
            await connector.SendToConversationAsync(
                conversation.ServiceUrl, conversation.ConversationId, CardMessages.Proactive(conversation, card), cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (ConnectorException e)
        {
            LogNotTold(logger, person.Value, e);
            if (e.StatusCode is 403 or 404)
            {
                // PROTOCOL §9: blocked or uninstalled; the reference is kept for history but no longer used.
                await conversations.MarkRemovedAsync(person, cancellationToken).ConfigureAwait(false);
            }

            return false;
        }
        catch (HttpRequestException e)
        {
            LogNotTold(logger, person.Value, e);
            return false;
        }
    }

    /// <summary>Tells several people, each once, in order.</summary>
    public async Task TellEachAsync(IEnumerable<PersonId> people, Func<PersonId, Locale, AdaptiveCard> build, CancellationToken cancellationToken)
    {
        foreach (var person in people.Distinct())
        {
            await TellAsync(person, locale => build(person, locale), cancellationToken).ConfigureAwait(false);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Person {Person} has no conversation with TalkBot; not told")]
    private static partial void LogNoConversation(ILogger logger, string person);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Person {Person} could not be told")]
    private static partial void LogNotTold(ILogger logger, string person, Exception exception);
}
