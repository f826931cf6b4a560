using TalkBot.Cards.AdaptiveCards;
using TalkBot.Cards.Localization;

namespace TalkBot.Cards.Builders;

/// <summary>Pieces every card shares, so they look alike.</summary>
public static class CardParts
{
    // No "lang": adaptivecards-js checks it with a global RegExp whose lastIndex survives between cards, so
    // every other card in a client would log "Invalid value" and lose it. The cards format dates themselves.
    public static AdaptiveCard NewCard(string fallbackText) => new()
    {
        FallbackText = fallbackText,
        MsTeams = new TeamsCardProperties(),
    };

    public static AdaptiveTextBlock Heading(string text) => new(text)
    {
        Style = AdaptiveTextBlockStyle.Heading,
        Size = AdaptiveTextSize.Large,
        Weight = AdaptiveTextWeight.Bolder,
        Wrap = true,
    };

    public static AdaptiveTextBlock SubHeading(string text) => new(text)
    {
        Weight = AdaptiveTextWeight.Bolder,
        Spacing = AdaptiveSpacing.Medium,
        Wrap = true,
    };

    public static AdaptiveTextBlock Paragraph(string text) => new(text) { Wrap = true };

    public static AdaptiveTextBlock Subtle(string text) => new(text) { Wrap = true, IsSubtle = true, Size = AdaptiveTextSize.Small };

    public static AdaptiveFactSet Facts(params (string Title, string? Value)[] facts) => new()
    {
        Facts = [.. facts.Where(f => !string.IsNullOrWhiteSpace(f.Value)).Select(f => new AdaptiveFact(f.Title, f.Value!))],
    };

    /// <summary>Lines in attention colour inside an attention container: errors and refusals.</summary>
    public static AdaptiveContainer Attention(IEnumerable<string> lines) => new()
    {
        Style = AdaptiveContainerStyle.Attention,
        Items = [.. lines.Select(line => new AdaptiveTextBlock(line) { Wrap = true, Color = AdaptiveTextColor.Attention })],
    };

    /// <summary>A one-line status in a coloured container.</summary>
    public static AdaptiveContainer Status(string text, AdaptiveContainerStyle style, AdaptiveTextColor color) => new()
    {
        Style = style,
        Spacing = AdaptiveSpacing.Medium,
        Items = [new AdaptiveTextBlock(text) { Wrap = true, Weight = AdaptiveTextWeight.Bolder, Color = color }],
    };

    /// <summary>Markdown bullet list, one item per line; TextBlock renders "- " lists.</summary>
    public static AdaptiveTextBlock Bullets(IEnumerable<string> items) =>
        new(string.Join("\n", items.Select(i => "- " + i))) { Wrap = true };

    public static string Names(IEnumerable<string> names, Locale locale) =>
        string.Join(locale.Pick("、", ", "), names);
}
