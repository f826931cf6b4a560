using CsvHelper;
using TalkBot.Domain.People;
using TalkBot.Domain.Rules;

namespace TalkBot.Cards.Roles;

/// <summary>
/// The rows of a pasted role CSV, each with its line number, and what is wrong with its shape (a missing column, no
/// row at all). Whether a person, role or rank exists is Domain's question (<see cref="RoleAssignmentRules"/>).
/// </summary>
public sealed record RoleCsv(IReadOnlyList<RoleAssignmentRequest> Rows, IReadOnlyList<LineViolation> Problems, bool TooLong = false)
{
    public bool IsValid => Problems.Count == 0 && !TooLong;
}

/// <summary>
/// Reads <c>person,roles,rank</c> with CsvHelper (quotes, blank lines, spaces around values). Roles are separated by
/// <c>;</c>. The header may also be written in Chinese (人员, 角色, 职级) and in any case; other columns are ignored.
/// </summary>
public static class RoleCsvParser
{
    /// <summary>The form's limit: a few hundred people, which one card action applies in well under Teams' timeout.</summary>
    public const int MaxLength = 30_000;

    private static readonly (string Column, string[] Names)[] Columns =
    [
        (RoleFields.Person, ["person", "人员"]),
        (RoleFields.Roles, ["roles", "角色"]),
        (RoleFields.Rank, ["rank", "职级"]),
    ];

    private static readonly char[] RoleSeparators = [';', '；'];

    public static RoleCsv Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return new RoleCsv([], [new LineViolation(0, RuleViolation.Required(RoleFields.Csv, RuleSources.Roles))]);
        }

        if (text.Length > MaxLength)
        {
            return new RoleCsv([], [], TooLong: true);
        }

        // The separator is fixed: detection would take the ";" between roles for it.
        var options = new CsvReaderOptions
        {
            Separator = ',',
            HasHeader = true,
            SkipEmptyLines = true,
            TrimWhitespace = true,
            TrackLineNumbers = true,
            // A stray quote is kept as text; the value then fails as an unknown person, role or rank, naming it.
            MalformedData = CsvMalformedDataHandling.Recover,
            MissingField = CsvMissingFieldHandling.ReturnEmpty,
        };
        using var csv = CsvReader.FromText(text.TrimStart('\uFEFF'), options);
        var header = csv.Headers.ToArray();
        var index = Columns.ToDictionary(c => c.Column, c => Array.FindIndex(header, h => c.Names.Contains(h.Trim(), StringComparer.OrdinalIgnoreCase)));
        var missing = Columns.Where(c => index[c.Column] < 0).Select(c => new LineViolation(HeaderLine(text), ColumnMissing(c.Column))).ToList();
        if (missing.Count > 0)
        {
            return new RoleCsv([], missing);
        }

        var rows = new List<RoleAssignmentRequest>();
        var problems = new List<LineViolation>();
        while (csv.Read())
        {
            var line = checked((int)csv.LineNumber);
            var count = csv.FieldCount;
            var absent = Columns.Where(c => index[c.Column] >= count).ToList();
            if (absent.Count > 0)
            {
                problems.AddRange(absent.Select(c => new LineViolation(line, ColumnMissing(c.Column))));
                continue;
            }

            rows.Add(new RoleAssignmentRequest(
                csv.GetString(index[RoleFields.Person]),
                csv.GetString(index[RoleFields.Roles]).Split(RoleSeparators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
                csv.GetString(index[RoleFields.Rank]),
                line));
        }

        if (rows.Count == 0 && problems.Count == 0)
        {
            problems.Add(new LineViolation(0, RuleViolation.Required(RoleFields.Csv, RuleSources.Roles)));
        }

        return new RoleCsv(rows, problems);
    }

    // The header is the first line that is not blank: blank lines before it are skipped as everywhere else.
    private static int HeaderLine(string text) =>
        text.Split('\n').Select((line, i) => (line, i)).FirstOrDefault(l => !string.IsNullOrWhiteSpace(l.line)).i + 1;

    private static RuleViolation ColumnMissing(string column) =>
        new(RuleCode.ColumnMissing, RuleSources.Roles, Arguments: new Dictionary<string, string> { ["column"] = column });
}
