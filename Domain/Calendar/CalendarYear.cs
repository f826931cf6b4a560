namespace TalkBot.Domain.Calendar;

/// <summary>A festival as the State Council notice names it.</summary>
public sealed record Festival(string Name, string? NameEn);

/// <summary>
/// One year of the official arrangement: the weekdays that are off (each with its festival) and the weekend
/// days that are working days (调休上班).
/// </summary>
public sealed record CalendarYear(
    int Year,
    string? Source,
    IReadOnlyDictionary<DateOnly, Festival> Holidays,
    IReadOnlySet<DateOnly> Workdays);
