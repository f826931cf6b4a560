using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace TalkBot.Bot.Infrastructure.Connector;

/// <summary>
/// The answer to an invoke. The HTTP status is always 200 for <c>adaptiveCard/action</c>; the body's
/// <see cref="StatusCode"/> carries the real result (PROTOCOL §5).
/// </summary>
public sealed class InvokeResponse
{
    public const string AdaptiveCardContentType = "application/vnd.microsoft.card.adaptive";
    public const string MessageContentType = "application/vnd.microsoft.activity.message";
    public const string ErrorContentType = "application/vnd.microsoft.error";

    public int StatusCode { get; init; } = 200;
    public string? Type { get; init; }
    public JsonNode? Value { get; init; }

    /// <summary>The card that replaces the one clicked.</summary>
    public static InvokeResponse Card(JsonNode card) => new() { Type = AdaptiveCardContentType, Value = card };

    /// <summary>A message shown to the user instead of a new card.</summary>
    public static InvokeResponse Message(string text) => new() { Type = MessageContentType, Value = JsonValue.Create(text) };

    public static InvokeResponse Error(int statusCode, string code, string message) => new()
    {
        StatusCode = statusCode,
        Type = ErrorContentType,
        Value = new JsonObject { ["code"] = code, ["message"] = message },
    };
}

/// <summary>The <c>value</c> of an <c>adaptiveCard/action</c> invoke (PROTOCOL §5).</summary>
public sealed class AdaptiveCardInvokeValue
{
    public AdaptiveCardInvokeAction? Action { get; set; }
    public string? Trigger { get; set; }

    /// <summary>Reads the invoke value; null when it is missing or not of the documented shape.</summary>
    public static AdaptiveCardInvokeValue? TryRead(Activity activity)
    {
        if (activity.Value is not { ValueKind: JsonValueKind.Object } value)
        {
            return null;
        }

        try
        {
            var invoke = value.Deserialize<AdaptiveCardInvokeValue>(ConnectorJson.Options);
            return invoke?.Action is { Type: "Action.Execute" } ? invoke : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

public sealed class AdaptiveCardInvokeAction
{
    public string? Type { get; set; }
    public string? Id { get; set; }
    public string? Verb { get; set; }

    [JsonPropertyName("data")]
    public JsonElement Data { get; set; }
}
