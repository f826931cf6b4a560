using System.Text.Json.Nodes;
using TalkBot.Cards.AdaptiveCards;

namespace TalkBot.Cards;

/// <summary>Builds the actions every card uses, so the verb/data/fallback convention lives in one place.</summary>
public static class CardActions
{
    /// <summary>
    /// An Action.Execute for <paramref name="verb"/> whose data holds "verb" and <paramref name="ids"/>, with
    /// an Action.Submit fallback carrying the same title and data, for clients without Universal Actions
    /// (PROTOCOL §5). The bot reads the verb from <c>action.verb</c> or, for a submit, <c>value.verb</c>.
    /// </summary>
    public static AdaptiveExecuteAction Execute(
        string verb,
        string title,
        IReadOnlyDictionary<string, string>? ids = null,
        AdaptiveActionStyle style = AdaptiveActionStyle.Default,
        AdaptiveAssociatedInputs associatedInputs = AdaptiveAssociatedInputs.Auto,
        string? id = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(verb);
        return new AdaptiveExecuteAction
        {
            // Ids are unique within a card; a card repeating a verb (one per list line) passes its own.
            Id = id ?? verb,
            Title = title,
            Verb = verb,
            Data = Data(verb, ids),
            Style = style,
            AssociatedInputs = associatedInputs,
            Fallback = new AdaptiveSubmitAction
            {
                Title = title,
                Data = Data(verb, ids),
                Style = style,
                AssociatedInputs = associatedInputs,
            },
        };
    }

    /// <summary>The data object of an action: "verb" first, then the ids.</summary>
    public static JsonObject Data(string verb, IReadOnlyDictionary<string, string>? ids = null)
    {
        var data = new JsonObject { [DataKeys.Verb] = verb };
        foreach (var (key, value) in ids ?? new Dictionary<string, string>())
        {
            data[key] = value;
        }

        return data;
    }

    /// <summary>Wraps body actions in an ActionSet, which Teams asks for when actions carry fallbacks.</summary>
    public static AdaptiveActionSet Set(params AdaptiveAction[] actions) => new() { Actions = [.. actions] };
}
