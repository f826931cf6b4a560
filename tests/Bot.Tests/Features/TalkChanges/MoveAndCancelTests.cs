using Microsoft.Extensions.DependencyInjection;
using TalkBot.Bot.Features.Talks;
using TalkBot.Bot.Tests.Support;
using TalkBot.Cards;
using TalkBot.Domain.Talks;
using static TalkBot.Bot.Tests.Features.TalkChanges.TalkChangeSupport;

namespace TalkBot.Bot.Tests.Features.TalkChanges;

/// <summary>改期 and 撤销谈话 on the organiser's card, against real Table Storage: notices, people told, the schedule table.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class MoveAndCancelTests(AzuriteFixture azurite)
{
    private static object Move(string date = "2026-03-06", string time = "10:00", string? reason = "会议室冲突") =>
        new Dictionary<string, string?> { [DataKeys.TalkId] = FormId, [DataKeys.NewDate] = date, [DataKeys.NewTime] = time, [DataKeys.Reason] = reason };

    private static object Cancel(string? reason = "谈话对象借调外单位") => new Dictionary<string, string?> { [DataKeys.TalkId] = FormId, [DataKeys.CancelReason] = reason };

    [Fact]
    public async Task Reschedule_MovesTheTalk_UpdatesTheNoticeInPlace_TellsEveryoneOnce_AndMovesEveryReminder()
    {
        await using var bot = await StartWithTalkAsync(azurite);
        await bot.ExecuteAsync(Person.Cadre1, Verbs.NoticeAcknowledge, new { talkId = FormId });
        var before = await RemindersAsync(bot);
        Assert.Contains(before, e => e.Job == TalkEve.Job && e.DueAt == Shanghai(4, 8, 30));

        var card = CardText.Of(await bot.ExecuteAsync(Person.Office, Verbs.TalkReschedule, Move(), CreateCard));
        var retry = CardText.Of(await bot.ExecuteAsync(Person.Office, Verbs.TalkReschedule, Move(), CreateCard));

        Assert.Contains("已改期：由2026年3月5日", card, StringComparison.Ordinal);
        Assert.Equal(card, retry);
        var talk = (await TalkAsync(bot))!;
        Assert.Equal((Shanghai(6, 10), 1, "会议室冲突"), (talk.ScheduledAt, talk.Revision, talk.LastChange!.Reason));
        var notice = await NoticeAsync(bot);
        Assert.Equal((2, NoticeStatus.Sent, (DateTimeOffset?)null), (notice.Version, notice.Status, notice.AcknowledgedAt));
        // The notice card the talkee holds is updated in place: the new time, to be acknowledged again.
        Assert.Contains(bot.Connector.UpdatesTo(Person.Cadre1), c => c.Contains("谈话时间已变更", StringComparison.Ordinal) && c.Contains("确认收到", StringComparison.Ordinal));
        Assert.Single(Messages(bot, Person.Cadre1), c => c.Contains("谈话已改期", StringComparison.Ordinal));
        Assert.Single(Messages(bot, Person.Leader), c => c.Contains("谈话已改期", StringComparison.Ordinal) && c.Contains("会议室冲突", StringComparison.Ordinal));
        Assert.Single(Messages(bot, Person.Recorder), c => c.Contains("谈话已改期", StringComparison.Ordinal));
        // Every reminder of the old time is gone from the schedule table; those of the new time carry the revision.
        var after = await RemindersAsync(bot);
        Assert.DoesNotContain(after, e => e.Tag is null);
        Assert.Contains(after, e => e is { Job: TalkEve.Job, Tag: "r1" } && e.DueAt == Shanghai(5, 8, 30));
        Assert.Contains(after, e => e is { Job: "RecordMissing", Tag: "r1" } && e.DueAt == Shanghai(9, 8, 30));
        Assert.Contains(after, e => e is { Job: "NoticeEscalation", Tag: "r1" } && e.DueAt == Shanghai(5, 8, 30));

        // The new notice is acknowledged once, in a row of its own.
        await bot.ExecuteAsync(Person.Cadre1, Verbs.NoticeAcknowledge, new { talkId = FormId });
        await bot.ExecuteAsync(Person.Cadre1, Verbs.NoticeAcknowledge, new { talkId = FormId });
        Assert.Equal(NoticeStatus.Acknowledged, (await NoticeAsync(bot)).Status);
    }

    [Fact]
    public async Task Reschedule_TooSoon_OrPastTheWindow_ShowsTheRuleOnTheCard_AndChangesNothing()
    {
        await using var bot = await StartWithTalkAsync(azurite);
        var reminders = await RemindersAsync(bot);
        var told = Messages(bot, Person.Leader);

        var soon = CardText.Of(await bot.ExecuteAsync(Person.Office, Verbs.TalkReschedule, Move(date: "2026-03-03"), CreateCard));
        var late = CardText.Of(await bot.ExecuteAsync(Person.Office, Verbs.TalkReschedule, Move(date: "2026-03-09"), CreateCard));
        var noReason = CardText.Of(await bot.ExecuteAsync(Person.Office, Verbs.TalkReschedule, Move(reason: " "), CreateCard));

        Assert.Contains("000 §四(一)3", soon, StringComparison.Ordinal);
        Assert.Contains("2026年3月4日", soon, StringComparison.Ordinal);
        Assert.Contains("000 §四(一)2", late, StringComparison.Ordinal);
        Assert.Contains("谈话改期须说明理由", noReason, StringComparison.Ordinal);
        Assert.Equal((TalkAt, 0), ((await TalkAsync(bot))!.ScheduledAt, (await TalkAsync(bot))!.Revision));
        Assert.Equal(reminders, await RemindersAsync(bot));
        Assert.Equal(told, Messages(bot, Person.Leader));
    }

    [Fact]
    public async Task Reschedule_OrCancel_ByACraftedInvokeOfATalkerOrTheTalkee_IsRefusedWithItsRule_AndChangesNothing()
    {
        await using var bot = await StartWithTalkAsync(azurite);
        var reminders = await RemindersAsync(bot);

        var byTalker = CardText.Of(await bot.ExecuteAsync(Person.Leader, Verbs.TalkReschedule, Move()));
        var byTalkee = CardText.Of(await bot.ExecuteAsync(Person.Cadre1, Verbs.TalkCancel, Cancel()));

        Assert.Contains("000 §四(一)", byTalker, StringComparison.Ordinal);
        Assert.Contains("无权", byTalker, StringComparison.Ordinal);
        Assert.DoesNotContain("第三会议室", byTalker, StringComparison.Ordinal);
        Assert.Contains("无权", byTalkee, StringComparison.Ordinal);
        var talk = (await TalkAsync(bot))!;
        Assert.Equal((TalkAt, TalkStatus.Scheduled, 0), (talk.ScheduledAt, talk.Status, talk.Revision));
        Assert.Equal(reminders, await RemindersAsync(bot));
    }

    [Fact]
    public async Task Cancel_WithAReason_WithdrawsTheNoticeInPlace_TellsEveryoneOnce_RemovesEveryReminder_AndRefusesAnswers()
    {
        await using var bot = await StartWithTalkAsync(azurite);
        Assert.NotEmpty(await RemindersAsync(bot));

        var card = CardText.Of(await bot.ExecuteAsync(Person.Office, Verbs.TalkCancel, Cancel(), CreateCard));
        await bot.ExecuteAsync(Person.Office, Verbs.TalkCancel, Cancel(), CreateCard);

        Assert.Contains("谈话已撤销", card, StringComparison.Ordinal);
        Assert.DoesNotContain("撤销理由", card, StringComparison.Ordinal); // no form to cancel it again
        Assert.Equal(TalkStatus.Cancelled, (await TalkAsync(bot))!.Status);
        Assert.Contains(bot.Connector.UpdatesTo(Person.Cadre1), c => c.Contains("该谈话已撤销", StringComparison.Ordinal) && !c.Contains("确认收到", StringComparison.Ordinal));
        Assert.Single(Messages(bot, Person.Cadre1), c => c.Contains("谈话已撤销", StringComparison.Ordinal));
        Assert.Single(Messages(bot, Person.Leader), c => c.Contains("谈话对象借调外单位", StringComparison.Ordinal));
        Assert.Single(Messages(bot, Person.Recorder), c => c.Contains("谈话已撤销", StringComparison.Ordinal));
        Assert.Empty(await RemindersAsync(bot));

        var answer = CardText.Of(await bot.ExecuteAsync(Person.Cadre1, Verbs.NoticeAcknowledge, new { talkId = FormId }));
        Assert.Contains("已撤销", answer, StringComparison.Ordinal);
        Assert.Null((await NoticeAsync(bot)).AcknowledgedAt);
        Assert.Equal(0, await bot.Services.GetRequiredService<TalkStore>().CountAcknowledgementsAsync(Id, Cadre1, default));

        // A cancelled talk takes no record either, and no reminder runs for it.
        bot.Clock.Advance(TimeSpan.FromDays(10));
        await bot.RunSchedulerAsync();
        Assert.Single(Messages(bot, Person.Recorder));
    }

    [Fact]
    public async Task Cancel_WithoutAReason_IsRefused_AndChangesNothing()
    {
        await using var bot = await StartWithTalkAsync(azurite);
        var told = Messages(bot, Person.Leader);

        var card = CardText.Of(await bot.ExecuteAsync(Person.Office, Verbs.TalkCancel, Cancel(reason: ""), CreateCard));

        Assert.Contains("撤销谈话须说明理由", card, StringComparison.Ordinal);
        Assert.Equal(TalkStatus.Scheduled, (await TalkAsync(bot))!.Status);
        Assert.Equal(told, Messages(bot, Person.Leader));
    }

    [Fact]
    public async Task EnglishOrganiser_GetsTheRefusalInEnglish()
    {
        await using var bot = await StartWithTalkAsync(azurite);

        var card = CardText.Of(await bot.ExecuteAsync(Person.Office with { Locale = "en-US" }, Verbs.TalkCancel, Cancel(reason: "")));

        Assert.Contains("say why the talk is cancelled", card, StringComparison.Ordinal);
    }
}
