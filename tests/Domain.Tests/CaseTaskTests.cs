using TalkBot.Domain.FollowUps;
using TalkBot.Domain.Rules;
using static TalkBot.Domain.Tests.At;
using static TalkBot.Domain.Tests.Cases;

namespace TalkBot.Domain.Tests;

/// <summary>Follow-on tasks with a deadline (000 §四(四)1、4–5; 002 §四4, §五7).</summary>
public class CaseTaskTests
{
    private static readonly PersonId Cadre = new("cadre");
    private static readonly PersonId Office = new("do");
    private static readonly PersonId Talker = new("talker");
    private static readonly DateOnly Due = D(2026, 3, 16);
    private static readonly DateOnly Today = D(2026, 3, 12);
    private static readonly DateTimeOffset Now = Shanghai(2026, 3, 12, 15);

    private static CaseTask Open(CaseTaskKind kind = CaseTaskKind.WrittenReply)
    {
        var office = kind is CaseTaskKind.SecondTalk or CaseTaskKind.LetterInquiry or CaseTaskKind.PreliminaryVerification;
        return CaseTask.Open(CaseTaskId.For(Hex, kind, 1), kind, Cadre, office ? Office : Cadre,
            office ? [] : [Office, Talker, Cadre, Office], "  说明与某公司的资金往来 ", Due, Shanghai(2026, 3, 12, 9));
    }

    private static CaseTask Submitted()
    {
        var task = Open();
        task.Submit(Cadre, "已说明", "f1", Today, Now);
        return task;
    }

    [Fact]
    public void Open_AwaitsTheAssignee_WithReviewersOtherThanTheAssignee()
    {
        var task = Open();

        Assert.Equal(CaseTaskStatus.Open, task.Status);
        Assert.True(task.AwaitsSubmission);
        Assert.True(task.NeedsReview);
        Assert.Equal([Office, Talker], task.Reviewers);
        Assert.Equal("说明与某公司的资金往来", task.Instruction);
        Assert.Equal(Due, task.DueDate);
        Assert.Equal(Due, task.FirstDueDate);
        Assert.Equal(new CaseTaskId($"{Hex}-0-1"), task.Id);
    }

    [Fact]
    public void Submit_BySomeoneElse_IsNotPermitted()
    {
        var task = Open();

        var violation = RefusedOnce(() => task.Submit(Talker, "代为说明", "f1", Today, Now));

        Assert.Equal(RuleCode.NotPermitted, violation.Code);
        Assert.Equal("000 §四(四)", violation.Source);
        Assert.Empty(task.Submissions);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  \n ")]
    public void Submit_WithoutText_IsRefused(string? text)
    {
        var task = Open(CaseTaskKind.SelfExamination);

        var violation = RefusedOnce(() => task.Submit(Cadre, text, "f1", Today, Now));

        Assert.Equal(RuleCode.SubmissionTextRequired, violation.Code);
        Assert.Equal("SelfExamination", violation.Argument("kind"));
        Assert.Equal(CaseTaskStatus.Open, task.Status);
    }

    [Fact]
    public void Submit_OnTime_IsNotLate_AndAwaitsReview()
    {
        var task = Open();

        Assert.True(task.Submit(Cadre, "  已说明 ", "f1", Due, Now));

        Assert.Equal(new TaskSubmission(1, "已说明", Cadre, Now, false, "f1"), Assert.Single(task.Submissions));
        Assert.Equal(CaseTaskStatus.Submitted, task.Status);
        Assert.False(task.AwaitsSubmission);
    }

    [Fact]
    public void Submit_AfterTheDueDate_IsAcceptedButMarkedLate()
    {
        var task = Open();

        Assert.True(task.Submit(Cadre, "迟交的说明", "f1", Due.AddDays(1), Now));

        Assert.True(Assert.Single(task.Submissions).Late);
        Assert.Equal(CaseTaskStatus.Submitted, task.Status);
    }

    [Fact]
    public void Submit_SameFormTwice_AddsOneSubmission_AndAnotherFormWhileAwaitingReviewIsRefused()
    {
        var task = Submitted();

        Assert.False(task.Submit(Cadre, "已说明", "f1", Today, Now));
        var violation = RefusedOnce(() => task.Submit(Cadre, "补充说明", "f2", Today, Now));

        Assert.Equal((RuleCode.InvalidState, "Submitted"), (violation.Code, violation.Argument("state")));
        Assert.Single(task.Submissions);
    }

    [Theory]
    [InlineData(CaseTaskKind.SecondTalk)]
    [InlineData(CaseTaskKind.LetterInquiry)]
    [InlineData(CaseTaskKind.PreliminaryVerification)]
    public void OfficeTask_IsDoneWhenReported_WithoutReview(CaseTaskKind kind)
    {
        var task = Open(kind);
        Assert.False(task.NeedsReview);
        Assert.Empty(task.Reviewers);

        Assert.True(task.Submit(Office, "已函询，本人回复属实", "f1", Today, Now));

        Assert.Equal(CaseTaskStatus.Done, task.Status);
        Assert.False(task.AwaitsSubmission);
        Assert.Equal(RuleCode.NotPermitted, RefusedOnce(() => task.Review(Office, true, 1, true, null, null, Today, Now)).Code);
        Assert.Equal(RuleCode.InvalidState, RefusedOnce(() => task.Submit(Office, "再次报告", "f2", Today, Now)).Code);
        Assert.Empty(task.Reviews);
    }

    [Theory]
    [InlineData(CaseTaskKind.WrittenReply)]
    [InlineData(CaseTaskKind.SelfExamination)]
    [InlineData(CaseTaskKind.CollectiveAnalysis)]
    public void WrittenMaterial_IsReviewed(CaseTaskKind kind)
    {
        var task = Open(kind);
        task.Submit(Cadre, "材料", "f1", Today, Now);

        Assert.True(task.NeedsReview);
        Assert.Equal(CaseTaskStatus.Submitted, task.Status);
    }

    [Fact]
    public void Review_Accept_IsDone_AndTheSameDecisionAgainChangesNothing()
    {
        var task = Submitted();

        Assert.True(task.Review(Office, true, 1, accept: true, "  可以 ", null, Today, Now));
        Assert.False(task.Review(Office, true, 1, accept: true, null, null, Today, Now));

        Assert.Equal(CaseTaskStatus.Done, task.Status);
        Assert.Equal(new TaskReview(1, true, "可以", null, Office, Now), Assert.Single(task.Reviews));
        Assert.Equal(Due, task.DueDate);
        var opposite = RefusedOnce(() => task.Review(Office, true, 1, accept: false, "退回", Due.AddDays(7), Today, Now));
        Assert.Equal((RuleCode.InvalidState, "Done"), (opposite.Code, opposite.Argument("state")));
    }

    [Fact]
    public void Review_Return_NeedsACommentAndANewDueDateAfterToday()
    {
        var task = Submitted();

        var both = Refused(() => task.Review(Office, true, 1, accept: false, " ", null, Today, Now));
        var dueToday = RefusedOnce(() => task.Review(Office, true, 1, accept: false, "不具体", Today, Today, Now));

        Assert.Equal([RuleCode.ReturnCommentRequired, RuleCode.NewDueDateRequired], both.Select(v => v.Code));
        Assert.Equal(RuleCode.NewDueDateRequired, dueToday.Code);
        Assert.Equal(CaseTaskStatus.Submitted, task.Status);
        Assert.Empty(task.Reviews);
    }

    [Fact]
    public void Review_Return_SetsTheNewDueDate_AndANewSubmissionIsJudgedAgainstIt()
    {
        var task = Submitted();

        Assert.True(task.Review(Office, true, 1, accept: false, " 说明不具体 ", D(2026, 3, 20), Today, Now));

        Assert.Equal(CaseTaskStatus.Returned, task.Status);
        Assert.True(task.AwaitsSubmission);
        Assert.Equal(D(2026, 3, 20), task.DueDate);
        Assert.Equal(Due, task.FirstDueDate);
        Assert.Equal("说明不具体", Assert.Single(task.Reviews).Comment);

        // After the first due date (16th) but before the new one (20th): on time.
        Assert.True(task.Submit(Cadre, "补充说明", "f2", D(2026, 3, 18), Now));
        Assert.Equal(CaseTaskStatus.Submitted, task.Status);
        Assert.Equal((2, false), (task.Submissions[1].Number, task.Submissions[1].Late));

        Assert.True(task.Review(Office, true, 2, accept: true, null, null, D(2026, 3, 18), Now));
        Assert.Equal(CaseTaskStatus.Done, task.Status);
        // The due date stays the one the return set.
        Assert.Equal(D(2026, 3, 20), task.DueDate);
    }

    [Fact]
    public void Review_ByWhoMayNotReview_IsNotPermitted()
    {
        var task = Submitted();

        var violation = RefusedOnce(() => task.Review(Talker, mayReview: false, 1, true, null, null, Today, Now));

        Assert.Equal(RuleCode.NotPermitted, violation.Code);
        Assert.Equal(CaseTaskStatus.Submitted, task.Status);
    }

    [Fact]
    public void Review_BeforeAnySubmission_OrOfAnOldOne_IsInvalidState()
    {
        var task = Open();
        Assert.Equal(RuleCode.InvalidState, RefusedOnce(() => task.Review(Office, true, 1, true, null, null, Today, Now)).Code);

        task.Submit(Cadre, "说明", "f1", Today, Now);
        task.Review(Office, true, 1, false, "补充", D(2026, 3, 20), Today, Now);
        task.Submit(Cadre, "补充说明", "f2", Today, Now);

        Assert.Equal(RuleCode.InvalidState, RefusedOnce(() => task.Review(Office, true, 1, true, null, null, Today, Now)).Code);
        Assert.Equal(CaseTaskStatus.Submitted, task.Status);
    }

    [Theory]
    [InlineData(CaseTaskKind.WrittenReply, 1, "-0-1")]
    [InlineData(CaseTaskKind.SelfExamination, 12, "-1-12")]
    [InlineData(CaseTaskKind.PreliminaryVerification, 999, "-5-999")]
    public void Id_For_RoundTripsThroughTryParse(CaseTaskKind kind, int number, string suffix)
    {
        var id = CaseTaskId.For(Hex, kind, number);

        Assert.Equal(Hex + suffix, id.Value);
        Assert.True(CaseTaskId.TryParse(id.Value, out var parsed));
        Assert.Equal(id, parsed);
        Assert.Equal(Hex, parsed.Origin);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("../x")]
    [InlineData("../" + Hex + "-0-1")]
    [InlineData(Hex)]
    [InlineData(Hex + "-0")]
    [InlineData(Hex + "-0-")]
    [InlineData(Hex + "--1")]
    [InlineData(Hex + "-0-1-2")]
    [InlineData(Hex + "-6-1")]
    [InlineData(Hex + "-99-1")]
    [InlineData(Hex + "-+1-1")]
    [InlineData(Hex + "-1-1/..")]
    [InlineData(Hex + "-1- 1")]
    [InlineData(Hex + "-1-1000")]
    [InlineData(Hex + "-x-1")]
    [InlineData("0123456789ABCDEF0123456789ABCDEF-0-1")]
    [InlineData("t-1-0-1")]
    [InlineData("lead-0-1")]
    public void Id_TryParse_RejectsCraftedValues(string? text)
    {
        Assert.False(CaseTaskId.TryParse(text, out var id));
        Assert.Equal(default, id);
    }
}
