namespace TalkBot.Bot.Features.Quiz;

/// <summary>
/// The notice card as its talkee sees it now: the 《层级廉政谈话通知书》 with, for a routine talk, whether the 廉政常识测试
/// may be started and its last score (000 §三).
/// </summary>
public sealed class TalkeeNoticeCard(QuizStore quizzes, TimeProvider time)
{
    /// <param name="problems">Shown on top in attention colour (a refused answer).</param>
    public async Task<AdaptiveCard> BuildAsync(Talk talk, Notice notice, ViewContext context, Locale locale, string? talkeeMri,
        IReadOnlyList<string>? problems, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(talk);
        ArgumentNullException.ThrowIfNull(notice);
        var quiz = talk.Kind == TalkKind.Routine ? await quizzes.GetAsync(talk.Id, notice.Talkee, cancellationToken).ConfigureAwait(false) : null;
        return Build(talk, notice, quiz, context, locale, talkeeMri, problems);
    }

    /// <summary>The notice card with the quiz as already read (<see cref="QuizStore.FromRows"/>); no read of its own.</summary>
    public AdaptiveCard Build(Talk talk, Notice notice, StoredQuiz? quiz, ViewContext context, Locale locale, string? talkeeMri, IReadOnlyList<string>? problems)
    {
        ArgumentNullException.ThrowIfNull(talk);
        ArgumentNullException.ThrowIfNull(notice);
        var line = talk.Kind == TalkKind.Routine && quiz is not null ? QuizLine(talk, quiz, time.GetUtcNow()) : null;
        var card = NoticeCard.Build(NoticeViews.Notice(talk, notice, context, locale, talkeeMri) with { Quiz = line }, locale);
        if (problems is { Count: > 0 })
        {
            card.Body.Insert(0, CardParts.Attention(problems));
        }

        return card;
    }

    /// <summary>The first notice, before anyone could take the quiz: a routine talk's carries the button to start it.</summary>
    public static AdaptiveCard First(Talk talk, Notice notice, ViewContext context, Locale locale, string? talkeeMri)
    {
        ArgumentNullException.ThrowIfNull(talk);
        return NoticeCard.Build(NoticeViews.Notice(talk, notice, context, locale, talkeeMri) with
        {
            Quiz = talk.Kind == TalkKind.Routine ? new NoticeQuiz(CanStart: true) : null,
        }, locale);
    }

    /// <summary>Whether the talkee may start (or resume) the quiz, and the last score.</summary>
    public static NoticeQuiz QuizLine(Talk talk, StoredQuiz quiz, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(talk);
        ArgumentNullException.ThrowIfNull(quiz);
        var open = talk.Status == TalkStatus.Scheduled && now < talk.ScheduledAt;
        var latest = quiz.Latest;
        var canStart = open && (latest is { IsSubmitted: false } || quiz.Track.CanStartAnother);
        return latest is { IsSubmitted: true } ? new NoticeQuiz(canStart, latest.Score, latest.Total) : new NoticeQuiz(canStart);
    }
}
