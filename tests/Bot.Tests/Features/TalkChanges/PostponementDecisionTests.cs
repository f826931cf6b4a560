using TalkBot.Bot.Features.Notices;
using TalkBot.Bot.Tests.Support;
using TalkBot.Cards;
using TalkBot.Domain.Talks;
using static TalkBot.Bot.Tests.Features.TalkChanges.TalkChangeSupport;

namespace TalkBot.Bot.Tests.Features.TalkChanges;

/// <summary>The organiser decides a postponement (000 §四(五)1), and is reminded until they do.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class PostponementDecisionTests(AzuriteFixture azurite)
{
    private static object Approve(string date = "2026-03-06", string time = "09:30", string? talkee = null) => new Dictionary<string, string>
    {
        [DataKeys.TalkId] = FormId, [DataKeys.Talkee] = talkee ?? Person.Cadre1.AadObjectId, [DataKeys.NewDate] = date, [DataKeys.NewTime] = time,
    };

    private static object Refuse(string reason = "培训可另行安排") => new Dictionary<string, string>
    {
        [DataKeys.TalkId] = FormId, [DataKeys.Talkee] = Person.Cadre1.AadObjectId, [DataKeys.Reason] = reason,
    };

    private static async Task<BotUnderTest> RequestedAsync(AzuriteFixture azurite)
    {
        var bot = await StartWithTalkAsync(azurite);
        await bot.ExecuteAsync(Person.Cadre1, Verbs.NoticePostpone, new { talkId = FormId, reason = "当天外出参加培训" });
        return bot;
    }

    [Fact]
    public async Task TheDigest_OffersBothAnswers()
    {
        await using var bot = await RequestedAsync(azurite);

        var digest = Assert.Single(Messages(bot, Person.Office));

        Assert.Contains("同意改期", digest, StringComparison.Ordinal);
        Assert.Contains(Verbs.PostponementApprove, digest, StringComparison.Ordinal);
        Assert.Contains(Verbs.PostponementRefuse, digest, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Approve_MovesTheTalk_TellsTheTalkeeOnce_UpdatesTheirNotice_AndStopsTheReminders()
    {
        await using var bot = await RequestedAsync(azurite);
        Assert.Contains(await RemindersAsync(bot), e => e.Job == PostponementReminders.Job);

        var card = CardText.Of(await bot.ExecuteAsync(Person.Office, Verbs.PostponementApprove, Approve()));
        var retry = CardText.Of(await bot.ExecuteAsync(Person.Office, Verbs.PostponementApprove, Approve()));

        Assert.Contains("已同意改期", card, StringComparison.Ordinal);
        Assert.Equal(card, retry);
        var talk = (await TalkAsync(bot))!;
        Assert.Equal((Shanghai(6, 9, 30), 1), (talk.ScheduledAt, talk.Revision));
        var notice = await NoticeAsync(bot);
        Assert.Equal((2, NoticeStatus.Sent, true), (notice.Version, notice.Status, notice.Decision!.Approved));
        Assert.Single(Messages(bot, Person.Cadre1), c => c.Contains("改期申请已同意", StringComparison.Ordinal));
        var updated = bot.Connector.UpdatesTo(Person.Cadre1)[^1];
        Assert.Contains("您的改期申请已同意", updated, StringComparison.Ordinal);
        Assert.DoesNotContain("等待组织方答复", updated, StringComparison.Ordinal);
        Assert.Single(Messages(bot, Person.Leader), c => c.Contains("应谈话对象申请", StringComparison.Ordinal));
        var reminders = await RemindersAsync(bot);
        Assert.DoesNotContain(reminders, e => e.Job == PostponementReminders.Job);
        Assert.DoesNotContain(reminders, e => e.Tag is null);
    }

    [Fact]
    public async Task Approve_ToTheSameTime_OrTooSoon_IsRefusedWithTheRule_AndChangesNothing()
    {
        await using var bot = await RequestedAsync(azurite);

        var same = CardText.Of(await bot.ExecuteAsync(Person.Office, Verbs.PostponementApprove, Approve(date: "2026-03-05")));
        var soon = CardText.Of(await bot.ExecuteAsync(Person.Office, Verbs.PostponementApprove, Approve(date: "2026-03-03")));

        Assert.Contains("新时间", same, StringComparison.Ordinal);
        Assert.Contains("000 §四(一)3", soon, StringComparison.Ordinal);
        Assert.Contains(Verbs.PostponementApprove, soon, StringComparison.Ordinal); // the buttons stay to decide again
        Assert.Equal(NoticeStatus.PostponementRequested, (await NoticeAsync(bot)).Status);
        Assert.Equal(TalkAt, (await TalkAsync(bot))!.ScheduledAt);
    }

    [Fact]
    public async Task Refuse_WithAReason_TellsTheTalkeeOnce_WhoMayThenAcknowledge()
    {
        await using var bot = await RequestedAsync(azurite);

        var card = CardText.Of(await bot.ExecuteAsync(Person.Office, Verbs.PostponementRefuse, Refuse()));
        await bot.ExecuteAsync(Person.Office, Verbs.PostponementRefuse, Refuse());

        Assert.Contains("已答复不同意改期", card, StringComparison.Ordinal);
        Assert.Equal(NoticeStatus.PostponementRefused, (await NoticeAsync(bot)).Status);
        var told = Assert.Single(Messages(bot, Person.Cadre1), c => c.Contains("改期申请未获同意", StringComparison.Ordinal));
        Assert.Contains("培训可另行安排", told, StringComparison.Ordinal);
        Assert.Contains("组织方不同意改期", bot.Connector.UpdatesTo(Person.Cadre1)[^1], StringComparison.Ordinal);
        Assert.Contains("不同意改期", OrganiserCard(bot), StringComparison.Ordinal);

        var answer = CardText.Of(await bot.ExecuteAsync(Person.Cadre1, Verbs.NoticeAcknowledge, new { talkId = FormId }));
        Assert.Contains("已确认", answer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Refuse_WithoutAReason_IsRefused_AndChangesNothing()
    {
        await using var bot = await RequestedAsync(azurite);

        var card = CardText.Of(await bot.ExecuteAsync(Person.Office, Verbs.PostponementRefuse, Refuse(reason: " ")));

        Assert.Contains("不同意改期须说明理由", card, StringComparison.Ordinal);
        Assert.Equal(NoticeStatus.PostponementRequested, (await NoticeAsync(bot)).Status);
        Assert.DoesNotContain(Messages(bot, Person.Cadre1), c => c.Contains("改期申请未获同意", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Decide_ByACraftedInvokeOfTheTalkerOrTheTalkeeThemself_IsRefused_AndChangesNothing()
    {
        await using var bot = await RequestedAsync(azurite);

        var byTalker = CardText.Of(await bot.ExecuteAsync(Person.Leader, Verbs.PostponementApprove, Approve()));
        var byTalkee = CardText.Of(await bot.ExecuteAsync(Person.Cadre1, Verbs.PostponementRefuse, Refuse()));
        var wrongTalkee = CardText.Of(await bot.ExecuteAsync(Person.Office, Verbs.PostponementApprove, Approve(talkee: Person.Cadre2.AadObjectId)));

        Assert.Contains("无权", byTalker, StringComparison.Ordinal);
        Assert.Contains("无权", byTalkee, StringComparison.Ordinal);
        Assert.Contains("不是本次谈话的谈话对象", wrongTalkee, StringComparison.Ordinal);
        Assert.Equal(NoticeStatus.PostponementRequested, (await NoticeAsync(bot)).Status);
        Assert.Equal(TalkAt, (await TalkAsync(bot))!.ScheduledAt);
    }

    [Fact]
    public async Task AWaitingRequest_IsRemindedToTheOrganiser_ThenEscalatedToTheOffice_InWorkingHours_UntilDecided()
    {
        await using var bot = await RequestedAsync(azurite);
        var first = Assert.Single(await RemindersAsync(bot), e => e.Job == PostponementReminders.Job);
        Assert.Equal(Shanghai(2, 14), first.DueAt); // 4 hours after it was asked, in working hours

        bot.Clock.SetUtcNow(Shanghai(2, 14, 1));
        await bot.RunSchedulerAsync();
        Assert.Single(Messages(bot, Person.Office), c => c.Contains("改期申请待决定", StringComparison.Ordinal) && c.Contains("提醒", StringComparison.Ordinal));
        var second = Assert.Single(await RemindersAsync(bot), e => e.Job == PostponementReminders.Job);
        Assert.Equal((2, Shanghai(3, 8, 30)), (second.Round, second.DueAt));

        bot.Clock.SetUtcNow(Shanghai(3, 8, 31));
        await bot.RunSchedulerAsync();
        Assert.Single(Messages(bot, Person.Office), c => c.Contains("改期申请待决定", StringComparison.Ordinal) && c.Contains("逾期督办", StringComparison.Ordinal));

        await bot.ExecuteAsync(Person.Office, Verbs.PostponementRefuse, Refuse());
        bot.Clock.SetUtcNow(Shanghai(4, 8, 31));
        await bot.RunSchedulerAsync();
        Assert.Equal(2, Messages(bot, Person.Office).Count(c => c.Contains("改期申请待决定", StringComparison.Ordinal)));
    }
}
