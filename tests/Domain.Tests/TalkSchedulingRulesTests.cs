using TalkBot.Domain.Rules;
using static TalkBot.Domain.Tests.At;

namespace TalkBot.Domain.Tests;

public class TalkSchedulingRulesTests
{
    private readonly TalkSchedulingRules _rules = new(Calendars.Shipped);

    [Fact]
    public void Notice_MondayForWednesday_IsAccepted() =>
        Assert.Empty(_rules.Check(Shanghai(2026, 3, 11), D(2026, 3, 9), now: Shanghai(2026, 3, 9)));

    [Fact]
    public void Notice_MondayForTuesday_IsRejected_ProposingWednesday()
    {
        var violation = Assert.Single(_rules.Check(Shanghai(2026, 3, 10), D(2026, 3, 9), now: Shanghai(2026, 3, 9)));

        Assert.Equal(RuleCode.NoticeTooLate, violation.Code);
        Assert.Equal("000 §四(一)3", violation.Source);
        Assert.Equal(D(2026, 3, 11), violation.EarliestValidDate);
        Assert.Equal("1", violation.Argument("workingDays"));
    }

    [Fact]
    public void Notice_FridayForTuesday_IsAccepted_ButNotForMonday()
    {
        var friday = Shanghai(2026, 3, 13);
        Assert.Empty(_rules.Check(Shanghai(2026, 3, 17), D(2026, 3, 13), friday));

        var violation = Assert.Single(_rules.Check(Shanghai(2026, 3, 16), D(2026, 3, 13), friday));
        Assert.Equal(RuleCode.NoticeTooLate, violation.Code);
        Assert.Equal(D(2026, 3, 17), violation.EarliestValidDate);
    }

    [Fact]
    public void Notice_OnSaturday_EarliestTalkIsWednesday() =>
        Assert.Equal(D(2026, 3, 18), _rules.EarliestValidTalkDate(Shanghai(2026, 3, 14)));

    [Fact]
    public void Notice_BeforeNationalDay_CountsNoHoliday()
    {
        // A wide window isolates the notice rule.
        var rules = new TalkSchedulingRules(Calendars.Shipped, new NoticePolicy(WindowDays: 30));
        var wednesday = Shanghai(2026, 9, 30);

        var violation = Assert.Single(rules.Check(Shanghai(2026, 10, 8), D(2026, 9, 30), wednesday));
        Assert.Equal(RuleCode.NoticeTooLate, violation.Code);
        Assert.Equal(D(2026, 10, 9), violation.EarliestValidDate);
        Assert.Empty(rules.Check(Shanghai(2026, 10, 9), D(2026, 9, 30), wednesday));
    }

    [Fact]
    public void Notice_AdjustedWorkingSaturday_CountsAsAWorkingDay()
    {
        // Thursday 12 Feb 2026: Thursday and Friday count, so the working Saturday 14 Feb is the earliest day.
        Assert.Empty(_rules.Check(Shanghai(2026, 2, 14), D(2026, 2, 12), Shanghai(2026, 2, 12)));
        Assert.Equal(D(2026, 2, 14), _rules.EarliestValidTalkDate(Shanghai(2026, 2, 12)));

        // Friday 18 Sep 2026: the working Sunday 20 Sep counts, so Monday 21 Sep is enough.
        Assert.Empty(_rules.Check(Shanghai(2026, 9, 21), D(2026, 9, 18), Shanghai(2026, 9, 18)));
    }

    [Fact]
    public void Notice_OnFridayForTheWorkingSaturday_IsRejected()
    {
        var violation = Assert.Single(_rules.Check(Shanghai(2026, 2, 14), D(2026, 2, 13), Shanghai(2026, 2, 13)),
            v => v.Code == RuleCode.NoticeTooLate || v.Code == RuleCode.NoticeAndWindowIncompatible);
        Assert.Equal(D(2026, 2, 24), violation.EarliestValidDate);
    }

    [Fact]
    public void Window_FiveDaysAfterTheContentDate_IsAccepted() =>
        Assert.Empty(_rules.Check(Shanghai(2026, 3, 14), D(2026, 3, 9), now: Shanghai(2026, 3, 9)));

    [Fact]
    public void Window_SixDaysAfterTheContentDate_IsRejected()
    {
        var violation = Assert.Single(_rules.Check(Shanghai(2026, 3, 15), D(2026, 3, 9), now: Shanghai(2026, 3, 9)));

        Assert.Equal(RuleCode.OutsideFiveDayWindow, violation.Code);
        Assert.Equal("000 §四(一)2", violation.Source);
        Assert.Equal("2026-03-14", violation.Argument("latestDate"));
        Assert.Equal(D(2026, 3, 11), violation.EarliestValidDate);
    }

    [Fact]
    public void ContentDetermined_JustBeforeTheSpringFestival_CannotMeetBoth_AndSaysSo()
    {
        // Content on Monday 9 Feb 2026, notice on Friday 13 Feb: the window ends on 14 Feb, but the notice
        // needs two working days, and the next ones after Friday are Saturday 14 and Tuesday 24 Feb.
        var violations = _rules.Check(Shanghai(2026, 2, 14, 15), D(2026, 2, 9), now: Shanghai(2026, 2, 13));

        var violation = Assert.Single(violations);
        Assert.Equal(RuleCode.NoticeAndWindowIncompatible, violation.Code);
        Assert.Equal(D(2026, 2, 24), violation.EarliestValidDate);
        Assert.Equal("2026-02-14", violation.Argument("latestDate"));
        Assert.Contains("000 §四(一)2", violation.Source, StringComparison.Ordinal);
        Assert.Contains("000 §四(一)3", violation.Source, StringComparison.Ordinal);
        Assert.Null(_rules.EarliestValidDate(D(2026, 2, 13), D(2026, 2, 9)));
    }

    [Fact]
    public void ContentDetermined_BeforeNationalDay_CannotMeetBoth()
    {
        var violation = Assert.Single(_rules.Check(Shanghai(2026, 10, 8), D(2026, 9, 30), now: Shanghai(2026, 9, 30)));

        Assert.Equal(RuleCode.NoticeAndWindowIncompatible, violation.Code);
        Assert.Equal(D(2026, 10, 9), violation.EarliestValidDate);
        Assert.Equal("2026-10-05", violation.Argument("latestDate"));
    }

    [Fact]
    public void TimeZone_At2330Shanghai_TheNoticeDayIsTheShanghaiDay()
    {
        var monday2330 = Shanghai(2026, 3, 9, 23, 30);    // still Monday 9 March in UTC, too
        var tuesday0030 = Shanghai(2026, 3, 10, 0, 30);   // Monday 16:30 in UTC, Tuesday in Shanghai

        Assert.Equal(D(2026, 3, 11), _rules.EarliestValidTalkDate(monday2330));
        Assert.Equal(D(2026, 3, 12), _rules.EarliestValidTalkDate(tuesday0030));
        var violation = Assert.Single(_rules.Check(Shanghai(2026, 3, 11), D(2026, 3, 9), tuesday0030));
        Assert.Equal(RuleCode.NoticeTooLate, violation.Code);
    }

    [Fact]
    public void TalkInThePast_AndContentInTheFuture_AreBothReported()
    {
        var now = Shanghai(2026, 3, 11, 12);
        var violations = _rules.Check(Shanghai(2026, 3, 11, 9), D(2026, 3, 12), now);

        Assert.Contains(violations, v => v.Code == RuleCode.TalkInPast && v.EarliestValidDate == D(2026, 3, 13));
        Assert.Contains(violations, v => v.Code == RuleCode.ContentDateInFuture);
        Assert.Contains(violations, v => v.Code == RuleCode.NoticeTooLate);
    }

    [Fact]
    public void NoticeAndWindow_WhenNoDateMeetsBoth_AreReportedOnceAsIncompatible()
    {
        // Content on 2 March, notice on 9 March, talk on 10 March: too late for the notice and past the window.
        var violations = _rules.Check(Shanghai(2026, 3, 10), D(2026, 3, 2), now: Shanghai(2026, 3, 9));

        Assert.Equal(
            [RuleCode.NoticeAndWindowIncompatible],
            violations.Select(v => v.Code));

        var both = _rules.Check(Shanghai(2026, 3, 10), D(2026, 3, 6), now: Shanghai(2026, 3, 9));
        Assert.Equal([RuleCode.NoticeTooLate], both.Select(v => v.Code));
    }

    [Fact]
    public void EachBrokenRule_WhenBothCanBeMet_IsReportedSeparately()
    {
        // Content on 9 March (window to 14 March), talk on 20 March picked with a notice sent on 19 March.
        var violations = _rules.Check(Shanghai(2026, 3, 20), D(2026, 3, 9), now: Shanghai(2026, 3, 9, 8));
        Assert.Equal([RuleCode.OutsideFiveDayWindow], violations.Select(v => v.Code));

        // A talk on Friday 6 March entered on Monday 9 March for content of that Monday breaks three rules.
        var all = _rules.Check(Shanghai(2026, 3, 6), D(2026, 3, 9), now: Shanghai(2026, 3, 9));
        Assert.Equal([RuleCode.TalkInPast, RuleCode.NoticeTooLate, RuleCode.OutsideFiveDayWindow], all.Select(v => v.Code));
        Assert.All(all, v => Assert.Equal(D(2026, 3, 11), v.EarliestValidDate));
    }
}
