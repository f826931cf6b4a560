using TalkBot.Bot.Features.Talks;
using TalkBot.Domain.Quiz;

namespace TalkBot.Bot.Features.Quiz;

/// <summary>What the quiz actions share: finding the caller's own talk, the score view, and their error cards.</summary>
internal static class QuizTalks
{
    /// <summary>The talk named by the card data, only when the caller is one of its talkees: a crafted talk id finds nothing.</summary>
    public static async Task<Talk?> TalkOfTalkeeAsync(TalkStore talks, CardActionRequest request, CancellationToken cancellationToken)
    {
        if (!TalkId.TryParse(request.Text(DataKeys.TalkId), out var talkId))
        {
            return null;
        }

        var talk = await talks.GetAsync(talkId, cancellationToken).ConfigureAwait(false);
        return talk is not null && talk.IsTalkee(request.Actor.Id) ? talk : null;
    }

    public static QuizScoreView ScoreView(Talk talk, QuizAttempt attempt, QuizTrack track, PeopleLookup people, WorkingCalendar calendar, bool canAllowRetake) => new(
        talk.Id,
        attempt.Talkee,
        people.Name(attempt.Talkee),
        attempt.Number,
        attempt.Score,
        attempt.Total,
        calendar.ToLocal(attempt.SubmittedAt!.Value),
        calendar.ToLocal(talk.ScheduledAt),
        canAllowRetake,
        RetakeAllowed: attempt.IsSubmitted && track.CanStartAnother);

    public static AdaptiveCard NotFound(Locale locale) => ErrorCard.Build(
        locale.Pick("未找到您的廉政常识测试", "Quiz not found"),
        [locale.Pick("没有找到与您有关的这次测试。它可能已被撤销，或并非发给您。", "There is no such quiz of yours. It may have been withdrawn, or it is not yours.")],
        locale);

    public static AdaptiveCard Busy(Locale locale) => ErrorCard.Busy(locale, "该测试", "The quiz");
}
