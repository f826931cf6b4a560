using System.Globalization;

namespace TalkBot.Cards.Localization;

/// <summary>
/// Dates and times as people write them: zh "2026年3月4日（星期三）14:30", en "Wed 4 Mar 2026, 14:30".
/// Spelled out here rather than taken from CultureInfo so cards read the same on every host, ICU or not.
/// </summary>
public static class DateText
{
    private static readonly string[] ZhWeekdays = ["星期日", "星期一", "星期二", "星期三", "星期四", "星期五", "星期六"];
    private static readonly string[] EnWeekdays = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
    private static readonly string[] EnMonths = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

    public static string Date(DateOnly date, Locale locale) =>
        locale.IsChinese
            ? string.Create(CultureInfo.InvariantCulture, $"{date.Year}年{date.Month}月{date.Day}日（{ZhWeekdays[(int)date.DayOfWeek]}）")
            : string.Create(CultureInfo.InvariantCulture, $"{EnWeekdays[(int)date.DayOfWeek]} {date.Day} {EnMonths[date.Month - 1]} {date.Year}");

    public static string Time(TimeOnly time) => time.ToString("HH:mm", CultureInfo.InvariantCulture);

    public static string DateTime(DateOnly date, TimeOnly time, Locale locale) =>
        locale.IsChinese ? $"{Date(date, locale)}{Time(time)}" : $"{Date(date, locale)}, {Time(time)}";

    /// <summary>The wall-clock time in the value's own offset (the talk's time zone), not converted.</summary>
    public static string DateTime(DateTimeOffset value, Locale locale) =>
        DateTime(DateOnly.FromDateTime(value.DateTime), TimeOnly.FromDateTime(value.DateTime), locale);

    /// <summary>The machine form Input.Date uses.</summary>
    public static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The machine form Input.Time uses.</summary>
    public static string Iso(TimeOnly time) => time.ToString("HH:mm", CultureInfo.InvariantCulture);
}
