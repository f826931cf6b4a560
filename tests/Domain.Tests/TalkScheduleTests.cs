using TalkBot.Domain.People;
using TalkBot.Domain.Rules;
using TalkBot.Domain.Talks;
using static TalkBot.Domain.Tests.At;

namespace TalkBot.Domain.Tests;

public class TalkScheduleTests
{
    private static readonly TalkId Id = new("t-1");
    private readonly Microsoft.Extensions.Time.Testing.FakeTimeProvider _clock = Clock(Shanghai(2026, 3, 9, 9));

    private Talk Schedule(TalkDraft draft, Person? organiser = null) =>
        Talk.Schedule(Id, draft, organiser ?? A.DisciplineOffice(), Calendars.Shipped, NoticePolicy.Default, _clock);

    private IReadOnlyList<RuleViolation> Refusal(TalkDraft draft, Person? organiser = null) =>
        Assert.Throws<DomainRuleException>(() => Schedule(draft, organiser)).Violations;

    [Fact]
    public void ValidDraft_SchedulesAnIndividualTalk()
    {
        Person talkee = A.Person().Id("talkee");
        Person talker = A.Person().Id("talker").With(Role.UnitSecretary);
        Person recorder = A.Person().Id("rec").With(Role.Recorder);

        var talk = Schedule(A.Draft().Talkees(talkee).Talkers(talker).RecordedBy(recorder), organiser: talker);

        Assert.Equal(Id, talk.Id);
        Assert.Equal(TalkFormat.Individual, talk.Format);
        Assert.Equal([new PersonId("talkee")], talk.Talkees);
        Assert.Equal(new PersonId("talker"), talk.LeadTalker);
        Assert.Equal(new PersonId("rec"), talk.Recorder);
        Assert.Equal(talker.Id, talk.Organiser);
        Assert.Equal(TalkStatus.Scheduled, talk.Status);
        Assert.Equal(_clock.GetUtcNow(), talk.CreatedAt);
        Assert.Equal(D(2026, 3, 9), talk.ContentDeterminedOn);
    }

    [Fact]
    public void SeveralTalkees_MakeACollectiveTalk()
    {
        var talk = Schedule(A.Draft().Talkees(A.Person(), A.Person()));
        Assert.Equal(TalkFormat.Collective, talk.Format);
    }

    [Fact]
    public void NoContentDate_CountsAsDeterminedToday() =>
        Assert.Equal(D(2026, 3, 9), Schedule(A.Draft().ContentOn(null)).ContentDeterminedOn);

    [Theory]
    [InlineData("kind")]
    [InlineData("talkees")]
    [InlineData("talkers")]
    [InlineData("scheduledAt")]
    [InlineData("place")]
    public void MissingField_IsRejectedNamingTheField(string field)
    {
        var draft = field switch
        {
            "kind" => A.Draft().Kind(null),
            "talkees" => A.Draft().Talkees(),
            "talkers" => A.Draft().Talkers(),
            "scheduledAt" => A.Draft().ScheduledAt(null),
            _ => A.Draft().Place("  "),
        };

        var violation = Assert.Single(Refusal(draft));
        Assert.Equal(RuleCode.Required, violation.Code);
        Assert.Equal(field, violation.Argument("field"));
    }

    [Fact]
    public void EmptyDraft_ReportsEveryMissingField()
    {
        var violations = Refusal(A.Draft().Kind(null).Talkees().Talkers().ScheduledAt(null).Place(null));
        Assert.Equal(
            ["kind", "talkees", "talkers", "scheduledAt", "place"],
            violations.Select(v => v.Argument("field")));
    }

    [Fact]
    public void TalkeeWhoIsAlsoTalker_IsRejected()
    {
        Person both = A.Person().With(Role.UnitSecretary);
        var violation = Assert.Single(Refusal(A.Draft().Talkees(both).Talkers(both)));
        Assert.Equal(RuleCode.TalkeeIsTalker, violation.Code);
        Assert.Equal(both.Id.Value, violation.Argument("person"));
    }

    [Fact]
    public void InactiveTalkee_IsRejected() =>
        Assert.Equal(RuleCode.TalkeeInactive, Assert.Single(Refusal(A.Draft().Talkees(A.Person().Inactive()))).Code);

    [Fact]
    public void OrganiserWithoutTheRole_IsRejected()
    {
        var violation = Assert.Single(Refusal(A.Draft().Kind(TalkKind.Routine), organiser: A.Person().With(Role.UnitCommitteeMember)));
        Assert.Equal(RuleCode.NotPermitted, violation.Code);
    }

    [Fact]
    public void SchedulingRules_AreAppliedAndAllViolationsReported()
    {
        var violations = Refusal(A.Draft().ScheduledAt(Shanghai(2026, 3, 10)).Place(null));

        Assert.Contains(violations, v => v.Code == RuleCode.Required);
        var late = Assert.Single(violations, v => v.Code == RuleCode.NoticeTooLate);
        Assert.Equal(D(2026, 3, 11), late.EarliestValidDate);
    }

    [Theory]
    [InlineData(TalkKind.Admonishment, RuleCode.AdmonishmentNeedsApprovedCase, "002 §四2")]
    [InlineData(TalkKind.Reminder, RuleCode.ReminderTalkNeedsLead, "000 §三2–3")]
    public void NewTalk_OfAKindArrangedOnlyFromACaseOrALead_IsRefused_EvenForTheOffice(TalkKind kind, RuleCode code, string source)
    {
        var violation = Assert.Single(Refusal(A.Draft().Kind(kind)));

        Assert.Equal((code, source), (violation.Code, violation.Source));
        Assert.False(Talk.IsOrdinaryKind(kind));
        Assert.True(Talk.IsOrdinaryKind(TalkKind.Routine));
    }

    [Fact]
    public void NewTalk_OfAKindArrangedOnlyFromACase_ReportsTheOtherRulesBroken_ButNotTheRoleTwice()
    {
        var violations = Refusal(A.Draft().Kind(TalkKind.Admonishment).Place(null), organiser: A.Person().With(Role.UnitSecretary));

        Assert.Contains(violations, v => v.Code == RuleCode.AdmonishmentNeedsApprovedCase);
        Assert.Contains(violations, v => v.Code == RuleCode.Required);
        Assert.DoesNotContain(violations, v => v.Code == RuleCode.NotPermitted);
    }

    [Fact]
    public void Restore_RebuildsAStoredTalkWithoutCheckingRules()
    {
        var talk = Talk.Restore(Id, TalkKind.Routine, [new PersonId("a"), new PersonId("b")], [new PersonId("c")], null,
            new PersonId("o"), Shanghai(2020, 1, 1), "room", D(2019, 12, 1), null, Shanghai(2019, 12, 1), TalkStatus.Held);

        Assert.Equal(TalkFormat.Collective, talk.Format);
        Assert.Equal(TalkStatus.Held, talk.Status);
        Assert.True(talk.IsTalkee(new PersonId("b")));
        Assert.True(talk.IsTalker(new PersonId("c")));
    }

    [Fact]
    public void TalkId_New_IsTimeOrderedAndTableKeySafe()
    {
        var first = TalkId.New(_clock);
        _clock.Advance(TimeSpan.FromMilliseconds(5));
        var second = TalkId.New(_clock);

        Assert.True(string.CompareOrdinal(first.Value, second.Value) < 0);
        Assert.Matches("^[0-9a-f]{32}$", first.Value);
        Assert.NotEqual(first, TalkId.New(_clock));
    }
}
