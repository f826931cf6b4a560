using TalkBot.Domain.FollowUps;
using TalkBot.Domain.People;
using static TalkBot.Domain.Tests.At;
using static TalkBot.Domain.Tests.Cases;

namespace TalkBot.Domain.Tests;

/// <summary>Who sees a follow-on task and what they may do with it (SPEC §6; 002 §五7).</summary>
public class CaseTaskAccessTests
{
    private static readonly DateOnly Today = D(2026, 3, 12);
    private static readonly DateTimeOffset Now = Shanghai(2026, 3, 12, 15);

    private static readonly Person Cadre = A.Person().Id("cadre").In("branch");
    private static readonly Person Office = A.Person().Id("do").In("bureau").With(Role.DisciplineOffice);
    private static readonly Person Talker = A.Person().Id("talker").In("branch").With(Role.UnitSecretary);
    private static readonly Person Colleague = A.Person().Id("do2").In("bureau").With(Role.DisciplineOffice);
    private static readonly Person Stranger = A.Person().Id("stranger").In("branch");

    private static CaseTask WrittenReply() => CaseTask.Open(CaseTaskId.For(Hex, CaseTaskKind.WrittenReply, 1), CaseTaskKind.WrittenReply,
        Cadre.Id, Cadre.Id, [Talker.Id, Office.Id], "说明资金往来", D(2026, 3, 19), Now);

    private static CaseTask Submitted()
    {
        var task = WrittenReply();
        task.Submit(Cadre.Id, "已说明", "f1", Today, Now);
        return task;
    }

    private static CaseTask LetterInquiry() => CaseTask.Open(CaseTaskId.For(Hex, CaseTaskKind.LetterInquiry, 2), CaseTaskKind.LetterInquiry,
        Cadre.Id, Office.Id, [], null, D(2026, 3, 19), Now);

    [Fact]
    public void Task_IsSeenByItsAssigneeItsReviewersAndTheOfficeOfItsOrigin()
    {
        var task = WrittenReply();

        Assert.True(CaseTaskAccess.CanView(Cadre, task, officeOfOrigin: false));
        Assert.True(CaseTaskAccess.CanView(Talker, task, officeOfOrigin: false));
        Assert.True(CaseTaskAccess.CanView(Colleague, task, officeOfOrigin: true));
        Assert.False(CaseTaskAccess.CanView(Colleague, task, officeOfOrigin: false));
        Assert.False(CaseTaskAccess.CanView(Stranger, task, officeOfOrigin: false));
    }

    [Fact]
    public void Task_WaitsForItsAssigneeWhileDue_AndForItsReviewersWhileSubmitted()
    {
        Assert.True(CaseTaskAccess.WaitsFor(WrittenReply().Listing, Cadre.Id));
        Assert.False(CaseTaskAccess.WaitsFor(WrittenReply().Listing, Talker.Id));
        Assert.False(CaseTaskAccess.WaitsFor(Submitted().Listing, Cadre.Id));
        Assert.True(CaseTaskAccess.WaitsFor(Submitted().Listing, Talker.Id));
        Assert.False(CaseTaskAccess.WaitsFor(Submitted().Listing, Stranger.Id));

        var returned = Submitted();
        returned.Review(Talker.Id, true, 1, false, "请补充", D(2026, 3, 20), Today, Now);
        Assert.Equal((CaseTaskStatus.Returned, D(2026, 3, 20)), (returned.Listing.Status, returned.Listing.DueDate));
        Assert.True(CaseTaskAccess.WaitsFor(returned.Listing, Cadre.Id));
        Assert.False(CaseTaskAccess.WaitsFor(returned.Listing, Talker.Id));
    }

    [Fact]
    public void OfficesOwnStep_IsNotShownToThePersonItIsAbout() =>
        Assert.False(CaseTaskAccess.CanView(Cadre, LetterInquiry(), officeOfOrigin: false));

    [Fact]
    public void Review_IsForTheReviewersAndTheOffice_ButNotTheWriterNorAnInactiveReviewer()
    {
        var task = Submitted();

        Assert.True(CaseTaskAccess.MayReview(Talker, task, officeOfOrigin: false));
        Assert.True(CaseTaskAccess.MayReview(Colleague, task, officeOfOrigin: true));
        Assert.False(CaseTaskAccess.MayReview(Stranger, task, officeOfOrigin: false));
        Assert.False(CaseTaskAccess.MayReview(Talker with { Active = false }, task, officeOfOrigin: false));
        Assert.False(CaseTaskAccess.MayReview(Cadre, task, officeOfOrigin: true));
    }

    [Fact]
    public void OfficesOwnStep_IsNotReviewed() =>
        Assert.False(CaseTaskAccess.MayReview(Colleague, LetterInquiry(), officeOfOrigin: true));

    [Fact]
    public void Assignee_SubmitsWhileTheTaskAwaitsIt()
    {
        var task = WrittenReply();

        Assert.Equal(CaseTaskStep.Submit, CaseTaskAccess.StepFor(Cadre, task, officeOfOrigin: false));
        task.Submit(Cadre.Id, "已说明", "f1", Today, Now);
        Assert.Equal(CaseTaskStep.None, CaseTaskAccess.StepFor(Cadre, task, officeOfOrigin: false));
        task.Review(Talker.Id, true, 1, accept: false, "不够具体", D(2026, 3, 23), Today, Now);
        Assert.Equal(CaseTaskStep.Submit, CaseTaskAccess.StepFor(Cadre, task, officeOfOrigin: false));
    }

    [Fact]
    public void Reviewer_ReviewsOnlyASubmissionThatWaits()
    {
        var task = WrittenReply();

        Assert.Equal(CaseTaskStep.None, CaseTaskAccess.StepFor(Talker, task, officeOfOrigin: false));
        task.Submit(Cadre.Id, "已说明", "f1", Today, Now);
        Assert.Equal(CaseTaskStep.Review, CaseTaskAccess.StepFor(Talker, task, officeOfOrigin: false));
        Assert.Equal(CaseTaskStep.Review, CaseTaskAccess.StepFor(Colleague, task, officeOfOrigin: true));
        Assert.Equal(CaseTaskStep.None, CaseTaskAccess.StepFor(Stranger, task, officeOfOrigin: false));
        task.Review(Talker.Id, true, 1, accept: true, null, null, Today, Now);
        Assert.Equal(CaseTaskStep.None, CaseTaskAccess.StepFor(Talker, task, officeOfOrigin: false));
    }

    [Fact]
    public void OfficesOwnStep_IsReportedByItsAssignee_AndThenDone()
    {
        var task = LetterInquiry();

        Assert.Equal(CaseTaskStep.Submit, CaseTaskAccess.StepFor(Office, task, officeOfOrigin: true));
        Assert.Equal(CaseTaskStep.None, CaseTaskAccess.StepFor(Colleague, task, officeOfOrigin: true));
        task.Submit(Office.Id, "已函询，对方已回复", "f1", Today, Now);
        Assert.Equal(CaseTaskStep.None, CaseTaskAccess.StepFor(Office, task, officeOfOrigin: true));
    }
}
