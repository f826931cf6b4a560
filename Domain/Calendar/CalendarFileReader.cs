using System.Globalization;
using System.Text.Json;

namespace TalkBot.Domain.Calendar;

/// <summary>
/// Reads one calendar file (format in Data/README.md) and checks it. Every problem found is reported at
/// once, naming the file, year and date, rather than stopping at the first.
/// </summary>
internal static class CalendarFileReader
{
    public static IReadOnlyList<CalendarYear> Read(string fileName, string json, List<string> problems)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions
            {
                AllowTrailingCommas = true,
                CommentHandling = JsonCommentHandling.Skip,
            });
        }
        catch (JsonException e)
        {
            problems.Add($"{fileName}: not valid JSON (line {e.LineNumber + 1}): {e.Message}");
            return [];
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object
                || !document.RootElement.TryGetProperty("years", out var years)
                || years.ValueKind != JsonValueKind.Array)
            {
                problems.Add($"{fileName}: expected an object with a \"years\" array");
                return [];
            }

            var result = new List<CalendarYear>();
            var seenYears = new HashSet<int>();
            var index = 0;
            foreach (var element in years.EnumerateArray())
            {
                index++;
                if (ReadYear(fileName, index, element, problems) is not { } year)
                {
                    continue;
                }

                if (!seenYears.Add(year.Year))
                {
                    problems.Add($"{fileName}: year {year.Year}: listed more than once in the same file");
                    continue;
                }

                result.Add(year);
            }

            return result;
        }
    }

    private static CalendarYear? ReadYear(string fileName, int index, JsonElement element, List<string> problems)
    {
        if (element.ValueKind != JsonValueKind.Object
            || !element.TryGetProperty("year", out var yearElement)
            || !yearElement.TryGetInt32(out var year)
            || year is < 1 or > 9999)
        {
            problems.Add($"{fileName}: entry {index} of \"years\": missing or invalid \"year\"");
            return null;
        }

        var where = $"{fileName}: year {year}";
        var before = problems.Count;
        var holidays = new Dictionary<DateOnly, Festival>();
        var workdays = new HashSet<DateOnly>();

        if (element.TryGetProperty("holidays", out var holidayList))
        {
            if (holidayList.ValueKind != JsonValueKind.Array)
            {
                problems.Add($"{where}: \"holidays\" must be an array");
            }
            else
            {
                foreach (var festivalElement in holidayList.EnumerateArray())
                {
                    ReadFestival(where, year, festivalElement, holidays, problems);
                }
            }
        }

        if (element.TryGetProperty("workdays", out var workdayList))
        {
            foreach (var date in ReadDates(where, year, workdayList, "workdays", problems))
            {
                if (date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
                {
                    problems.Add($"{where}: {Iso(date)}: is a {date.DayOfWeek}; only a Saturday or Sunday can be listed as a working day");
                }
                else if (holidays.ContainsKey(date))
                {
                    problems.Add($"{where}: {Iso(date)}: listed both as a holiday and as a working day");
                }
                else if (!workdays.Add(date))
                {
                    problems.Add($"{where}: {Iso(date)}: listed more than once as a working day");
                }
            }
        }

        var source = element.TryGetProperty("source", out var s) && s.ValueKind == JsonValueKind.String ? s.GetString() : null;
        return problems.Count == before ? new CalendarYear(year, source, holidays, workdays) : null;
    }

    private static void ReadFestival(
        string where, int year, JsonElement element, Dictionary<DateOnly, Festival> holidays, List<string> problems)
    {
        var name = element.ValueKind == JsonValueKind.Object && element.TryGetProperty("name", out var n)
            && n.ValueKind == JsonValueKind.String ? n.GetString() : null;
        if (string.IsNullOrWhiteSpace(name))
        {
            problems.Add($"{where}: a holiday without a \"name\"");
            return;
        }

        var nameEn = element.TryGetProperty("nameEn", out var e) && e.ValueKind == JsonValueKind.String ? e.GetString() : null;
        var festival = new Festival(name.Trim(), string.IsNullOrWhiteSpace(nameEn) ? null : nameEn.Trim());
        if (!element.TryGetProperty("dates", out var dates))
        {
            problems.Add($"{where}: holiday {festival.Name} has no \"dates\"");
            return;
        }

        foreach (var date in ReadDates($"{where}: holiday {festival.Name}", year, dates, "dates", problems))
        {
            if (date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
            {
                // Weekend days are off anyway; listing one here usually means a mistyped date.
                problems.Add($"{where}: {Iso(date)}: is a {date.DayOfWeek}; list only weekdays as holidays");
            }
            else if (!holidays.TryAdd(date, festival))
            {
                problems.Add($"{where}: {Iso(date)}: listed more than once as a holiday");
            }
        }
    }

    private static IEnumerable<DateOnly> ReadDates(
        string where, int year, JsonElement list, string property, List<string> problems)
    {
        if (list.ValueKind != JsonValueKind.Array)
        {
            problems.Add($"{where}: \"{property}\" must be an array of dates");
            yield break;
        }

        foreach (var item in list.EnumerateArray())
        {
            var text = item.ValueKind == JsonValueKind.String ? item.GetString() : item.GetRawText();
            if (item.ValueKind != JsonValueKind.String
                || !DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                problems.Add($"{where}: {text}: not a date in the form yyyy-MM-dd");
                continue;
            }

            if (date.Year != year)
            {
                problems.Add($"{where}: {Iso(date)}: lies outside the year {year}");
                continue;
            }

            yield return date;
        }
    }

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
