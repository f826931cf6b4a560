using TalkBot.Bot.Features.Talks;
using TalkBot.Domain.Quiz;

namespace TalkBot.Bot.Features.Quiz;

/// <summary>
/// 开始测试: the talkee of a routine talk starts the 廉政常识测试 (000 §三), or resumes the attempt in progress, so a
/// repeated click shows the same questions. The quiz arrives as a new message; the notice card stays, with its quiz line.
/// </summary>
public sealed class StartQuiz(
    TalkStore talks, QuizStore quizzes, PeopleDirectory directory, TalkeeNoticeCard noticeCard,
    QuestionBank bank, QuizOptions options, WorkingCalendar calendar, TimeProvider time) : ICardAction
{
    public string Verb => Verbs.QuizStart;

    public async Task<AdaptiveCard> ExecuteAsync(CardActionRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var locale = request.Locale;
        var talk = await QuizTalks.TalkOfTalkeeAsync(talks, request, cancellationToken).ConfigureAwait(false);
        var notice = talk is null ? null : await talks.GetNoticeAsync(talk.Id, request.Actor.Id, cancellationToken).ConfigureAwait(false);
        if (talk is null || notice is null)
        {
            return QuizTalks.NotFound(locale);
        }

        return await Optimistic.RetryAsync<AdaptiveCard>(async () =>
        {
            var stored = await quizzes.GetAsync(talk.Id, request.Actor.Id, cancellationToken).ConfigureAwait(false);
            var current = stored.Latest is { IsSubmitted: false } inProgress ? inProgress : null;
            if (current is null)
            {
                current = stored.Track.StartAttempt(talk, bank, options.Size, Random.Shared, time);
                if (!await quizzes.StartAsync(stored, current, cancellationToken).ConfigureAwait(false))
                {
                    return Optimistic.Again; // a double click started one at the same time: resume that one
                }
            }

            var questions = current.QuestionIds.Select(bank.Find).OfType<QuizQuestion>().ToList();
            await request.Turn.SendActivityAsync(
                CardMessages.Reply(request.Turn.Activity, QuizCard.Build(new QuizView(talk.Id, current.Number, calendar.ToLocal(talk.ScheduledAt), questions), locale)),
                cancellationToken).ConfigureAwait(false);
            var people = await directory.CurrentAsync(cancellationToken).ConfigureAwait(false);
            var card = await noticeCard.BuildAsync(talk, notice.Notice, people.Context(calendar), locale, request.Turn.Activity.From?.Id, null, cancellationToken)
                .ConfigureAwait(false);
            card.Body.Insert(0, CardParts.Status(
                locale.Pick("测试题已发送，请在下方作答。", "The quiz is below; please answer it."), AdaptiveContainerStyle.Accent, AdaptiveTextColor.Accent));
            return card;
        }, () => QuizTalks.Busy(locale)).ConfigureAwait(false);
    }

    /// <summary>The quiz may not start (not a routine talk, taken already, the talk has begun): the notice, with why.</summary>
    public async Task<AdaptiveCard> RefusedAsync(CardActionRequest request, Refusal refusal, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(refusal);
        var talk = await QuizTalks.TalkOfTalkeeAsync(talks, request, cancellationToken).ConfigureAwait(false);
        if (talk is null || await talks.GetNoticeAsync(talk.Id, request.Actor.Id, cancellationToken).ConfigureAwait(false) is not { } notice)
        {
            return QuizTalks.NotFound(request.Locale);
        }

        var people = await directory.CurrentAsync(cancellationToken).ConfigureAwait(false);
        return await noticeCard.BuildAsync(talk, notice.Notice, people.Context(calendar), request.Locale, request.Turn.Activity.From?.Id, refusal.Messages,
            cancellationToken).ConfigureAwait(false);
    }
}
