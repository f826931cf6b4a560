namespace TalkBot.Domain.Calendar;

/// <summary>
/// What to say when the calendar data runs out (SPEC §4). The State Council publishes each year's holidays and adjusted
/// working days late in the year before; until a file for that year is added, <see cref="WorkingCalendar"/> counts only
/// weekends as days off for it and nothing is guessed. So a date in such a year is flagged wherever a working-day count
/// depends on it, and administrators are told in time to add the file.
/// </summary>
public static class CalendarCoverage
{
    /// <summary>From this month on, next year's official dates are looked for (they are usually published in November).</summary>
    public const int AnnounceFromMonth = 11;

    /// <summary>The years of <paramref name="dates"/> whose official dates the calendar lacks, in order, each once.</summary>
    public static IReadOnlyList<int> YearsNotCovered(WorkingCalendar calendar, params DateOnly?[] dates)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentNullException.ThrowIfNull(dates);
        return [.. dates.OfType<DateOnly>().Select(d => d.Year).Distinct().Where(y => !calendar.Covers(y)).Order()];
    }

    /// <summary>
    /// The year administrators must be told about on <paramref name="today"/>: this year when even it is missing, next
    /// year from 1 November when it is missing; otherwise null.
    /// </summary>
    public static int? YearToAnnounce(WorkingCalendar calendar, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        if (!calendar.Covers(today.Year))
        {
            return today.Year;
        }

        return today.Month >= AnnounceFromMonth && !calendar.Covers(today.Year + 1) ? today.Year + 1 : null;
    }
}
