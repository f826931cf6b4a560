namespace TalkBot.Bot.Infrastructure.Hosting;

/// <summary>Localisation configuration (section <c>Localization</c>).</summary>
public sealed class LocalizationOptions
{
    public const string Section = "Localization";

    /// <summary>
    /// When set (<c>zh-CN</c> or <c>en-US</c>), every card is in this language whatever the client's locale. Empty by
    /// default: zh-CN, or en-US for clients that say English. The Agents Playground always says en-US, so the demo
    /// sets zh-CN here to show the product as its users see it.
    /// </summary>
    public string? Locale { get; set; }
}

/// <summary>Which language a card is written in, for a client locale tag.</summary>
public sealed class LocalePolicy(LocalizationOptions options)
{
    public Locale For(string? clientLocale) =>
        Locale.FromTag(string.IsNullOrWhiteSpace(options.Locale) ? clientLocale : options.Locale);
}
