using System.Text.Json;
using TalkBot.Cards.CreateTalk;
using TalkBot.Cards.Localization;
using TalkBot.Domain.Rectifications;

namespace TalkBot.Cards.Records;

/// <summary>Input ids of the rectification report: <c>m{n}.measure</c>, <c>m{n}.status</c>, <c>m{n}.date</c> per item n.</summary>
public static class RectificationFields
{
    public const string Measure = "measure";
    public const string Status = "status";
    public const string Date = "date";
    public const int MaxMeasureLength = 2000;

    public static string Of(int item, string field) => $"m{item}.{field}";
}

/// <summary>The parsed report: the values as entered and, when they read well, the measures for Domain to check.</summary>
public sealed record RectificationParseResult(IReadOnlyDictionary<string, string?> Values, IReadOnlyList<MeasureReport>? Measures, IReadOnlyList<FieldProblem> Problems);

public static class RectificationInputParser
{
    public static RectificationParseResult Parse(JsonElement data, int items)
    {
        var values = new Dictionary<string, string?>(StringComparer.Ordinal);
        var problems = new List<FieldProblem>();
        var measures = new List<MeasureReport>();
        for (var n = 1; n <= items; n++)
        {
            var measureKey = RectificationFields.Of(n, RectificationFields.Measure);
            var statusKey = RectificationFields.Of(n, RectificationFields.Status);
            var dateKey = RectificationFields.Of(n, RectificationFields.Date);
            var measure = values[measureKey] = CreateTalkInputParser.Read(data, measureKey);
            var statusText = values[statusKey] = CreateTalkInputParser.Read(data, statusKey);
            var dateText = values[dateKey] = CreateTalkInputParser.Read(data, dateKey);

            var status = MeasureStatus.InProgress;
            if (!string.IsNullOrWhiteSpace(statusText) && !Enum.TryParse(statusText.Trim(), ignoreCase: true, out status) || !Enum.IsDefined(status))
            {
                problems.Add(new(statusKey, $"第{n}项的整改状态无效：{statusText}。", $"Item {n} has an unknown status: {statusText}."));
            }

            DateOnly? date = null;
            if (!string.IsNullOrWhiteSpace(dateText))
            {
                if (CreateTalkInputParser.TryParseDate(dateText, out var d))
                {
                    date = d;
                }
                else
                {
                    problems.Add(new(dateKey, $"第{n}项的完成日期不是有效日期：{dateText}（格式：2026-03-04）。", $"Item {n}'s completion date is not a valid date: {dateText} (format: 2026-03-04)."));
                }
            }

            if (measure is { Length: > RectificationFields.MaxMeasureLength })
            {
                problems.Add(new(measureKey, $"第{n}项的整改措施不能超过{RectificationFields.MaxMeasureLength}个字。", $"Item {n}'s measure must be at most {RectificationFields.MaxMeasureLength} characters."));
            }

            measures.Add(new MeasureReport(n, measure, status, date));
        }

        return new(values, problems.Count == 0 ? measures : null, problems);
    }

    public static string Label(MeasureStatus status, Locale locale) => status switch
    {
        MeasureStatus.Done => locale.Pick("已完成", "Done"),
        _ => locale.Pick("正在整改", "In progress"),
    };

    public static string Label(RectificationStatus status, Locale locale) => status switch
    {
        RectificationStatus.Open => locale.Pick("待上报", "Report due"),
        RectificationStatus.Submitted => locale.Pick("已上报，待审核", "Reported; awaiting review"),
        RectificationStatus.Returned => locale.Pick("已退回，待重新上报", "Returned; report again"),
        _ => locale.Pick("已通过", "Accepted"),
    };
}
