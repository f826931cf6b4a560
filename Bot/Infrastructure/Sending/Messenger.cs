using TalkBot.Bot.Infrastructure.Hosting;

namespace TalkBot.Bot.Infrastructure.Sending;

/// <summary>
/// Tells a person something in their personal chat with TalkBot: a card built in their language, sent through the
/// <see cref="ProactiveSender"/>. Used for news that follows from someone else's action and for reminders; the action
/// is stored whatever happens to the message, so a failure is recorded and reported, never thrown.
/// </summary>
public sealed partial class Messenger(
    ProactiveSender sender,
    OutboxStore outbox,
    ConversationReferences conversations,
    PeopleStore people,
    LocalePolicy locales,
    TimeProvider time,
    ILogger<Messenger> logger,
    IConversationOpener? opener = null)
{
    /// <summary>Why a person could not be reached, when they never opened a chat with TalkBot.</summary>
    public const string NotInstalled = "NotInstalled";

    /// <param name="idempotencyKey">
    /// When given, the send happens once per key and person: a send already stored under the key is not made again
    /// (a reminder re-run after a crash). Without one, each call is a send of its own.
    /// </param>
    /// <param name="escalation">Who hears of it, by name, when the person cannot be reached.</param>
    /// <returns>Whether the card was delivered (or had been, under this key).</returns>
    public async Task<bool> TellAsync(
        PersonId person, Func<Locale, AdaptiveCard> build, CancellationToken cancellationToken, string? idempotencyKey = null, Escalation? escalation = null)
    {
        ArgumentNullException.ThrowIfNull(build);
        var key = idempotencyKey ?? "tell|" + Guid.NewGuid().ToString("N");
        if (idempotencyKey is not null && await outbox.FindAsync(key, person, cancellationToken).ConfigureAwait(false) is { } stored)
        {
            return stored.Delivered;
        }

        var (outcome, _) = await SendAsync(person, key, (_, locale) => build(locale), escalation, cancellationToken).ConfigureAwait(false);
        return outcome.Delivered;
    }

    /// <summary>Tells several people, each once, in order.</summary>
    public async Task TellEachAsync(
        IEnumerable<PersonId> people, Func<PersonId, Locale, AdaptiveCard> build, CancellationToken cancellationToken, string? idempotencyKey = null, Escalation? escalation = null)
    {
        foreach (var person in people.Distinct())
        {
            await TellAsync(person, locale => build(person, locale), cancellationToken, idempotencyKey, escalation).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Tells the first person the escalation names (other than the unreachable one) that a message did not reach
    /// <paramref name="person"/>, naming them and saying why, once per send.
    /// </summary>
    public async Task EscalateAsync(string key, PersonId person, Escalation escalation, SendOutcome outcome, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(escalation);
        ArgumentNullException.ThrowIfNull(outcome);
        var to = escalation.To.FirstOrDefault(p => p != person);
        if (to == default)
        {
            return;
        }

        var name = (await people.FindAsync(person, cancellationToken).ConfigureAwait(false))?.DisplayName ?? person.Value;
        var reason = outcome switch
        {
            { Error: NotInstalled } => UnreachableReason.NotInstalled,
            { HttpStatus: 404 } => UnreachableReason.ConversationGone,
            _ => UnreachableReason.Blocked,
        };
        await TellAsync(to, l => SendCards.Unreachable(new UnreachableView(name, escalation.AboutZh, escalation.AboutEn, reason), l),
            cancellationToken, $"unreachable|{person.Value}|{key}").ConfigureAwait(false);
    }

    /// <summary>
    /// Sends one card, built for the person's conversation and language, under the key; someone who cannot be reached
    /// (never opened TalkBot, blocked it, chat gone) is recorded so and escalated. Returns the outcome and the
    /// conversation it went to (null when there is none).
    /// </summary>
    public async Task<(SendOutcome Outcome, PersonalConversation? Conversation)> SendAsync(
        PersonId person, string key, Func<PersonalConversation, Locale, AdaptiveCard> build, Escalation? escalation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(build);
        // Someone TalkBot holds no chat for: the opener (if any) installs the app for them and opens one.
        var conversation = await conversations.FindAsync(person, cancellationToken).ConfigureAwait(false)
            ?? (opener is null ? null : await opener.OpenAsync(person, cancellationToken).ConfigureAwait(false));
        SendOutcome outcome;
        if (conversation is null)
        {
            LogNoConversation(logger, person.Value);
            outcome = new SendOutcome(SendStatus.Unreachable, Error: NotInstalled);
            await outbox.RecordAsync(key, person, outcome, time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        }
        else
        {
            var card = build(conversation, locales.For(conversation.Locale));
            outcome = await sender.SendAsync(new OutboundMessage(key, person, conversation, CardMessages.Proactive(conversation, card), escalation), cancellationToken).ConfigureAwait(false);
        }

        if (outcome.Status == SendStatus.Unreachable && escalation is not null)
        {
            await EscalateAsync(key, person, escalation, outcome, cancellationToken).ConfigureAwait(false);
        }

        return (outcome, conversation);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Person {Person} has no conversation with TalkBot; not told")]
    private static partial void LogNoConversation(ILogger logger, string person);
}
