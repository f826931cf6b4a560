using System.Globalization;
using System.Text.Json;
using TalkBot.Cards.CreateTalk;
using TalkBot.Cards.Localization;
using TalkBot.Domain;
using TalkBot.Domain.Records;
using TalkBot.Domain.Talks;

namespace TalkBot.Cards.Records;

/// <summary>The parsed record form: the values as entered (to show again) and, when they read well, the content.</summary>
public sealed record RecordParseResult(
    IReadOnlyDictionary<string, string?> Values, RecordContent? Content, IReadOnlyList<FieldProblem> Problems)
{
    public bool IsValid => Content is not null;
}

/// <summary>
/// Reads the record form into <see cref="RecordContent"/>. It reports what cannot be read (a bad date, an unknown
/// option, text too long); what is missing or contradictory is Domain's to say (<see cref="RecordRules"/>).
/// </summary>
public static class RecordInputParser
{
    public const int MaxPlaceLength = 100;
    public const int MaxTextLength = 2000;

    /// <param name="talkees">The talk's talkees in order: part n belongs to talkee n.</param>
    /// <param name="toInstant">Turns the form's wall-clock date and time into an instant in the talk's time zone.</param>
    public static RecordParseResult Parse(JsonElement data, IReadOnlyList<PersonId> talkees, Func<DateOnly, TimeOnly, DateTimeOffset> toInstant)
    {
        ArgumentNullException.ThrowIfNull(talkees);
        ArgumentNullException.ThrowIfNull(toInstant);
        var keys = new List<string>
        {
            RecordFields.Date, RecordFields.Start, RecordFields.End, RecordFields.Place, RecordFields.Format, RecordFields.Lead,
            RecordFields.Joint, RecordFields.DelegatedBy, RecordFields.Recorder, RecordFields.Checklist,
        };
        for (var n = 1; n <= talkees.Count; n++)
        {
            keys.AddRange(PartFields.Select(f => RecordFields.Part(n, f)));
        }

        var values = keys.ToDictionary(k => k, k => CreateTalkInputParser.Read(data, k), StringComparer.Ordinal);
        var problems = new List<FieldProblem>();

        var date = Date(values[RecordFields.Date], problems);
        var start = Time(values[RecordFields.Start], RecordFields.Start, problems);
        var end = Time(values[RecordFields.End], RecordFields.End, problems);
        var place = Text(values[RecordFields.Place], RecordFields.Place, MaxPlaceLength, problems);
        var format = Format(values[RecordFields.Format], problems);
        var lead = One(values[RecordFields.Lead]);
        var delegatedBy = One(values[RecordFields.DelegatedBy]);
        var recorder = One(values[RecordFields.Recorder]);
        var checklist = Checklist(values[RecordFields.Checklist], problems);

        var parts = new List<TalkeePart>();
        for (var n = 1; n <= talkees.Count; n++)
        {
            string? Value(string field) => values[RecordFields.Part(n, field)];
            var rectification = Value(RecordFields.Rectification) is { } toggle && bool.TryParse(toggle, out var on) && on;
            parts.Add(new TalkeePart(
                talkees[n - 1],
                Text(Value(RecordFields.Problems), RecordFields.Part(n, RecordFields.Problems), MaxTextLength, problems),
                Text(Value(RecordFields.Explanation), RecordFields.Part(n, RecordFields.Explanation), MaxTextLength, problems),
                Text(Value(RecordFields.Requirements), RecordFields.Part(n, RecordFields.Requirements), MaxTextLength, problems),
                rectification,
                Text(Value(RecordFields.Items), RecordFields.Part(n, RecordFields.Items), MaxTextLength, problems) is { } items
                    ? items.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                    : []));
        }

        if (problems.Count > 0)
        {
            return new(values, null, problems);
        }

        var content = new RecordContent(
            date is { } d && start is { } s ? toInstant(d, s) : null,
            date is { } d2 && end is { } e ? toInstant(d2, e) : null,
            place,
            format,
            lead,
            [.. Ids(values[RecordFields.Joint]).Where(j => j != lead)],
            delegatedBy,
            recorder,
            checklist,
            parts);
        return new(values, content, []);
    }

    /// <summary>The form's values for a stored version, to prefill a revision.</summary>
    public static IReadOnlyDictionary<string, string?> ValuesOf(RecordContent content, IReadOnlyList<PersonId> talkees, Func<DateTimeOffset, DateTimeOffset> toLocal)
    {
        ArgumentNullException.ThrowIfNull(content);
        var start = content.StartedAt is { } s ? toLocal(s) : (DateTimeOffset?)null;
        var end = content.EndedAt is { } e ? toLocal(e) : (DateTimeOffset?)null;
        var values = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            [RecordFields.Date] = start is { } sd ? DateText.Iso(DateOnly.FromDateTime(sd.DateTime)) : null,
            [RecordFields.Start] = start is { } st ? DateText.Iso(TimeOnly.FromDateTime(st.DateTime)) : null,
            [RecordFields.End] = end is { } en ? DateText.Iso(TimeOnly.FromDateTime(en.DateTime)) : null,
            [RecordFields.Place] = content.Place,
            [RecordFields.Format] = content.Format.ToString(),
            [RecordFields.Lead] = content.LeadTalker?.Value,
            [RecordFields.Joint] = string.Join(',', content.JointTalkers.Select(p => p.Value)),
            [RecordFields.DelegatedBy] = content.DelegatedBy?.Value,
            [RecordFields.Recorder] = content.Recorder?.Value,
            [RecordFields.Checklist] = string.Join(',', content.Checklist.Order()),
        };
        for (var n = 1; n <= talkees.Count; n++)
        {
            var part = content.PartOf(talkees[n - 1]);
            values[RecordFields.Part(n, RecordFields.Problems)] = part?.Problems;
            values[RecordFields.Part(n, RecordFields.Explanation)] = part?.Explanation;
            values[RecordFields.Part(n, RecordFields.Requirements)] = part?.Requirements;
            values[RecordFields.Part(n, RecordFields.Rectification)] = part?.RectificationRequired == true ? "true" : "false";
            values[RecordFields.Part(n, RecordFields.Items)] = part is null ? null : string.Join('\n', part.RectificationItems);
        }

        return values;
    }

    private static readonly string[] PartFields =
        [RecordFields.Problems, RecordFields.Explanation, RecordFields.Requirements, RecordFields.Rectification, RecordFields.Items];

    private static string LabelOf(string field, Locale locale)
    {
        var dot = field.IndexOf('.', StringComparison.Ordinal);
        var name = dot >= 0 ? field[(dot + 1)..] : field;
        return RecordFields.Label(name, locale) ?? name;
    }

    private static DateOnly? Date(string? text, List<FieldProblem> problems)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (CreateTalkInputParser.TryParseDate(text, out var date))
        {
            return date;
        }

        problems.Add(new(RecordFields.Date,
            $"“{LabelOf(RecordFields.Date, Locale.ZhCn)}”不是有效日期：{text}（格式：2026-03-04）。",
            $"“{LabelOf(RecordFields.Date, Locale.EnUs)}” is not a valid date: {text} (format: 2026-03-04)."));
        return null;
    }

    private static TimeOnly? Time(string? text, string field, List<FieldProblem> problems)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (CreateTalkInputParser.TryParseTime(text, out var time))
        {
            return time;
        }

        problems.Add(new(field,
            $"“{LabelOf(field, Locale.ZhCn)}”不是有效时间：{text}（格式：14:30）。",
            $"“{LabelOf(field, Locale.EnUs)}” is not a valid time: {text} (format: 14:30)."));
        return null;
    }

    private static string? Text(string? text, string field, int maxLength, List<FieldProblem> problems)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var trimmed = text.Trim();
        if (trimmed.Length <= maxLength)
        {
            return trimmed;
        }

        problems.Add(new(field,
            $"“{LabelOf(field, Locale.ZhCn)}”不能超过{maxLength}个字。",
            $"“{LabelOf(field, Locale.EnUs)}” must be at most {maxLength} characters."));
        return null;
    }

    private static TalkFormat Format(string? text, List<FieldProblem> problems)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return TalkFormat.Individual;
        }

        var name = Enum.GetNames<TalkFormat>().FirstOrDefault(n => string.Equals(n, text.Trim(), StringComparison.OrdinalIgnoreCase));
        if (name is not null)
        {
            return Enum.Parse<TalkFormat>(name);
        }

        problems.Add(new(RecordFields.Format,
            $"“{LabelOf(RecordFields.Format, Locale.ZhCn)}”的选项无效：{text}。",
            $"“{LabelOf(RecordFields.Format, Locale.EnUs)}” has an unknown option: {text}."));
        return TalkFormat.Individual;
    }

    private static HashSet<int> Checklist(string? text, List<FieldProblem> problems)
    {
        var items = new HashSet<int>();
        foreach (var token in (text ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= 99)
            {
                items.Add(n);
            }
            else
            {
                problems.Add(new(RecordFields.Checklist,
                    $"“{LabelOf(RecordFields.Checklist, Locale.ZhCn)}”的选项无效：{token}。",
                    $"“{LabelOf(RecordFields.Checklist, Locale.EnUs)}” has an unknown option: {token}."));
            }
        }

        return items;
    }

    // PersonId is a struct: an empty choice must be null, not default(PersonId).
    private static PersonId? One(string? text) => Ids(text) is [var first, ..] ? first : null;

    private static List<PersonId> Ids(string? text) =>
        [.. (text ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.Ordinal).Select(id => new PersonId(id))];
}
