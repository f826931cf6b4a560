using TalkBot.Cards.AdaptiveCards;
using TalkBot.Cards.Localization;
using TalkBot.Cards.Views;
using static TalkBot.Cards.Builders.CardParts;

namespace TalkBot.Cards.Builders;

/// <summary>
/// 审计日志 (SPEC §6: every view and export of records or archives is written to an audit log), newest first, for the
/// discipline office: when, who, what, which object, about whom. It never names a reporter: <see cref="AuditLine"/> has none.
/// </summary>
public static class AuditLogCard
{
    /// <summary>How much of an object's id a line shows: enough to tell objects apart, short enough to read.</summary>
    public const int ShortIdLength = 8;

    public static AdaptiveCard Build(AuditLogView view, Locale locale)
    {
        ArgumentNullException.ThrowIfNull(view);
        var title = locale.Pick("审计日志", "Audit log");
        var card = NewCard(title);
        card.Body.Add(Heading(title));
        card.Body.Add(Subtle(locale.Pick(
            "记录对问题线索、谈话记录、廉政档案和诫勉谈话的每次查看、导出和被拒绝的访问（SPEC §6）。查看本日志也记入日志。",
            "Every view, export and refused access of leads, talk records, archives and admonishments (SPEC §6). Viewing this log is logged too.")));
        if (view.Entries.Count == 0)
        {
            card.Body.Add(Paragraph(locale.Pick("暂无审计记录。", "Nothing logged yet.")));
            return card;
        }

        foreach (var entry in view.Entries)
        {
            card.Body.Add(Line(entry, locale));
        }

        return card;
    }

    /// <summary>The object id as a line shows it.</summary>
    public static string ShortId(string objectId)
    {
        ArgumentNullException.ThrowIfNull(objectId);
        return objectId.Length <= ShortIdLength ? objectId : objectId[..ShortIdLength];
    }

    private static AdaptiveTextBlock Line(AuditLine entry, Locale locale)
    {
        var refused = entry.Action is Domain.Audit.AuditAction.Refused or Domain.Audit.AuditAction.ApprovalRefused;
        var about = entry.SubjectName is { Length: > 0 } subject ? locale.Pick($"（{subject}）", $" ({subject})") : "";
        var text = locale.Pick(
            $"{DateText.DateTime(entry.At, locale)} {entry.ActorName}：{Labels.Of(entry.Action, locale)} {Labels.Of(entry.Object, locale)} {ShortId(entry.ObjectId)}{about}",
            $"{DateText.DateTime(entry.At, locale)} {entry.ActorName}: {Labels.Of(entry.Action, locale)} · {Labels.Of(entry.Object, locale)} {ShortId(entry.ObjectId)}{about}");
        return new AdaptiveTextBlock(text)
        {
            Wrap = true,
            Separator = true,
            Color = refused ? AdaptiveTextColor.Attention : AdaptiveTextColor.Default,
        };
    }
}
