
namespace TalkBot.FakeConnector;

/// <summary>
/// One activity the fake accepted. The JSON is kept as sent, not parsed, so tests can search it for any field
/// without this project knowing the activity schema.
/// </summary>
/// <param name="ConversationId">The conversation, unescaped (as Teams spells it: "a:1@x;messageid=3").</param>
/// <param name="ActivityId">The id the fake answered with (for an update, the id that was updated).</param>
/// <param name="ReplyToId">The activity replied to, or null for a plain send or an update.</param>
/// <param name="At">When it was accepted, on the configured clock.</param>
/// <param name="Json">The request body as received.</param>
public sealed record DeliveredActivity(string ConversationId, string ActivityId, string? ReplyToId, DateTimeOffset At, string Json);
