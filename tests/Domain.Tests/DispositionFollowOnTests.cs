using TalkBot.Domain.FollowUps;
using TalkBot.Domain.Leads;
using TalkBot.Domain.People;
using static TalkBot.Domain.Tests.At;
using static TalkBot.Domain.Tests.Cases;

namespace TalkBot.Domain.Tests;

/// <summary>What each disposition after a reminder talk leads to (000 §四(四)1–5).</summary>
public class DispositionFollowOnTests
{
    private static readonly DateOnly Today = D(2026, 3, 12);
    private static readonly DateOnly Due = D(2026, 3, 19);
    private static readonly DateTimeOffset Now = Shanghai(2026, 3, 12, 16);

    private static readonly Person Office = A.Person().Id("do").In("bureau").With(Role.DisciplineOffice);
    private static readonly Person Colleague = A.Person().Id("do2").In("bureau").With(Role.DisciplineOffice);
    private static readonly Person Talker = A.Person().Id("talker").In("branch").With(Role.UnitSecretary);
    private static readonly Person Cadre = A.Person().Id("cadre").In("branch");

    private static (Lead Lead, IReadOnlyList<Disposition> Added) Disposed(Person by, params DispositionDraft[] drafts)
    {
        var lead = Lead.Register(new LeadId(Hex), new LeadDraft(LeadSource.Petition, DisciplineCategory.Integrity, "收受礼金", null),
            Office, Cadre, Shanghai(2026, 3, 2));
        lead.AttachTalk(new TalkId("t-1"));
        return (lead, lead.Dispose(by.Id, drafts, "f1", latestTalkHeld: true, Today, Now));
    }

    private static DispositionFollowOn? FollowOn(Person by, DispositionDraft draft)
    {
        var (lead, added) = Disposed(by, draft);
        return DispositionFollowOns.For(lead, Assert.Single(added), by, Now);
    }

    private static CaseTask TaskOf(DispositionFollowOn? followOn) => Assert.IsType<DispositionFollowOn.OpenTask>(followOn).Task;

    [Fact]
    public void WrittenReply_IsTheSubjectsTask_ReviewedByWhoeverDecidedItAndTheOfficeThatRegisteredTheLead()
    {
        var task = TaskOf(FollowOn(Talker, new DispositionDraft(DispositionKind.WrittenReply, "说明与某公司的资金往来", Due)));

        Assert.Equal(CaseTaskId.For(Hex, CaseTaskKind.WrittenReply, 1), task.Id);
        Assert.Equal(CaseTaskKind.WrittenReply, task.Kind);
        Assert.Equal((Cadre.Id, Cadre.Id), (task.Subject, task.Assignee));
        Assert.Equal([Talker.Id, Office.Id], task.Reviewers);
        Assert.Equal("说明与某公司的资金往来", task.Instruction);
        Assert.Equal(Due, task.FirstDueDate);
        Assert.Equal(Now, task.OpenedAt);
        Assert.True(task.NeedsReview);
    }

    [Fact]
    public void SelfExamination_DecidedByTheRegistrar_IsReviewedByThemOnce()
    {
        var task = TaskOf(FollowOn(Office, new DispositionDraft(DispositionKind.SelfExamination, DueDate: Due)));

        Assert.Equal((CaseTaskKind.SelfExamination, Cadre.Id), (task.Kind, task.Assignee));
        Assert.Equal(CaseTaskOrigin.Lead, task.Origin); // 责令检查 (000 §四(四)4)
        Assert.Equal([Office.Id], task.Reviewers);
        Assert.Null(task.Instruction);
    }

    [Theory]
    [InlineData(DispositionKind.SecondTalk, CaseTaskKind.SecondTalk)]
    [InlineData(DispositionKind.LetterInquiry, CaseTaskKind.LetterInquiry)]
    [InlineData(DispositionKind.PreliminaryVerification, CaseTaskKind.PreliminaryVerification)]
    public void OfficeStep_IsOwedByTheOfficeMemberWhoDecidedIt_OrElseByTheRegistrar(DispositionKind disposition, CaseTaskKind kind)
    {
        var byOffice = TaskOf(FollowOn(Colleague, new DispositionDraft(disposition, "核实资金往来", Due)));
        var byTalker = TaskOf(FollowOn(Talker, new DispositionDraft(disposition, DueDate: Due)));

        Assert.Equal(CaseTaskId.For(Hex, kind, 1), byOffice.Id);
        Assert.Equal((kind, Cadre.Id, Colleague.Id), (byOffice.Kind, byOffice.Subject, byOffice.Assignee));
        Assert.Empty(byOffice.Reviewers);
        Assert.False(byOffice.NeedsReview);
        Assert.Equal("核实资金往来", byOffice.Instruction);
        Assert.Equal(Due, byOffice.FirstDueDate);
        Assert.Equal(Office.Id, byTalker.Assignee);
    }

    [Fact]
    public void SuggestionAdopted_TellsTheSubjectWhatWasAdopted() =>
        Assert.Equal(new DispositionFollowOn.TellSubject(Cadre.Id, DispositionKind.SuggestionAdopted, "调整值班安排"),
            FollowOn(Talker, new DispositionDraft(DispositionKind.SuggestionAdopted, "调整值班安排")));

    [Fact]
    public void ClosedUnfounded_TellsTheSubjectItIsClosed_WithoutTheReason() =>
        Assert.Equal(new DispositionFollowOn.TellSubject(Cadre.Id, DispositionKind.ClosedUnfounded, null),
            FollowOn(Office, new DispositionDraft(DispositionKind.ClosedUnfounded, "经核实，反映人所述不实")));

    [Fact]
    public void Admonishment_IsProposedByWhoeverDecidedIt_WhenTheyMayPropose_OrElseByTheRegistrar()
    {
        Person orgTalker = A.Person().Id("org").In("bureau").With(Role.OrganizationDept);
        var draft = new DispositionDraft(DispositionKind.Admonishment);

        Assert.Equal(new DispositionFollowOn.ProposeAdmonishment(Colleague.Id), FollowOn(Colleague, draft));
        Assert.Equal(new DispositionFollowOn.ProposeAdmonishment(orgTalker.Id), FollowOn(orgTalker, draft));
        Assert.Equal(new DispositionFollowOn.ProposeAdmonishment(Office.Id), FollowOn(Talker, draft));
    }

    [Fact]
    public void Criticism_LeadsToNothingFurther() =>
        Assert.Null(FollowOn(Talker, new DispositionDraft(DispositionKind.Criticism, "批评教育")));

    [Fact]
    public void SeveralDispositions_LeadToTheirFollowOnsInOrder_EachTaskNumberedByItsDisposition()
    {
        var (lead, added) = Disposed(Office,
            new DispositionDraft(DispositionKind.SecondTalk, DueDate: Due),
            new DispositionDraft(DispositionKind.Criticism, "批评教育"),
            new DispositionDraft(DispositionKind.WrittenReply, "说明", Due));

        var followOns = DispositionFollowOns.For(lead, added, Office, Now);

        Assert.Equal([CaseTaskId.For(Hex, CaseTaskKind.WrittenReply, 1), CaseTaskId.For(Hex, CaseTaskKind.SecondTalk, 3)],
            followOns.Select(f => TaskOf(f).Id));
    }

    [Fact]
    public void Disposition_OfAnotherLead_IsAnError()
    {
        var (lead, _) = Disposed(Office, new DispositionDraft(DispositionKind.Criticism, "批评教育"));
        var foreign = new Disposition(1, DispositionKind.WrittenReply, "说明", Due, 1, Office.Id, Now, "other-form");

        Assert.Throws<ArgumentException>(() => DispositionFollowOns.For(lead, foreign, Office, Now));
    }
}
