using System.Text.Json.Serialization;

namespace TalkBot.Cards.AdaptiveCards;

/// <summary>A body element. The <c>type</c> discriminator is written first, as the schema expects.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(AdaptiveTextBlock), AdaptiveTextBlock.TypeName)]
[JsonDerivedType(typeof(AdaptiveRichTextBlock), AdaptiveRichTextBlock.TypeName)]
[JsonDerivedType(typeof(AdaptiveFactSet), AdaptiveFactSet.TypeName)]
[JsonDerivedType(typeof(AdaptiveContainer), AdaptiveContainer.TypeName)]
[JsonDerivedType(typeof(AdaptiveColumnSet), AdaptiveColumnSet.TypeName)]
[JsonDerivedType(typeof(AdaptiveImage), AdaptiveImage.TypeName)]
[JsonDerivedType(typeof(AdaptiveActionSet), AdaptiveActionSet.TypeName)]
[JsonDerivedType(typeof(AdaptiveTextInput), AdaptiveTextInput.TypeName)]
[JsonDerivedType(typeof(AdaptiveDateInput), AdaptiveDateInput.TypeName)]
[JsonDerivedType(typeof(AdaptiveTimeInput), AdaptiveTimeInput.TypeName)]
[JsonDerivedType(typeof(AdaptiveNumberInput), AdaptiveNumberInput.TypeName)]
[JsonDerivedType(typeof(AdaptiveToggleInput), AdaptiveToggleInput.TypeName)]
[JsonDerivedType(typeof(AdaptiveChoiceSetInput), AdaptiveChoiceSetInput.TypeName)]
public abstract class AdaptiveElement
{
    public string? Id { get; set; }

    public AdaptiveSpacing Spacing { get; set; }

    public bool Separator { get; set; }
}

public sealed class AdaptiveTextBlock : AdaptiveElement
{
    public const string TypeName = "TextBlock";

    public AdaptiveTextBlock() { }

    public AdaptiveTextBlock(string text) => Text = text;

    public string Text { get; set; } = "";

    public bool Wrap { get; set; }

    public AdaptiveTextSize Size { get; set; }

    public AdaptiveTextWeight Weight { get; set; }

    public AdaptiveTextColor Color { get; set; }

    public bool IsSubtle { get; set; }

    public AdaptiveHorizontalAlignment HorizontalAlignment { get; set; }

    public AdaptiveTextBlockStyle Style { get; set; }

    public int? MaxLines { get; set; }
}

public sealed class AdaptiveRichTextBlock : AdaptiveElement
{
    public const string TypeName = "RichTextBlock";

    public List<AdaptiveTextRun> Inlines { get; init; } = [];

    public AdaptiveHorizontalAlignment HorizontalAlignment { get; set; }
}

/// <summary>An inline of a <see cref="AdaptiveRichTextBlock"/>; its only inline type, so it writes its own <c>type</c>.</summary>
public sealed class AdaptiveTextRun
{
    public AdaptiveTextRun() { }

    public AdaptiveTextRun(string text) => Text = text;

    [JsonPropertyOrder(-1)]
    public string Type => "TextRun";

    public string Text { get; set; } = "";

    public AdaptiveTextSize Size { get; set; }

    public AdaptiveTextWeight Weight { get; set; }

    public AdaptiveTextColor Color { get; set; }

    public bool IsSubtle { get; set; }

    public bool Italic { get; set; }

    public bool Strikethrough { get; set; }

    public bool Highlight { get; set; }
}

public sealed class AdaptiveFactSet : AdaptiveElement
{
    public const string TypeName = "FactSet";

    public List<AdaptiveFact> Facts { get; init; } = [];
}

public sealed record AdaptiveFact(string Title, string Value);

public sealed class AdaptiveContainer : AdaptiveElement
{
    public const string TypeName = "Container";

    public AdaptiveContainerStyle Style { get; set; }

    public bool Bleed { get; set; }

    public AdaptiveVerticalContentAlignment VerticalContentAlignment { get; set; }

    public List<AdaptiveElement> Items { get; init; } = [];
}

public sealed class AdaptiveColumnSet : AdaptiveElement
{
    public const string TypeName = "ColumnSet";

    public AdaptiveContainerStyle Style { get; set; }

    public bool Bleed { get; set; }

    public List<AdaptiveColumn> Columns { get; init; } = [];
}

/// <summary>A column of a <see cref="AdaptiveColumnSet"/>; it writes its own <c>type</c>.</summary>
public sealed class AdaptiveColumn
{
    [JsonPropertyOrder(-1)]
    public string Type => "Column";

    public string? Id { get; set; }

    /// <summary>"auto", "stretch", a weight such as "2", or pixels such as "50px".</summary>
    public string? Width { get; set; }

    public AdaptiveContainerStyle Style { get; set; }

    public AdaptiveSpacing Spacing { get; set; }

    public bool Separator { get; set; }

    public AdaptiveVerticalContentAlignment VerticalContentAlignment { get; set; }

    public List<AdaptiveElement> Items { get; init; } = [];
}

public sealed class AdaptiveImage : AdaptiveElement
{
    public const string TypeName = "Image";

    public AdaptiveImage() { }

    public AdaptiveImage(string url) => Url = url;

    public string Url { get; set; } = "";

    public string? AltText { get; set; }

    public AdaptiveImageSize Size { get; set; }

    public AdaptiveImageStyle Style { get; set; }

    public AdaptiveHorizontalAlignment HorizontalAlignment { get; set; }
}

/// <summary>Actions inside the body; Teams asks for Action.Execute to sit in one so old clients fall back cleanly.</summary>
public sealed class AdaptiveActionSet : AdaptiveElement
{
    public const string TypeName = "ActionSet";

    public List<AdaptiveAction> Actions { get; init; } = [];
}
