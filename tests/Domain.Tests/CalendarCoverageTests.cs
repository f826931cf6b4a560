using TalkBot.Domain.Calendar;
using static TalkBot.Domain.Tests.At;

namespace TalkBot.Domain.Tests;

/// <summary>The calendar's coverage (SPEC §4): dates past the shipped years are flagged; administrators are told from 1 November.</summary>
public class CalendarCoverageTests
{
    private const string File2027 = """
        { "years": [ { "year": 2027, "holidays": [ { "name": "元旦", "nameEn": "New Year's Day", "dates": ["2027-01-01"] } ], "workdays": [] } ] }
        """;

    [Fact]
    public void YearsNotCovered_NamesOnlyTheYearsPastTheShippedData_EachOnce()
    {
        var years = CalendarCoverage.YearsNotCovered(Calendars.Shipped, D(2026, 12, 30), D(2027, 10, 1), D(2027, 10, 8), null, D(2028, 1, 3));

        Assert.Equal([2027, 2028], years);
    }

    [Fact]
    public void YearsNotCovered_ShippedYear_IsEmpty() =>
        Assert.Empty(CalendarCoverage.YearsNotCovered(Calendars.Shipped, D(2026, 10, 1)));

    [Fact]
    public void NationalDay2027_IsNotGuessed_ItCountsAsAWorkingDayUntilAFileSaysOtherwise() =>
        Assert.True(Calendars.Shipped.IsWorkingDay(D(2027, 10, 1)));

    [Theory]
    [InlineData(2026, 10, 31, null)]
    [InlineData(2026, 11, 1, 2027)]
    [InlineData(2026, 12, 31, 2027)]
    [InlineData(2026, 6, 1, null)]
    [InlineData(2028, 3, 1, 2028)]
    public void YearToAnnounce_FromTheFirstOfNovember_IsNextYearWhenMissing(int year, int month, int day, int? expected) =>
        Assert.Equal(expected, CalendarCoverage.YearToAnnounce(Calendars.Shipped, D(year, month, day)));

    [Fact]
    public void YearToAnnounce_OnceNextYearsFileIsAdded_IsNothing() =>
        Assert.Null(CalendarCoverage.YearToAnnounce(Calendars.LoadWith(("calendar-2027.json", File2027)), D(2026, 11, 15)));
}
