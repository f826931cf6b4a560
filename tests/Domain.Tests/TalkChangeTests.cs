using Microsoft.Extensions.Time.Testing;
using TalkBot.Domain.People;
using TalkBot.Domain.Rules;
using TalkBot.Domain.Talks;
using static TalkBot.Domain.Tests.At;

namespace TalkBot.Domain.Tests;

/// <summary>Moving and cancelling a talk, deciding a postponement, and recording an absence (000 §四(一)2–3, §四(五)1).</summary>
public class TalkChangeTests
{
    // Monday 9 March 2026, 09:00; the talk is on Wednesday 11 March at 10:00.
    private readonly FakeTimeProvider _clock = Clock(Shanghai(2026, 3, 9, 9));
    private static readonly Person Office = A.Person().Id("office").In("u1").With(Role.DisciplineOffice);
    private static readonly Person Talkee = A.Person().Id("talkee").In("u1");
    private static readonly Person Talker = A.Person().Id("talker").In("u1").With(Role.UnitSecretary);
    private static readonly Person Recorder = A.Person().Id("rec").In("u1").With(Role.Recorder);
    private static readonly PersonId[] Units = [Office.Id];

    private Talk NewTalk(TalkKind kind = TalkKind.Routine, Person? organiser = null) => Talk.Schedule(new TalkId("t-1"),
        A.Draft().Kind(kind).Talkees(Talkee).Talkers(Talker).RecordedBy(Recorder), organiser ?? Office, Calendars.Shipped, NoticePolicy.Default, _clock);

    private bool Move(Talk talk, DateTimeOffset at, string? reason = "会议冲突", Person? actor = null) =>
        talk.Reschedule(actor ?? Office, Units, at, reason, Calendars.Shipped, NoticePolicy.Default, _clock);

    private static IReadOnlyList<RuleCode> Codes(Action act) => [.. Assert.Throws<DomainRuleException>(act).Violations.Select(v => v.Code)];

    [Fact]
    public void Reschedule_ToAValidTime_MovesTheTalk_AndKeepsWhatItWas()
    {
        var talk = NewTalk();

        Assert.True(Move(talk, Shanghai(2026, 3, 12, 15)));

        Assert.Equal(Shanghai(2026, 3, 12, 15), talk.ScheduledAt);
        Assert.Equal(1, talk.Revision);
        Assert.Equal(new TalkChange(TalkChangeKind.Moved, Office.Id, _clock.GetUtcNow(), "会议冲突", Shanghai(2026, 3, 11)), talk.LastChange);
    }

    [Fact]
    public void Reschedule_Twice_ToTheSameTime_ChangesOnce()
    {
        var talk = NewTalk();

        Assert.True(Move(talk, Shanghai(2026, 3, 12, 15)));
        Assert.False(Move(talk, Shanghai(2026, 3, 12, 15)));

        Assert.Equal(1, talk.Revision);
    }

    [Fact]
    public void Reschedule_LessThanTwoWorkingDaysAhead_IsRefusedWithTheNoticeRule()
    {
        var talk = NewTalk();

        var violation = Assert.Single(Assert.Throws<DomainRuleException>(() => Move(talk, Shanghai(2026, 3, 10, 15))).Violations);

        Assert.Equal((RuleCode.NoticeTooLate, "000 §四(一)3", D(2026, 3, 11)), (violation.Code, violation.Source, violation.EarliestValidDate));
        Assert.Equal(Shanghai(2026, 3, 11), talk.ScheduledAt);
    }

    [Fact]
    public void Reschedule_PastTheFiveDayWindowFromToday_IsRefused()
    {
        var talk = NewTalk();

        Assert.Equal([RuleCode.OutsideFiveDayWindow], Codes(() => Move(talk, Shanghai(2026, 3, 16, 10))));
        Assert.Equal(0, talk.Revision);
    }

    [Fact]
    public void Reschedule_WithoutAReason_IsRefused()
    {
        var talk = NewTalk();

        var violation = Assert.Single(Assert.Throws<DomainRuleException>(() => Move(talk, Shanghai(2026, 3, 12, 15), "  ")).Violations);

        Assert.Equal((RuleCode.ReasonRequired, "reschedule"), (violation.Code, violation.Argument("action")));
    }

    [Fact]
    public void Reschedule_BySomeoneNeitherOrganiserNorTheTalkeesOffice_IsRefused()
    {
        var talk = NewTalk();
        Person otherOffice = A.Person().In("u2").With(Role.DisciplineOffice);

        Assert.Equal([RuleCode.NotPermitted], Codes(() => Move(talk, Shanghai(2026, 3, 12, 15), actor: Talker)));
        Assert.Equal([RuleCode.NotPermitted], Codes(() => Move(talk, Shanghai(2026, 3, 12, 15), actor: otherOffice)));
        Assert.Equal(Shanghai(2026, 3, 11), talk.ScheduledAt);
    }

    [Fact]
    public void Reschedule_ByTheOrganiserWhoIsNotOfTheOffice_IsAllowed()
    {
        var talk = NewTalk(organiser: Talker);

        Assert.True(Move(talk, Shanghai(2026, 3, 12, 15), actor: Talker));
    }

    [Fact]
    public void Reschedule_OnceTheTalkHasBegun_IsRefused()
    {
        var talk = NewTalk();
        _clock.SetUtcNow(Shanghai(2026, 3, 11, 10, 30));

        Assert.Contains(RuleCode.TalkAlreadyBegun, Codes(() => Move(talk, Shanghai(2026, 3, 16, 10))));
    }

    [Fact]
    public void Reschedule_ACancelledTalk_IsRefused()
    {
        var talk = NewTalk();
        talk.Cancel(Office, Units, "取消", _clock);

        var violation = Assert.Single(Assert.Throws<DomainRuleException>(() => Move(talk, Shanghai(2026, 3, 12, 15))).Violations);
        Assert.Equal((RuleCode.InvalidState, "Cancelled"), (violation.Code, violation.Argument("state")));
    }

    [Fact]
    public void Cancel_Twice_ChangesOnce_WithItsReason()
    {
        var talk = NewTalk();

        Assert.True(talk.Cancel(Office, Units, "谈话对象借调外单位", _clock));
        Assert.False(talk.Cancel(Office, Units, "谈话对象借调外单位", _clock));

        Assert.Equal(TalkStatus.Cancelled, talk.Status);
        Assert.Equal((TalkChangeKind.Cancelled, "谈话对象借调外单位", 1), (talk.LastChange!.Kind, talk.LastChange.Reason, talk.Revision));
    }

    [Fact]
    public void Cancel_WithoutAReason_OrByATalker_OrAHeldTalk_IsRefused()
    {
        var talk = NewTalk();
        Assert.Equal([RuleCode.ReasonRequired], Codes(() => talk.Cancel(Office, Units, "", _clock)));
        Assert.Equal([RuleCode.NotPermitted], Codes(() => talk.Cancel(Talker, Units, "x", _clock)));
        talk.MarkHeld();

        Assert.Equal([RuleCode.InvalidState], Codes(() => talk.Cancel(Office, Units, "x", _clock)));
    }

    [Fact]
    public void ACancelledTalk_RefusesAnswersToItsNotice()
    {
        var talk = NewTalk();
        talk.EnsureNotCancelled();
        talk.Cancel(Office, Units, "取消", _clock);

        Assert.Equal([RuleCode.TalkCancelled], Codes(talk.EnsureNotCancelled));
    }

    [Fact]
    public void RecordAbsence_AfterTheTalkTime_ByTheRecorder_RecordsOnce()
    {
        var talk = NewTalk();
        _clock.SetUtcNow(Shanghai(2026, 3, 11, 10, 20));

        Assert.True(talk.RecordAbsence(Recorder, Talkee.Id, _clock));
        Assert.False(talk.RecordAbsence(Talker, Talkee.Id, _clock));

        Assert.Equal([new Absence(Talkee.Id, Recorder.Id, Shanghai(2026, 3, 11, 10, 20))], talk.Absences);
    }

    [Fact]
    public void RecordAbsence_BeforeTheTalk_OfSomeoneNotATalkee_OrByAnOutsider_IsRefused()
    {
        var talk = NewTalk();

        Assert.Equal([RuleCode.AbsenceBeforeTalk], Codes(() => talk.RecordAbsence(Recorder, Talkee.Id, _clock)));
        _clock.SetUtcNow(Shanghai(2026, 3, 11, 11));
        Assert.Equal([RuleCode.NotTalkeeOfTalk], Codes(() => talk.RecordAbsence(Recorder, Talker.Id, _clock)));
        Assert.Equal([RuleCode.NotPermitted], Codes(() => talk.RecordAbsence(Office, Talkee.Id, _clock)));
        Assert.Empty(talk.Absences);
    }

    [Fact]
    public void RecordAbsence_OfACancelledTalk_IsRefused()
    {
        var talk = NewTalk();
        talk.Cancel(Office, Units, "取消", _clock);
        _clock.SetUtcNow(Shanghai(2026, 3, 11, 11));

        Assert.Equal([RuleCode.TalkCancelled], Codes(() => talk.RecordAbsence(Recorder, Talkee.Id, _clock)));
    }

    private (Talk Talk, List<Notice> Notices) Requested()
    {
        var talk = NewTalk();
        var notices = Notice.For(talk, _clock).ToList();
        notices[0].MarkSent(_clock.GetUtcNow());
        notices[0].RequestPostponement(Talkee.Id, "外出培训", _clock);
        return (talk, notices);
    }

    private bool Approve(Talk talk, List<Notice> notices, DateTimeOffset at, Person? actor = null) =>
        Notice.ApprovePostponement(talk, notices, Talkee.Id, actor ?? Office, Units, at, Calendars.Shipped, NoticePolicy.Default, _clock);

    [Fact]
    public void ApprovePostponement_MovesTheTalk_AndIssuesTheNextNotice_Once()
    {
        var (talk, notices) = Requested();

        Assert.True(Approve(talk, notices, Shanghai(2026, 3, 13, 9)));
        Assert.False(Approve(talk, notices, Shanghai(2026, 3, 13, 9)));

        Assert.Equal(Shanghai(2026, 3, 13, 9), talk.ScheduledAt);
        var notice = Assert.Single(notices);
        Assert.Equal((2, NoticeStatus.Sent, (DateTimeOffset?)null), (notice.Version, notice.Status, notice.PostponementRequestedAt));
        Assert.Equal(new PostponementDecision(true, Office.Id, _clock.GetUtcNow(), null, "外出培训"), notice.Decision);
    }

    [Fact]
    public void ApprovePostponement_ToTheSameTime_OrTooSoon_IsRefused_AndChangesNothing()
    {
        var (talk, notices) = Requested();

        Assert.Equal([RuleCode.NewTimeRequired], Codes(() => Approve(talk, notices, Shanghai(2026, 3, 11))));
        Assert.Equal([RuleCode.NoticeTooLate], Codes(() => Approve(talk, notices, Shanghai(2026, 3, 10, 15))));
        Assert.Equal(NoticeStatus.PostponementRequested, notices[0].Status);
        Assert.Equal(0, talk.Revision);
    }

    [Fact]
    public void ApprovePostponement_ByATalker_OrWithNothingAsked_IsRefused()
    {
        var (talk, notices) = Requested();
        Assert.Equal([RuleCode.NotPermitted], Codes(() => Approve(talk, notices, Shanghai(2026, 3, 13, 9), Talker)));
        notices[0].Acknowledge(Talkee.Id, _clock);

        Assert.Equal([RuleCode.PostponementNotPending], Codes(() => Approve(talk, notices, Shanghai(2026, 3, 13, 9))));
    }

    [Fact]
    public void RefusePostponement_WithAReason_Once_ThenTheTalkeeMayAcknowledge()
    {
        var (_, notices) = Requested();
        var notice = notices[0];

        Assert.True(notice.RefusePostponement(Office.Id, "培训可调整", _clock));
        Assert.False(notice.RefusePostponement(Office.Id, "培训可调整", _clock));
        Assert.Equal(NoticeStatus.PostponementRefused, notice.Status);
        Assert.Equal((false, "培训可调整", "外出培训"), (notice.Decision!.Approved, notice.Decision.Reason, notice.Decision.RequestReason));

        Assert.True(notice.Acknowledge(Talkee.Id, _clock));
        Assert.Equal(NoticeStatus.Acknowledged, notice.Status);
    }

    [Fact]
    public void RefusePostponement_WithoutAReason_OrWithNothingAsked_IsRefused()
    {
        var (_, notices) = Requested();
        var notice = notices[0];

        var violation = Assert.Single(Assert.Throws<DomainRuleException>(() => notice.RefusePostponement(Office.Id, " ", _clock)).Violations);
        Assert.Equal((RuleCode.ReasonRequired, "000 §四(五)1"), (violation.Code, violation.Source));
        notice.Acknowledge(Talkee.Id, _clock);
        Assert.Equal([RuleCode.PostponementNotPending], Codes(() => notice.RefusePostponement(Office.Id, "x", _clock)));
    }

    [Fact]
    public void Reissue_OfANoticeNeverDelivered_SendsItAfresh()
    {
        var talk = NewTalk();
        var notice = Notice.For(talk, _clock)[0];
        notice.MarkUnreachable("blocked");

        notice.Reissue(_clock);

        Assert.Equal((2, NoticeStatus.Created, (string?)null), (notice.Version, notice.Status, notice.UnreachableReason));
    }
}

/// <summary>When a decision waiting is first reminded (000 §四(五)1, 002 §四2, §五7): in working hours.</summary>
public class DecisionReminderTests
{
    private static readonly TalkBot.Domain.Reminders.ReminderRules Rules = new(Calendars.Shipped, new TalkBot.Domain.Reminders.ReminderPolicy());

    [Fact]
    public void AskedInTheMorning_IsRemindedFourHoursLater()
    {
        Assert.Equal(Shanghai(2026, 3, 9, 14), Rules.DecisionReminderAt(Shanghai(2026, 3, 9, 10)));
    }

    [Fact]
    public void AskedLateOnFriday_IsRemindedOnMondayMorning()
    {
        Assert.Equal(Shanghai(2026, 3, 16, 8, 30), Rules.DecisionReminderAt(Shanghai(2026, 3, 13, 16)));
    }
}
