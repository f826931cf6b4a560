using System.Text.Json;
using TalkBot.Cards.Localization;
using TalkBot.Domain.People;

namespace TalkBot.Cards.Roles;

/// <summary>The role editor's submitted data, read once into a request for Domain.</summary>
public static class RoleFormInput
{
    public static string? Text(JsonElement data, string key) =>
        data.ValueKind == JsonValueKind.Object && data.TryGetProperty(key, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    /// <summary>The editor's person (from the card's data), roles (a multi-select's comma-joined values) and rank.</summary>
    public static RoleAssignmentRequest Read(JsonElement data) => new(
        Text(data, RoleFields.Person),
        (Text(data, RoleFields.Roles) ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
        Text(data, RoleFields.Rank));

    /// <summary>A problem in words; an import's problem starts with its line number.</summary>
    public static string Describe(LineViolation problem, Locale locale)
    {
        ArgumentNullException.ThrowIfNull(problem);
        return problem.Line > 0
            ? locale.Pick($"第{problem.Line}行：", $"Line {problem.Line}: ") + Capitalised(RuleMessages.Reason(problem.Violation, locale), locale)
            : RuleMessages.Describe(problem.Violation, locale);
    }

    private static string Capitalised(string text, Locale locale) =>
        locale.IsChinese || text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
