using TalkBot.Domain.Calendar;
using static TalkBot.Domain.Tests.At;

namespace TalkBot.Domain.Tests;

public class CalendarLoadingTests
{
    private const string Admin2027 = """
        {
          "years": [
            {
              "year": 2027,
              "holidays": [
                { "name": "春节", "nameEn": "Spring Festival", "dates": ["2027-02-08", "2027-02-09"] }
              ],
              "workdays": ["2027-02-20"]
            }
          ]
        }
        """;

    [Fact]
    public void AdminFile_For2027_ExtendsTheShippedCalendar()
    {
        var calendar = Calendars.LoadWith(("calendar.2027.json", Admin2027));

        Assert.True(calendar.Covers(2027));
        Assert.True(calendar.Covers(2026));
        Assert.False(calendar.IsWorkingDay(D(2027, 2, 8)));
        Assert.True(calendar.IsWorkingDay(D(2027, 2, 20)));
        Assert.Equal("春节", calendar.HolidayName(D(2027, 2, 9)));
        Assert.False(calendar.IsWorkingDay(D(2026, 2, 16)));
    }

    [Fact]
    public void LaterFile_ReplacesTheWholeYear()
    {
        const string correction = """{ "years": [ { "year": 2026, "holidays": [ { "name": "元旦", "dates": ["2026-01-01"] } ] } ] }""";
        var calendar = Calendars.LoadWith(("fix.json", correction));

        Assert.False(calendar.IsWorkingDay(D(2026, 1, 1)));
        Assert.True(calendar.IsWorkingDay(D(2026, 2, 16)));   // no longer listed
        Assert.False(calendar.IsWorkingDay(D(2026, 2, 14)));  // no longer a working Saturday
    }

    [Theory]
    [InlineData("""{ "years": [ { "year": 2027, "holidays": [ { "name": "元旦", "dates": ["2027-01-02"] } ] } ] }""",
        "2027-01-02", "Saturday")]
    [InlineData("""{ "years": [ { "year": 2027, "workdays": ["2027-01-04"] } ] }""",
        "2027-01-04", "Monday")]
    [InlineData("""{ "years": [ { "year": 2027, "workdays": ["2028-01-01"] } ] }""",
        "2028-01-01", "outside the year 2027")]
    [InlineData("""{ "years": [ { "year": 2027, "holidays": [ { "name": "春节", "dates": ["2027-02-08", "2027-02-08"] } ] } ] }""",
        "2027-02-08", "more than once")]
    [InlineData("""{ "years": [ { "year": 2027, "holidays": [ { "name": "春节", "dates": ["2027-02-30"] } ] } ] }""",
        "2027-02-30", "not a date")]
    [InlineData("""{ "years": [ { "year": 2027, "holidays": [ { "name": "春节", "dates": ["8 Feb 2027"] } ] } ] }""",
        "8 Feb 2027", "not a date")]
    public void BadFile_IsRejected_NamingFileYearAndDate(string json, string date, string why)
    {
        var error = Assert.Throws<CalendarDataException>(() => Calendars.LoadWith(("admin.json", json)));

        var problem = Assert.Single(error.Problems);
        Assert.StartsWith("admin.json: year 2027", problem, StringComparison.Ordinal);
        Assert.Contains(date, problem, StringComparison.Ordinal);
        Assert.Contains(why, problem, StringComparison.Ordinal);
        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void BadFile_ReportsEveryProblem()
    {
        const string json = """{ "years": [ { "year": 2027, "holidays": [ { "name": "x", "dates": ["2027-01-02"] } ], "workdays": ["2027-01-04"] } ] }""";
        var error = Assert.Throws<CalendarDataException>(() => Calendars.LoadWith(("admin.json", json)));
        Assert.Equal(2, error.Problems.Count);
    }

    [Fact]
    public void InvalidJson_IsRejected_NamingTheFile()
    {
        var error = Assert.Throws<CalendarDataException>(() => Calendars.LoadWith(("broken.json", "{ \"years\": [ ")));
        Assert.StartsWith("broken.json: not valid JSON", Assert.Single(error.Problems), StringComparison.Ordinal);
    }

    [Fact]
    public void SameYearTwiceInOneFile_IsRejected()
    {
        const string json = """{ "years": [ { "year": 2027 }, { "year": 2027 } ] }""";
        var error = Assert.Throws<CalendarDataException>(() => Calendars.LoadWith(("admin.json", json)));
        Assert.Contains("year 2027: listed more than once", Assert.Single(error.Problems), StringComparison.Ordinal);
    }

    [Fact]
    public void DateBothHolidayAndWorkday_IsRejected()
    {
        var error = Assert.Throws<CalendarDataException>(() => WorkingCalendar.Parse("Asia/Shanghai",
            ("a.json", """{ "years": [ { "year": 2027, "holidays": [ { "name": "x", "dates": ["2027-02-08"] } ], "workdays": ["2027-02-08"] } ] }""")));
        Assert.Contains("2027-02-08", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_WithAnotherTimeZone_UsesIt()
    {
        var calendar = WorkingCalendar.Parse("Europe/London", ("empty.json", """{ "years": [] }"""));
        var instant = new DateTimeOffset(2026, 3, 9, 23, 30, 0, TimeSpan.Zero);
        Assert.Equal(D(2026, 3, 9), calendar.LocalDate(instant));
        Assert.False(calendar.Covers(2026));
    }
}
