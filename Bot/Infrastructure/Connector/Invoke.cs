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
    public const string SearchResponseContentType = "application/vnd.microsoft.search.searchResponse";

    public int StatusCode { get; init; } = 200;
    public string? Type { get; init; }
    public JsonNode? Value { get; init; }

    /// <summary>The card that replaces the one clicked.</summary>
    public static InvokeResponse Card(JsonNode card) => new() { Type = AdaptiveCardContentType, Value = card };

    /// <summary>A message shown to the user instead of a new card.</summary>
    public static InvokeResponse Message(string text) => new() { Type = MessageContentType, Value = JsonValue.Create(text) };

    /// <summary>The choices found for a typeahead (<c>application/search</c>): each shown by its title, submitted as its value.</summary>
    public static InvokeResponse SearchResults(IEnumerable<(string Title, string Value)> results) => new()
    {
        Type = SearchResponseContentType,
        Value = new JsonObject
        {
            ["results"] = new JsonArray([.. results.Select(r => (JsonNode)new JsonObject { ["title"] = r.Title, ["value"] = r.Value })]),
        },
    };

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

/// <summary>
/// The <c>value</c> of an <c>application/search</c> invoke, which Teams sends as the user types into a choice set with a
/// <c>Data.Query</c>: <c>{"queryText", "dataset", "queryOptions": {"skip", "top"}}</c> (msteams-docs, dynamic-search.md).
/// </summary>
public sealed record SearchInvokeValue(string QueryText, string Dataset, int Skip, int? Top)
{
    /// <summary>Longer text is not something typed into a name field.</summary>
    public const int MaxQueryLength = 256;

    public const int MaxDatasetLength = 128;

    /// <summary>
    /// Reads the invoke value; null when it is not of the documented shape (no dataset, a query that is not text, a page
    /// that is not a whole number from 0). A missing query is an empty one: Teams may ask before anything is typed.
    /// </summary>
    public static SearchInvokeValue? TryRead(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (activity.Value is not { ValueKind: JsonValueKind.Object } value
            || !value.TryGetProperty("dataset", out var dataset) || dataset.ValueKind != JsonValueKind.String
            || dataset.GetString() is not { Length: > 0 and <= MaxDatasetLength } name)
        {
            return null;
        }

        var query = "";
        if (value.TryGetProperty("queryText", out var text) && text.ValueKind != JsonValueKind.Null)
        {
            if (text.ValueKind != JsonValueKind.String || text.GetString() is not { Length: <= MaxQueryLength } typed)
            {
                return null;
            }

            query = typed;
        }

        int? skip = 0, top = null;
        if (value.TryGetProperty("queryOptions", out var options) && options.ValueKind != JsonValueKind.Null)
        {
            if (options.ValueKind != JsonValueKind.Object
                || !TryCount(options, "skip", out skip)
                || !TryCount(options, "top", out top))
            {
                return null;
            }
        }

        return new SearchInvokeValue(query, name, skip ?? 0, top);
    }

    private static bool TryCount(JsonElement options, string name, out int? count)
    {
        count = null;
        if (!options.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return true;
        }

        if (value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number) && number >= 0)
        {
            count = number;
            return true;
        }

        return false;
    }
}
