using TalkBot.Domain.Quiz;
using TalkBot.Domain.Statistics;
using TalkBot.Domain.Talks;
using static TalkBot.Domain.Tests.At;

namespace TalkBot.Domain.Tests;

/// <summary>
/// The figures a talk stands behind on the talk ledger (issue 15 §2: a figure opens the talks it counts) agree with what
/// <see cref="Counting.Talk"/> counts: who was notified (000 §四(一)3, §四(五)1) and whose quiz counts (000 §三).
/// </summary>
public class TalkFiguresTests
{
    private static readonly PersonId Talkee1 = new("k1");
    private static readonly PersonId Talkee2 = new("k2");
    private static readonly UnitId Unit1 = new("u1");

    private static Talk TalkWith(TalkStatus status, params PersonId[] talkees) => Talk.Restore(new TalkId("t1"), TalkKind.Routine, talkees, [new PersonId("talker")],
        null, new PersonId("org"), Shanghai(2026, 3, 26), "会议室", D(2026, 3, 24), null, Shanghai(2026, 3, 20), status);

    private static Dictionary<string, long> Sum(IEnumerable<Tally> tallies) =>
        tallies.GroupBy(t => t.Figure).ToDictionary(g => g.Key, g => g.Sum(t => t.Amount));

    [Theory]
    [InlineData(NoticeStatus.Sent, true, false)]
    [InlineData(NoticeStatus.PostponementRequested, true, false)]
    [InlineData(NoticeStatus.PostponementRefused, true, false)]
    [InlineData(NoticeStatus.Acknowledged, true, true)]
    [InlineData(NoticeStatus.Unreachable, false, false)]
    [InlineData(NoticeStatus.Created, false, false)]
    public void TalkFigures_NameTheTalkNotified_AsCountingCountsItsTalkee(NoticeStatus notice, bool notified, bool acknowledged)
    {
        var figures = StatisticsRules.TalkFigures(TalkStatus.Scheduled, null, [notice], false, []);
        var counted = Sum(Counting.Talk(TalkWith(TalkStatus.Scheduled, Talkee1), null, [new(Talkee1, Unit1, null, notice, null, null)]));

        Assert.Equal((notified, acknowledged), (figures.Contains(Figures.Notified), figures.Contains(Figures.Acknowledged)));
        Assert.Equal((notified, acknowledged), (counted.ContainsKey(Figures.Notified), counted.ContainsKey(Figures.Acknowledged)));
    }

    [Fact]
    public void TalkFigures_OfAGroupTalk_AreNotifiedWhenAnyTalkeeIs()
    {
        var figures = StatisticsRules.TalkFigures(TalkStatus.Scheduled, null, [NoticeStatus.Unreachable, NoticeStatus.Sent], false, []);

        Assert.Equal([Figures.Scheduled, Figures.Notified], figures);
    }

    [Fact]
    public void RefusedPostponement_CountsTheTalkeeNotified_ButNotAcknowledged()
    {
        var talk = TalkWith(TalkStatus.Scheduled, Talkee1, Talkee2);
        var all = Sum(Counting.Talk(talk, null,
        [
            new(Talkee1, Unit1, null, NoticeStatus.PostponementRefused, null, null),
            new(Talkee2, Unit1, null, NoticeStatus.Unreachable, null, null),
        ]));

        Assert.Equal(1, all[Figures.Notified]);
        Assert.False(all.ContainsKey(Figures.Acknowledged));
    }

    [Fact]
    public void CountedQuiz_IsTheLatestSubmittedAttempt_SoARetakeReplacesTheScore()
    {
        static QuizAttempt Attempt(int number, DateTimeOffset? submitted, int score) => QuizAttempt.Restore(new TalkId("t1"), Talkee1, number, ["q001", "q002"],
            Shanghai(2026, 3, 9), submitted, new Dictionary<string, IReadOnlySet<string>>(), score);

        var first = Attempt(1, Shanghai(2026, 3, 9, 10), 1);
        var retake = Attempt(2, Shanghai(2026, 3, 10, 10), 2);
        var started = Attempt(3, null, 0);

        Assert.Same(retake, StatisticsRules.CountedQuiz([first, retake, started]));
        Assert.Same(first, StatisticsRules.CountedQuiz([started, first]));
        Assert.Null(StatisticsRules.CountedQuiz([started]));
    }
}
