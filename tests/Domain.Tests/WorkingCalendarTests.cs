using TalkBot.Domain.Calendar;
using static TalkBot.Domain.Tests.At;

namespace TalkBot.Domain.Tests;

public class WorkingCalendarTests
{
    private readonly WorkingCalendar _calendar = Calendars.Shipped;

    [Theory]
    [InlineData(2026, 2, 13, true)]   // Friday before the Spring Festival
    [InlineData(2026, 2, 14, true)]   // Saturday, adjusted working day
    [InlineData(2026, 2, 15, false)]  // Sunday, first day of the holiday
    [InlineData(2026, 2, 16, false)]  // Monday inside the holiday
    [InlineData(2026, 2, 23, false)]  // last day of the holiday (Monday)
    [InlineData(2026, 2, 24, true)]   // first working day after it
    [InlineData(2026, 2, 28, true)]   // Saturday, adjusted working day
    [InlineData(2026, 1, 4, true)]    // Sunday after New Year's Day, working
    [InlineData(2026, 5, 9, true)]    // Saturday after Labour Day, working
    [InlineData(2026, 9, 20, true)]   // Sunday before National Day, working
    [InlineData(2026, 10, 1, false)]
    [InlineData(2026, 10, 5, false)]
    [InlineData(2026, 10, 7, false)]
    [InlineData(2026, 10, 8, true)]
    [InlineData(2026, 10, 10, true)]  // Saturday after National Day, working
    [InlineData(2026, 3, 7, false)]   // an ordinary Saturday
    [InlineData(2026, 3, 9, true)]    // an ordinary Monday
    public void IsWorkingDay_2026_FollowsTheStateCouncilNotice(int y, int m, int d, bool expected) =>
        Assert.Equal(expected, _calendar.IsWorkingDay(D(y, m, d)));

    [Theory]
    [InlineData(2025, 1, 1, false)]
    [InlineData(2025, 1, 26, true)]   // Sunday before the Spring Festival, working
    [InlineData(2025, 1, 28, false)]  // 除夕
    [InlineData(2025, 2, 4, false)]
    [InlineData(2025, 2, 5, true)]
    [InlineData(2025, 2, 8, true)]    // Saturday, working
    [InlineData(2025, 4, 4, false)]
    [InlineData(2025, 4, 27, true)]   // Sunday before Labour Day, working
    [InlineData(2025, 5, 5, false)]
    [InlineData(2025, 6, 2, false)]
    [InlineData(2025, 9, 28, true)]   // Sunday before National Day, working
    [InlineData(2025, 10, 8, false)]  // National Day and Mid-Autumn together
    [InlineData(2025, 10, 9, true)]
    [InlineData(2025, 10, 11, true)]  // Saturday, working
    public void IsWorkingDay_2025_FollowsTheStateCouncilNotice(int y, int m, int d, bool expected) =>
        Assert.Equal(expected, _calendar.IsWorkingDay(D(y, m, d)));

    [Fact]
    public void AddWorkingDays_AcrossTheSpringFestival_SkipsTheHolidayAndCountsTheWorkingSaturday()
    {
        Assert.Equal(D(2026, 2, 14), _calendar.AddWorkingDays(D(2026, 2, 13), 1));
        Assert.Equal(D(2026, 2, 24), _calendar.AddWorkingDays(D(2026, 2, 13), 2));
        Assert.Equal(D(2026, 2, 25), _calendar.AddWorkingDays(D(2026, 2, 13), 3));
    }

    [Fact]
    public void AddWorkingDays_Negative_CountsBackwardsAcrossTheHoliday()
    {
        Assert.Equal(D(2026, 2, 14), _calendar.AddWorkingDays(D(2026, 2, 24), -1));
        Assert.Equal(D(2026, 2, 13), _calendar.AddWorkingDays(D(2026, 2, 24), -2));
    }

    [Fact]
    public void AddWorkingDays_Zero_ReturnsTheSameDate() =>
        Assert.Equal(D(2026, 2, 15), _calendar.AddWorkingDays(D(2026, 2, 15), 0));

    [Fact]
    public void NextWorkingDay_IsStrictlyAfterTheDate()
    {
        Assert.Equal(D(2026, 3, 10), _calendar.NextWorkingDay(D(2026, 3, 9)));
        Assert.Equal(D(2026, 10, 8), _calendar.NextWorkingDay(D(2026, 9, 30)));
    }

    [Fact]
    public void CountWorkingDays_CountsFromInclusiveToExclusive()
    {
        Assert.Equal(2, _calendar.CountWorkingDays(D(2026, 2, 14), D(2026, 2, 25)));
        Assert.Equal(5, _calendar.CountWorkingDays(D(2026, 3, 9), D(2026, 3, 16)));
        Assert.Equal(0, _calendar.CountWorkingDays(D(2026, 3, 16), D(2026, 3, 9)));
    }

    [Theory]
    [InlineData(2026, 2, 16, "春节", "Spring Festival")]
    [InlineData(2026, 2, 15, "春节", "Spring Festival")]   // a Sunday inside the holiday
    [InlineData(2026, 2, 22, "春节", "Spring Festival")]
    [InlineData(2026, 10, 3, "国庆节", "National Day")]
    [InlineData(2026, 9, 26, "中秋节", "Mid-Autumn Festival")]
    [InlineData(2026, 4, 4, "清明节", "Qingming Festival")]
    [InlineData(2025, 10, 8, "国庆节、中秋节", "National Day and Mid-Autumn Festival")]
    public void HolidayName_NamesTheFestivalInBothLanguages(int y, int m, int d, string zh, string en)
    {
        Assert.Equal(zh, _calendar.HolidayName(D(y, m, d)));
        Assert.Equal(en, _calendar.HolidayName(D(y, m, d), english: true));
    }

    [Theory]
    [InlineData(2026, 2, 14)]  // working Saturday
    [InlineData(2026, 3, 7)]   // ordinary Saturday
    [InlineData(2026, 3, 9)]   // ordinary Monday
    public void HolidayName_OnAnOrdinaryDay_IsNull(int y, int m, int d) =>
        Assert.Null(_calendar.HolidayName(D(y, m, d)));

    [Fact]
    public void YearNotInTheData_FallsBackToWeekends_AndIsNotCovered()
    {
        Assert.True(_calendar.Covers(2026));
        Assert.False(_calendar.Covers(2027));
        Assert.True(_calendar.IsWorkingDay(D(2027, 2, 8)));    // a Monday
        Assert.False(_calendar.IsWorkingDay(D(2027, 2, 6)));   // a Saturday
        Assert.Null(_calendar.HolidayName(D(2027, 2, 6)));
    }

    [Fact]
    public void LocalDate_At2330InShanghai_IsTheShanghaiDate_NotTheUtcDate()
    {
        var instant = new DateTimeOffset(2026, 3, 9, 15, 30, 0, TimeSpan.Zero); // 23:30 on 9 March in Shanghai
        Assert.Equal(D(2026, 3, 9), _calendar.LocalDate(instant));
        Assert.Equal(D(2026, 3, 10), _calendar.LocalDate(instant.AddHours(1)));
        Assert.Equal(TimeSpan.FromHours(8), _calendar.ToLocal(instant).Offset);
    }

    [Fact]
    public void ToInstant_UsesTheCalendarTimeZone()
    {
        var instant = _calendar.ToInstant(D(2026, 3, 11), new TimeOnly(9, 30));
        Assert.Equal(new DateTimeOffset(2026, 3, 11, 1, 30, 0, TimeSpan.Zero), instant.ToUniversalTime());
        Assert.Equal("Asia/Shanghai", _calendar.TimeZone.Id);
    }
}
