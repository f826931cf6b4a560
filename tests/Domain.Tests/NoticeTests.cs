using TalkBot.Domain.Rules;
using TalkBot.Domain.Talks;
using static TalkBot.Domain.Tests.At;

namespace TalkBot.Domain.Tests;

public class NoticeTests
{
    private static readonly PersonId Talkee = new("talkee");
    private static readonly PersonId Stranger = new("someone-else");
    private readonly Microsoft.Extensions.Time.Testing.FakeTimeProvider _clock = Clock(Shanghai(2026, 3, 9, 9));

    private Notice NewNotice(NoticeStatus status = NoticeStatus.Sent) =>
        Notice.Restore(new TalkId("t-1"), Talkee, status, Shanghai(2026, 3, 9, 8),
            sentAt: status == NoticeStatus.Sent ? Shanghai(2026, 3, 9, 8) : null);

    [Fact]
    public void For_MakesOneCreatedNoticePerTalkee()
    {
        var talk = Talk.Restore(new TalkId("t-1"), TalkKind.Routine, [new PersonId("a"), new PersonId("b")], [new PersonId("c")],
            null, new PersonId("o"), Shanghai(2026, 3, 11), "room", D(2026, 3, 9), null, Shanghai(2026, 3, 9), TalkStatus.Scheduled);

        var notices = Notice.For(talk, _clock);

        Assert.Equal([new PersonId("a"), new PersonId("b")], notices.Select(n => n.Talkee));
        Assert.All(notices, n => Assert.Equal(NoticeStatus.Created, n.Status));
    }

    [Fact]
    public void Acknowledge_Twice_RecordsOnce()
    {
        var notice = NewNotice();

        Assert.True(notice.Acknowledge(Talkee, _clock));
        var first = notice.AcknowledgedAt;
        _clock.Advance(TimeSpan.FromMinutes(1));
        Assert.False(notice.Acknowledge(Talkee, _clock));

        Assert.Equal(NoticeStatus.Acknowledged, notice.Status);
        Assert.Equal(Shanghai(2026, 3, 9, 9), first);
        Assert.Equal(first, notice.AcknowledgedAt);
    }

    [Fact]
    public void Acknowledge_BySomeoneElse_IsNotPermitted()
    {
        var notice = NewNotice();

        var violation = Assert.Single(Assert.Throws<DomainRuleException>(() => notice.Acknowledge(Stranger, _clock)).Violations);

        Assert.Equal(RuleCode.NotPermitted, violation.Code);
        Assert.Equal(NoticeStatus.Sent, notice.Status);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void RequestPostponement_WithoutReason_IsRejected(string? reason)
    {
        var notice = NewNotice();

        var violation = Assert.Single(Assert.Throws<DomainRuleException>(() => notice.RequestPostponement(Talkee, reason, _clock)).Violations);

        Assert.Equal(RuleCode.PostponementReasonRequired, violation.Code);
        Assert.Equal("000 §四(五)1", violation.Source);
        Assert.Equal(NoticeStatus.Sent, notice.Status);
    }

    [Fact]
    public void RequestPostponement_BySomeoneElseWithoutReason_ReportsBoth()
    {
        var violations = Assert.Throws<DomainRuleException>(() => NewNotice().RequestPostponement(Stranger, "", _clock)).Violations;
        Assert.Equal([RuleCode.NotPermitted, RuleCode.PostponementReasonRequired], violations.Select(v => v.Code));
    }

    [Fact]
    public void RequestPostponement_SameReasonTwice_RecordsOnce_ADifferentReasonAmends()
    {
        var notice = NewNotice();

        Assert.True(notice.RequestPostponement(Talkee, "出差", _clock));
        _clock.Advance(TimeSpan.FromMinutes(1));
        Assert.False(notice.RequestPostponement(Talkee, " 出差 ", _clock));
        Assert.Equal(Shanghai(2026, 3, 9, 9), notice.PostponementRequestedAt);

        Assert.True(notice.RequestPostponement(Talkee, "出差至周五", _clock));
        Assert.Equal("出差至周五", notice.PostponementReason);
    }

    [Fact]
    public void Acknowledge_AfterAskingToPostpone_WithdrawsTheRequest()
    {
        var notice = NewNotice();
        notice.RequestPostponement(Talkee, "出差", _clock);

        Assert.True(notice.Acknowledge(Talkee, _clock));

        Assert.Equal(NoticeStatus.Acknowledged, notice.Status);
        Assert.Null(notice.PostponementReason);
    }

    [Fact]
    public void RequestPostponement_AfterAcknowledging_IsAllowed()
    {
        var notice = NewNotice();
        notice.Acknowledge(Talkee, _clock);

        Assert.True(notice.RequestPostponement(Talkee, "临时住院", _clock));

        Assert.Equal(NoticeStatus.PostponementRequested, notice.Status);
        Assert.Null(notice.AcknowledgedAt);
    }

    [Theory]
    [InlineData(NoticeStatus.Created)]
    [InlineData(NoticeStatus.Unreachable)]
    public void Acknowledge_WhenThePushHadNotArrived_IsAccepted(NoticeStatus status)
    {
        var notice = NewNotice(status);
        Assert.True(notice.Acknowledge(Talkee, _clock));
        Assert.Equal(NoticeStatus.Acknowledged, notice.Status);
    }

    [Fact]
    public void Delivery_CreatedToUnreachableToSent()
    {
        var notice = NewNotice(NoticeStatus.Created);

        Assert.True(notice.MarkUnreachable("no conversation"));
        Assert.False(notice.MarkUnreachable("no conversation"));
        Assert.Equal(NoticeStatus.Unreachable, notice.Status);
        Assert.Equal("no conversation", notice.UnreachableReason);

        Assert.True(notice.MarkSent(Shanghai(2026, 3, 9, 10)));
        Assert.Equal(NoticeStatus.Sent, notice.Status);
        Assert.Null(notice.UnreachableReason);
    }

    [Fact]
    public void MarkSent_Again_KeepsTheFirstDeliveryTime()
    {
        var notice = NewNotice(NoticeStatus.Created);
        Assert.True(notice.MarkSent(Shanghai(2026, 3, 9, 10)));
        Assert.False(notice.MarkSent(Shanghai(2026, 3, 10, 10)));
        Assert.Equal(Shanghai(2026, 3, 9, 10), notice.SentAt);
    }

    [Fact]
    public void DeliveryReports_NeverUndoAnAnswer()
    {
        var notice = NewNotice(NoticeStatus.Created);
        notice.Acknowledge(Talkee, _clock);

        Assert.False(notice.MarkUnreachable("push failed"));
        Assert.True(notice.MarkSent(Shanghai(2026, 3, 9, 10)));   // fills in the delivery time only
        Assert.False(notice.MarkSent(Shanghai(2026, 3, 9, 11)));

        Assert.Equal(NoticeStatus.Acknowledged, notice.Status);
        Assert.True(notice.IsAnswered);
    }

    [Fact]
    public void MarkUnreachable_AfterDelivery_ChangesNothing()
    {
        var notice = NewNotice(NoticeStatus.Sent);
        Assert.False(notice.MarkUnreachable("re-push failed"));
        Assert.Equal(NoticeStatus.Sent, notice.Status);
    }
}
