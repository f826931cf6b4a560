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

    /// <summary>
    /// A date lies in a year whose official holidays are not loaded (<c>CalendarCoverage</c>): working days there are
    /// counted with weekends alone, so the card says so rather than let a count look certain.
    /// </summary>
    public static AdaptiveContainer? CalendarNote(IReadOnlyList<int>? years, Locale locale)
    {
        if (years is not { Count: > 0 })
        {
            return null;
        }

        var list = string.Join(locale.Pick("、", ", "), years);
        return new AdaptiveContainer
        {
            Style = AdaptiveContainerStyle.Warning,
            Items =
            [
                new AdaptiveTextBlock(locale.Pick(
                    $"注意：日历中没有{list}年的官方节假日和调休安排，该年只按周末计算休息日，工作日的计算可能有误。请管理员添加该年的日历文件（Calendar:ExtraFiles）。",
                    $"Note: the calendar has no official holidays or adjusted working days for {list}; only weekends count as days off, so working-day counts may be wrong. An administrator can add that year's calendar file (Calendar:ExtraFiles)."))
                {
                    Wrap = true,
                    Color = AdaptiveTextColor.Warning,
                },
            ],
        };
    }

    public static string Names(IEnumerable<string> names, Locale locale) =>
        string.Join(locale.Pick("、", ", "), names);
}
