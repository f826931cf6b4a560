using TalkBot.Bot.Tests.Support;
using TalkBot.Cards;
using static TalkBot.Bot.Tests.Features.TalkChanges.TalkChangeSupport;

namespace TalkBot.Bot.Tests.Features.TalkChanges;

/// <summary>登记无故缺席 (000 §四(五)1): by the recorder or a talker once the talk's time has come; the office is told.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class AttendanceTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task RecordAbsence_AfterTheTalk_ByTheRecorder_IsStoredOnce_TheOfficeIsTold_AndTheCardShowsIt()
    {
        await using var bot = await StartWithTalkAsync(azurite);
        bot.Clock.SetUtcNow(Shanghai(5, 10, 15));

        var card = CardText.Of(await bot.ExecuteAsync(Person.Recorder, Verbs.TalkAbsent, Absent()));
        await bot.ExecuteAsync(Person.Leader, Verbs.TalkAbsent, Absent());

        Assert.Contains("已登记：无故缺席", card, StringComparison.Ordinal);
        var absence = Assert.Single((await TalkAsync(bot))!.Absences);
        Assert.Equal((Cadre1, Shanghai(5, 10, 15)), (absence.Talkee, absence.RecordedAt));
        var told = Assert.Single(Messages(bot, Person.Office), c => c.Contains("无故缺席", StringComparison.Ordinal));
        Assert.Contains("李干部", told, StringComparison.Ordinal);
        Assert.Contains("孙记录", told, StringComparison.Ordinal);
        Assert.Contains("无故缺席：李干部", OrganiserCard(bot), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RecordAbsence_BeforeTheTalk_IsRefused_AndTheAttendanceCardSaysWhen()
    {
        await using var bot = await StartWithTalkAsync(azurite);

        var card = CardText.Of(await bot.ExecuteAsync(Person.Recorder, Verbs.TalkAbsent, Absent()));
        var attendance = CardText.Of(await bot.ExecuteAsync(Person.Recorder, Verbs.TalkAttendance, new { talkId = FormId }));

        Assert.Contains("谈话时间未到", card, StringComparison.Ordinal);
        Assert.Contains("谈话开始后方可登记缺席", attendance, StringComparison.Ordinal);
        Assert.Empty((await TalkAsync(bot))!.Absences);
        Assert.Empty(Messages(bot, Person.Office));
    }

    [Fact]
    public async Task RecordAbsence_ByACraftedInvokeOfTheOrganiserOrOfSomeoneNotATalkee_IsRefused_AndChangesNothing()
    {
        await using var bot = await StartWithTalkAsync(azurite);
        bot.Clock.SetUtcNow(Shanghai(5, 10, 15));

        var byOrganiser = CardText.Of(await bot.ExecuteAsync(Person.Office, Verbs.TalkAbsent, Absent()));
        var notATalkee = CardText.Of(await bot.ExecuteAsync(Person.Recorder, Verbs.TalkAbsent, Absent(Person.Cadre2.AadObjectId)));

        Assert.Contains("000 §四(一)4", byOrganiser, StringComparison.Ordinal);
        Assert.Contains("无权", byOrganiser, StringComparison.Ordinal);
        Assert.Contains("不是本次谈话的谈话对象", notATalkee, StringComparison.Ordinal);
        Assert.Empty((await TalkAsync(bot))!.Absences);
        Assert.Empty(Messages(bot, Person.Office));
    }

    [Fact]
    public async Task TheEveReminder_OffersAttendanceToTheRecorder_NotToTheTalkee()
    {
        await using var bot = await StartWithTalkAsync(azurite);

        bot.Clock.SetUtcNow(Shanghai(4, 8, 31));
        await bot.RunSchedulerAsync();

        Assert.Single(Messages(bot, Person.Recorder), c => c.Contains("谈话提醒", StringComparison.Ordinal) && c.Contains(Verbs.TalkAttendance, StringComparison.Ordinal));
        Assert.Single(Messages(bot, Person.Cadre1), c => c.Contains("谈话提醒", StringComparison.Ordinal) && !c.Contains(Verbs.TalkAttendance, StringComparison.Ordinal));
    }
}
