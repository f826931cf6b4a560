using Microsoft.Extensions.Time.Testing;
using TalkBot.Domain.Quiz;
using TalkBot.Domain.Talks;
using static TalkBot.Domain.Tests.At;

namespace TalkBot.Domain.Tests;

/// <summary>000 §三: 日常廉政谈话前应进行廉政常识测试 — who still owes the quiz on the eve.</summary>
public class QuizDueTests
{
    private static readonly PersonId Talkee = new("talkee");
    private readonly FakeTimeProvider _clock = new(Shanghai(2026, 3, 9, 9));

    private static Talk TalkOf(TalkKind kind) => Talk.Restore(
        new TalkId("t-1"), kind, [Talkee], [new PersonId("talker")], null, new PersonId("organiser"),
        Shanghai(2026, 3, 11), "room", D(2026, 3, 9), null, Shanghai(2026, 3, 9), TalkStatus.Scheduled);

    [Fact]
    public void RoutineTalk_NoAttempt_QuizIsOwed()
    {
        var track = QuizTrack.New(new TalkId("t-1"), Talkee);

        Assert.True(QuizDue.IsOwed(TalkOf(TalkKind.Routine), track, null, _clock.GetUtcNow()));
        Assert.False(QuizDue.HasTaken(track, null));
    }

    [Theory]
    [InlineData(TalkKind.Reminder)]
    [InlineData(TalkKind.Admonishment)]
    public void OtherKinds_OweNoQuiz(TalkKind kind) =>
        Assert.False(QuizDue.IsOwed(TalkOf(kind), QuizTrack.New(new TalkId("t-1"), Talkee), null, _clock.GetUtcNow()));

    [Fact]
    public void StartedButNotSubmitted_IsStillOwed_SubmittedIsNot()
    {
        var bank = QuizTests.SmallBank();
        var talk = TalkOf(TalkKind.Routine);
        var track = QuizTrack.New(talk.Id, Talkee);
        var attempt = track.StartAttempt(talk, bank, 3, new Random(5), _clock);

        Assert.True(QuizDue.IsOwed(talk, track, attempt, _clock.GetUtcNow()));

        attempt.Submit(Talkee, attempt.QuestionIds.ToDictionary(id => id, id => bank.Find(id)!.Answer), bank, _clock);

        Assert.False(QuizDue.IsOwed(talk, track, attempt, _clock.GetUtcNow()));
        Assert.True(QuizDue.HasTaken(track, attempt));
    }

    [Fact]
    public void OnceTheTalkHasBegun_NothingIsOwed() =>
        Assert.False(QuizDue.IsOwed(TalkOf(TalkKind.Routine), QuizTrack.New(new TalkId("t-1"), Talkee), null, Shanghai(2026, 3, 11, 10)));
}
