using System.Collections.Concurrent;
using Azure;
using Azure.Data.Tables;

namespace TalkBot.Bot.Infrastructure.Sending;

/// <summary>Where a person can be reached in a personal chat with TalkBot, as last seen in an activity.</summary>
public sealed record PersonalConversation(
    PersonId Person,
    string UserId,
    string? UserName,
    string BotId,
    string? BotName,
    string ConversationId,
    string ServiceUrl,
    string ChannelId,
    string? TenantId,
    string? Locale);

/// <summary>
/// Where each person is reached. Table <c>ConversationReferences</c>: PartitionKey = the person's Entra object id;
/// RowKey = channel id (<c>msteams</c>). One point read finds where to send a proactive message, and this instance
/// keeps what it read or wrote for <see cref="SenderOptions.ReferencesHeldFor"/>: a click whose reference is unchanged
/// costs no storage call, and neither does telling someone this instance reached lately.
/// </summary>
public sealed class ConversationReferences(TableSet tables, SenderOptions options, TimeProvider time)
{
    public const string Table = "ConversationReferences";
    private const string Channel = "msteams";
    private readonly TableClient references = tables[Table];
    private readonly ConcurrentDictionary<PersonId, Held> held = new();

    // What the table holds for a person, as of a moment of the wire clock.
    private sealed record Held(PersonalConversation Conversation, DateTimeOffset At);

    /// <summary>
    /// Stores the reference unless the stored one is identical: every message refreshes it, because the service URL
    /// "is stable but can change" (PROTOCOL §3), and skipping unchanged writes keeps a chatty user from costing a
    /// write per message.
    /// </summary>
    public async Task SaveAsync(PersonalConversation conversation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        if (Recent(conversation.Person) is { } known && known.Conversation == conversation)
        {
            return;
        }

        var existing = await FindEntityAsync(conversation.Person, cancellationToken).ConfigureAwait(false);
        if (existing is not null && !existing.Removed && ToDomain(existing) == conversation)
        {
            Hold(conversation.Person, conversation);
            return;
        }

        var entity = new ConversationReferenceEntity
        {
            PartitionKey = conversation.Person.Value,
            RowKey = Channel,
            UserId = conversation.UserId,
            UserName = conversation.UserName,
            BotId = conversation.BotId,
            BotName = conversation.BotName,
            ConversationId = conversation.ConversationId,
            ConversationType = "personal",
            ServiceUrl = conversation.ServiceUrl,
            ChannelId = conversation.ChannelId,
            TenantId = conversation.TenantId,
            Locale = conversation.Locale,
            UpdatedAt = time.GetUtcNow(),
        };
        await references.UpsertAsync(entity, cancellationToken).ConfigureAwait(false);
        Hold(conversation.Person, conversation);
    }

    /// <summary>The app was uninstalled or blocked: keep the row for history, stop using it.</summary>
    public async Task MarkRemovedAsync(PersonId person, CancellationToken cancellationToken)
    {
        held.TryRemove(person, out _);
        var existing = await FindEntityAsync(person, cancellationToken).ConfigureAwait(false);
        if (existing is null || existing.Removed)
        {
            return;
        }

        existing.Removed = true;
        existing.UpdatedAt = time.GetUtcNow();
        // False when a newer activity re-stored the reference meanwhile: the person is reachable again; keep that.
        await references.TryUpdateAsync(existing, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The person's reference, or null when they never opened TalkBot or removed it.</summary>
    public async Task<PersonalConversation?> FindAsync(PersonId person, CancellationToken cancellationToken)
    {
        if (Recent(person) is { } known)
        {
            return known.Conversation;
        }

        var entity = await FindEntityAsync(person, cancellationToken).ConfigureAwait(false);
        if (entity is null || entity.Removed)
        {
            return null; // not held: someone who opens TalkBot on another instance is reachable from here at once
        }

        var found = ToDomain(entity);
        Hold(person, found);
        return found;
    }

    private Held? Recent(PersonId person) =>
        held.TryGetValue(person, out var known) && options.WireClock.GetUtcNow() - known.At < options.ReferencesHeldFor ? known : null;

    private void Hold(PersonId person, PersonalConversation conversation)
    {
        if (options.ReferencesHeldFor > TimeSpan.Zero)
        {
            held[person] = new Held(conversation, options.WireClock.GetUtcNow());
        }
    }

    private async Task<ConversationReferenceEntity?> FindEntityAsync(PersonId person, CancellationToken cancellationToken)
    {
        return await references.FindAsync<ConversationReferenceEntity>(person.Value, Channel, cancellationToken).ConfigureAwait(false);
    }

    private static PersonalConversation ToDomain(ConversationReferenceEntity e) => new(
        new PersonId(e.PartitionKey), e.UserId, e.UserName, e.BotId, e.BotName, e.ConversationId, e.ServiceUrl, e.ChannelId, e.TenantId, e.Locale);
}

/// <summary>Table <c>ConversationReferences</c>: where to reach a person proactively.</summary>
public sealed class ConversationReferenceEntity : TableRow
{
    public string UserId { get; set; } = "";
    public string? UserName { get; set; }
    public string BotId { get; set; } = "";
    public string? BotName { get; set; }
    public string ConversationId { get; set; } = "";
    public string? ConversationType { get; set; }
    public string ServiceUrl { get; set; } = "";
    public string ChannelId { get; set; } = "";
    public string? TenantId { get; set; }
    public string? Locale { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    /// <summary>Set when the person uninstalled the app: the reference is kept for history but not used.</summary>
    public bool Removed { get; set; }
}
