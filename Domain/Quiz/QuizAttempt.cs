using TalkBot.Domain.Rules;
using TalkBot.Domain.Talks;

namespace TalkBot.Domain.Quiz;

/// <summary>
/// One talkee's quiz for one talk (000 §三: 日常廉政谈话前应进行廉政常识测试): how many attempts were started and
/// how many retakes the organiser allowed. One attempt per talk unless the organiser allows another.
/// </summary>
public sealed class QuizTrack
{
    private QuizTrack(TalkId talkId, PersonId talkee, int attempts, int retakesAllowed)
    {
        TalkId = talkId;
        Talkee = talkee;
        Attempts = attempts;
        RetakesAllowed = retakesAllowed;
    }

    public TalkId TalkId { get; }
    public PersonId Talkee { get; }
    public int Attempts { get; private set; }
    public int RetakesAllowed { get; private set; }

    /// <summary>Whether a new attempt may be started: the first one, or one the organiser allowed.</summary>
    public bool CanStartAnother => Attempts < 1 + RetakesAllowed;

    public static QuizTrack New(TalkId talkId, PersonId talkee) => new(talkId, talkee, 0, 0);

    public static QuizTrack Restore(TalkId talkId, PersonId talkee, int attempts, int retakesAllowed) =>
        attempts < 0 || retakesAllowed < 0
            ? throw new ArgumentOutOfRangeException(nameof(attempts), "Counts cannot be negative.")
            : new(talkId, talkee, attempts, retakesAllowed);

    /// <summary>
    /// Starts the next attempt with a fresh random draw. The caller resumes an attempt still in progress instead
    /// of calling this, so a repeated click of "start" shows the same questions.
    /// </summary>
    /// <exception cref="DomainRuleException">Not a routine talk, not the caller's talk, the talk is over, or the
    /// attempt allowed is used up.</exception>
    public QuizAttempt StartAttempt(Talk talk, QuestionBank bank, int size, Random random, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(talk);
        ArgumentNullException.ThrowIfNull(bank);
        ArgumentNullException.ThrowIfNull(time);
        var now = time.GetUtcNow();
        if (talk.Id != TalkId || !talk.IsTalkee(Talkee))
        {
            throw new DomainRuleException(new RuleViolation(RuleCode.NotPermitted, RuleSources.Quiz));
        }

        if (talk.Kind != TalkKind.Routine)
        {
            throw new DomainRuleException(new RuleViolation(RuleCode.QuizNotForThisKind, RuleSources.Quiz));
        }

        if (talk.Status != TalkStatus.Scheduled || now >= talk.ScheduledAt)
        {
            // 000 §三: the quiz comes before the talk; once it has begun, been held or been cancelled it is closed.
            throw new DomainRuleException(new RuleViolation(RuleCode.QuizClosed, RuleSources.Quiz));
        }

        if (!CanStartAnother)
        {
            throw new DomainRuleException(new RuleViolation(RuleCode.QuizAlreadyTaken, RuleSources.Quiz));
        }

        Attempts++;
        return QuizAttempt.Begin(TalkId, Talkee, Attempts, bank.Draw(size, random), now);
    }

    /// <summary>
    /// The organiser allows one more attempt after the last one was submitted. Allowing again while an allowance is
    /// still unused changes nothing (a repeated click).
    /// </summary>
    /// <returns>Whether anything changed.</returns>
    /// <exception cref="DomainRuleException">No attempt has been made yet.</exception>
    public bool AllowRetake()
    {
        if (Attempts == 0)
        {
            throw new DomainRuleException(RuleViolation.InvalidState("NotTaken", RuleSources.Quiz));
        }

        if (CanStartAnother)
        {
            return false;
        }

        RetakesAllowed++;
        return true;
    }
}

/// <summary>One attempt at the quiz: the questions drawn, the answers given and the score.</summary>
public sealed class QuizAttempt
{
    private QuizAttempt(
        TalkId talkId, PersonId talkee, int number, IReadOnlyList<string> questionIds, DateTimeOffset startedAt,
        DateTimeOffset? submittedAt, IReadOnlyDictionary<string, IReadOnlySet<string>> answers, int score)
    {
        TalkId = talkId;
        Talkee = talkee;
        Number = number;
        QuestionIds = questionIds;
        StartedAt = startedAt;
        SubmittedAt = submittedAt;
        Answers = answers;
        Score = score;
    }

    public TalkId TalkId { get; }
    public PersonId Talkee { get; }

    /// <summary>1 for the first attempt, 2 for the first retake, …</summary>
    public int Number { get; }

    /// <summary>The questions drawn, in the order shown.</summary>
    public IReadOnlyList<string> QuestionIds { get; }

    public DateTimeOffset StartedAt { get; }
    public DateTimeOffset? SubmittedAt { get; private set; }
    public IReadOnlyDictionary<string, IReadOnlySet<string>> Answers { get; private set; }

    /// <summary>Questions answered correctly (0 until submitted).</summary>
    public int Score { get; private set; }

    public int Total => QuestionIds.Count;
    public bool IsSubmitted => SubmittedAt is not null;

    internal static QuizAttempt Begin(TalkId talkId, PersonId talkee, int number, IReadOnlyList<string> questionIds, DateTimeOffset now) =>
        new(talkId, talkee, number, questionIds, now, null, new Dictionary<string, IReadOnlySet<string>>(), 0);

    public static QuizAttempt Restore(
        TalkId talkId, PersonId talkee, int number, IReadOnlyList<string> questionIds, DateTimeOffset startedAt,
        DateTimeOffset? submittedAt, IReadOnlyDictionary<string, IReadOnlySet<string>> answers, int score)
    {
        ArgumentNullException.ThrowIfNull(questionIds);
        ArgumentNullException.ThrowIfNull(answers);
        return new(talkId, talkee, number, [.. questionIds], startedAt, submittedAt, answers, score);
    }

    /// <summary>
    /// Submits the answers and scores them. Every drawn question must be answered with options it has, and no answer
    /// may name a question that was not drawn. Submitting again changes nothing (a double click or Teams retry):
    /// the first answers and score stay.
    /// </summary>
    /// <returns>Whether anything changed.</returns>
    /// <exception cref="DomainRuleException">Someone else submits, or the answers break a rule; nothing changes.</exception>
    public bool Submit(PersonId by, IReadOnlyDictionary<string, IReadOnlySet<string>> answers, QuestionBank bank, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(answers);
        ArgumentNullException.ThrowIfNull(bank);
        ArgumentNullException.ThrowIfNull(time);
        if (by != Talkee)
        {
            throw new DomainRuleException(new RuleViolation(RuleCode.NotPermitted, RuleSources.Quiz));
        }

        if (IsSubmitted)
        {
            return false;
        }

        var violations = new List<RuleViolation>();
        var drawn = QuestionIds.ToHashSet(StringComparer.Ordinal);
        foreach (var stray in answers.Keys.Where(k => !drawn.Contains(k)).Order(StringComparer.Ordinal))
        {
            violations.Add(new RuleViolation(RuleCode.QuizQuestionNotDrawn, RuleSources.Quiz,
                Arguments: new Dictionary<string, string> { ["question"] = stray }));
        }

        var unanswered = new List<int>();
        var invalid = new List<int>();
        var score = 0;
        for (var i = 0; i < QuestionIds.Count; i++)
        {
            var question = bank.Find(QuestionIds[i]);
            if (!answers.TryGetValue(QuestionIds[i], out var chosen) || chosen.Count == 0)
            {
                unanswered.Add(i + 1);
            }
            else if (question is null || chosen.Any(k => !question.HasOption(k)) || (question.Type == QuestionType.Single && chosen.Count > 1))
            {
                invalid.Add(i + 1);
            }
            else if (question.IsCorrect(chosen))
            {
                score++;
            }
        }

        if (unanswered.Count > 0)
        {
            violations.Add(new RuleViolation(RuleCode.QuizUnanswered, RuleSources.Quiz,
                Arguments: new Dictionary<string, string> { ["numbers"] = string.Join(',', unanswered) }));
        }

        if (invalid.Count > 0)
        {
            violations.Add(new RuleViolation(RuleCode.QuizInvalidAnswer, RuleSources.Quiz,
                Arguments: new Dictionary<string, string> { ["numbers"] = string.Join(',', invalid) }));
        }

        if (violations.Count > 0)
        {
            throw new DomainRuleException(violations);
        }

        Answers = answers.ToDictionary(p => p.Key, p => (IReadOnlySet<string>)p.Value.ToHashSet(StringComparer.Ordinal), StringComparer.Ordinal);
        Score = score;
        SubmittedAt = time.GetUtcNow();
        return true;
    }
}
