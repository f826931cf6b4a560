using TalkBot.Cards.AdaptiveCards;
using TalkBot.Cards.Localization;
using static TalkBot.Cards.Builders.CardParts;

namespace TalkBot.Cards.Builders;

/// <summary>A single-use download link of an archive export, valid until <see cref="ExportLinkView.ExpiresAt"/>.</summary>
public sealed record ExportLinkView(string PersonName, Uri Url, DateTimeOffset ExpiresAt);

public static class ExportLinkCard
{
    public static AdaptiveCard Build(ExportLinkView view, Locale locale)
    {
        ArgumentNullException.ThrowIfNull(view);
        var title = locale.Pick($"导出个人廉政档案：{view.PersonName}", $"Archive export: {view.PersonName}");
        var card = NewCard(title);
        card.Body.Add(Heading(title));
        card.Body.Add(Paragraph(locale.Pick(
            $"下载链接只能使用一次，{DateText.DateTime(view.ExpiresAt, locale)}前有效。导出已记入审计日志（SPEC §6）；请按保密规定保管导出的文件。",
            $"The link works once, until {DateText.DateTime(view.ExpiresAt, locale)}. The export is in the audit log (SPEC §6); keep the file as confidential material.")));
        card.Body.Add(new AdaptiveActionSet { Actions = [new AdaptiveOpenUrlAction(view.Url) { Title = locale.Pick("下载 CSV", "Download CSV") }] });
        return card;
    }
}
