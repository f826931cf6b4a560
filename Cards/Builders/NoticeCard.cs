using TalkBot.Cards.AdaptiveCards;
using TalkBot.Cards.Localization;
using TalkBot.Cards.Views;
using static TalkBot.Cards.Builders.CardParts;

namespace TalkBot.Cards.Builders;

/// <summary>
/// The notice of a talk (000 §四(一)3), titled for its kind (<see cref="Labels.NoticeTitle"/>): time, place and talker(s), and what to prepare. Pending notices offer
/// 确认收到 and 申请改期; the card refreshes itself (notice.refresh) so the talkee always sees the current state.
/// </summary>
public static class NoticeCard
{
    public static AdaptiveCard Build(NoticeView view, Locale locale)
    {
        ArgumentNullException.ThrowIfNull(view);
        var title = Labels.NoticeTitle(view.Kind, locale);
        var when = DateText.DateTime(view.Scheduled, locale);
        var card = NewCard($"{title} {when} {view.Place}");
        card.Refresh = new AdaptiveRefresh(CardActions.Execute(Verbs.NoticeRefresh, locale.Pick("刷新", "Refresh"), TalkIds(view)))
        {
            UserIds = view.TalkeeMri is null ? null : [view.TalkeeMri],
        };

        card.Body.Add(Heading(title));
        card.Body.Add(Paragraph(locale.Pick(
            $"{view.TalkeeName}同志：请按以下时间、地点接受{Labels.Of(view.Kind, locale)}。",
            $"Dear {view.TalkeeName}, you are asked to attend an {Labels.Of(view.Kind, locale).ToLowerInvariant()} as follows.")));
        card.Body.Add(Facts(
            (locale.Pick("谈话时间", "Time"), when),
            (locale.Pick("谈话地点", "Place"), view.Place),
            (locale.Pick("谈话人", "Talker(s)"), Names(view.TalkerNames, locale)),
            (locale.Pick("记录人", "Recorder"), view.RecorderName),
            (locale.Pick("谈话类型", "Kind"), Labels.Of(view.Kind, locale)),
            (locale.Pick("谈话方式", "Format"), Labels.Of(view.Format, locale)),
            (locale.Pick("通知人", "Organiser"), view.OrganiserName)));

        if (view.PreparationItems.Count > 0)
        {
            card.Body.Add(SubHeading(locale.Pick("请做好以下准备", "Please prepare")));
            card.Body.Add(Bullets(view.PreparationItems));
        }

        if (view.Moved is { } moved && view.State is not NoticeState.Cancelled)
        {
            card.Body.Add(Status(TalkChangeCards.MovedLine(moved, view.Scheduled, locale), AdaptiveContainerStyle.Accent, AdaptiveTextColor.Accent));
        }

        if (view.Quiz is { } quiz && view.State is not NoticeState.Cancelled)
        {
            // 000 §三: a routine talk is preceded by the integrity knowledge quiz.
            card.Body.Add(SubHeading(locale.Pick("廉政常识测试", "Integrity knowledge quiz")));
            card.Body.Add(Paragraph(quiz.Score is { } score
                ? locale.Pick($"已完成，得分 {score} / {quiz.Total}。", $"Taken: {score} / {quiz.Total}.")
                : locale.Pick("日常廉政谈话前须完成廉政常识测试（000 §三）。", "Please take the integrity quiz before the talk (000 §三).")));
            if (quiz.CanStart)
            {
                card.Body.Add(CardActions.Set(CardActions.Execute(
                    Verbs.QuizStart, quiz.Score is null ? locale.Pick("开始测试", "Start the quiz") : locale.Pick("重新测试", "Retake the quiz"),
                    TalkIds(view), associatedInputs: AdaptiveAssociatedInputs.None)));
            }
        }

        // 000 §四(五): the talkee's duties, stated on the notice itself.
        card.Body.Add(Subtle(locale.Pick(
            "请按通知的时间到达谈话地点，不得无故推诿、拖延；确需改期的，请说明理由并经组织方同意。谈话内容须如实说明并严格保密。",
            "Please attend at the notified time and place. If you must postpone, give your reason; the organiser decides. Answer truthfully and keep the talk confidential.")));

        switch (view.State)
        {
            case NoticeState.Pending:
                card.Body.Add(Answers(view, locale));
                break;
            case NoticeState.PostponementRefused refused:
                // 000 §四(五)1: refused, the talkee attends at the notified time; they acknowledge it, or ask again with a new reason.
                card.Body.Add(Status(
                    locale.Pick($"组织方不同意改期（{DateText.DateTime(refused.At, locale)}），请按通知时间参加谈话。",
                        $"The organiser refused the postponement ({DateText.DateTime(refused.At, locale)}); please attend at the notified time."),
                    AdaptiveContainerStyle.Warning, AdaptiveTextColor.Warning));
                card.Body.Add(Facts((locale.Pick("不同意的理由", "Why"), refused.Reason), (locale.Pick("您的改期理由", "Your reason"), refused.RequestReason)));
                card.Body.Add(Answers(view, locale));
                break;
            case NoticeState.Cancelled cancelled:
                card.Body.Add(Status(
                    locale.Pick($"该谈话已撤销（{DateText.DateTime(cancelled.At, locale)}），无需参加。", $"This talk was cancelled ({DateText.DateTime(cancelled.At, locale)}); you need not attend."),
                    AdaptiveContainerStyle.Attention, AdaptiveTextColor.Attention));
                card.Body.Add(Facts((locale.Pick("撤销理由", "Reason"), cancelled.Reason)));
                break;
            case NoticeState.Acknowledged acknowledged:
                card.Body.Add(Status(
                    locale.Pick($"已确认（{DateText.DateTime(acknowledged.At, locale)}）", $"Acknowledged ({DateText.DateTime(acknowledged.At, locale)})"),
                    AdaptiveContainerStyle.Good, AdaptiveTextColor.Good));
                break;
            case NoticeState.PostponementRequested requested:
                card.Body.Add(Status(
                    locale.Pick($"改期申请已提交（{DateText.DateTime(requested.At, locale)}），等待组织方答复。",
                        $"Postponement requested ({DateText.DateTime(requested.At, locale)}); awaiting the organiser's decision."),
                    AdaptiveContainerStyle.Warning, AdaptiveTextColor.Warning));
                card.Body.Add(Facts((locale.Pick("改期理由", "Reason"), requested.Reason)));
                break;
            case NoticeState.Unreachable:
                card.Body.Add(Status(
                    locale.Pick("通知书未能在 Teams 中送达，请组织方另行通知。", "The notice could not be delivered in Teams; the organiser must notify the talkee another way."),
                    AdaptiveContainerStyle.Attention, AdaptiveTextColor.Attention));
                break;
        }

        return card;
    }

    // 确认收到 and 申请改期: a notice not yet answered, or answered by a refusal.
    private static AdaptiveActionSet Answers(NoticeView view, Locale locale) =>
        CardActions.Set(
            CardActions.Execute(Verbs.NoticeAcknowledge, locale.Pick("确认收到", "Acknowledge"), TalkIds(view),
                AdaptiveActionStyle.Positive, AdaptiveAssociatedInputs.None),
            new AdaptiveShowCardAction(PostponeForm(view, locale)) { Title = locale.Pick("申请改期", "Ask to postpone") });

    // 000 §四(五)1: a postponement needs a reason, and the organiser's approval.
    private static AdaptiveCard PostponeForm(NoticeView view, Locale locale)
    {
        var form = AdaptiveCard.Nested();
        form.Body.Add(new AdaptiveTextInput
        {
            Id = DataKeys.Reason,
            Label = locale.Pick("改期理由", "Reason for postponing"),
            Placeholder = locale.Pick("请说明需要改期的理由", "Why do you need to postpone?"),
            IsMultiline = true,
            IsRequired = true,
            MaxLength = 500,
            ErrorMessage = locale.Pick("申请改期须说明理由。", "Please give a reason."),
        });
        form.Actions.Add(CardActions.Execute(
            Verbs.NoticePostpone, locale.Pick("提交改期申请", "Send request"), TalkIds(view)));
        return form;
    }

    private static Dictionary<string, string> TalkIds(NoticeView view) => new() { [DataKeys.TalkId] = view.TalkId.Value };
}
