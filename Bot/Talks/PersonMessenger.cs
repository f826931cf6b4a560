using TalkBot.Bot.Connector;
using TalkBot.Bot.Handlers;
using TalkBot.Bot.Hosting;
using TalkBot.Bot.Storage;
using TalkBot.Bot.Storage.Tables;
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
    TalkBotTables tables,
    LocalePolicy locales,
    TimeProvider time,
    ILogger<PersonMessenger> logger)
{
    /// <param name="idempotencyKey">
    /// When given, the send happens once per key and person: a delivery already stored under the key is not sent
    /// again (a reminder re-run after a crash), and the outcome is stored after the send.
    /// </param>
    /// <returns>Whether the card was delivered (or had been, under this key).</returns>
    public async Task<bool> TellAsync(PersonId person, Func<Locale, AdaptiveCard> build, CancellationToken cancellationToken, string? idempotencyKey = null)
    {
        ArgumentNullException.ThrowIfNull(build);
        if (idempotencyKey is not null)
        {
            var done = await tables.Deliveries.GetEntityIfExistsAsync<DeliveryEntity>(idempotencyKey, person.Value, cancellationToken: cancellationToken).ConfigureAwait(false);
            if (done.HasValue)
            {
                return done.Value!.Status == "Sent";
            }
        }

        var conversation = await conversations.FindAsync(person, cancellationToken).ConfigureAwait(false);
        if (conversation is null)
        {
            LogNoConversation(logger, person.Value);
            await RecordAsync(idempotencyKey, person, "Unreachable", null, cancellationToken).ConfigureAwait(false);
            return false;
        }

        try
        {
            var card = build(locales.For(conversation.Locale));
            var sent = await connector.SendToConversationAsync(
                conversation.ServiceUrl, conversation.ConversationId, CardMessages.Proactive(conversation, card), cancellationToken).ConfigureAwait(false);
            await RecordAsync(idempotencyKey, person, "Sent", sent?.Id, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (ConnectorException e)
        {
            LogNotTold(logger, person.Value, e);
            if (e.StatusCode is 403 or 404)
            {
                // PROTOCOL §9: blocked or uninstalled; the reference is kept for history but no longer used.
                await conversations.MarkRemovedAsync(person, cancellationToken).ConfigureAwait(false);
                await RecordAsync(idempotencyKey, person, "Unreachable", null, cancellationToken).ConfigureAwait(false);
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
    public async Task TellEachAsync(IEnumerable<PersonId> people, Func<PersonId, Locale, AdaptiveCard> build, CancellationToken cancellationToken, string? idempotencyKey = null)
    {
        foreach (var person in people.Distinct())
        {
            await TellAsync(person, locale => build(person, locale), cancellationToken, idempotencyKey).ConfigureAwait(false);
        }
    }

    // Upsert: the outcome of this key for this person, written once the send is over (a transient failure is not
    // written, so the next run tries again).
    private async Task RecordAsync(string? key, PersonId person, string status, string? activityId, CancellationToken cancellationToken)
    {
        if (key is null)
        {
            return;
        }

        await tables.Deliveries.UpsertEntityAsync(
            new DeliveryEntity { PartitionKey = key, RowKey = person.Value, Status = status, At = time.GetUtcNow(), ActivityId = activityId },
            TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Person {Person} has no conversation with TalkBot; not told")]
    private static partial void LogNoConversation(ILogger logger, string person);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Person {Person} could not be told")]
    private static partial void LogNotTold(ILogger logger, string person, Exception exception);
}
