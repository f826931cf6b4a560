namespace TalkBot.Bot.Infrastructure.Routing;

/// <summary>The rules a request broke, with their messages in the caller's language (people named by name, not id).</summary>
public sealed record Refusal(IReadOnlyList<RuleViolation> Violations, IReadOnlyList<string> Messages)
{
    /// <summary>The messages of <paramref name="violations"/>; a violation naming a person (argument "person") gets their name.</summary>
    public static Refusal Of(IEnumerable<RuleViolation> violations, Func<PersonId, string> name, Locale locale)
    {
        ArgumentNullException.ThrowIfNull(name);
        var named = violations.Select(v => v.Argument("person") is { } id && v.Arguments is { } args
            ? v with { Arguments = new Dictionary<string, string>(args) { ["name"] = name(new PersonId(id)) } }
            : v).ToList();
        return new(named, [.. named.Select(v => RuleMessages.Describe(v, locale))]);
    }

    /// <summary>The messages only, for a lookup already at hand.</summary>
    public static IReadOnlyList<string> Describe(IEnumerable<RuleViolation> violations, PeopleLookup people, Locale locale)
    {
        ArgumentNullException.ThrowIfNull(people);
        return Of(violations, people.Name, locale).Messages;
    }
}
