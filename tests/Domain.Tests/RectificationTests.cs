using TalkBot.Domain.Rectifications;
using TalkBot.Domain.Rules;
using static TalkBot.Domain.Tests.At;

namespace TalkBot.Domain.Tests;

public class RectificationTests
{
    private static readonly PersonId Talkee = new("talkee");
    private static readonly PersonId Talker = new("talker");
    private static readonly DateTimeOffset Now = Shanghai(2026, 3, 11, 10);

    private static Rectification Open() => Rectification.Open(new TalkId("t-1"), Talkee, ["退还超标费用", "提交书面说明"], D(2026, 3, 12), Shanghai(2026, 3, 9, 11));

    private static MeasureReport[] Both(string measure = "已退还") =>
        [new(1, measure, MeasureStatus.Done, D(2026, 3, 10)), new(2, "正在撰写", MeasureStatus.InProgress, null)];

    [Fact]
    public void Submit_OnTime_IsNotLate_AndAwaitsReview()
    {
        var r = Open();

        Assert.True(r.Submit(Talkee, Both(), "f1", D(2026, 3, 11), Now));

        Assert.Equal(RectificationStatus.Submitted, r.Status);
        Assert.False(r.Reports[0].Late);
        Assert.Null(r.Reports[0].Measures[1].CompletedOn);
    }

    [Fact]
    public void Submit_AfterTheDueDate_IsAcceptedButMarkedLate()
    {
        var r = Open();

        r.Submit(Talkee, Both(), "f1", D(2026, 3, 13), Shanghai(2026, 3, 13, 9));

        Assert.True(r.Reports[0].Late);
    }

    [Fact]
    public void Submit_WithoutMeasures_IsRefused_NamingTheItems()
    {
        var r = Open();

        var e = Assert.Throws<DomainRuleException>(() => r.Submit(Talkee, [new(1, " ", MeasureStatus.InProgress, null)], "f1", D(2026, 3, 11), Now));

        var violation = Assert.Single(e.Violations);
        Assert.Equal(RuleCode.RectificationMeasuresRequired, violation.Code);
        Assert.Equal("1,2", violation.Argument("items"));
        Assert.Equal(RuleSources.Rectification, violation.Source);
        Assert.Empty(r.Reports);
    }

    [Fact]
    public void Submit_DoneWithoutDate_OrDatedInTheFuture_IsRefused()
    {
        var r = Open();

        var e = Assert.Throws<DomainRuleException>(() => r.Submit(Talkee,
            [new(1, "已退还", MeasureStatus.Done, null), new(2, "已说明", MeasureStatus.Done, D(2026, 3, 20))], "f1", D(2026, 3, 11), Now));

        Assert.Equal([RuleCode.CompletionDateRequired, RuleCode.CompletionDateInFuture], e.Violations.Select(v => v.Code));
    }

    [Fact]
    public void Submit_SameFormTwice_AddsOneReport_AndAnotherFormWhileAwaitingReviewIsRefused()
    {
        var r = Open();
        r.Submit(Talkee, Both(), "f1", D(2026, 3, 11), Now);

        Assert.False(r.Submit(Talkee, Both(), "f1", D(2026, 3, 11), Now));
        Assert.Throws<DomainRuleException>(() => r.Submit(Talkee, Both(), "f2", D(2026, 3, 11), Now));
        Assert.Single(r.Reports);
    }

    [Fact]
    public void Submit_BySomeoneElse_IsNotPermitted() =>
        Assert.Equal(RuleCode.NotPermitted, Assert.Single(Assert.Throws<DomainRuleException>(
            () => Open().Submit(Talker, Both(), "f1", D(2026, 3, 11), Now)).Violations).Code);

    [Fact]
    public void Return_NeedsACommentAndALaterDueDate_ThenTheTalkeeReportsAgain_AndAcceptCloses()
    {
        var r = Open();
        r.Submit(Talkee, Both(), "f1", D(2026, 3, 11), Now);

        var e = Assert.Throws<DomainRuleException>(() => r.Review(Talker, 1, accept: false, null, D(2026, 3, 11), D(2026, 3, 11), Now));
        Assert.Equal([RuleCode.ReturnCommentRequired, RuleCode.NewDueDateRequired], e.Violations.Select(v => v.Code));

        Assert.True(r.Review(Talker, 1, accept: false, "措施不具体", D(2026, 3, 16), D(2026, 3, 11), Now));
        Assert.Equal(RectificationStatus.Returned, r.Status);
        Assert.Equal(D(2026, 3, 16), r.DueDate);

        r.Submit(Talkee, Both("已全额退还并附凭证"), "f2", D(2026, 3, 13), Shanghai(2026, 3, 13, 9));
        Assert.False(r.Reports[1].Late);
        Assert.True(r.Review(Talker, 2, accept: true, null, null, D(2026, 3, 13), Now));
        Assert.False(r.Review(Talker, 2, accept: true, null, null, D(2026, 3, 13), Now));

        Assert.Equal(RectificationStatus.Accepted, r.Status);
        Assert.Equal(2, r.Reports.Count);
        Assert.Equal("已退还", r.Reports[0].Measures[0].Measure);
        Assert.Throws<DomainRuleException>(() => r.Submit(Talkee, Both(), "f3", D(2026, 3, 13), Now));
    }

    [Fact]
    public void Review_OfAnOldReport_OrBeforeAnyReport_IsRefused()
    {
        var r = Open();
        Assert.Throws<DomainRuleException>(() => r.Review(Talker, 1, true, null, null, D(2026, 3, 11), Now));
        r.Submit(Talkee, Both(), "f1", D(2026, 3, 11), Now);
        r.Review(Talker, 1, false, "补充", D(2026, 3, 16), D(2026, 3, 11), Now);
        r.Submit(Talkee, Both(), "f2", D(2026, 3, 12), Now);

        Assert.Throws<DomainRuleException>(() => r.Review(Talker, 1, true, null, null, D(2026, 3, 12), Now));
    }
}
