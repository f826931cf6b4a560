using TalkBot.Domain.People;
using TalkBot.Domain.Rules;

namespace TalkBot.Domain.Tests;

/// <summary>Helpers for the lead, follow-on and admonishment tests.</summary>
internal static class Cases
{
    /// <summary>A 32-hex id, as <see cref="TalkId.New"/> makes, for the origin of a task id.</summary>
    public const string Hex = "0123456789abcdef0123456789abcdef";

    /// <summary>An active person of the given rank holding the given roles.</summary>
    public static Person Ranked(string id, Rank rank, params Role[] roles) =>
        A.Person().Id(id).With(roles).Build() with { Rank = rank };

    /// <summary>The violations a refused change carries.</summary>
    public static IReadOnlyList<RuleViolation> Refused(Action change) =>
        Assert.Throws<DomainRuleException>(change).Violations;

    public static IReadOnlyList<RuleViolation> Refused<T>(Func<T> change) =>
        Assert.Throws<DomainRuleException>(() => change()).Violations;

    /// <summary>The one violation a refused change carries.</summary>
    public static RuleViolation RefusedOnce(Action change) => Assert.Single(Refused(change));

    public static RuleViolation RefusedOnce<T>(Func<T> change) => Assert.Single(Refused(change));
}
