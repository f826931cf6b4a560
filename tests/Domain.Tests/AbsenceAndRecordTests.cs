using Microsoft.Extensions.Time.Testing;
using TalkBot.Domain.People;
using TalkBot.Domain.Records;
using TalkBot.Domain.Rules;
using TalkBot.Domain.Talks;
using static TalkBot.Domain.Tests.At;

namespace TalkBot.Domain.Tests;

/// <summary>
/// 未请假缺席 and the record (000 §四(一)4, §四(五)1): a talk nobody came to is not recorded as held, and who did not come
/// is recorded before the record, not after it.
/// </summary>
public class AbsenceAndRecordTests
{
    // Monday 9 March 2026, 09:00; the talk is on Wednesday 11 March at 10:00; the clock is then moved past it.
    private readonly FakeTimeProvider _clock = Clock(Shanghai(2026, 3, 9, 9));
    private static readonly Person Office = A.Person().Id("office").In("u1").With(Role.DisciplineOffice);
    private static readonly Person First = A.Person().Id("talkee-1").In("u1");
    private static readonly Person Second = A.Person().Id("talkee-2").In("u1");
    private static readonly Person Talker = A.Person().Id("talker").In("u1").With(Role.UnitSecretary);
    private static readonly Person Recorder = A.Person().Id("rec").In("u1").With(Role.Recorder);

    private Talk HeldTime(params Person[] talkees)
    {
        var talk = Talk.Schedule(new TalkId("t-1"), A.Draft().Kind(TalkKind.Routine).Talkees(talkees).Talkers(Talker).RecordedBy(Recorder), Office,
            Calendars.Shipped, NoticePolicy.Default, _clock);
        _clock.SetUtcNow(Shanghai(2026, 3, 11, 11, 30));
        return talk;
    }

    private static RecordContent Content(Talk talk) => new(
        Shanghai(2026, 3, 11, 10), Shanghai(2026, 3, 11, 11), "三楼会议室", TalkFormat.Individual, Talker.Id, [], null, Recorder.Id,
        Enumerable.Range(1, ContentChecklist.Count(talk.Kind)).ToHashSet(), [.. talk.Talkees.Select(t => new TalkeePart(t, "无", "无", "继续保持", false, []))]);

    private static RuleCode[] Codes(Action action) => [.. Assert.Throws<DomainRuleException>(action).Violations.Select(v => v.Code)];

    [Fact]
    public void ATalkEveryTalkeeWasRecordedAbsentFrom_CannotBeLoggedAsHeld()
    {
        var talk = HeldTime(First);
        talk.RecordAbsence(Recorder, First.Id, _clock);

        Assert.True(talk.EveryTalkeeAbsent);
        Assert.Equal([RuleCode.TalkeesAbsent], Codes(() => TalkRecord.Log(talk, Content(talk), Recorder.Id, "form-1", _clock)));
        Assert.Equal(TalkStatus.Scheduled, talk.Status);
    }

    [Fact]
    public void ACollectiveTalkWithOneTalkeeAbsent_IsStillRecordedForThoseWhoCame()
    {
        var talk = HeldTime(First, Second);
        talk.RecordAbsence(Talker, First.Id, _clock);

        Assert.False(talk.EveryTalkeeAbsent);
        Assert.Equal(1, TalkRecord.Log(talk, Content(talk), Recorder.Id, "form-1", _clock).Current.Number);
    }

    [Fact]
    public void OnceTheRecordIsLogged_AnAbsenceIsRefused_AndNothingIsRecorded()
    {
        var talk = HeldTime(First);
        TalkRecord.Log(talk, Content(talk), Recorder.Id, "form-1", _clock);
        talk.MarkHeld();

        Assert.Equal([RuleCode.AbsenceAfterRecord], Codes(() => talk.RecordAbsence(Recorder, First.Id, _clock)));
        Assert.Empty(talk.Absences);
    }
}
