namespace TalkBot.Bot.Infrastructure.Sending;

/// <summary>
/// Opens a personal conversation with someone TalkBot holds none for (they never opened it), so that a card can still
/// reach them; the conversation is stored as their reference. A slice that can do it (installing the app for the person
/// through Graph) registers itself; without one, such people stay unreachable.
/// </summary>
public interface IConversationOpener
{
    /// <summary>The conversation opened and stored, or null when it could not or may not be opened.</summary>
    Task<PersonalConversation?> OpenAsync(PersonId person, CancellationToken cancellationToken);
}
