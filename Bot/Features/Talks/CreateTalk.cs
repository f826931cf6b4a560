using TalkBot.Bot.Infrastructure.Hosting;

namespace TalkBot.Bot.Features.Talks;

/// <summary>
/// 创建并发送通知书 on the create-talk form (talk.create): an ordinary talk. A talk for a lead or a case is arranged from
/// the lead or the case (their own verbs); ids of them in this form's data are ignored, and a reminder or admonishment
/// kind crafted into it is refused by Domain (Talk.Schedule: 000 §三2–3, 002 §四2).
/// </summary>
public sealed class CreateTalk(TalkArranger arranger, WorkingCalendar calendar, TalkOptions options, TimeProvider time) : ICardAction
{
    public string Verb => Verbs.TalkCreate;

    public Task<AdaptiveCard> ExecuteAsync(CardActionRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return arranger.CreateAsync(request, new TalkArrangement((id, draft) => Talk.Schedule(id, draft, request.Actor, calendar, options.Policy, time)),
            cancellationToken);
    }

    public Task<AdaptiveCard> RefusedAsync(CardActionRequest request, Refusal refusal, CancellationToken cancellationToken) =>
        arranger.RefusedAsync(request, null, refusal, cancellationToken);
}
