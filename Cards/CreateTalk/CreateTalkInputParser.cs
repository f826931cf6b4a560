using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using TalkBot.Cards.Localization;
using TalkBot.Domain;
using TalkBot.Domain.Talks;

namespace TalkBot.Cards.CreateTalk;

/// <summary>
/// Reads the create-talk action data (Action.Execute <c>action.data</c> or Action.Submit <c>value</c>) into a
/// <see cref="CreateTalkInput"/>, reporting every bad field at once so the form can be shown again with all of them.
/// </summary>
public static partial class CreateTalkInputParser
{
    /// <summary>Longest place or preparation text accepted; the form enforces the same limits.</summary>
    public const int MaxPlaceLength = 100;
    public const int MaxPreparationLength = 1000;

    public static CreateTalkParseResult Parse(JsonElement data)
    {
        var draft = new CreateTalkDraft(
            Read(data, CreateTalkFields.Talkees),
            Read(data, CreateTalkFields.Talkers),
            Read(data, CreateTalkFields.Recorder),
            Read(data, CreateTalkFields.Kind),
            Read(data, CreateTalkFields.Format),
            Read(data, CreateTalkFields.Date),
            Read(data, CreateTalkFields.Time),
            Read(data, CreateTalkFields.Place),
            Read(data, CreateTalkFields.Preparation),
            Read(data, CreateTalkFields.ContentDate),
            Read(data, CreateTalkFields.Joint));

        var problems = new List<FieldProblem>();

        var talkees = People(draft.Talkees, CreateTalkFields.Talkees, problems);
        var talkers = People(draft.Talkers, CreateTalkFields.Talkers, problems);
        // 000 §四(一)4: a designated person records every talk.
        var recorder = People(draft.Recorder, CreateTalkFields.Recorder, problems);
        var kind = Choice<TalkKind>(draft.Kind, CreateTalkFields.Kind, null, problems);
        // 000 §二: talks are individual unless a collective talk is chosen.
        var format = Choice<TalkFormat>(draft.Format, CreateTalkFields.Format, TalkFormat.Individual, problems);
        var date = RequiredDate(draft.Date, CreateTalkFields.Date, problems);
        var time = Time(draft.Time, problems);
        var place = Text(draft.Place, CreateTalkFields.Place, MaxPlaceLength, required: true, problems);
        var preparation = Text(draft.Preparation, CreateTalkFields.Preparation, MaxPreparationLength, required: false, problems);
        // 000 §二2, §二4: inviting others to talk jointly is optional.
        var joint = IsBlank(draft.Joint) ? [] : People(draft.Joint, CreateTalkFields.Joint, problems);
        var contentDate = IsBlank(draft.ContentDate) ? null : RequiredDate(draft.ContentDate, CreateTalkFields.ContentDate, problems);

        if (recorder.Count > 1)
        {
            problems.Add(new(CreateTalkFields.Recorder, "只能选择一名记录人。", "Choose one recorder."));
        }

        if (problems.Count > 0)
        {
            return new(draft, null, problems);
        }

        var input = new CreateTalkInput(
            talkees, talkers, recorder[0], kind!.Value, format!.Value, date!.Value, time!.Value, place!, preparation, contentDate, joint.Count > 0 ? joint : null);
        return new(draft, input, []);
    }

    /// <summary>Parses "yyyy-MM-dd" (what Input.Date sends), "yyyy/M/d" and "yyyy年M月d日" (typed on old clients).</summary>
    public static bool TryParseDate(string? text, out DateOnly date)
    {
        date = default;
        if (IsBlank(text))
        {
            return false;
        }

        var match = DatePattern().Match(text!.Trim());
        return match.Success &&
               DateOnlyFrom(match.Groups["y"].Value, match.Groups["m"].Value, match.Groups["d"].Value, out date);
    }

    /// <summary>Parses "HH:mm" (what Input.Time sends), "H:mm", "HH:mm:ss" and the full-width colon "14：30".</summary>
    public static bool TryParseTime(string? text, out TimeOnly time)
    {
        time = default;
        if (IsBlank(text))
        {
            return false;
        }

        var normalised = text!.Trim().Replace('：', ':');
        return TimeOnly.TryParseExact(normalised, ["H:mm", "HH:mm", "H:mm:ss", "HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out time);
    }

    private static bool DateOnlyFrom(string y, string m, string d, out DateOnly date)
    {
        date = default;
        var year = int.Parse(y, CultureInfo.InvariantCulture);
        var month = int.Parse(m, CultureInfo.InvariantCulture);
        var day = int.Parse(d, CultureInfo.InvariantCulture);
        if (month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return false;
        }

        date = new DateOnly(year, month, day);
        return true;
    }

    [GeneratedRegex(@"^(?<y>\d{4})(?:-|/|年)(?<m>\d{1,2})(?:-|/|月)(?<d>\d{1,2})日?$")]
    private static partial Regex DatePattern();

    internal static string? Read(JsonElement data, string name)
    {
        if (data.ValueKind != JsonValueKind.Object || !data.TryGetProperty(name, out var value))
        {
            return null;
        }

        return value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            // Some clients send a multi-select as an array rather than a comma-joined string.
            JsonValueKind.Array => string.Join(',', value.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.String).Select(v => v.GetString())),
            JsonValueKind.Number => value.GetRawText(),
            _ => null,
        };
    }

    private static bool IsBlank(string? text) => string.IsNullOrWhiteSpace(text);

    private static FieldProblem Missing(string field) => new(
        field,
        $"请填写“{CreateTalkFields.Label(field, Locale.ZhCn)}”。",
        $"Please fill in “{CreateTalkFields.Label(field, Locale.EnUs)}”.");

    private static List<PersonId> People(string? text, string field, List<FieldProblem> problems)
    {
        var people = (text ?? "")
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Distinct(StringComparer.Ordinal)
            .Select(id => new PersonId(id))
            .ToList();
        if (people.Count == 0)
        {
            problems.Add(Missing(field));
        }

        return people;
    }

    private static TEnum? Choice<TEnum>(string? text, string field, TEnum? whenBlank, List<FieldProblem> problems)
        where TEnum : struct, Enum
    {
        if (IsBlank(text))
        {
            if (whenBlank is null)
            {
                problems.Add(Missing(field));
            }

            return whenBlank;
        }

        // Names only: Enum.TryParse would also accept numbers such as "7".
        var name = Enum.GetNames<TEnum>().FirstOrDefault(n => string.Equals(n, text!.Trim(), StringComparison.OrdinalIgnoreCase));
        if (name is null)
        {
            problems.Add(new(
                field,
                $"“{CreateTalkFields.Label(field, Locale.ZhCn)}”的选项无效：{text}。",
                $"“{CreateTalkFields.Label(field, Locale.EnUs)}” has an unknown option: {text}."));
            return null;
        }

        return Enum.Parse<TEnum>(name);
    }

    private static DateOnly? RequiredDate(string? text, string field, List<FieldProblem> problems)
    {
        if (IsBlank(text))
        {
            problems.Add(Missing(field));
            return null;
        }

        if (!TryParseDate(text, out var date))
        {
            problems.Add(new(
                field,
                $"“{CreateTalkFields.Label(field, Locale.ZhCn)}”不是有效日期：{text}（格式：2026-03-04）。",
                $"“{CreateTalkFields.Label(field, Locale.EnUs)}” is not a valid date: {text} (format: 2026-03-04)."));
            return null;
        }

        return date;
    }

    private static TimeOnly? Time(string? text, List<FieldProblem> problems)
    {
        const string field = CreateTalkFields.Time;
        if (IsBlank(text))
        {
            problems.Add(Missing(field));
            return null;
        }

        if (!TryParseTime(text, out var time))
        {
            problems.Add(new(
                field,
                $"“{CreateTalkFields.Label(field, Locale.ZhCn)}”不是有效时间：{text}（格式：14:30）。",
                $"“{CreateTalkFields.Label(field, Locale.EnUs)}” is not a valid time: {text} (format: 14:30)."));
            return null;
        }

        return time;
    }

    private static string? Text(string? text, string field, int maxLength, bool required, List<FieldProblem> problems)
    {
        if (IsBlank(text))
        {
            if (required)
            {
                problems.Add(Missing(field));
            }

            return null;
        }

        var trimmed = text!.Trim();
        if (trimmed.Length > maxLength)
        {
            problems.Add(new(
                field,
                $"“{CreateTalkFields.Label(field, Locale.ZhCn)}”不能超过{maxLength}个字。",
                $"“{CreateTalkFields.Label(field, Locale.EnUs)}” must be at most {maxLength} characters."));
            return null;
        }

        return trimmed;
    }
}
