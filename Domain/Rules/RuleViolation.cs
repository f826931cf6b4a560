namespace TalkBot.Domain.Rules;

/// <summary>What a rule forbids. Cards turn a code and its arguments into zh-CN / en-US text.</summary>
public enum RuleCode
{
    /// <summary>000 §四(一)3: the notice must reach the talkee at least 2 working days before the talk.</summary>
    NoticeTooLate,
    /// <summary>000 §四(一)2: the talk is held within 5 days after its content is determined.</summary>
    OutsideFiveDayWindow,
    /// <summary>Both of the above cannot be met for the content date given.</summary>
    NoticeAndWindowIncompatible,
    /// <summary>A talk cannot be scheduled in the past.</summary>
    TalkInPast,
    /// <summary>The content date cannot lie in the future.</summary>
    ContentDateInFuture,
    /// <summary>A required field is missing (argument: the field name).</summary>
    Required,
    /// <summary>A talkee cannot also be a talker of the same talk.</summary>
    TalkeeIsTalker,
    /// <summary>SPEC §1: the person's roles do not allow this action.</summary>
    NotPermitted,
    /// <summary>A state change that the current state does not allow (argument: the current state).</summary>
    InvalidState,
    /// <summary>A reason is required to ask for a postponement (000 §四(五)1).</summary>
    PostponementReasonRequired,
}

/// <summary>
/// A broken rule: which rule (its source, such as <c>000 §四(一)3</c>), what it forbids, and where the
/// rule can be met, the earliest date on which it can.
/// </summary>
public sealed record RuleViolation(
    RuleCode Code,
    string Source,
    DateOnly? EarliestValidDate = null,
    IReadOnlyDictionary<string, string>? Arguments = null)
{
    public string? Argument(string name) =>
        Arguments is not null && Arguments.TryGetValue(name, out var value) ? value : null;
}

/// <summary>Thrown by aggregates when a change is illegal; carries every rule the change breaks.</summary>
public sealed class DomainRuleException : Exception
{
    public DomainRuleException(IReadOnlyList<RuleViolation> violations)
        : base(string.Join("; ", violations.Select(v => $"{v.Source}: {v.Code}")))
    {
        Violations = violations;
    }

    public DomainRuleException(RuleViolation violation) : this([violation]) { }

    public IReadOnlyList<RuleViolation> Violations { get; }
}
