using TalkBot.Domain.Admonishments;
using TalkBot.Domain.FollowUps;
using TalkBot.Domain.People;
using TalkBot.Domain.Talks;
using static TalkBot.Domain.Tests.At;
using static TalkBot.Domain.Tests.Cases;

namespace TalkBot.Domain.Tests;

/// <summary>What a held admonishment talk leads to: the follow-up check (002 §四5) and the written material (002 §四4).</summary>
public class AdmonishmentHeldTalkTests
{
    private static readonly CaseId Id = new(Hex);
    private static readonly DateOnly HeldOn = D(2026, 3, 11);
    private static readonly DateOnly Today = D(2026, 3, 12);
    private static readonly DateTimeOffset Now = Shanghai(2026, 3, 12, 15);

    private static readonly Person Office = A.Person().Id("do").In("bureau").With(Role.DisciplineOffice);
    private static readonly Person Cadre = A.Person().Id("cadre").In("branch");
    private static readonly PersonId Responsible = new("responsible");
    private static readonly PersonId OfficeTalker = new("do-talker");

    private static AdmonishmentCase Arranged(bool minor = true, bool forUnit = false, params TalkId[] talks)
    {
        var c = AdmonishmentCase.Propose(Id, new ProposalDraft(AdmonishmentSituation.IntegritySelfDiscipline, "违规接受宴请", minor,
            AdmonishmentOrigin.Petition, forUnit), Office, Cadre, Shanghai(2026, 3, 2));
        c.Decide(A.Person().With(Role.DisciplineOfficeHead), true, null, Shanghai(2026, 3, 3));
        c.AttachTalk(talks.Length > 0 ? talks[0] : new TalkId("t-1"));
        return c;
    }

    private static Talk TalkOf(string id, params PersonId[] talkers) => Talk.Restore(new TalkId(id), TalkKind.Admonishment, [Cadre.Id],
        talkers.Length > 0 ? talkers : [Responsible, OfficeTalker], new PersonId("rec"), Office.Id, Shanghai(2026, 3, 11, 9), "纪委办谈话室",
        D(2026, 3, 9), null, Shanghai(2026, 3, 9), TalkStatus.Scheduled);

    private static TalkHeldOutcome? Held(AdmonishmentCase c, Talk talk, AdmonishmentPolicy? policy = null) =>
        c.OnTalkHeld(talk, HeldOn, Today, Now, policy ?? AdmonishmentPolicy.Default, Calendars.Shipped);

    [Fact]
    public void MinorViolation_MovesToFollowUp_AndAsksTheSubjectForASelfExamination_ReadByTheLeadTalkerAndTheProposer()
    {
        var c = Arranged();

        var outcome = Held(c, TalkOf("t-1"));

        Assert.NotNull(outcome);
        Assert.Equal(D(2026, 4, 10), outcome.NextCheck);
        Assert.Equal(CaseStatus.FollowUp, c.Status);
        Assert.Equal(D(2026, 4, 10), c.NextCheck);
        var task = outcome.WrittenMaterial;
        Assert.NotNull(task);
        Assert.Equal(CaseTaskId.For(Hex, CaseTaskKind.SelfExamination, 1), task.Id);
        Assert.Equal(CaseTaskKind.SelfExamination, task.Kind);
        // 002 §四4, not the 责令检查 of 000 §四(四)4: the task says which procedure it follows.
        Assert.Equal(CaseTaskOrigin.Admonishment, task.Origin);
        Assert.Equal((Cadre.Id, Cadre.Id), (task.Subject, task.Assignee));
        Assert.Equal([Responsible, Office.Id], task.Reviewers);
        Assert.Null(task.Instruction);
        // Five working days after Thursday 12 March 2026.
        Assert.Equal(D(2026, 3, 19), task.FirstDueDate);
        Assert.Equal(Now, task.OpenedAt);
        Assert.Equal(CaseTaskStatus.Open, task.Status);
    }

    [Fact]
    public void MinorViolation_OfAUnit_AsksItsHeadForACollectiveAnalysis()
    {
        var task = Held(Arranged(forUnit: true), TalkOf("t-1"))?.WrittenMaterial;

        Assert.NotNull(task);
        Assert.Equal(CaseTaskKind.CollectiveAnalysis, task.Kind);
        Assert.Equal(CaseTaskId.For(Hex, CaseTaskKind.CollectiveAnalysis, 1), task.Id);
        Assert.Equal(Cadre.Id, task.Assignee);
    }

    [Fact]
    public void NoViolation_OnlySchedulesTheCheck()
    {
        var c = Arranged(minor: false);

        var outcome = Held(c, TalkOf("t-1", Responsible));

        Assert.Equal(new TalkHeldOutcome(D(2026, 4, 10), null), outcome);
        Assert.Equal(CaseStatus.FollowUp, c.Status);
    }

    [Fact]
    public void Policy_SetsTheFollowUpPeriodAndTheDeadline()
    {
        var outcome = Held(Arranged(), TalkOf("t-1"), new AdmonishmentPolicy(followUpDays: 14, writtenMaterialWorkingDays: 2));

        Assert.Equal(D(2026, 3, 25), outcome?.NextCheck);
        Assert.Equal(D(2026, 3, 16), outcome?.WrittenMaterial?.FirstDueDate);
    }

    [Fact]
    public void LeadTalker_WhoProposedTheCase_ReadsTheMaterialOnce()
    {
        var task = Held(Arranged(), TalkOf("t-1", Office.Id, Responsible))?.WrittenMaterial;

        Assert.Equal([Office.Id], task?.Reviewers);
    }

    [Fact]
    public void HeldTwice_ChangesNothing()
    {
        var c = Arranged();
        Held(c, TalkOf("t-1"));

        Assert.Null(c.OnTalkHeld(TalkOf("t-1"), HeldOn.AddDays(3), Today.AddDays(3), Now.AddDays(3), AdmonishmentPolicy.Default, Calendars.Shipped));
        Assert.Equal(CaseStatus.FollowUp, c.Status);
        Assert.Equal(D(2026, 4, 10), c.NextCheck);
    }

    [Fact]
    public void RepeatTalk_AsksForItsOwnMaterial_AndAnEarlierTalksRecordLoggedAgainChangesNothing()
    {
        var c = Arranged(talks: new TalkId("t-1"));
        Held(c, TalkOf("t-1"));
        c.AttachTalk(new TalkId("t-2"));

        Assert.Null(Held(c, TalkOf("t-1")));
        Assert.Equal(CaseStatus.TalkArranged, c.Status);

        var outcome = Held(c, TalkOf("t-2"));

        Assert.Equal(CaseTaskId.For(Hex, CaseTaskKind.SelfExamination, 2), outcome?.WrittenMaterial?.Id);
        Assert.Equal(CaseStatus.FollowUp, c.Status);
    }

    [Fact]
    public void TalkOfAnotherCase_IsAnError()
    {
        var c = Arranged();

        Assert.Throws<ArgumentException>(() => Held(c, TalkOf("t-9")));
        Assert.Equal(CaseStatus.TalkArranged, c.Status);
    }

    [Fact]
    public void Policy_Defaults_AndRefusesPeriodsShorterThanADay()
    {
        Assert.Equal((30, 5), (AdmonishmentPolicy.Default.FollowUpDays, AdmonishmentPolicy.Default.WrittenMaterialWorkingDays));
        Assert.Throws<ArgumentOutOfRangeException>(() => new AdmonishmentPolicy(followUpDays: 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => AdmonishmentPolicy.Default with { WrittenMaterialWorkingDays = -1 });
    }
}
