using TalkBot.Domain.Rules;

namespace TalkBot.Domain.FollowUps;

/// <summary>What a follow-on task asks for.</summary>
public enum CaseTaskKind
{
    /// <summary>书面答复或说明 from the talkee (000 §四(四)1).</summary>
    WrittenReply,
    /// <summary>书面检查 from the person (000 §四(四)4 责令检查; 002 §四4 after an admonishment with a minor violation).</summary>
    SelfExamination,
    /// <summary>集体剖析材料及整改措施 from a unit's head (002 §四4).</summary>
    CollectiveAnalysis,
    /// <summary>再次谈话 by the discipline office (000 §四(四)5).</summary>
    SecondTalk,
    /// <summary>函询 by the discipline office (000 §四(四)5).</summary>
    LetterInquiry,
    /// <summary>初步核实 by the discipline office (000 §四(四)5).</summary>
    PreliminaryVerification,
}

/// <summary>
/// Which procedure opened a task, and so which rule it follows: a self-examination ordered after a reminder talk is
/// 责令检查 (000 §四(四)4); one owed after an admonishment with a minor violation is the 书面检查 of 002 §四4.
/// </summary>
public enum CaseTaskOrigin
{
    /// <summary>A disposition of a lead after a reminder talk (000 §四(四)).</summary>
    Lead,
    /// <summary>An admonishment case after its talk (002 §四4).</summary>
    Admonishment,
}

public enum CaseTaskStatus
{
    /// <summary>Waiting for the assignee.</summary>
    Open,
    /// <summary>Submitted; waiting for the review.</summary>
    Submitted,
    /// <summary>Returned with a comment and a new due date.</summary>
    Returned,
    /// <summary>Accepted, or (for the office's own tasks) reported done.</summary>
    Done,
}

/// <summary>A task's id: the lead's or case's id, the kind and a number, so that one disposition opens one task.</summary>
public readonly record struct CaseTaskId(string Value)
{
    public static CaseTaskId For(string origin, CaseTaskKind kind, int number) => new($"{origin}-{(int)kind}-{number}");

    /// <summary>Reads an id from card data: only the form <see cref="For"/> makes.</summary>
    public static bool TryParse(string? text, out CaseTaskId id)
    {
        var parts = text?.Split('-') ?? [];
        var valid = parts.Length == 3 && TalkId.TryParse(parts[0], out _)
            && int.TryParse(parts[1], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var kind)
            && Enum.IsDefined((CaseTaskKind)kind)
            && parts[2] is { Length: > 0 and <= 3 } n && n.All(char.IsAsciiDigit);
        id = valid ? new CaseTaskId(text!) : default;
        return valid;
    }

    public string Origin => Value.Split('-')[0];

    public override string ToString() => Value;
}

/// <summary>One submission: the text, when, whether late, and the form it came from.</summary>
public sealed record TaskSubmission(int Number, string Text, PersonId By, DateTimeOffset At, bool Late, string? FormId);

/// <summary>The review of one submission.</summary>
public sealed record TaskReview(int Submission, bool Accepted, string? Comment, DateOnly? NewDueDate, PersonId By, DateTimeOffset At);

/// <summary>
/// A follow-on with a deadline: a written reply or self-examination the person owes (reviewed before it is archived,
/// 002 §五7: 须交书面检查的，责任人阅后交纪委办归档), or a step the discipline office owes (再次谈话, 函询, 初步核实),
/// reported done with what came of it. A submission after the due date is accepted and marked late. Submissions and
/// reviews are only ever added.
/// </summary>
public sealed class CaseTask
{
    private readonly List<TaskSubmission> submissions;
    private readonly List<TaskReview> reviews;

    private CaseTask(CaseTaskId id, CaseTaskKind kind, PersonId subject, PersonId assignee, IReadOnlyList<PersonId> reviewers,
        string? instruction, DateOnly firstDueDate, DateTimeOffset openedAt, IEnumerable<TaskSubmission> submissions, IEnumerable<TaskReview> reviews,
        CaseTaskOrigin origin)
    {
        Origin = origin;
        Id = id;
        Kind = kind;
        Subject = subject;
        Assignee = assignee;
        Reviewers = reviewers;
        Instruction = instruction;
        FirstDueDate = firstDueDate;
        OpenedAt = openedAt;
        this.submissions = [.. submissions.OrderBy(s => s.Number)];
        this.reviews = [.. reviews.OrderBy(r => r.At)];
    }

    public CaseTaskId Id { get; }
    public CaseTaskKind Kind { get; }

    /// <summary>The procedure that opened the task: a lead (000) or an admonishment case (002).</summary>
    public CaseTaskOrigin Origin { get; }

    /// <summary>The person the matter is about.</summary>
    public PersonId Subject { get; }

    /// <summary>Who owes the task: the person for written material, the office for its own steps.</summary>
    public PersonId Assignee { get; }

    /// <summary>Who reviews a submission (empty for the office's own tasks).</summary>
    public IReadOnlyList<PersonId> Reviewers { get; }

    public string? Instruction { get; }
    public DateOnly FirstDueDate { get; }
    public DateTimeOffset OpenedAt { get; }
    public IReadOnlyList<TaskSubmission> Submissions => submissions;
    public IReadOnlyList<TaskReview> Reviews => reviews;

    /// <summary>Written material from the person is reviewed; the office's own steps are done when reported.</summary>
    public bool NeedsReview => Kind is CaseTaskKind.WrittenReply or CaseTaskKind.SelfExamination or CaseTaskKind.CollectiveAnalysis;

    public DateOnly DueDate => reviews.LastOrDefault(r => !r.Accepted)?.NewDueDate ?? FirstDueDate;

    public CaseTaskStatus Status
    {
        get
        {
            if (submissions.Count == 0)
            {
                return CaseTaskStatus.Open;
            }

            if (!NeedsReview)
            {
                return CaseTaskStatus.Done;
            }

            var review = reviews.LastOrDefault(r => r.Submission == submissions[^1].Number);
            return review is null ? CaseTaskStatus.Submitted : review.Accepted ? CaseTaskStatus.Done : CaseTaskStatus.Returned;
        }
    }

    public bool AwaitsSubmission => AwaitsSubmissionIn(Status);

    /// <summary>Open, or returned with a comment: the assignee owes it (again).</summary>
    public static bool AwaitsSubmissionIn(CaseTaskStatus status) => status is CaseTaskStatus.Open or CaseTaskStatus.Returned;

    /// <summary>The task as a list shows it.</summary>
    public TaskListing Listing => new(Id, Kind, Subject, Assignee, Reviewers, DueDate, Status);

    public static CaseTask Open(CaseTaskId id, CaseTaskKind kind, PersonId subject, PersonId assignee, IReadOnlyList<PersonId> reviewers,
        string? instruction, DateOnly dueDate, DateTimeOffset now, CaseTaskOrigin origin = CaseTaskOrigin.Lead)
    {
        ArgumentNullException.ThrowIfNull(reviewers);
        return new(id, kind, subject, assignee, [.. reviewers.Distinct().Where(r => r != assignee)],
            string.IsNullOrWhiteSpace(instruction) ? null : instruction.Trim(), dueDate, now, [], [], origin);
    }

    public static CaseTask Restore(CaseTaskId id, CaseTaskKind kind, PersonId subject, PersonId assignee, IReadOnlyList<PersonId> reviewers,
        string? instruction, DateOnly firstDueDate, DateTimeOffset openedAt, IEnumerable<TaskSubmission> submissions, IEnumerable<TaskReview> reviews,
        CaseTaskOrigin origin = CaseTaskOrigin.Lead) =>
        new(id, kind, subject, assignee, reviewers, instruction, firstDueDate, openedAt, submissions, reviews, origin);

    /// <summary>The assignee submits the material (or reports the office's step done). A repeated form changes nothing.</summary>
    /// <returns>Whether a submission was added.</returns>
    public bool Submit(PersonId by, string? text, string? formId, DateOnly today, DateTimeOffset now)
    {
        if (by != Assignee)
        {
            throw new DomainRuleException(new RuleViolation(RuleCode.NotPermitted, RuleSources.FollowUp));
        }

        if (formId is not null && submissions.Any(s => s.FormId == formId))
        {
            return false;
        }

        if (!AwaitsSubmission)
        {
            throw new DomainRuleException(RuleViolation.InvalidState(Status.ToString(), RuleSources.FollowUp));
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            throw new DomainRuleException(new RuleViolation(RuleCode.SubmissionTextRequired, RuleSources.FollowUp,
                Arguments: new Dictionary<string, string> { ["kind"] = Kind.ToString() }));
        }

        submissions.Add(new TaskSubmission(submissions.Count + 1, text.Trim(), by, now, today > DueDate, formId));
        return true;
    }

    /// <summary>
    /// A reviewer accepts the latest submission, or returns it with a comment and a new due date after today. The same
    /// decision again changes nothing.
    /// </summary>
    /// <returns>Whether anything changed.</returns>
    public bool Review(PersonId by, bool mayReview, int submission, bool accept, string? comment, DateOnly? newDueDate, DateOnly today, DateTimeOffset now)
    {
        if (!mayReview || !NeedsReview)
        {
            throw new DomainRuleException(new RuleViolation(RuleCode.NotPermitted, RuleSources.FollowUp));
        }

        comment = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim();
        var latest = submissions.Count > 0 ? submissions[^1].Number : 0;
        if (!ReviewRules.IsNew(submission, latest, reviews.LastOrDefault(r => r.Submission == latest && latest > 0)?.Accepted, Status == CaseTaskStatus.Submitted,
                Status.ToString(), accept, comment, newDueDate, today, RuleSources.FollowUp))
        {
            return false;
        }

        reviews.Add(new TaskReview(submission, accept, comment, accept ? null : newDueDate, by, now));
        return true;
    }
}
