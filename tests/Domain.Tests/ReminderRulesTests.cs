using TalkBot.Domain.Reminders;
using static TalkBot.Domain.Tests.At;

namespace TalkBot.Domain.Tests;

public class ReminderRulesTests
{
    private readonly ReminderRules rules = new(Calendars.Shipped, new ReminderPolicy());
    private static readonly DateTimeOffset LongAgo = Shanghai(2026, 1, 5);

    [Fact]
    public void RectificationDue_IsThreeDaysAfterTheTalk_EvenOverAHoliday()
    {
        Assert.Equal(D(2026, 10, 1), rules.RectificationDueDate(Shanghai(2026, 9, 28, 10)));
        Assert.Equal(D(2026, 3, 12), rules.RectificationDueDate(Shanghai(2026, 3, 9, 23, 30)));
    }

    [Fact]
    public void Overdue_OnlyAfterTheDueDayEnds_InShanghai()
    {
        Assert.False(rules.IsOverdue(D(2026, 10, 1), Shanghai(2026, 10, 1, 23, 59)));
        Assert.True(rules.IsOverdue(D(2026, 10, 1), Shanghai(2026, 10, 2, 0, 1)));
    }

    [Fact]
    public void RectificationReminder_IsOneWorkingDayBefore_AtTheStartOfWorkingHours()
    {
        // Due on National Day (Thu 1 Oct 2026): the working day before is Wed 30 Sep.
        Assert.Equal(Shanghai(2026, 9, 30, 8, 30), rules.RectificationReminderAt(D(2026, 10, 1), LongAgo));
        // Due on a Spring Festival holiday (Mon 16 Feb 2026): the working day before is the adjusted Saturday 14 Feb.
        Assert.Equal(Shanghai(2026, 2, 14, 8, 30), rules.RectificationReminderAt(D(2026, 2, 16), LongAgo));
    }

    [Fact]
    public void RectificationReminder_WhoseMomentHasPassed_GoesOutAtTheNextWorkingMoment() =>
        Assert.Equal(Shanghai(2026, 3, 11, 10), rules.RectificationReminderAt(D(2026, 3, 12), Shanghai(2026, 3, 11, 10)));

    [Fact]
    public void Escalation_StartsTheFirstWorkingDayAfterTheDueDate_AndRepeatsOnWorkingDays()
    {
        var first = rules.RectificationEscalationAt(D(2026, 10, 1));
        var second = rules.NextEscalationAt(first);
        var third = rules.NextEscalationAt(second);

        Assert.Equal(Shanghai(2026, 10, 8, 8, 30), first);
        Assert.Equal(Shanghai(2026, 10, 9, 8, 30), second);
        // Saturday 10 Oct 2026 is an adjusted working day (调休上班).
        Assert.Equal(Shanghai(2026, 10, 10, 8, 30), third);
        Assert.Equal(Shanghai(2026, 2, 24, 8, 30), rules.RectificationEscalationAt(D(2026, 2, 16)));
    }

    [Theory]
    [InlineData(2026, 3, 7, 12, 0, 2026, 3, 9, 8, 30)]   // Saturday noon → Monday morning
    [InlineData(2026, 3, 10, 18, 0, 2026, 3, 11, 8, 30)] // after hours → the next morning
    [InlineData(2026, 3, 10, 7, 0, 2026, 3, 10, 8, 30)]  // before hours → the same morning
    [InlineData(2026, 3, 10, 10, 0, 2026, 3, 10, 10, 0)] // in hours → now
    [InlineData(2026, 9, 30, 17, 30, 2026, 10, 8, 8, 30)] // the end of hours before National Day → after it
    public void NextWorkingMoment_MovesIntoWorkingHoursOnAWorkingDay(int y, int m, int d, int h, int min, int ey, int em, int ed, int eh, int emin) =>
        Assert.Equal(Shanghai(ey, em, ed, eh, emin), rules.NextWorkingMoment(Shanghai(y, m, d, h, min)));

    [Fact]
    public void NoticeRepush_AfterTheConfiguredDelay_InWorkingHours()
    {
        var custom = new ReminderRules(Calendars.Shipped, new ReminderPolicy { NoticeRepushAfter = TimeSpan.FromHours(4) });

        Assert.Equal(Shanghai(2026, 3, 11, 10), rules.NoticeRepushAt(Shanghai(2026, 3, 10, 10)));
        Assert.Equal(Shanghai(2026, 3, 11, 8, 30), custom.NoticeRepushAt(Shanghai(2026, 3, 10, 16)));
    }

    [Fact]
    public void TalkEve_AndNoticeEscalation_AreTheWorkingDayBeforeTheTalk()
    {
        Assert.Equal(Shanghai(2026, 9, 30, 8, 30), rules.TalkEveReminderAt(Shanghai(2026, 10, 8, 9), LongAgo));
        Assert.Equal(Shanghai(2026, 9, 30, 8, 30), rules.NoticeEscalationAt(Shanghai(2026, 10, 8, 9), LongAgo));
    }

    [Fact]
    public void RecordMissing_IsTheWorkingDayAfterTheTalk() =>
        Assert.Equal(Shanghai(2026, 10, 8, 8, 30), rules.RecordMissingReminderAt(Shanghai(2026, 9, 30, 15)));
}
