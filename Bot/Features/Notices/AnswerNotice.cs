using TalkBot.Bot.Features.Quiz;
using TalkBot.Bot.Features.Talks;

namespace TalkBot.Bot.Features.Notices;

/// <summary>
/// What the talkee does with their notice. The notice is found by the talk id in the card data and the caller's own
/// identity, so a crafted invoke naming someone else's talk finds nothing and changes nothing. On a concurrent write (a
/// Teams retry racing the first call) it reads again and re-applies; Domain makes the repeat a no-op, so exactly one
/// change is stored and the organiser is told once.
/// </summary>
public abstract class AnswerNotice(TalkStore talks, PeopleDirectory directory, TalkeeNoticeCard noticeCard, Messenger messenger, WorkingCalendar calendar)
    : ICardAction
{
    public abstract string Verb { get; }

    /// <summary>The change Domain makes to the caller's notice; false when it is made already.</summary>
    protected abstract bool Change(Notice notice, CardActionRequest request);

    /// <summary>What the organiser is told once the change is stored; null for nothing.</summary>
    protected abstract AdaptiveCard? ForOrganiser(Talk talk, Notice notice, ViewContext context, Locale locale);

    public async Task<AdaptiveCard> ExecuteAsync(CardActionRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (await TalkAsync(request, cancellationToken).ConfigureAwait(false) is not { } talk)
        {
            return NotFound(request.Locale);
        }

        return await Optimistic.RetryAsync<AdaptiveCard>(async () =>
        {
            if (await talks.GetNoticeAsync(talk.Id, request.Actor.Id, cancellationToken).ConfigureAwait(false) is not { } stored)
            {
                return NotFound(request.Locale);
            }

            if (Change(stored.Notice, request))
            {
                if (!await talks.SaveNoticeAsync(stored, null, null, request.Turn.Activity.Id, cancellationToken).ConfigureAwait(false))
                {
                    return Optimistic.Again;
                }

                var context = (await directory.CurrentAsync(cancellationToken).ConfigureAwait(false)).Context(calendar);
                await messenger.TellAsync(talk.Organiser, locale => ForOrganiser(talk, stored.Notice, context, locale)!, cancellationToken).ConfigureAwait(false);
            }

            return await CardAsync(talk, stored.Notice, request, null, cancellationToken).ConfigureAwait(false);
        }, () => ErrorCard.Busy(request.Locale, "该通知书", "The notice")).ConfigureAwait(false);
    }

    /// <summary>A refused answer (a postponement without a reason, a notice answered already): the notice, with why.</summary>
    public async Task<AdaptiveCard> RefusedAsync(CardActionRequest request, Refusal refusal, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(refusal);
        return await TalkAsync(request, cancellationToken).ConfigureAwait(false) is { } talk
            && await talks.GetNoticeAsync(talk.Id, request.Actor.Id, cancellationToken).ConfigureAwait(false) is { } stored
            ? await CardAsync(talk, stored.Notice, request, refusal.Messages, cancellationToken).ConfigureAwait(false)
            : NotFound(request.Locale);
    }

    protected async Task<Talk?> TalkAsync(CardActionRequest request, CancellationToken cancellationToken) =>
        TalkId.TryParse(request?.Text(DataKeys.TalkId), out var talkId) ? await talks.GetAsync(talkId, cancellationToken).ConfigureAwait(false) : null;

    private async Task<AdaptiveCard> CardAsync(Talk talk, Notice notice, CardActionRequest request, IReadOnlyList<string>? problems, CancellationToken cancellationToken)
    {
        var context = (await directory.CurrentAsync(cancellationToken).ConfigureAwait(false)).Context(calendar);
        return await noticeCard.BuildAsync(talk, notice, context, request.Locale, request.Turn.Activity.From?.Id, problems, cancellationToken).ConfigureAwait(false);
    }

    protected static AdaptiveCard NotFound(Locale locale) => ErrorCard.Build(
        locale.Pick("未找到您的谈话通知书", "Notice not found"),
        [locale.Pick("没有找到发给您的这份通知书。它可能已被撤销，或并非发给您。", "There is no such notice addressed to you. It may have been withdrawn, or it was not sent to you.")],
        locale);
}

/// <summary>确认收到: the talkee confirms receipt of the notice (000 §四(一)3); the organiser is told.</summary>
public sealed class AcknowledgeNotice(TalkStore talks, PeopleDirectory directory, TalkeeNoticeCard noticeCard, Messenger messenger, WorkingCalendar calendar, TimeProvider time)
    : AnswerNotice(talks, directory, noticeCard, messenger, calendar)
{
    public override string Verb => Verbs.NoticeAcknowledge;

    protected override bool Change(Notice notice, CardActionRequest request) => notice.Acknowledge(request.Actor.Id, time);

    protected override AdaptiveCard ForOrganiser(Talk talk, Notice notice, ViewContext context, Locale locale) =>
        AcknowledgementReceivedCard.Build(NoticeViews.Acknowledged(talk, notice, context), locale);
}

/// <summary>申请改期: the talkee asks to postpone, with a reason, for the organiser to decide (000 §四(五)1).</summary>
public sealed class PostponeNotice(TalkStore talks, PeopleDirectory directory, TalkeeNoticeCard noticeCard, Messenger messenger, WorkingCalendar calendar, TimeProvider time)
    : AnswerNotice(talks, directory, noticeCard, messenger, calendar)
{
    public override string Verb => Verbs.NoticePostpone;

    protected override bool Change(Notice notice, CardActionRequest request) => notice.RequestPostponement(request.Actor.Id, request.Text(DataKeys.Reason), time);

    protected override AdaptiveCard ForOrganiser(Talk talk, Notice notice, ViewContext context, Locale locale) =>
        PostponementRequestCard.Build(NoticeViews.PostponementRequested(talk, notice, context), locale);
}

/// <summary>The notice card's refresh (and its link from "my notices"): the notice as it stands, unchanged.</summary>
public sealed class RefreshNotice(TalkStore talks, PeopleDirectory directory, TalkeeNoticeCard noticeCard, Messenger messenger, WorkingCalendar calendar)
    : AnswerNotice(talks, directory, noticeCard, messenger, calendar)
{
    public override string Verb => Verbs.NoticeRefresh;

    protected override bool Change(Notice notice, CardActionRequest request) => false;

    protected override AdaptiveCard? ForOrganiser(Talk talk, Notice notice, ViewContext context, Locale locale) => null;
}
