using System.Collections;
using System.Reflection;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace TalkBot.Cards.AdaptiveCards;

/// <summary>The one place that decides how cards become JSON.</summary>
public static class CardSerializer
{
    /// <summary>
    /// camelCase names and enum strings as the schema spells them; nulls, defaults and empty collections left
    /// out (the renderer treats an absent property as its default, and Teams counts payload bytes);
    /// Chinese written as-is rather than \u-escaped, since the JSON goes over HTTP, not into HTML.
    /// </summary>
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    public static string ToJson(AdaptiveCard card, bool indented = false) =>
        indented
            ? JsonSerializer.Serialize(card, IndentedOptions)
            : JsonSerializer.Serialize(card, Options);

    public static JsonElement ToElement(AdaptiveCard card) => JsonSerializer.SerializeToElement(card, Options);

    public static JsonObject ToNode(AdaptiveCard card) =>
        JsonSerializer.SerializeToNode(card, Options)?.AsObject()
        ?? throw new InvalidOperationException("A card always serialises to a JSON object.");

    private static readonly JsonSerializerOptions IndentedOptions = new(Options) { WriteIndented = true };

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingDefault,
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { SkipEmptyCollections } },
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
        options.MakeReadOnly();
        return options;
    }

    private static void SkipEmptyCollections(JsonTypeInfo typeInfo)
    {
        if (typeInfo.Kind != JsonTypeInfoKind.Object)
        {
            return;
        }

        foreach (var property in typeInfo.Properties)
        {
            // JsonObject (action data) is a collection too, and an empty data object is harmless, so only lists.
            if (!typeof(IList).IsAssignableFrom(property.PropertyType) ||
                property.AttributeProvider?.IsDefined(typeof(SerializeWhenEmptyAttribute), inherit: false) == true)
            {
                continue;
            }

            var inner = property.ShouldSerialize;
            property.ShouldSerialize = (owner, value) =>
                value is IList { Count: > 0 } && (inner is null || inner(owner, value));
        }
    }
}
