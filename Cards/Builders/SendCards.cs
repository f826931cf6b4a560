using TalkBot.Cards.AdaptiveCards;
using TalkBot.Cards.Localization;
using static TalkBot.Cards.Builders.CardParts;

namespace TalkBot.Cards.Builders;

/// <summary>Why a message could not reach a person (PROTOCOL §9).</summary>
public enum UnreachableReason
{
    /// <summary>They never opened a chat with TalkBot.</summary>
    NotInstalled,
    /// <summary>403: they blocked or removed TalkBot.</summary>
    Blocked,
    /// <summary>404: the conversation no longer exists.</summary>
    ConversationGone,
}

/// <summary>A message that did not reach someone, told to whoever must now reach them another way.</summary>
public sealed record UnreachableView(string PersonName, string AboutZh, string AboutEn, UnreachableReason Reason);

/// <summary>One send that failed after every retry.</summary>
public sealed record FailedSendView(string PersonName, string? AboutZh, string? AboutEn, DateTimeOffset At, int? HttpStatus);

/// <summary>The discipline office's cards about proactive sends: unreachable people, and the failed list with "resend to failed".</summary>
public static class SendCards
{
    public static AdaptiveCard Unreachable(UnreachableView view, Locale locale)
    {
        ArgumentNullException.ThrowIfNull(view);
        var title = locale.Pick("消息无法送达", "Message not delivered");
        var card = NewCard($"{title}: {view.PersonName}");
        card.Body.Add(Heading(title));
        card.Body.Add(Status(locale.Pick("需另行通知", "Tell them another way"), AdaptiveContainerStyle.Attention, AdaptiveTextColor.Attention));
        card.Body.Add(Paragraph(locale.Pick($"发给{view.PersonName}的消息未能送达：{view.AboutZh}。", $"A message to {view.PersonName} was not delivered: {view.AboutEn}.")));
        card.Body.Add(Paragraph(view.Reason switch
        {
            UnreachableReason.NotInstalled => locale.Pick("原因：对方尚未打开 TalkBot。", "Reason: they have never opened TalkBot."),
            UnreachableReason.ConversationGone => locale.Pick("原因：与对方的会话已不存在。", "Reason: the conversation no longer exists."),
            _ => locale.Pick("原因：对方已屏蔽或卸载 TalkBot。", "Reason: they blocked or removed TalkBot."),
        }));
        card.Body.Add(Paragraph(locale.Pick($"请当面或电话通知{view.PersonName}本人。", $"Please tell {view.PersonName} in person or by phone.")));
        return card;
    }

    /// <param name="zone">The time zone in which the times are shown.</param>
    public static AdaptiveCard FailedList(IReadOnlyList<FailedSendView> failed, TimeZoneInfo zone, Locale locale)
    {
        ArgumentNullException.ThrowIfNull(failed);
        ArgumentNullException.ThrowIfNull(zone);
        var title = locale.Pick("发送失败的消息", "Failed sends");
        var card = NewCard(title);
        card.Body.Add(Heading(title));
        if (failed.Count == 0)
        {
            card.Body.Add(Paragraph(locale.Pick("没有发送失败的消息。", "No send has failed.")));
            return card;
        }

        card.Body.Add(Paragraph(locale.Pick(
            $"以下 {failed.Count} 条消息多次重试后仍未发出（Teams 限流或服务不可用）。",
            $"These {failed.Count} messages were not sent after every retry (Teams throttling or unavailable).")));
        card.Body.Add(Bullets(failed.Select(f =>
        {
            var when = DateText.DateTime(TimeZoneInfo.ConvertTime(f.At, zone), locale);
            var about = locale.Pick(f.AboutZh ?? "消息", f.AboutEn ?? "a message");
            var status = f.HttpStatus is { } code ? $"HTTP {code}" : locale.Pick("网络错误", "network error");
            return locale.Pick($"{f.PersonName}：{about}（{when}，{status}）", $"{f.PersonName}: {about} ({when}, {status})");
        })));
        card.Body.Add(CardActions.Set(CardActions.Execute(Verbs.SendResend, locale.Pick("全部重发", "Resend all"), null, AdaptiveActionStyle.Positive, AdaptiveAssociatedInputs.None)));
        return card;
    }

    public static AdaptiveCard Requeued(int count, Locale locale)
    {
        var title = count == 0
            ? locale.Pick("没有需要重发的消息", "Nothing to resend")
            : locale.Pick($"已重新发送 {count} 条消息", $"{count} messages queued again");
        var card = NewCard(title);
        card.Body.Add(Heading(title));
        card.Body.Add(Paragraph(count == 0
            ? locale.Pick("发送失败的消息已全部处理。", "Every failed send has been dealt with.")
            : locale.Pick("消息将按 Teams 的频率限制陆续发出；仍失败的会再次列入「发送失败」。", "They go out within Teams' rate limits; any that fail again are listed under failed sends.")));
        card.Body.Add(CardActions.Set(CardActions.Execute(Verbs.SendFailed, locale.Pick("查看发送失败", "Show failed sends"))));
        return card;
    }
}
