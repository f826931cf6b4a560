using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace TalkBot.Cards.AdaptiveCards;

[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(AdaptiveExecuteAction), AdaptiveExecuteAction.TypeName)]
[JsonDerivedType(typeof(AdaptiveSubmitAction), AdaptiveSubmitAction.TypeName)]
[JsonDerivedType(typeof(AdaptiveShowCardAction), AdaptiveShowCardAction.TypeName)]
[JsonDerivedType(typeof(AdaptiveOpenUrlAction), AdaptiveOpenUrlAction.TypeName)]
public abstract class AdaptiveAction
{
    public string? Id { get; set; }

    public string? Title { get; set; }

    public AdaptiveActionStyle Style { get; set; }

    /// <summary>Used by clients that do not know this action's type (PROTOCOL §5: Action.Execute falls back to Action.Submit).</summary>
    public AdaptiveAction? Fallback { get; set; }
}

/// <summary>Universal Action: arrives at the bot as an <c>adaptiveCard/action</c> invoke, which can return a new card.</summary>
public sealed class AdaptiveExecuteAction : AdaptiveAction
{
    public const string TypeName = "Action.Execute";

    public string? Verb { get; set; }

    public JsonObject? Data { get; set; }

    public AdaptiveAssociatedInputs AssociatedInputs { get; set; }
}

/// <summary>Arrives at the bot as a message activity whose <c>value</c> is the data merged with the inputs.</summary>
public sealed class AdaptiveSubmitAction : AdaptiveAction
{
    public const string TypeName = "Action.Submit";

    public JsonObject? Data { get; set; }

    public AdaptiveAssociatedInputs AssociatedInputs { get; set; }
}

public sealed class AdaptiveShowCardAction : AdaptiveAction
{
    public const string TypeName = "Action.ShowCard";

    public AdaptiveShowCardAction(AdaptiveCard card) => Card = card;

    public AdaptiveCard Card { get; }
}

public sealed class AdaptiveOpenUrlAction : AdaptiveAction
{
    public const string TypeName = "Action.OpenUrl";

    public AdaptiveOpenUrlAction(Uri url) => Url = url;

    public Uri Url { get; }
}
