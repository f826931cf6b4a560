using System.Text.Json.Serialization;

namespace TalkBot.Cards.AdaptiveCards;

/// <summary>Common input properties. A required input needs a label and an error message (the renderer warns otherwise).</summary>
public abstract class AdaptiveInput : AdaptiveElement
{
    public string? Label { get; set; }

    public bool IsRequired { get; set; }

    public string? ErrorMessage { get; set; }
}

public sealed class AdaptiveTextInput : AdaptiveInput
{
    public const string TypeName = "Input.Text";

    public string? Placeholder { get; set; }

    public string? Value { get; set; }

    public bool IsMultiline { get; set; }

    public int? MaxLength { get; set; }

    public string? Regex { get; set; }

    public AdaptiveTextInputStyle Style { get; set; }
}

/// <summary>Values are ISO dates, "yyyy-MM-dd".</summary>
public sealed class AdaptiveDateInput : AdaptiveInput
{
    public const string TypeName = "Input.Date";

    public string? Value { get; set; }

    public string? Min { get; set; }

    public string? Max { get; set; }

    public string? Placeholder { get; set; }
}

/// <summary>Values are 24-hour times, "HH:mm".</summary>
public sealed class AdaptiveTimeInput : AdaptiveInput
{
    public const string TypeName = "Input.Time";

    public string? Value { get; set; }

    public string? Min { get; set; }

    public string? Max { get; set; }

    public string? Placeholder { get; set; }
}

public sealed class AdaptiveNumberInput : AdaptiveInput
{
    public const string TypeName = "Input.Number";

    public double? Value { get; set; }

    public double? Min { get; set; }

    public double? Max { get; set; }

    public string? Placeholder { get; set; }
}

public sealed class AdaptiveToggleInput : AdaptiveInput
{
    public const string TypeName = "Input.Toggle";

    public string Title { get; set; } = "";

    /// <summary>"true" or "false" unless <see cref="ValueOn"/>/<see cref="ValueOff"/> say otherwise.</summary>
    public string? Value { get; set; }

    public string? ValueOn { get; set; }

    public string? ValueOff { get; set; }

    public bool Wrap { get; set; }
}

/// <summary>A multi-select value is the chosen values joined by commas.</summary>
public sealed class AdaptiveChoiceSetInput : AdaptiveInput
{
    public const string TypeName = "Input.ChoiceSet";

    /// <summary>The static choices; with <see cref="ChoicesData"/>, what a client without dynamic typeahead offers.</summary>
    public List<AdaptiveChoice> Choices { get; init; } = [];

    /// <summary>Teams' dynamic typeahead: as the user types, Teams asks the bot for choices (an <c>application/search</c> invoke).</summary>
    [JsonPropertyName("choices.data")]
    public AdaptiveDataQuery? ChoicesData { get; set; }

    public bool IsMultiSelect { get; set; }

    public AdaptiveChoiceInputStyle Style { get; set; }

    public string? Value { get; set; }

    public string? Placeholder { get; set; }

    public bool Wrap { get; set; }
}

public sealed record AdaptiveChoice(string Title, string Value);

/// <summary>
/// A <c>Data.Query</c>: the dataset a typeahead choice set asks the bot about. Teams puts the name in the invoke's
/// <c>value.dataset</c>, with what was typed and the page wanted.
/// </summary>
public sealed class AdaptiveDataQuery(string dataset)
{
    public const string TypeName = "Data.Query";

    [JsonPropertyOrder(-1)]
    public string Type => TypeName;

    public string Dataset { get; } = dataset;
}
