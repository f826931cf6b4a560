using TalkBot.Bot.Connector;
using TalkBot.Bot.Hosting;
using TalkBot.Bot.Storage;
using TalkBot.Bot.Talks;
using TalkBot.Cards;
using TalkBot.Cards.AdaptiveCards;
using TalkBot.Cards.Builders;
using TalkBot.Cards.Localization;
using TalkBot.Cards.Views;
using TalkBot.Domain;
using TalkBot.Domain.Rules;
using TalkBot.Domain.Talks;

namespace TalkBot.Bot.Handlers;

/// <summary>
/// What the talkee does with their notice. The notice is found by the talk id in the card data and the caller's
/// own identity, so a crafted invoke naming someone else's talk finds nothing and changes nothing.
/// </summary>
public sealed class NoticeActions(
    TalkRepository talks,
    QuizRepository quizzes,
    PeopleRepository peopleRepository,
    PersonMessenger messenger,
    NoticeViews views,
    TimeProvider time)
{
    private const int MaxAttempts = 3;

    /// <summary>
    /// Applies <paramref name="change"/> to the caller's notice and stores it. On a concurrent write (a Teams retry
    /// racing the first call) it reads again and re-applies; the domain makes the repeat a no-op, so exactly one
    /// change is stored and the organiser is told once.
    /// </summary>
    public async Task<AdaptiveCard> ApplyAsync(
        CardActionRequest request, Func<Notice, bool> change, Func<Talk, Notice, PeopleLookup, Locale, AdaptiveCard>? tellOrganiser,
        CancellationToken cancellationToken)
    {
        var locale = request.Locale;
        if (!TalkId.TryParse(request.Text(DataKeys.TalkId), out var talkId))
        {
            return NotFound(locale);
        }

        var talk = await talks.GetAsync(talkId, cancellationToken).ConfigureAwait(false);
        if (talk is null)
        {
            return NotFound(locale);
        }

        var people = await PeopleLookup.LoadAsync(peopleRepository, cancellationToken).ConfigureAwait(false);
        for (var attempt = 1; ; attempt++)
        {
            var stored = await talks.GetNoticeAsync(talk.Id, request.Actor.Id, cancellationToken).ConfigureAwait(false);
            if (stored is null)
            {
                return NotFound(locale);
            }

            bool changed;
            try
            {
                changed = change(stored.Notice);
            }
            catch (DomainRuleException e)
            {
                return await WithProblemsAsync(talk, stored.Notice, people, request, e.Violations.Select(v => RuleMessages.Describe(v, locale)), cancellationToken).ConfigureAwait(false);
            }

            if (!changed)
            {
                return await CardAsync(talk, stored.Notice, people, request, cancellationToken).ConfigureAwait(false);
            }

            if (await talks.SaveNoticeAsync(stored, null, null, request.Turn.Activity.Id, cancellationToken).ConfigureAwait(false))
            {
                if (tellOrganiser is not null)
                {
                    await messenger.TellAsync(talk.Organiser, locale => tellOrganiser(talk, stored.Notice, people, locale), cancellationToken).ConfigureAwait(false);
                }

                return await CardAsync(talk, stored.Notice, people, request, cancellationToken).ConfigureAwait(false);
            }

            if (attempt == MaxAttempts)
            {
                return ErrorCard.Busy(locale, "该通知书", "The notice");
            }
        }
    }

    /// <summary>The caller's notice as it stands now, without changing it (the card's refresh, "my notices").</summary>
    public Task<AdaptiveCard> ShowAsync(CardActionRequest request, CancellationToken cancellationToken) =>
        ApplyAsync(request, _ => false, null, cancellationToken);

    /// <summary>The notice card as the talkee sees it now, with the quiz line of a routine talk (000 §三).</summary>
    public async Task<AdaptiveCard> CardAsync(Talk talk, Notice notice, PeopleLookup people, CardActionRequest request, CancellationToken cancellationToken)
    {
        var quiz = talk.Kind == TalkKind.Routine
            ? QuizLine(talk, await quizzes.GetAsync(talk.Id, notice.Talkee, cancellationToken).ConfigureAwait(false), time.GetUtcNow())
            : null;
        return NoticeCard.Build(views.Notice(talk, notice, people, request.Locale, request.Turn.Activity.From?.Id) with { Quiz = quiz }, request.Locale);
    }

    /// <summary>The notice card with problems on top in attention colour.</summary>
    public async Task<AdaptiveCard> WithProblemsAsync(
        Talk talk, Notice notice, PeopleLookup people, CardActionRequest request, IEnumerable<string> problems, CancellationToken cancellationToken)
    {
        var card = await CardAsync(talk, notice, people, request, cancellationToken).ConfigureAwait(false);
        card.Body.Insert(0, CardParts.Attention(problems));
        return card;
    }

    /// <summary>Whether the talkee may start (or resume) the quiz, and the last score.</summary>
    public static NoticeQuiz QuizLine(Talk talk, StoredQuiz quiz, DateTimeOffset now)
    {
        var open = talk.Status == TalkStatus.Scheduled && now < talk.ScheduledAt;
        var latest = quiz.Latest;
        var canStart = open && (latest is { IsSubmitted: false } || quiz.Track.CanStartAnother);
        return latest is { IsSubmitted: true } ? new NoticeQuiz(canStart, latest.Score, latest.Total) : new NoticeQuiz(canStart);
    }

    private static AdaptiveCard NotFound(Locale locale) => ErrorCard.Build(
        locale.Pick("未找到您的谈话通知书", "Notice not found"),
        [locale.Pick("没有找到发给您的这份通知书。它可能已被撤销，或并非发给您。", "There is no such notice addressed to you. It may have been withdrawn, or it was not sent to you.")],
        locale);
}

/// <summary>确认收到: the talkee confirms receipt of the notice (000 §四(一)3).</summary>
public sealed class AcknowledgeNoticeAction(NoticeActions notices, NoticeViews views, TimeProvider time) : ICardAction
{
    public string Verb => Verbs.NoticeAcknowledge;

    public Task<AdaptiveCard> ExecuteAsync(CardActionRequest request, CancellationToken cancellationToken) =>
        notices.ApplyAsync(
            request,
            notice => notice.Acknowledge(request.Actor.Id, time),
            (talk, notice, people, locale) => AcknowledgementReceivedCard.Build(views.Acknowledged(talk, notice, people), locale),
            cancellationToken);
}

/// <summary>申请改期: the talkee asks to postpone, with a reason, for the organiser to decide (000 §四(五)1).</summary>
public sealed class PostponeNoticeAction(NoticeActions notices, NoticeViews views, TimeProvider time) : ICardAction
{
    public string Verb => Verbs.NoticePostpone;

    public Task<AdaptiveCard> ExecuteAsync(CardActionRequest request, CancellationToken cancellationToken) =>
        notices.ApplyAsync(
            request,
            notice => notice.RequestPostponement(request.Actor.Id, request.Text(DataKeys.Reason), time),
            (talk, notice, people, locale) => PostponementRequestCard.Build(views.PostponementRequested(talk, notice, people), locale),
            cancellationToken);
}

/// <summary>The notice card's refresh: shows the notice as it stands.</summary>
public sealed class RefreshNoticeAction(NoticeActions notices) : ICardAction
{
    public string Verb => Verbs.NoticeRefresh;

    public Task<AdaptiveCard> ExecuteAsync(CardActionRequest request, CancellationToken cancellationToken) =>
        notices.ShowAsync(request, cancellationToken);
}
