using TalkBot.Bot.Features.Talks;

namespace TalkBot.Bot.Features.Quiz;

/// <summary>
/// Who hears of the quiz once a change is stored (000 §三): the talkers and the organiser (who may allow a retake) see a
/// submitted score before the talk; a talkee allowed another attempt is told. Each reads the stored quiz (a save that
/// did not happen finds nothing to do) and keys its message by the change, so a re-run after a crash sends nothing twice.
/// </summary>
public sealed class QuizNews(TalkStore talks, QuizStore quizzes, PeopleDirectory directory, Messenger messenger, WorkingCalendar calendar)
    : IFollowUp<QuizSubmitted>, IFollowUp<RetakeAllowed>
{
    public async Task RunAsync(QuizSubmitted change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        if (await talks.GetAsync(change.Talk, cancellationToken).ConfigureAwait(false) is not { } talk
            || await quizzes.GetAsync(talk.Id, change.Talkee, cancellationToken).ConfigureAwait(false) is not { Latest: { IsSubmitted: true } latest } stored
            || latest.Number != change.Attempt)
        {
            return;
        }

        var people = await directory.CurrentAsync(cancellationToken).ConfigureAwait(false);
        await messenger.TellEachAsync(
            talk.Talkers.Append(talk.Organiser),
            (person, locale) => QuizScoreCard.Build(QuizTalks.ScoreView(talk, latest, stored.Track, people, calendar, canAllowRetake: person == talk.Organiser), locale),
            cancellationToken, change.Key).ConfigureAwait(false);
    }

    public async Task RunAsync(RetakeAllowed change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        if (await talks.GetAsync(change.Talk, cancellationToken).ConfigureAwait(false) is not { } talk
            || (await quizzes.GetAsync(talk.Id, change.Talkee, cancellationToken).ConfigureAwait(false)).Track.RetakesAllowed < change.Retakes)
        {
            return;
        }

        await messenger.TellAsync(change.Talkee, l => QuizRetakeCard.Build(talk.Id, calendar.ToLocal(talk.ScheduledAt), l), cancellationToken, change.Key).ConfigureAwait(false);
    }
}
