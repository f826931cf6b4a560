using TalkBot.Bot.Features.Quiz;
using TalkBot.Bot.Infrastructure.Hosting;
using TalkBot.Bot.Features.Talks;

namespace TalkBot.Bot.Features.Notices;

/// <summary>
/// What the talkee does with their notice. The notice is found by the talk id in the card data and the caller's own
/// identity, so a crafted invoke naming someone else's talk finds nothing and changes nothing. One query reads the talk,
/// the notice and the talkee's quiz; the change is one transaction guarded by the notice's ETag. On a concurrent write
/// (a Teams retry racing the first call) it reads again and re-applies; Domain makes the repeat a no-op, so exactly one
/// change is stored. The click waits on nobody's chat: the organiser's card is refreshed in place afterwards, coalesced
/// with the other answers (<see cref="TalkCard"/>), and the talkee's 我的通知 line is written once the click has its
/// answer (a line a crash leaves behind is mended by the card's next build).
/// </summary>
public abstract class AnswerNotice(
    TalkStore talks, PeopleDirectory directory, TalkeeNoticeCard noticeCard, Messenger messenger, BackgroundWork background, WorkingCalendar calendar,
    FollowUps followUps)
    : ICardAction
{
    public abstract string Verb { get; }

    /// <summary>The change Domain makes to the caller's notice; false when it is made already.</summary>
    protected abstract bool Change(Talk talk, Notice notice, CardActionRequest request);

    /// <summary>
    /// What is queued before the change is saved, besides the organiser's card refresh: queued first, so that a crash
    /// right after the save loses none of it; whatever reads it later reads the stored notice, not this change.
    /// </summary>
    protected virtual Task BeforeSaveAsync(Talk talk, Notice notice, CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task<AdaptiveCard> ExecuteAsync(CardActionRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!TalkId.TryParse(request.Text(DataKeys.TalkId), out var id))
        {
            return NotFound(request.Locale);
        }

        return await Optimistic.RetryAsync<AdaptiveCard>(async () =>
        {
            var read = await talks.ReadForTalkeeAsync(id, request.Actor.Id, cancellationToken).ConfigureAwait(false);
            if (read is not { Talk: { } stored, Notice: { } notice })
            {
                return NotFound(request.Locale);
            }

            var talk = stored.Talk;
            if (Change(talk, notice.Notice, request))
            {
                if (stored.OrganiserCard is not null)
                {
                    await messenger.RefreshAsync(talk.Organiser, TalkCard.Of(talk.Id), cancellationToken).ConfigureAwait(false);
                }

                await BeforeSaveAsync(talk, notice.Notice, cancellationToken).ConfigureAwait(false);
                if (!await talks.SaveNoticeAsync(notice, null, null, request.Turn.Activity.Id, cancellationToken).ConfigureAwait(false))
                {
                    return Optimistic.Again;
                }

                background.Start("notice line of " + talk.Id.Value, ct => talks.IndexNoticeAsync(talk, notice.Notice, ct));
                var changed = new NoticeChanged(talk.Id, notice.Notice.Talkee, notice.Notice.Status.ToString());
                followUps.StartAfterSave(changed, changed.Key);
            }

            return await CardAsync(talk, notice.Notice, QuizStore.FromRows(talk.Id, request.Actor.Id, read.Rows), request, null, cancellationToken).ConfigureAwait(false);
        }, () => ErrorCard.Busy(request.Locale, "该通知书", "The notice")).ConfigureAwait(false);
    }

    /// <summary>A refused answer (a postponement without a reason, a notice answered already): the notice, with why.</summary>
    public async Task<AdaptiveCard> RefusedAsync(CardActionRequest request, Refusal refusal, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(refusal);
        return TalkId.TryParse(request.Text(DataKeys.TalkId), out var id)
            && await talks.ReadForTalkeeAsync(id, request.Actor.Id, cancellationToken).ConfigureAwait(false) is { Talk.Talk: { } talk, Notice: { } notice } read
            ? await CardAsync(talk, notice.Notice, QuizStore.FromRows(talk.Id, request.Actor.Id, read.Rows), request, refusal.Messages, cancellationToken).ConfigureAwait(false)
            : NotFound(request.Locale);
    }

    private async Task<AdaptiveCard> CardAsync(Talk talk, Notice notice, StoredQuiz quiz, CardActionRequest request, IReadOnlyList<string>? problems, CancellationToken cancellationToken)
    {
        var context = (await directory.CurrentAsync(cancellationToken).ConfigureAwait(false)).Context(calendar);
        return noticeCard.Build(talk, notice, quiz, context, request.Locale, request.Turn.Activity.From?.Id, problems);
    }

    protected static AdaptiveCard NotFound(Locale locale) => ErrorCard.Build(
        locale.Pick("未找到您的谈话通知书", "Notice not found"),
        [locale.Pick("没有找到发给您的这份通知书。它可能已被撤销，或并非发给您。", "There is no such notice addressed to you. It may have been withdrawn, or it was not sent to you.")],
        locale);
}

/// <summary>确认收到: the talkee confirms receipt of the notice (000 §四(一)3); the organiser's card shows it.</summary>
public sealed class AcknowledgeNotice(
    TalkStore talks, PeopleDirectory directory, TalkeeNoticeCard noticeCard, Messenger messenger, BackgroundWork background, WorkingCalendar calendar, FollowUps followUps, TimeProvider time)
    : AnswerNotice(talks, directory, noticeCard, messenger, background, calendar, followUps)
{
    public override string Verb => Verbs.NoticeAcknowledge;

    protected override bool Change(Talk talk, Notice notice, CardActionRequest request)
    {
        ArgumentNullException.ThrowIfNull(talk);
        talk.EnsureNotCancelled();
        return notice.Acknowledge(request.Actor.Id, time);
    }
}

/// <summary>
/// 申请改期: the talkee asks to postpone, with a reason, for the organiser to decide (000 §四(五)1): besides their card,
/// the organiser is told in their next digest of postponements.
/// </summary>
public sealed class PostponeNotice(
    TalkStore talks, PeopleDirectory directory, TalkeeNoticeCard noticeCard, Messenger messenger, BackgroundWork background, PostponementDigest digest,
    PostponementReminders reminders, WorkingCalendar calendar, FollowUps followUps, TimeProvider time)
    : AnswerNotice(talks, directory, noticeCard, messenger, background, calendar, followUps)
{
    public override string Verb => Verbs.NoticePostpone;

    protected override bool Change(Talk talk, Notice notice, CardActionRequest request)
    {
        ArgumentNullException.ThrowIfNull(talk);
        talk.EnsureNotCancelled();
        return notice.RequestPostponement(request.Actor.Id, request.Text(DataKeys.Reason), time);
    }

    // The digest now, and reminders (then escalations) until the organiser decides.
    protected override async Task BeforeSaveAsync(Talk talk, Notice notice, CancellationToken cancellationToken)
    {
        await digest.AddAsync(talk, notice, cancellationToken).ConfigureAwait(false);
        await reminders.PlanAsync(talk, notice, cancellationToken).ConfigureAwait(false);
    }
}

/// <summary>The notice card's refresh (and its link from "my notices"): the notice as it stands, unchanged.</summary>
public sealed class RefreshNotice(
    TalkStore talks, PeopleDirectory directory, TalkeeNoticeCard noticeCard, Messenger messenger, BackgroundWork background, WorkingCalendar calendar,
    FollowUps followUps)
    : AnswerNotice(talks, directory, noticeCard, messenger, background, calendar, followUps)
{
    public override string Verb => Verbs.NoticeRefresh;

    protected override bool Change(Talk talk, Notice notice, CardActionRequest request) => false;
}
