using TalkBot.Domain.Ledgers;
using TalkBot.Domain.Records;
using TalkBot.Domain.Talks;
using static TalkBot.Domain.Tests.At;

namespace TalkBot.Domain.Tests;

/// <summary>The ledgers' deadline lights: yellow from half the time used, red once overdue, none once done.</summary>
public class LedgerLightTests
{
    private static readonly DateTimeOffset Start = Shanghai(2026, 3, 2, 10);
    private static readonly DateTimeOffset Due = Shanghai(2026, 3, 4, 10);
    private readonly LedgerSteps steps = new(Calendars.Shipped, new LedgerPolicy());

    [Fact]
    public void Light_BeforeHalfTheTime_IsNone() => Assert.Equal(Light.None, DeadlineLight.Of(Start, Due, Shanghai(2026, 3, 3, 9, 59)));

    [Fact]
    public void Light_AtHalfTheTime_IsYellow() => Assert.Equal(Light.Yellow, DeadlineLight.Of(Start, Due, Shanghai(2026, 3, 3, 10)));

    [Fact]
    public void Light_AtTheDueMoment_IsStillYellow() => Assert.Equal(Light.Yellow, DeadlineLight.Of(Start, Due, Due));

    [Fact]
    public void Light_AfterTheDueMoment_IsRed() => Assert.Equal(Light.Red, DeadlineLight.Of(Start, Due, Due.AddTicks(1)));

    [Fact]
    public void Light_WithoutAStart_IsRedOnlyOnceOverdue()
    {
        Assert.Equal(Light.None, DeadlineLight.Of(null, Due, Due.AddDays(-1)));
        Assert.Equal(Light.Red, DeadlineLight.Of(null, Due, Due.AddMinutes(1)));
    }

    [Fact]
    public void Light_OfADueDay_IsOnTimeThroughoutThatDay()
    {
        Assert.Equal(Light.Yellow, DeadlineLight.Of(Start, D(2026, 3, 4), Calendars.Shanghai, Shanghai(2026, 3, 4, 23, 59)));
        Assert.Equal(Light.Red, DeadlineLight.Of(Start, D(2026, 3, 4), Calendars.Shanghai, Shanghai(2026, 3, 5, 0, 0)));
    }

    [Fact]
    public void Talk_BeforeItWithAnUnacknowledgedNotice_WaitsOnTheNotice_DueBeforeTheWorkingDayBeforeIt()
    {
        // Talk on Thursday 5 March 2026; the working day before it is Wednesday.
        var d = steps.Talk(TalkStatus.Scheduled, null, Start, Shanghai(2026, 3, 5, 9, 30), null, false, Shanghai(2026, 3, 3, 12));

        Assert.Equal(LedgerStep.Notice, d.Step);
        Assert.Equal(Shanghai(2026, 3, 4, 0), d.Due);
        Assert.Equal(Light.Yellow, d.Light);
    }

    [Fact]
    public void Talk_WithEveryNoticeAcknowledged_ShowsNoLightBeforeIt()
    {
        var d = steps.Talk(TalkStatus.Scheduled, null, Start, Shanghai(2026, 3, 5, 9, 30), null, true, Shanghai(2026, 3, 4, 12));

        Assert.Equal(LedgerDeadline.Done, d);
    }

    [Fact]
    public void Talk_AfterItWithoutARecord_IsRedOnceTheWorkingDayAfterItHasPassed()
    {
        // Talk on Friday 6 March: the working day after is Monday 9 March.
        var onMonday = steps.Talk(TalkStatus.Scheduled, null, Start, Shanghai(2026, 3, 6, 9, 30), null, true, Shanghai(2026, 3, 9, 17));
        var onTuesday = steps.Talk(TalkStatus.Scheduled, null, Start, Shanghai(2026, 3, 6, 9, 30), null, true, Shanghai(2026, 3, 10, 8));

        Assert.Equal((LedgerStep.Record, Light.Yellow), (onMonday.Step, onMonday.Light));
        Assert.Equal((LedgerStep.Record, Light.Red), (onTuesday.Step, onTuesday.Light));
    }

    [Fact]
    public void Talk_Logged_WaitsOnVerification_AndOnceVerifiedIsDone()
    {
        var logged = steps.Talk(TalkStatus.Held, RecordStatus.AwaitingVerification, Start, Shanghai(2026, 3, 5, 9, 30), Shanghai(2026, 3, 5, 15), true,
            Shanghai(2026, 3, 11, 9));
        var verified = steps.Talk(TalkStatus.Held, RecordStatus.Verified, Start, Shanghai(2026, 3, 5, 9, 30), Shanghai(2026, 3, 5, 15), true,
            Shanghai(2026, 3, 30, 9));

        // Three working days after Thursday 5 March: Tuesday 10 March, to its end.
        Assert.Equal((LedgerStep.Verification, Light.Red), (logged.Step, logged.Light));
        Assert.Equal(LedgerDeadline.Done, verified);
    }

    [Fact]
    public void Task_OpenPastItsDueDay_IsRed_AndDoneIsNone()
    {
        Assert.Equal(Light.Red, steps.Task(false, Start, D(2026, 3, 3), Shanghai(2026, 3, 4, 9)).Light);
        Assert.Equal(Light.None, steps.Task(true, Start, D(2026, 3, 3), Shanghai(2026, 3, 4, 9)).Light);
    }

    [Fact]
    public void Approval_WaitingPastItsWorkingDays_IsRed()
    {
        // Five working days after Monday 2 March: Monday 9 March, to its end.
        Assert.Equal(Light.Yellow, steps.Approval(true, Start, Shanghai(2026, 3, 9, 20)).Light);
        Assert.Equal(Light.Red, steps.Approval(true, Start, Shanghai(2026, 3, 10, 8)).Light);
        Assert.Equal(Light.None, steps.Approval(false, Start, Shanghai(2026, 3, 10, 8)).Light);
    }
}
