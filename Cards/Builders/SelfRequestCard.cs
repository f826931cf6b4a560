using TalkBot.Cards.AdaptiveCards;
using TalkBot.Cards.Localization;
using TalkBot.Cards.Views;
using static TalkBot.Cards.Builders.CardParts;
using static TalkBot.Cards.Builders.CaseParts;

namespace TalkBot.Cards.Builders;

/// <summary>
/// 申请诫勉谈话 (002 §五4: 应提倡鼓励责任对象，在意识到自己的问题需要说明时，能主动找责任人接受诫勉谈话教育): the cadre
/// says what needs explaining; once sent, the card says so and asks nothing more.
/// </summary>
public static class SelfRequestCard
{
    public const int MaxRequestLength = 2000;

    public static AdaptiveCard Build(SelfRequestView view, Locale locale)
    {
        ArgumentNullException.ThrowIfNull(view);
        var title = locale.Pick("申请诫勉谈话", "Ask for an admonishment talk");
        var card = NewCard(title);
        card.Body.Add(Heading(title));
        if (view.Sent)
        {
            card.Body.Add(Status(locale.Pick("已提交，纪委办将与您联系。", "Sent. The discipline office will contact you."), AdaptiveContainerStyle.Good, AdaptiveTextColor.Good));
            if (view.Reason is { Length: > 0 } reason)
            {
                card.Body.Add(SubHeading(Labels.CaseField(CaseFields.Request, locale)!));
                card.Body.Add(Paragraph(reason));
            }

            return card;
        }

        AddNoticeAndErrors(card, null, view.Errors);
        card.Body.Add(Paragraph(locale.Pick(
            "意识到自己的问题需要说明时，可以主动找责任人接受诫勉谈话教育（002 §五4）。纪委办（监察处）收到申请后，将提出诫勉谈话建议并按干部管理权限报批。",
            "When you realise a problem of yours needs explaining, you may ask for an admonishment talk yourself (002 §五4). The discipline office then writes the proposal, which is approved as any other.")));
        var label = Labels.CaseField(CaseFields.Request, locale)!;
        card.Body.Add(new AdaptiveTextInput
        {
            Id = CaseFields.Request,
            Label = label,
            IsMultiline = true,
            IsRequired = true,
            ErrorMessage = Fill(label, locale),
            MaxLength = MaxRequestLength,
            Value = view.Reason,
        });
        card.Body.Add(CardActions.Set(CardActions.Execute(Verbs.CaseRequest, locale.Pick("提交申请", "Send the request"),
            new Dictionary<string, string> { [DataKeys.FormId] = view.FormId }, AdaptiveActionStyle.Positive)));
        return card;
    }
}
