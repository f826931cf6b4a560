using System.Text.Json.Serialization;

namespace TalkBot.Cards.AdaptiveCards;

/// <summary>
/// An Adaptive Card, shaped like the AdaptiveCards .NET library's <c>AdaptiveCard</c> so that code written
/// against this model moves to that library by renaming namespaces. Teams supports schema 1.5 at most.
/// </summary>
public sealed class AdaptiveCard
{
    public const string SchemaUrl = "http://adaptivecards.io/schemas/adaptive-card.json";
    public const string CurrentVersion = "1.5";

    /// <summary>A top-level card (sent as an attachment): carries the schema and version.</summary>
    public AdaptiveCard(string version = CurrentVersion)
    {
        Version = version;
        Schema = SchemaUrl;
    }

    /// <summary>A card nested in <see cref="AdaptiveShowCardAction"/>: inherits version and schema from its host.</summary>
    public static AdaptiveCard Nested() => new() { Version = null, Schema = null };

    [JsonPropertyOrder(-3)]
    public string Type => "AdaptiveCard";

    [JsonPropertyOrder(-2)]
    [JsonPropertyName("$schema")]
    public string? Schema { get; init; }

    [JsonPropertyOrder(-1)]
    public string? Version { get; init; }

    /// <summary>
    /// Two- or three-letter language code ("zh", "en"); the schema rejects region tags such as "zh-CN".
    /// adaptivecards-js 3.0.6 validates it with a stateful global RegExp and rejects every other valid value.
    /// </summary>
    public string? Lang { get; set; }

    public string? FallbackText { get; set; }

    public AdaptiveRefresh? Refresh { get; set; }

    public List<AdaptiveElement> Body { get; init; } = [];

    public List<AdaptiveAction> Actions { get; init; } = [];

    /// <summary>Teams-specific extension; the renderer ignores it, Teams reads it.</summary>
    [JsonPropertyName("msteams")]
    public TeamsCardProperties? MsTeams { get; set; }
}

/// <summary>Teams' <c>msteams</c> card extension.</summary>
public sealed record TeamsCardProperties(string Width = "Full");

/// <summary>
/// Universal Actions refresh: Teams invokes <see cref="Action"/> (an Action.Execute) when the card is shown
/// to one of <see cref="UserIds"/>, so each viewer sees the current state.
/// </summary>
public sealed class AdaptiveRefresh
{
    public AdaptiveRefresh(AdaptiveExecuteAction action) => Action = action;

    /// <summary>Declared as the base type so the <c>type</c> discriminator is written.</summary>
    public AdaptiveAction Action { get; }

    /// <summary>
    /// Teams MRIs ("29:…"), at most 60. Null: automatic refresh for everyone in small conversations.
    /// Empty: manual refresh only, so an empty list is written, not dropped.
    /// </summary>
    [SerializeWhenEmpty]
    public List<string>? UserIds { get; set; }
}

/// <summary>Marks a collection property whose empty value means something and must be written.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class SerializeWhenEmptyAttribute : Attribute;
