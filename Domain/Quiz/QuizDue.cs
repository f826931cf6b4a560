using TalkBot.Domain.Talks;

namespace TalkBot.Domain.Quiz;

/// <summary>000 §三: 日常廉政谈话前应进行廉政常识测试 — whether a talkee has taken the quiz, and whether they still owe it.</summary>
public static class QuizDue
{
    /// <summary>
    /// Taken once an attempt was submitted. A retake is only ever allowed after a submitted attempt, so a track with more
    /// than one attempt was taken even while the retake is still open.
    /// </summary>
    public static bool HasTaken(QuizTrack track, QuizAttempt? latest)
    {
        ArgumentNullException.ThrowIfNull(track);
        return latest is { IsSubmitted: true } || track.Attempts > 1;
    }

    /// <summary>The talkee of a routine talk that has not yet begun and who has not taken the quiz still owes it.</summary>
    public static bool IsOwed(Talk talk, QuizTrack track, QuizAttempt? latest, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(talk);
        return talk.Kind == TalkKind.Routine && talk.Status == TalkStatus.Scheduled && now < talk.ScheduledAt && !HasTaken(track, latest);
    }
}
