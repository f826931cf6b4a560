using System.Text;

namespace TalkBot.Domain.Calendar;

/// <summary>
/// Working days in mainland China (SPEC §4): Saturdays and Sundays are off, the statutory holidays announced
/// each year by the State Council are off, and the adjusted weekend working days (调休上班) are on. A year that
/// the data does not cover falls back to plain weekends (see <see cref="Covers"/>).
/// All dates are local dates in <see cref="TimeZone"/> (Asia/Shanghai unless configured otherwise).
/// </summary>
public sealed class WorkingCalendar
{
    public const string DefaultTimeZoneId = "Asia/Shanghai";

    /// <summary>Where the shipped data lies, relative to the application's base directory.</summary>
    public const string ShippedDataPath = "Data/calendar.cn.json";

    // The longest run of consecutive days off looked at when naming a weekend inside a holiday period.
    private const int LongestBreak = 16;

    private readonly IReadOnlyDictionary<int, CalendarYear> _years;

    private WorkingCalendar(TimeZoneInfo timeZone, IReadOnlyDictionary<int, CalendarYear> years)
    {
        TimeZone = timeZone;
        _years = years;
    }

    public TimeZoneInfo TimeZone { get; }

    /// <summary>The years the data covers, in order.</summary>
    public IReadOnlyList<int> Years => [.. _years.Keys.Order()];

    /// <summary>A calendar with no holiday data: only weekends are off.</summary>
    public static WorkingCalendar WeekendsOnly(TimeZoneInfo timeZone) =>
        new(timeZone ?? throw new ArgumentNullException(nameof(timeZone)), new Dictionary<int, CalendarYear>());

    /// <summary>
    /// Loads calendar files in order: normally the shipped file first, then any files an administrator adds.
    /// A later file's year replaces an earlier file's same year as a whole. The streams are read, not closed.
    /// </summary>
    /// <exception cref="CalendarDataException">Any file is invalid; every problem is listed.</exception>
    public static WorkingCalendar Load(TimeZoneInfo timeZone, params (string Name, Stream Content)[] sources)
    {
        ArgumentNullException.ThrowIfNull(sources);
        var texts = new (string Name, string Json)[sources.Length];
        for (var i = 0; i < sources.Length; i++)
        {
            using var reader = new StreamReader(sources[i].Content, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, leaveOpen: true);
            texts[i] = (sources[i].Name, reader.ReadToEnd());
        }

        return Parse(timeZone, texts);
    }

    /// <inheritdoc cref="Load(TimeZoneInfo, ValueTuple{string, Stream}[])"/>
    public static WorkingCalendar Load(string timeZoneId, params (string Name, Stream Content)[] sources) =>
        Load(TimeZoneInfo.FindSystemTimeZoneById(timeZoneId), sources);

    /// <summary>As <see cref="Load(TimeZoneInfo, ValueTuple{string, Stream}[])"/>, from JSON text.</summary>
    public static WorkingCalendar Parse(TimeZoneInfo timeZone, params (string Name, string Json)[] sources)
    {
        ArgumentNullException.ThrowIfNull(timeZone);
        ArgumentNullException.ThrowIfNull(sources);
        var problems = new List<string>();
        var years = new Dictionary<int, CalendarYear>();
        foreach (var (name, json) in sources)
        {
            foreach (var year in CalendarFileReader.Read(name, json ?? "", problems))
            {
                years[year.Year] = year;
            }
        }

        if (problems.Count > 0)
        {
            throw new CalendarDataException(problems);
        }

        return new WorkingCalendar(timeZone, years);
    }

    /// <inheritdoc cref="Parse(TimeZoneInfo, ValueTuple{string, string}[])"/>
    public static WorkingCalendar Parse(string timeZoneId, params (string Name, string Json)[] sources) =>
        Parse(TimeZoneInfo.FindSystemTimeZoneById(timeZoneId), sources);

    /// <summary>Whether the data lists the holidays of this year; if not, only weekends are off.</summary>
    public bool Covers(int year) => _years.ContainsKey(year);

    public bool IsWorkingDay(DateOnly date)
    {
        if (_years.TryGetValue(date.Year, out var year))
        {
            if (year.Holidays.ContainsKey(date))
            {
                return false;
            }

            if (year.Workdays.Contains(date))
            {
                return true;
            }
        }

        return date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);
    }

    /// <summary>The first working day strictly after <paramref name="date"/>.</summary>
    public DateOnly NextWorkingDay(DateOnly date) => AddWorkingDays(date, 1);

    /// <summary><paramref name="date"/> itself when it is a working day, otherwise the next one.</summary>
    public DateOnly WorkingDayOnOrAfter(DateOnly date) => IsWorkingDay(date) ? date : NextWorkingDay(date);

    /// <summary>
    /// The n-th working day after <paramref name="date"/> (n &gt; 0) or before it (n &lt; 0); n = 0 returns the
    /// date unchanged. The start date itself is never counted.
    /// </summary>
    public DateOnly AddWorkingDays(DateOnly date, int n)
    {
        var step = Math.Sign(n);
        var remaining = Math.Abs(n);
        var current = date;
        while (remaining > 0)
        {
            current = current.AddDays(step);
            if (IsWorkingDay(current))
            {
                remaining--;
            }
        }

        return current;
    }

    /// <summary>The number of working days d with from ≤ d &lt; toExclusive; 0 when toExclusive ≤ from.</summary>
    public int CountWorkingDays(DateOnly from, DateOnly toExclusive)
    {
        var count = 0;
        for (var d = from; d < toExclusive; d = d.AddDays(1))
        {
            if (IsWorkingDay(d))
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>
    /// The festival a day off belongs to, or null. A weekend inside a holiday period (such as the Sunday in the
    /// middle of the Spring Festival) takes the name of the nearest listed holiday in the same run of days off.
    /// </summary>
    public string? HolidayName(DateOnly date, bool english = false)
    {
        if (FestivalOn(date) is not { } festival)
        {
            return null;
        }

        return english ? festival.NameEn ?? festival.Name : festival.Name;
    }

    private Festival? FestivalOn(DateOnly date)
    {
        if (IsWorkingDay(date))
        {
            return null;
        }

        if (Listed(date) is { } listed)
        {
            return listed;
        }

        // Look outwards through the run of days off, nearest day first.
        bool backOpen = true, forwardOpen = true;
        for (var distance = 1; distance <= LongestBreak && (backOpen || forwardOpen); distance++)
        {
            foreach (var (candidate, open) in new[] { (date.AddDays(-distance), backOpen), (date.AddDays(distance), forwardOpen) })
            {
                if (!open)
                {
                    continue;
                }

                if (IsWorkingDay(candidate))
                {
                    if (candidate < date)
                    {
                        backOpen = false;
                    }
                    else
                    {
                        forwardOpen = false;
                    }
                }
                else if (Listed(candidate) is { } found)
                {
                    return found;
                }
            }
        }

        return null;
    }

    private Festival? Listed(DateOnly date) =>
        _years.TryGetValue(date.Year, out var year) && year.Holidays.TryGetValue(date, out var festival) ? festival : null;

    /// <summary>The calendar date of an instant in <see cref="TimeZone"/>.</summary>
    public DateOnly LocalDate(DateTimeOffset instant) => DateOnly.FromDateTime(ToLocal(instant).DateTime);

    /// <summary>The same instant, expressed with the offset of <see cref="TimeZone"/>.</summary>
    public DateTimeOffset ToLocal(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, TimeZone);

    /// <summary>
    /// The instant of a local date and time in <see cref="TimeZone"/>. A time skipped by a daylight-saving change
    /// moves forward past the gap; an ambiguous time takes the zone's standard offset.
    /// </summary>
    public DateTimeOffset ToInstant(DateOnly date, TimeOnly time)
    {
        var local = date.ToDateTime(time, DateTimeKind.Unspecified);
        var guard = 0;
        while (TimeZone.IsInvalidTime(local) && guard++ < 24 * 4)
        {
            local = local.AddMinutes(15);
        }

        return new DateTimeOffset(local, TimeZone.GetUtcOffset(local));
    }
}
