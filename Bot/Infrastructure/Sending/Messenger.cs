using System.Collections.Concurrent;
using TalkBot.Bot.Infrastructure.Connector;
using TalkBot.Bot.Infrastructure.Hosting;

namespace TalkBot.Bot.Infrastructure.Sending;

/// <summary>
/// Tells a person something in their personal chat with TalkBot: a card built in their language, queued in the
/// durable outbox under its key and sent by the <see cref="OutboxDispatcher"/> within Teams' limits. Nothing here waits
/// on anyone's chat: a click that tells someone answers as soon as the message is queued. Someone TalkBot cannot reach
/// is recorded so (and escalated) at once, never thrown.
/// </summary>
public sealed partial class Messenger(
    OutboxStore outbox,
    ConversationReferences conversations,
    PeopleDirectory directory,
    LocalePolicy locales,
    OutboxHooks hooks,
    OutboxWakeup wakeup,
    SenderOptions options,
    TimeProvider time,
    ILogger<Messenger> logger,
    IConversationOpener? opener = null)
{
    /// <summary>Why a person could not be reached, when they never opened a chat with TalkBot.</summary>
    public const string NotInstalled = "NotInstalled";

    // Card refreshes this instance queued, by row, with when they are due: until then another change needs no write.
    private readonly ConcurrentDictionary<string, DateTimeOffset> refreshesDue = new(StringComparer.Ordinal);

    /// <param name="idempotencyKey">
    /// When given, the message is queued once per key and person: a key queued before is not queued again (a reminder
    /// re-run after a crash). Without one, each call is a message of its own.
    /// </param>
    /// <param name="escalation">Who hears of it, by name, when the person cannot be reached.</param>
    public Task TellAsync(
        PersonId person, Func<Locale, AdaptiveCard> build, CancellationToken cancellationToken, string? idempotencyKey = null, Escalation? escalation = null)
    {
        ArgumentNullException.ThrowIfNull(build);
        return SendAsync(person, idempotencyKey ?? "tell|" + Guid.NewGuid().ToString("N"), (_, locale) => build(locale), escalation, null, cancellationToken);
    }

    /// <summary>Tells several people, each once.</summary>
    public async Task TellEachAsync(
        IEnumerable<PersonId> people, Func<PersonId, Locale, AdaptiveCard> build, CancellationToken cancellationToken, string? idempotencyKey = null, Escalation? escalation = null)
    {
        ArgumentNullException.ThrowIfNull(people);
        foreach (var person in people.Distinct())
        {
            await TellAsync(person, locale => build(person, locale), cancellationToken, idempotencyKey, escalation).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Queues one card, built for the person's conversation and language, under the key; <paramref name="then"/> is told
    /// the outcome once it is stored. Someone who never opened TalkBot (no conversation) is recorded unreachable,
    /// escalated, and <paramref name="then"/> told so, at once.
    /// </summary>
    public async Task SendAsync(
        PersonId person, string key, Func<PersonalConversation, Locale, AdaptiveCard> build, Escalation? escalation, SendThen? then, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(build);
        // Someone TalkBot holds no chat for: the opener (if any) installs the app for them and opens one.
        var conversation = await conversations.FindAsync(person, cancellationToken).ConfigureAwait(false)
            ?? (opener is null ? null : await opener.OpenAsync(person, cancellationToken).ConfigureAwait(false));
        if (conversation is null)
        {
            if (await outbox.FindAsync(key, person, cancellationToken).ConfigureAwait(false) is not null)
            {
                return; // decided before (a re-run)
            }

            LogNoConversation(logger, person.Value);
            var outcome = new SendOutcome(SendStatus.Unreachable, Error: NotInstalled);
            if (escalation is not null)
            {
                await EscalateAsync(key, person, escalation, outcome, cancellationToken).ConfigureAwait(false);
            }

            if (then is not null)
            {
                await HandOverAsync(then, new SendReceipt(key, person, then.Subject, outcome, null), cancellationToken).ConfigureAwait(false);
            }

            // Last: a crash before it repeats the steps above, each of them idempotent.
            await outbox.RecordAsync(key, person, outcome, time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
            return;
        }

        var card = build(conversation, locales.For(conversation.Locale));
        var message = new OutboundMessage(key, person, conversation, CardMessages.Proactive(conversation, card), escalation, then);
        if (await outbox.EnqueueAsync(message, time.GetUtcNow(), cancellationToken).ConfigureAwait(false) is null)
        {
            wakeup.Poke();
        }
    }

    /// <summary>Queues a message already built (an answer Teams would not take at once) under the key, for the dispatcher.</summary>
    public async Task QueueAsync(PersonalConversation to, Activity message, string key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(to);
        if (await outbox.EnqueueAsync(new OutboundMessage(key, to.Person, to, message), time.GetUtcNow(), cancellationToken).ConfigureAwait(false) is null)
        {
            wakeup.Poke();
        }
    }

    /// <summary>
    /// Queues a refresh of a card that follows <paramref name="refresh"/>'s subject for the person, built when it is
    /// sent (<see cref="ICardRefresh"/>), <see cref="SenderOptions.CoalesceWindow"/> from now: every change until then
    /// goes out in that one send. Within that window a further change on this instance costs nothing; a change on
    /// another instance (or later) queues it again, which moves it on by the window.
    /// </summary>
    public async Task RefreshAsync(PersonId person, CardRefreshOf refresh, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(refresh);
        var row = OutboxStore.RefreshKey(refresh) + "|" + person.Value;
        var now = options.WireClock.GetUtcNow();
        // A claim happens only once the row is due: before that (with a second to spare for another instance's clock),
        // the send that is queued will show this change.
        if (refreshesDue.TryGetValue(row, out var due) && now < due - RefreshMargin)
        {
            return;
        }

        if (await conversations.FindAsync(person, cancellationToken).ConfigureAwait(false) is not { } conversation)
        {
            return; // no chat with TalkBot: no card to refresh
        }

        // Held before the write, so that the changes arriving with this one (a burst of clicks) need no write of their own.
        due = now + options.CoalesceWindow;
        refreshesDue[row] = due;
        try
        {
            await outbox.QueueRefreshAsync(conversation, CardMessages.Proactive(conversation), refresh, options.InstanceId, due, time.GetUtcNow(), cancellationToken)
                .ConfigureAwait(false);
        }
        catch
        {
            refreshesDue.TryRemove(row, out _);
            throw;
        }

        if (refreshesDue.Count > MaxRemembered)
        {
            foreach (var old in refreshesDue.Where(r => r.Value < now).Select(r => r.Key).ToList())
            {
                refreshesDue.TryRemove(old, out _);
            }
        }

        if (options.CoalesceWindow <= TimeSpan.Zero)
        {
            wakeup.Poke();
        }
    }

    /// <summary>Hands a send's outcome to the handler its message names; a handler this version lacks is logged and skipped.</summary>
    public async Task HandOverAsync(SendThen then, SendReceipt receipt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(then);
        if (hooks.Handler(then.Handler) is { } handler)
        {
            await handler.HandleAsync(receipt, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            LogUnknownHandler(logger, then.Handler, receipt.Key);
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

        var name = (await directory.FindAsync(person, cancellationToken).ConfigureAwait(false))?.DisplayName ?? person.Value;
        var reason = outcome switch
        {
            { Error: NotInstalled } => UnreachableReason.NotInstalled,
            { HttpStatus: 404 } => UnreachableReason.ConversationGone,
            _ => UnreachableReason.Blocked,
        };
        await TellAsync(to, l => SendCards.Unreachable(new UnreachableView(name, escalation.AboutZh, escalation.AboutEn, reason), l),
            cancellationToken, $"unreachable|{person.Value}|{key}").ConfigureAwait(false);
    }

    private static readonly TimeSpan RefreshMargin = TimeSpan.FromSeconds(1);
    private const int MaxRemembered = 10_000;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Person {Person} has no conversation with TalkBot; not told")]
    private static partial void LogNoConversation(ILogger logger, string person);

    [LoggerMessage(Level = LogLevel.Error, Message = "No send outcome handler '{Handler}' for {Key}; its outcome is stored but nobody is told")]
    private static partial void LogUnknownHandler(ILogger logger, string handler, string key);
}

/// <summary>Wakes the outbox dispatcher when a message is queued, so that it goes out at once rather than at the next poll.</summary>
public sealed class OutboxWakeup : Wakeup;
