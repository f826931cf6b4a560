using TalkBot.Domain.Ledgers;
using TalkBot.Domain.Records;
using TalkBot.Domain.Rectifications;
using TalkBot.Domain.Talks;
using static TalkBot.Domain.Tests.At;

namespace TalkBot.Domain.Tests;

/// <summary>
/// The light of a rectification report (000 §四(一)5) in the talk ledger: its time runs from the opening (or the return)
/// to the end of its due day; yellow from half of it, red after it, gone once reported; and the talk's line shows it
/// when it is more pressing than the talk's own step.
/// </summary>
public class RectificationLightTests
{
    private static readonly PersonId Talkee = new("talkee");
    private static readonly PersonId Talker = new("talker");
    private readonly LedgerSteps steps = new(Calendars.Shipped, new LedgerPolicy());

    // Logged on Thursday 5 March 2026 at 15:00 after a talk that day: due Sunday 8 March, to its end (81 hours).
    private static Rectification Opened() => Rectification.Open(new TalkId("t-1"), Talkee, ["退还超标费用"], D(2026, 3, 8), Shanghai(2026, 3, 5, 15));

    private LedgerDeadline Deadline(Rectification r, DateTimeOffset now) => steps.Rectification(r.AwaitsReport, r.ReportDueSince, r.DueDate, now);

    private static void Report(Rectification r, string form, DateTimeOffset now) =>
        r.Submit(Talkee, [new(1, "已退还", MeasureStatus.Done, D(2026, 3, 5))], form, DateOnly.FromDateTime(now.DateTime), now);

    [Fact]
    public void Report_JustBeforeHalfItsTime_ShowsNoLight() => Assert.Equal(Light.None, Deadline(Opened(), Shanghai(2026, 3, 7, 7, 29)).Light);

    [Fact]
    public void Report_AtHalfItsTime_IsYellow()
    {
        var d = Deadline(Opened(), Shanghai(2026, 3, 7, 7, 30));

        Assert.Equal((LedgerStep.Rectification, Light.Yellow), (d.Step, d.Light));
        Assert.Equal(Shanghai(2026, 3, 9, 0).AddTicks(-1), d.Due);
    }

    [Fact]
    public void Report_OnItsDueDay_IsStillYellow_AndRedFromTheNextDay()
    {
        Assert.Equal(Light.Yellow, Deadline(Opened(), Shanghai(2026, 3, 8, 23, 59)).Light);
        Assert.Equal(Light.Red, Deadline(Opened(), Shanghai(2026, 3, 9, 0)).Light);
    }

    [Fact]
    public void Report_Submitted_ShowsNoLight_EvenLate()
    {
        var r = Opened();
        Report(r, "f1", Shanghai(2026, 3, 10, 9));

        Assert.Equal(LedgerDeadline.Done, Deadline(r, Shanghai(2026, 3, 10, 9)));
    }

    [Fact]
    public void Report_Returned_CountsItsTimeFromTheReturn_ToTheNewDueDay()
    {
        var r = Opened();
        Report(r, "f1", Shanghai(2026, 3, 6, 9));
        r.Review(Talker, 1, false, "请附凭证", D(2026, 3, 10), D(2026, 3, 9), Shanghai(2026, 3, 9, 10));

        // From Monday 10:00 to the end of Tuesday 10 March: 38 hours, half of it at Tuesday 05:00.
        Assert.Equal(Light.None, Deadline(r, Shanghai(2026, 3, 10, 4, 59)).Light);
        Assert.Equal(Light.Yellow, Deadline(r, Shanghai(2026, 3, 10, 5)).Light);
        Assert.Equal(Light.Red, Deadline(r, Shanghai(2026, 3, 11, 0)).Light);
    }

    [Fact]
    public void TalkLine_VerifiedWithAnOverdueReport_ShowsTheReport()
    {
        var verified = steps.Talk(TalkStatus.Held, RecordStatus.Verified, Shanghai(2026, 3, 2, 10), Shanghai(2026, 3, 5, 9, 30), Shanghai(2026, 3, 6, 9), true,
            Shanghai(2026, 3, 9, 9));

        var line = LedgerSteps.TalkWithRectifications(verified, [Deadline(Opened(), Shanghai(2026, 3, 9, 9))]);

        Assert.Equal((LedgerStep.Rectification, Light.Red), (line.Step, line.Light));
    }

    [Fact]
    public void TalkLine_WithTheVerificationRedAndTheReportYellow_ShowsTheVerification()
    {
        // Logged Thursday 15:00: verification due by the end of Tuesday 10 March; the report is due on Wednesday 11 March.
        var logged = steps.Talk(TalkStatus.Held, RecordStatus.AwaitingVerification, Shanghai(2026, 3, 2, 10), Shanghai(2026, 3, 5, 9, 30), Shanghai(2026, 3, 5, 15),
            true, Shanghai(2026, 3, 11, 9));
        var report = steps.Rectification(true, Shanghai(2026, 3, 5, 15), D(2026, 3, 11), Shanghai(2026, 3, 11, 9));

        var line = LedgerSteps.TalkWithRectifications(logged, [report]);

        Assert.Equal(Light.Yellow, report.Light);
        Assert.Equal((LedgerStep.Verification, Light.Red), (line.Step, line.Light));
    }

    [Fact]
    public void TalkLine_WithEqualLights_ShowsTheFirstDue_AndWithNothingOpenIsDone()
    {
        var first = steps.Rectification(true, Shanghai(2026, 3, 5, 15), D(2026, 3, 8), Shanghai(2026, 3, 6, 9));
        var later = steps.Rectification(true, Shanghai(2026, 3, 5, 15), D(2026, 3, 9), Shanghai(2026, 3, 6, 9));

        Assert.Equal(first, LedgerSteps.TalkWithRectifications(LedgerDeadline.Done, [later, first]));
        Assert.Equal(LedgerDeadline.Done, LedgerSteps.TalkWithRectifications(LedgerDeadline.Done, [LedgerDeadline.Done]));
    }
}
