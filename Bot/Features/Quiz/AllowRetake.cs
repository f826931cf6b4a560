using TalkBot.Bot.Features.Talks;
using TalkBot.Domain.Records;

namespace TalkBot.Bot.Features.Quiz;

/// <summary>
/// 允许重新测试: the organiser (or the discipline office of that level) allows a talkee another attempt; the talkee is
/// told (<see cref="QuizNews"/>, planned with the save).
/// </summary>
public sealed class AllowRetake(TalkStore talks, QuizStore quizzes, PeopleDirectory directory, FollowUps followUps, WorkingCalendar calendar) : ICardAction
{
    public string Verb => Verbs.QuizRetake;

    public async Task<AdaptiveCard> ExecuteAsync(CardActionRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var locale = request.Locale;
        var talk = TalkId.TryParse(request.Text(DataKeys.TalkId), out var talkId)
            ? await talks.GetAsync(talkId, cancellationToken).ConfigureAwait(false)
            : null;
        if (talk is null)
        {
            return QuizTalks.NotFound(locale);
        }

        var people = await directory.CurrentAsync(cancellationToken).ConfigureAwait(false);
        if (!RecordAccess.IsDisciplineOfficeOf(request.Actor, talk, people.Find(talk.Organiser)))
        {
            return RefusalCard.Build(locale, locale.Pick("允许重新测试", "allow a retake"));
        }

        var talkee = new PersonId(request.Text(DataKeys.Talkee) ?? "");
        if (!talk.IsTalkee(talkee))
        {
            return QuizTalks.NotFound(locale);
        }

        var stored = await quizzes.GetAsync(talk.Id, talkee, cancellationToken).ConfigureAwait(false);
        if (stored.Track.AllowRetake())
        {
            var allowed = new RetakeAllowed(talk.Id, talkee, stored.Track.RetakesAllowed);
            if (!await followUps.SaveAsync(allowed, allowed.Key, () => quizzes.SaveTrackAsync(stored, cancellationToken), cancellationToken).ConfigureAwait(false))
            {
                return QuizTalks.Busy(locale);
            }
        }

        return stored.Latest is { IsSubmitted: true } latest
            ? QuizScoreCard.Build(QuizTalks.ScoreView(talk, latest, stored.Track, people, calendar, canAllowRetake: true), locale)
            : RuleViolationCard.Build([RuleViolation.InvalidState("NotTaken", RuleSources.Quiz)], locale);
    }
}
