namespace TalkBot.Cards.Localization;

/// <summary>The UI language of a card. zh-CN is the default; en-US is chosen when the activity's locale is English.</summary>
public sealed record Locale
{
    public static readonly Locale ZhCn = new("zh-CN");
    public static readonly Locale EnUs = new("en-US");

    private Locale(string tag) => Tag = tag;

    /// <summary>BCP 47 tag, as Teams sends it in <c>activity.locale</c>.</summary>
    public string Tag { get; }

    public bool IsChinese => ReferenceEquals(this, ZhCn);

    /// <summary>EnUs for any "en…" tag (en, en-US, en-GB); ZhCn for everything else, including null.</summary>
    public static Locale FromTag(string? tag) =>
        tag is not null && tag.StartsWith("en", StringComparison.OrdinalIgnoreCase) ? EnUs : ZhCn;

    /// <summary>Picks the text for this locale; keeps both languages side by side at the call site.</summary>
    public string Pick(string zh, string en) => IsChinese ? zh : en;

    public override string ToString() => Tag;
}
