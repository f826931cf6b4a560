using TalkBot.Bot.Features.Quiz;
using TalkBot.Domain.Quiz;

namespace TalkBot.Bot.Features.Records;

/// <summary>
/// For the record form of a routine talk: whether each talkee took the 廉政常识测试 before it (000 §三), read from the
/// quiz rows of the talk's own partition (two point reads per talkee, none for other kinds).
/// </summary>
public sealed class RecordQuizzes(QuizStore quizzes)
{
    public async Task<IReadOnlyList<RecordQuiz>?> ForAsync(Talk talk, PeopleLookup people, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(talk);
        ArgumentNullException.ThrowIfNull(people);
        if (talk.Kind != TalkKind.Routine)
        {
            return null;
        }

        var lines = new List<RecordQuiz>();
        foreach (var talkee in talk.Talkees)
        {
            var quiz = await quizzes.GetAsync(talk.Id, talkee, cancellationToken).ConfigureAwait(false);
            lines.Add(quiz.Latest is { IsSubmitted: true } latest
                ? new RecordQuiz(people.Name(talkee), true, latest.Score, latest.Total)
                : new RecordQuiz(people.Name(talkee), QuizDue.HasTaken(quiz.Track, quiz.Latest)));
        }

        return lines;
    }
}
