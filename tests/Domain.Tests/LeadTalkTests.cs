using Microsoft.Extensions.Time.Testing;
using TalkBot.Domain.Leads;
using TalkBot.Domain.People;
using TalkBot.Domain.Rules;
using TalkBot.Domain.Talks;
using static TalkBot.Domain.Tests.At;
using static TalkBot.Domain.Tests.Cases;

namespace TalkBot.Domain.Tests;

/// <summary>A lead's reminder talks (000 §三2–3, §四(四)5) and when its dispositions are due (000 §四(四)).</summary>
public class LeadTalkTests
{
    private static readonly TalkId FirstTalk = new("t-1");
    private static readonly TalkId NextTalk = new("t-2");
    private static readonly DateOnly Today = D(2026, 3, 12);
    private static readonly DateTimeOffset Now = Shanghai(2026, 3, 12, 16);
    private readonly FakeTimeProvider _clock = Clock(Shanghai(2026, 3, 9, 9));

    private static readonly Person Office = A.Person().Id("do").In("bureau").With(Role.DisciplineOffice);
    private static readonly Person Cadre = A.Person().Id("cadre").In("branch");
    private static readonly Person Talker = A.Person().Id("talker").In("branch").With(Role.UnitSecretary);

    private static Lead Registered() => Lead.Register(new LeadId(Hex),
        new LeadDraft(LeadSource.Patrol, DisciplineCategory.Work, "巡察发现工作纪律问题", new Reporter("王五", "某分局")), Office, Cadre,
        Shanghai(2026, 3, 2));

    private static Lead Talked()
    {
        var lead = Registered();
        lead.AttachTalk(FirstTalk);
        return lead;
    }

    private static Lead DisposedWith(params DispositionDraft[] drafts)
    {
        var lead = Talked();
        lead.Dispose(Talker.Id, drafts, null, latestTalkHeld: true, Today, Now);
        return lead;
    }

    private static Lead SecondTalkDecided() => DisposedWith(new DispositionDraft(DispositionKind.SecondTalk, DueDate: D(2026, 3, 20)));

    private static Lead Closed() => DisposedWith(new DispositionDraft(DispositionKind.ClosedUnfounded, "反映不实"));

    private static TalkDraftBuilder Draft() => A.Draft().Kind(TalkKind.Routine).Talkees(Cadre).Talkers(Talker);

    private Talk Schedule(Lead lead, TalkDraft draft, Person? organiser = null) =>
        lead.ScheduleReminderTalk(NextTalk, draft, organiser ?? Office, Calendars.Shipped, NoticePolicy.Default, _clock);

    [Fact]
    public void ReminderTalk_WithTheSubjectAlone_IsScheduled_ButNotYetAttached()
    {
        var lead = Registered();

        var talk = Schedule(lead, Draft());

        Assert.Equal(NextTalk, talk.Id);
        Assert.Equal(TalkKind.Reminder, talk.Kind);
        Assert.Equal([Cadre.Id], talk.Talkees);
        Assert.Equal([Talker.Id], talk.Talkers);
        Assert.Equal(Office.Id, talk.Organiser);
        Assert.Empty(lead.Talks);
        Assert.Equal(LeadStatus.Registered, lead.Status);
    }

    [Fact]
    public void ReminderTalk_WithSomeoneElse_OrOthersBesidesTheSubject_IsTalkeeNotSubject()
    {
        Person colleague = A.Person().Id("colleague").In("branch");

        var alone = Assert.Single(Refused(() => Schedule(Registered(), Draft().Talkees(colleague))));
        var besides = Assert.Single(Refused(() => Schedule(Registered(), Draft().Talkees(Cadre, colleague))));

        Assert.Equal((RuleCode.TalkeeNotSubject, "000 §三2–3"), (alone.Code, alone.Source));
        Assert.Equal(RuleCode.TalkeeNotSubject, besides.Code);
    }

    [Fact]
    public void ReminderTalk_TheTalksOwnRules_AreReportedTogetherWithTheLeads()
    {
        var draft = Draft().Talkees(A.Person().Id("colleague")).Place(null);

        var violations = Refused(() => Schedule(Registered(), draft, organiser: Talker));

        Assert.Equal([RuleCode.TalkeeNotSubject, RuleCode.Required, RuleCode.NotPermitted], violations.Select(v => v.Code));
    }

    [Fact]
    public void ReminderTalk_LessThanTwoWorkingDaysAhead_IsNoticeTooLate() =>
        Assert.Equal(RuleCode.NoticeTooLate, Assert.Single(Refused(() => Schedule(Registered(), Draft().ScheduledAt(Shanghai(2026, 3, 10))))).Code);

    [Fact]
    public void ReminderTalk_WhileATalkIsArranged_IsInvalidState_Alone()
    {
        var violation = RefusedOnce(() => Schedule(Talked(), Draft().Talkees(A.Person().Id("colleague"))));

        Assert.Equal((RuleCode.InvalidState, "InTalk", "000 §三2–3"), (violation.Code, violation.Argument("state"), violation.Source));
    }

    [Fact]
    public void ReminderTalk_AfterSecondTalkIsDecided_IsScheduled_AndAttached()
    {
        var lead = SecondTalkDecided();

        var talk = Schedule(lead, Draft());

        Assert.True(lead.AttachTalk(talk.Id));
        Assert.Equal([FirstTalk, NextTalk], lead.Talks);
        Assert.False(lead.CanArrangeTalk);
    }

    [Fact]
    public void ReminderTalk_OnAClosedLead_IsInvalidState() =>
        Assert.Equal("Closed", RefusedOnce(() => Schedule(Closed(), Draft())).Argument("state"));

    [Fact]
    public void CanArrangeTalk_TheFirst_OrAnotherAfterSecondTalk_NeverOnceClosed()
    {
        Assert.True(Registered().CanArrangeTalk);
        Assert.False(Talked().CanArrangeTalk);
        Assert.False(DisposedWith(new DispositionDraft(DispositionKind.Criticism, "批评教育")).CanArrangeTalk);
        Assert.True(SecondTalkDecided().CanArrangeTalk);
        Assert.False(Closed().CanArrangeTalk);
    }

    [Fact]
    public void Dispositions_AreDue_OnceTheLatestTalkIsHeld_AndUntilTheyAreRecorded()
    {
        Assert.False(Registered().AwaitsDisposition(latestTalkHeld: true));
        Assert.False(Talked().AwaitsDisposition(latestTalkHeld: false));
        Assert.True(Talked().AwaitsDisposition(latestTalkHeld: true));
        Assert.False(SecondTalkDecided().AwaitsDisposition(latestTalkHeld: true));
        Assert.False(Closed().AwaitsDisposition(latestTalkHeld: true));

        var again = SecondTalkDecided();
        again.AttachTalk(NextTalk);
        Assert.False(again.AwaitsDisposition(latestTalkHeld: false));
        Assert.True(again.AwaitsDisposition(latestTalkHeld: true));
    }

    [Fact]
    public void CheckDisposable_BeforeTheTalkIsHeld_IsDispositionBeforeTalk()
    {
        var violation = Talked().CheckDisposable(latestTalkHeld: false);

        Assert.NotNull(violation);
        Assert.Equal((RuleCode.DispositionBeforeTalk, "000 §四(四)"), (violation.Code, violation.Source));
        Assert.Null(Talked().CheckDisposable(latestTalkHeld: true));
    }

    [Fact]
    public void CanDisposeNow_TheTalkerOrTheOffice_OnceTheTalkIsHeld()
    {
        var lead = Talked();
        PersonId[] talkers = [Talker.Id];

        Assert.True(LeadAccess.CanDisposeNow(Talker, lead, talkers, latestTalkHeld: true));
        Assert.True(LeadAccess.CanDisposeNow(Office, lead, [], latestTalkHeld: true));
        Assert.False(LeadAccess.CanDisposeNow(Talker, lead, talkers, latestTalkHeld: false));
        Assert.False(LeadAccess.CanDisposeNow(Talker, lead, [], latestTalkHeld: true));
        Assert.False(LeadAccess.CanDisposeNow(Talker, SecondTalkDecided(), talkers, latestTalkHeld: true));
    }

    [Fact]
    public void CanArrangeTalk_IsTheOfficesOfThatLevel_WhenTheLeadTakesATalk()
    {
        Person otherOffice = A.Person().Id("do-branch").In("branch").With(Role.DisciplineOffice);

        Assert.True(LeadAccess.CanArrangeTalk(Office, Registered()));
        Assert.False(LeadAccess.CanArrangeTalk(Office, Talked()));
        Assert.False(LeadAccess.CanArrangeTalk(otherOffice, Registered()));
        Assert.False(LeadAccess.CanArrangeTalk(Talker, Registered()));
    }
}
