using Microsoft.Extensions.DependencyInjection.Extensions;

namespace TalkBot.Bot.Infrastructure.Sending;

/// <summary>What became of one keyed send, as handed to its <see cref="ISendOutcomeHandler"/>.</summary>
/// <param name="ConversationId">Where it went (null when the person has no conversation with TalkBot).</param>
public sealed record SendReceipt(string Key, PersonId Person, string Subject, SendOutcome Outcome, string? ConversationId);

/// <summary>
/// Told the outcome of a send once it is stored, before the send leaves the outbox: a crash in between tells it
/// again, so it is idempotent (a notice marked sent twice is marked once). Registered by name
/// (<see cref="OutboxHookServices.AddSendOutcome{T}"/>); a message names it in <see cref="SendThen"/>.
/// </summary>
public interface ISendOutcomeHandler
{
    string Name { get; }

    Task HandleAsync(SendReceipt receipt, CancellationToken cancellationToken);
}

/// <summary>
/// What a card refresh is built for: its subject, whose card it is and in which language, and whether this instance
/// queued it (otherwise another instance did, or this one before a restart: what that instance did after queueing it
/// may not have happened).
/// </summary>
public sealed record CardRefreshRequest(string Subject, PersonId Person, Locale Locale, bool QueuedHere);

/// <summary>A card built at the moment it is sent, and whether it replaces one already posted.</summary>
/// <param name="Replaces">The activity the card updates in place (PUT); null posts a new message.</param>
/// <param name="ConversationId">The conversation of <paramref name="Replaces"/>, when not the person's personal chat.</param>
/// <param name="Sent">Run once the card went out (a digest lets go of the items it carried).</param>
public sealed record RefreshedCard(AdaptiveCard Card, string? Replaces, string? ConversationId = null, Func<CancellationToken, Task>? Sent = null);

/// <summary>
/// Builds a card from the state at the moment it is sent: a card that follows something which changes often (the
/// organiser's view of a talk's notices), so that a burst of changes makes one send carrying all of them. Queued with
/// <see cref="Messenger.RefreshAsync"/>; registered by name (<see cref="OutboxHookServices.AddCardRefresh{T}"/>).
/// </summary>
public interface ICardRefresh
{
    string Name { get; }

    /// <summary>The card now, or null when there is nothing (left) to show.</summary>
    Task<RefreshedCard?> RenderAsync(CardRefreshRequest request, CancellationToken cancellationToken);
}

/// <summary>
/// The registered outcome handlers and card refreshes, by name; two of one name fail at their first use. Resolved on
/// first use, not in the constructor: handlers queue messages themselves, so they depend on the messenger that uses these.
/// </summary>
public sealed class OutboxHooks(IServiceProvider services)
{
    private readonly Lazy<Dictionary<string, ISendOutcomeHandler>> handlers =
        new(() => ByName(services.GetServices<ISendOutcomeHandler>(), h => h.Name));

    private readonly Lazy<Dictionary<string, ICardRefresh>> refreshes =
        new(() => ByName(services.GetServices<ICardRefresh>(), r => r.Name));

    public ISendOutcomeHandler? Handler(string name) => handlers.Value.GetValueOrDefault(name);

    public ICardRefresh? Refresh(string name) => refreshes.Value.GetValueOrDefault(name);

    private static Dictionary<string, T> ByName<T>(IEnumerable<T> registered, Func<T, string> name)
    {
        ArgumentNullException.ThrowIfNull(registered);
        var byName = new Dictionary<string, T>(StringComparer.Ordinal);
        foreach (var item in registered)
        {
            if (!byName.TryAdd(name(item), item))
            {
                throw new InvalidOperationException($"Two {typeof(T).Name} registered as '{name(item)}'.");
            }
        }

        return byName;
    }
}

public static class OutboxHookServices
{
    public static IServiceCollection AddSendOutcome<T>(this IServiceCollection services) where T : class, ISendOutcomeHandler
    {
        services.TryAddSingleton<T>();
        return services.AddSingleton<ISendOutcomeHandler>(sp => sp.GetRequiredService<T>());
    }

    public static IServiceCollection AddCardRefresh<T>(this IServiceCollection services) where T : class, ICardRefresh
    {
        services.TryAddSingleton<T>();
        return services.AddSingleton<ICardRefresh>(sp => sp.GetRequiredService<T>());
    }
}
