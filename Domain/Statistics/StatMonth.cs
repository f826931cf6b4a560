using System.Globalization;

namespace TalkBot.Domain.Statistics;

/// <summary>A calendar month of the statistics, written <c>yyyy-MM</c> (in the calendar's time zone, as every local date is).</summary>
public readonly record struct StatMonth(int Year, int Month) : IComparable<StatMonth>
{
    public static StatMonth Of(DateOnly date) => new(date.Year, date.Month);

    public DateOnly First => new(Year, Month, 1);

    public StatMonth Previous => Of(First.AddMonths(-1));

    public StatMonth Next => Of(First.AddMonths(1));

    /// <summary>This month and the <paramref name="count"/> − 1 before it, oldest first: a month-over-month series.</summary>
    public IReadOnlyList<StatMonth> Series(int count)
    {
        var first = First;
        return [.. Enumerable.Range(0, count).Select(i => Of(first.AddMonths(i - count + 1)))];
    }

    public static bool TryParse(string? text, out StatMonth month)
    {
        month = default;
        if (text is not { Length: 7 } || text[4] != '-'
            || !int.TryParse(text.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var year) || year < 2000
            || !int.TryParse(text.AsSpan(5, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var m) || m is < 1 or > 12)
        {
            return false;
        }

        month = new StatMonth(year, m);
        return true;
    }

    public int CompareTo(StatMonth other) => (Year * 12 + Month).CompareTo(other.Year * 12 + other.Month);

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-{Month:D2}");
}
