using System.Text.Json;
using System.Text.Json.Nodes;

namespace TalkBot.Cards.AdaptiveCards;

/// <summary>An activity attachment carrying an Adaptive Card: <c>{contentType, content}</c>.</summary>
public sealed record CardAttachment(string ContentType, JsonElement Content)
{
    public const string AdaptiveCardContentType = "application/vnd.microsoft.card.adaptive";

    public static CardAttachment From(AdaptiveCard card) =>
        new(AdaptiveCardContentType, CardSerializer.ToElement(card));

    /// <summary>The attachment as a JSON object, ready to put in an activity's <c>attachments</c> array.</summary>
    public static JsonObject ToNode(AdaptiveCard card) => new()
    {
        ["contentType"] = AdaptiveCardContentType,
        ["content"] = CardSerializer.ToNode(card),
    };
}
