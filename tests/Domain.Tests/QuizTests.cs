using Microsoft.Extensions.Time.Testing;
using TalkBot.Domain.Quiz;
using TalkBot.Domain.Rules;
using TalkBot.Domain.Talks;
using static TalkBot.Domain.Tests.At;

namespace TalkBot.Domain.Tests;

public class QuizTests
{
    private static readonly PersonId Talkee = new("talkee");
    private readonly FakeTimeProvider _clock = Clock(Shanghai(2026, 3, 9, 9));

    internal static QuestionBank SmallBank() => QuestionBank.Of(
    [
        .. Enumerable.Range(1, 14).Select(i => new QuizQuestion(
            $"q{i:D3}",
            (QuizSource)(i % 7),
            i % 3 == 0 ? QuestionType.Multiple : QuestionType.Single,
            $"第{i}题",
            [new("A", "甲"), new("B", "乙"), new("C", "丙"), new("D", "丁")],
            i % 3 == 0 ? new HashSet<string> { "A", "C" } : new HashSet<string> { "B" },
            null)),
    ]);

    private static Talk RoutineTalk(TalkKind kind = TalkKind.Routine, TalkStatus status = TalkStatus.Scheduled) => Talk.Restore(
        new TalkId("t-1"), kind, [Talkee], [new PersonId("talker")], null, new PersonId("organiser"),
        Shanghai(2026, 3, 11), "room", D(2026, 3, 9), null, Shanghai(2026, 3, 9), status);

    private static Dictionary<string, IReadOnlySet<string>> AllCorrect(QuizAttempt attempt, QuestionBank bank) =>
        attempt.QuestionIds.ToDictionary(id => id, id => bank.Find(id)!.Answer);

    [Fact]
    public void ShippedBank_HasAtLeastFortyQuestions_FromEverySource_WithBothTypes()
    {
        var path = Path.Combine(AppContext.BaseDirectory, QuestionBank.ShippedDataPath);
        using var stream = File.OpenRead(path);

        var bank = QuestionBank.Load(path, stream);

        Assert.True(bank.Questions.Count >= 40, $"{bank.Questions.Count} questions");
        Assert.All(Enum.GetValues<QuizSource>(), source => Assert.Contains(bank.Questions, q => q.Source == source));
        Assert.Contains(bank.Questions, q => q.Type == QuestionType.Multiple);
        Assert.Contains(bank.Questions, q => q.Type == QuestionType.Single);
    }

    [Fact]
    public void Load_ReportsEveryBadQuestion()
    {
        const string json = """
            { "questions": [
              { "id": "a", "source": "FourForms", "type": "single", "text": "x", "options": [ { "key": "A", "text": "1" }, { "key": "B", "text": "2" } ], "answer": [ "A", "B" ] },
              { "id": "a", "source": "FourForms", "type": "multiple", "text": "y", "options": [ { "key": "A", "text": "1" }, { "key": "B", "text": "2" } ], "answer": [ "C" ] }
            ] }
            """;

        var e = Assert.Throws<InvalidDataException>(() => QuestionBank.Load("bad.json", new MemoryStream(System.Text.Encoding.UTF8.GetBytes(json))));

        Assert.Contains("exactly one answer", e.Message);
        Assert.Contains("used twice", e.Message);
        Assert.Contains("must name options", e.Message);
    }

    [Fact]
    public void Draw_GivesDistinctQuestions_CoveringEverySourceWhenLongEnough()
    {
        var bank = SmallBank();

        var drawn = bank.Draw(7, new Random(1));

        Assert.Equal(7, drawn.Distinct().Count());
        Assert.Equal(7, drawn.Select(id => bank.Find(id)!.Source).Distinct().Count());
        Assert.Equal(14, bank.Draw(50, new Random(2)).Count);
    }

    [Fact]
    public void Start_ThenSubmitAllCorrect_ScoresFull()
    {
        var bank = SmallBank();
        var track = QuizTrack.New(new TalkId("t-1"), Talkee);

        var attempt = track.StartAttempt(RoutineTalk(), bank, 5, new Random(3), _clock);
        var changed = attempt.Submit(Talkee, AllCorrect(attempt, bank), bank, _clock);

        Assert.True(changed);
        Assert.Equal(1, attempt.Number);
        Assert.Equal(5, attempt.Score);
        Assert.Equal(Shanghai(2026, 3, 9, 9), attempt.SubmittedAt);
    }

    [Fact]
    public void Submit_Twice_KeepsTheFirstAnswers()
    {
        var bank = SmallBank();
        var attempt = QuizTrack.New(new TalkId("t-1"), Talkee).StartAttempt(RoutineTalk(), bank, 3, new Random(4), _clock);
        attempt.Submit(Talkee, AllCorrect(attempt, bank), bank, _clock);
        var wrong = attempt.QuestionIds.ToDictionary(id => id, _ => (IReadOnlySet<string>)new HashSet<string> { "D" });

        Assert.False(attempt.Submit(Talkee, wrong, bank, _clock));

        Assert.Equal(3, attempt.Score);
    }

    [Fact]
    public void Submit_MultipleChoice_CountsOnlyTheExactSet()
    {
        var bank = SmallBank();
        var talk = RoutineTalk();
        var attempt = QuizAttempt.Restore(talk.Id, Talkee, 1, ["q003", "q006"], Shanghai(2026, 3, 9), null, new Dictionary<string, IReadOnlySet<string>>(), 0);

        attempt.Submit(Talkee, new Dictionary<string, IReadOnlySet<string>>
        {
            ["q003"] = new HashSet<string> { "A", "C" },
            ["q006"] = new HashSet<string> { "A" },
        }, bank, _clock);

        Assert.Equal(1, attempt.Score);
    }

    [Fact]
    public void Submit_WithAnswerForQuestionNotDrawn_IsRefusedAndChangesNothing()
    {
        var bank = SmallBank();
        var attempt = QuizAttempt.Restore(new TalkId("t-1"), Talkee, 1, ["q001"], Shanghai(2026, 3, 9), null, new Dictionary<string, IReadOnlySet<string>>(), 0);

        var e = Assert.Throws<DomainRuleException>(() => attempt.Submit(Talkee, new Dictionary<string, IReadOnlySet<string>>
        {
            ["q001"] = new HashSet<string> { "B" },
            ["q002"] = new HashSet<string> { "B" },
        }, bank, _clock));

        var violation = Assert.Single(e.Violations);
        Assert.Equal(RuleCode.QuizQuestionNotDrawn, violation.Code);
        Assert.Equal("q002", violation.Argument("question"));
        Assert.Equal(RuleSources.Quiz, violation.Source);
        Assert.False(attempt.IsSubmitted);
        Assert.Equal(0, attempt.Score);
    }

    [Fact]
    public void Submit_Unanswered_AndInvalidOption_NamesTheQuestionNumbers()
    {
        var bank = SmallBank();
        var attempt = QuizAttempt.Restore(new TalkId("t-1"), Talkee, 1, ["q001", "q002", "q004"], Shanghai(2026, 3, 9), null, new Dictionary<string, IReadOnlySet<string>>(), 0);

        var e = Assert.Throws<DomainRuleException>(() => attempt.Submit(Talkee, new Dictionary<string, IReadOnlySet<string>>
        {
            ["q001"] = new HashSet<string> { "Z" },
            ["q004"] = new HashSet<string> { "A", "B" },
        }, bank, _clock));

        Assert.Equal("2", e.Violations.Single(v => v.Code == RuleCode.QuizUnanswered).Argument("numbers"));
        Assert.Equal("1,3", e.Violations.Single(v => v.Code == RuleCode.QuizInvalidAnswer).Argument("numbers"));
        Assert.False(attempt.IsSubmitted);
    }

    [Fact]
    public void Submit_BySomeoneElse_IsNotPermitted()
    {
        var bank = SmallBank();
        var attempt = QuizTrack.New(new TalkId("t-1"), Talkee).StartAttempt(RoutineTalk(), bank, 2, new Random(5), _clock);

        var e = Assert.Throws<DomainRuleException>(() => attempt.Submit(new PersonId("other"), AllCorrect(attempt, bank), bank, _clock));

        Assert.Equal(RuleCode.NotPermitted, Assert.Single(e.Violations).Code);
    }

    [Fact]
    public void SecondAttempt_NeedsTheOrganisersRetake()
    {
        var bank = SmallBank();
        var talk = RoutineTalk();
        var track = QuizTrack.New(talk.Id, Talkee);
        var first = track.StartAttempt(talk, bank, 2, new Random(6), _clock);
        first.Submit(Talkee, AllCorrect(first, bank), bank, _clock);

        var refused = Assert.Throws<DomainRuleException>(() => track.StartAttempt(talk, bank, 2, new Random(7), _clock));
        Assert.Equal(RuleCode.QuizAlreadyTaken, Assert.Single(refused.Violations).Code);

        Assert.True(track.AllowRetake());
        Assert.False(track.AllowRetake());
        var second = track.StartAttempt(talk, bank, 2, new Random(8), _clock);
        Assert.Equal(2, second.Number);
        Assert.Throws<DomainRuleException>(() => track.StartAttempt(talk, bank, 2, new Random(9), _clock));
    }

    [Fact]
    public void AllowRetake_BeforeAnyAttempt_IsRefused() =>
        Assert.Equal(RuleCode.InvalidState, Assert.Single(Assert.Throws<DomainRuleException>(() => QuizTrack.New(new TalkId("t"), Talkee).AllowRetake()).Violations).Code);

    [Theory]
    [InlineData(TalkKind.Reminder, TalkStatus.Scheduled, RuleCode.QuizNotForThisKind)]
    [InlineData(TalkKind.Admonishment, TalkStatus.Scheduled, RuleCode.QuizNotForThisKind)]
    [InlineData(TalkKind.Routine, TalkStatus.Held, RuleCode.QuizClosed)]
    [InlineData(TalkKind.Routine, TalkStatus.Cancelled, RuleCode.QuizClosed)]
    public void Start_IsRefused_OutsideARoutineTalkStillToCome(TalkKind kind, TalkStatus status, RuleCode expected)
    {
        var track = QuizTrack.New(new TalkId("t-1"), Talkee);

        var e = Assert.Throws<DomainRuleException>(() => track.StartAttempt(RoutineTalk(kind, status), SmallBank(), 3, new Random(1), _clock));

        Assert.Equal(expected, Assert.Single(e.Violations).Code);
        Assert.Equal(0, track.Attempts);
    }

    [Fact]
    public void Start_AfterTheTalkBegan_IsClosed()
    {
        _clock.SetUtcNow(Shanghai(2026, 3, 11, 10, 1));
        var track = QuizTrack.New(new TalkId("t-1"), Talkee);

        var e = Assert.Throws<DomainRuleException>(() => track.StartAttempt(RoutineTalk(), SmallBank(), 3, new Random(1), _clock));

        Assert.Equal(RuleCode.QuizClosed, Assert.Single(e.Violations).Code);
    }

    [Fact]
    public void Start_ForSomeoneWhoIsNotTheTalkee_IsNotPermitted()
    {
        var track = QuizTrack.New(new TalkId("t-1"), new PersonId("other"));

        Assert.Equal(RuleCode.NotPermitted, Assert.Single(Assert.Throws<DomainRuleException>(
            () => track.StartAttempt(RoutineTalk(), SmallBank(), 3, new Random(1), _clock)).Violations).Code);
    }
}
