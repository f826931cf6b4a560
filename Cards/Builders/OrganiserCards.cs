using TalkBot.Cards.AdaptiveCards;
using TalkBot.Cards.Localization;
using TalkBot.Cards.Views;
using static TalkBot.Cards.Builders.CardParts;

namespace TalkBot.Cards.Builders;

/// <summary>For the organiser after creating a talk: the summary and, per talkee, whether the notice went out.</summary>
public static class TalkCreatedCard
{
    public static AdaptiveCard Build(TalkCreatedView view, Locale locale)
    {
        ArgumentNullException.ThrowIfNull(view);
        var title = locale.Pick("谈话已创建", "Talk created");
        var card = NewCard(title);
        card.Body.Add(Heading(title));
        card.Body.Add(Facts(
            (locale.Pick("谈话类型", "Kind"), Labels.Of(view.Kind, locale)),
            (locale.Pick("谈话方式", "Format"), Labels.Of(view.Format, locale)),
            (locale.Pick("谈话时间", "Time"), DateText.DateTime(view.Scheduled, locale)),
            (locale.Pick("谈话地点", "Place"), view.Place),
            (locale.Pick("谈话人", "Talker(s)"), Names(view.TalkerNames, locale)),
            (locale.Pick("记录人", "Recorder"), view.RecorderName),
            (locale.Pick("编号", "Reference"), view.TalkId.Value)));

        card.Body.Add(SubHeading(locale.Pick("通知书送达情况", "Notices")));
        card.Body.Add(new AdaptiveFactSet
        {
            Facts = [.. view.Deliveries.Select(d => new AdaptiveFact(d.TalkeeName, Outcome(d, locale)))],
        });

        var unreachable = view.Deliveries.Count(d => d.Outcome == DeliveryOutcome.Unreachable);
        if (unreachable > 0)
        {
            // 000 §四(一)3 still applies: the notice must reach these talkees some other way, in time.
            card.Body.Add(Attention([locale.Pick(
                $"有{unreachable}人未能在 Teams 中收到通知书，请另行送达，并确保提前2个工作日（000 §四(一)3）。",
                $"{unreachable} talkee(s) could not be reached in Teams. Deliver their notice another way, at least 2 working days ahead (000 §四(一)3).")]));
        }

        return card;
    }

    private static string Outcome(NoticeDelivery delivery, Locale locale) => delivery.Outcome switch
    {
        DeliveryOutcome.Sent => locale.Pick("已发送", "Sent"),
        _ when string.IsNullOrWhiteSpace(delivery.Reason) => locale.Pick("无法送达", "Unreachable"),
        _ => locale.Pick($"无法送达：{delivery.Reason}", $"Unreachable: {delivery.Reason}"),
    };
}

/// <summary>For the organiser: a talkee confirmed receipt of a notice (确认收到).</summary>
public static class AcknowledgementReceivedCard
{
    public static AdaptiveCard Build(AcknowledgementView view, Locale locale)
    {
        ArgumentNullException.ThrowIfNull(view);
        var line = locale.Pick(
            $"{view.TalkeeName}已确认收到{Labels.Of(view.Kind, locale)}通知书。",
            $"{view.TalkeeName} acknowledged the notice of the {Labels.Of(view.Kind, locale).ToLowerInvariant()}.");
        var card = NewCard(line);
        card.Body.Add(Status(line, AdaptiveContainerStyle.Good, AdaptiveTextColor.Good));
        card.Body.Add(Facts(
            (locale.Pick("确认时间", "Acknowledged"), DateText.DateTime(view.AcknowledgedAt, locale)),
            (locale.Pick("谈话时间", "Talk time"), DateText.DateTime(view.Scheduled, locale)),
            (locale.Pick("谈话地点", "Place"), view.Place),
            (locale.Pick("编号", "Reference"), view.TalkId.Value)));
        return card;
    }
}

/// <summary>For the organiser: a talkee asked to postpone (000 §四(五)1: with a reason, for the organiser to decide).</summary>
public static class PostponementRequestCard
{
    public static AdaptiveCard Build(PostponementRequestView view, Locale locale)
    {
        ArgumentNullException.ThrowIfNull(view);
        var line = locale.Pick(
            $"{view.TalkeeName}申请改期{Labels.Of(view.Kind, locale)}。",
            $"{view.TalkeeName} asks to postpone the {Labels.Of(view.Kind, locale).ToLowerInvariant()}.");
        var card = NewCard(line);
        card.Body.Add(Status(line, AdaptiveContainerStyle.Warning, AdaptiveTextColor.Warning));
        card.Body.Add(Facts(
            (locale.Pick("改期理由", "Reason"), view.Reason),
            (locale.Pick("申请时间", "Requested"), DateText.DateTime(view.RequestedAt, locale)),
            (locale.Pick("原定时间", "Scheduled"), DateText.DateTime(view.Scheduled, locale)),
            (locale.Pick("谈话地点", "Place"), view.Place),
            (locale.Pick("编号", "Reference"), view.TalkId.Value)));
        return card;
    }
}
