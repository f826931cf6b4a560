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
    /// <summary>SPEC §1: a person no longer active in the directory cannot be the talkee of a new talk (argument "person").</summary>
    TalkeeInactive,
}

/// <summary>Where each rule comes from, as cited in <see cref="RuleViolation.Source"/>.</summary>
public static class RuleSources
{
    /// <summary>000 §四(一)1: the discipline office determines the content of the talk.</summary>
    public const string ContentDetermined = "000 §四(一)1";
    /// <summary>000 §四(一)2: 原则上谈话内容确定后5日内开展谈话.</summary>
    public const string FiveDayWindow = "000 §四(一)2";
    /// <summary>000 §四(一)3: 提前2个工作日向谈话对象送达《层级廉政谈话通知书》.</summary>
    public const string Notice = "000 §四(一)3";
    /// <summary>000 §四(五)1: the talkee attends at the notified time; a postponement needs a reason.</summary>
    public const string TalkeeDuties = "000 §四(五)1";
    /// <summary>000 §二: who talks to whom.</summary>
    public const string Tiers = "000 §二";
    /// <summary>002 §四1: the discipline office or organisation department proposes an admonishment talk.</summary>
    public const string AdmonishmentProposal = "002 §四1";
    /// <summary>SPEC §1: roles and who may do what.</summary>
    public const string Roles = "SPEC §1";
    /// <summary>SPEC §4: TalkBot never silently breaks a rule; a talk is scheduled ahead of time.</summary>
    public const string Procedure = "SPEC §4";
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

    /// <summary>A violation of a required field (argument "field").</summary>
    public static RuleViolation Required(string field, string source = RuleSources.Procedure) =>
        new(RuleCode.Required, source, Arguments: new Dictionary<string, string> { ["field"] = field });

    /// <summary>A change the current state does not allow (argument "state").</summary>
    public static RuleViolation InvalidState(string state, string source) =>
        new(RuleCode.InvalidState, source, Arguments: new Dictionary<string, string> { ["state"] = state });
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
