using Microsoft.Extensions.DependencyInjection;
using TalkBot.Bot.Features.Records;
using TalkBot.Bot.Tests.Support;
using TalkBot.Cards;
using static TalkBot.Bot.Tests.Features.TalkChanges.TalkChangeSupport;

namespace TalkBot.Bot.Tests.Features.TalkChanges;

/// <summary>
/// 未请假缺席 from the record form (000 §四(一)4, §四(五)1): the recorder logging the talk records "did not attend" instead
/// of a record, with the attendance path's effects (stored on the talk, the office told once, the organiser's card), and
/// the talk is then not recorded as held.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class AbsenceFromRecordFormTests(AzuriteFixture azurite)
{
    private static readonly Dictionary<string, string> OfTheTalk = new() { [DataKeys.TalkId] = FormId };

    private static readonly Dictionary<string, string> Record = new(OfTheTalk)
    {
        [DataKeys.FormId] = "form-absent", ["date"] = "2026-03-05", ["start"] = "09:30", ["end"] = "10:30", ["place"] = "第三会议室",
        ["lead"] = Person.Leader.AadObjectId, ["recorder"] = Person.Recorder.AadObjectId, ["checklist"] = "1,2,3",
        ["p1.problems"] = "无", ["p1.explanation"] = "无", ["p1.requirements"] = "继续保持", ["p1.rectification"] = "false",
    };

    [Fact]
    public async Task TheRecordForm_OffersDidNotAttend_WhichRecordsTheAbsenceOnce_TellsTheOfficeOnce_AndShowsOnTheOrganisersCard()
    {
        await using var bot = await StartWithTalkAsync(azurite);
        bot.Clock.SetUtcNow(Shanghai(5, 10, 15));

        var form = CardText.Of(await bot.ExecuteAsync(Person.Recorder, Verbs.RecordNew, OfTheTalk));
        Assert.Contains("李干部未到场（登记无故缺席）", form, StringComparison.Ordinal);
        Assert.Contains(Verbs.TalkAbsent, form, StringComparison.Ordinal);

        var recorded = CardText.Of(await bot.ExecuteAsync(Person.Recorder, Verbs.TalkAbsent, Absent()));
        await bot.ExecuteAsync(Person.Recorder, Verbs.TalkAbsent, Absent()); // a repeated click

        Assert.Contains("已登记：无故缺席", recorded, StringComparison.Ordinal);
        var absence = Assert.Single((await TalkAsync(bot))!.Absences);
        Assert.Equal((Cadre1, Shanghai(5, 10, 15)), (absence.Talkee, absence.RecordedAt));
        Assert.Single(Messages(bot, Person.Office), c => c.Contains("谈话对象无故缺席", StringComparison.Ordinal));
        Assert.Contains("无故缺席：李干部", OrganiserCard(bot), StringComparison.Ordinal);

        var again = CardText.Of(await bot.ExecuteAsync(Person.Recorder, Verbs.RecordNew, OfTheTalk));
        Assert.Contains("谈话对象均已登记无故缺席", again, StringComparison.Ordinal);
        Assert.DoesNotContain(Verbs.RecordSubmit, again, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ATalkNobodyCameTo_CannotBeLoggedAsHeld_ByACraftedSubmit_AndIsNoLongerOnTheRecordersToDo()
    {
        await using var bot = await StartWithTalkAsync(azurite);
        bot.Clock.SetUtcNow(Shanghai(5, 10, 15));
        await bot.ExecuteAsync(Person.Recorder, Verbs.TalkAbsent, Absent());
        var before = bot.Connector.Sent.Count;

        var refused = CardText.Of(await bot.ExecuteAsync(Person.Recorder, Verbs.RecordSubmit, Record));

        Assert.Contains("谈话未举行，不能登记为已举行的谈话记录", refused, StringComparison.Ordinal);
        Assert.Null(await bot.Services.GetRequiredService<RecordStore>().GetAsync((await TalkAsync(bot))!, default));
        Assert.Equal(Domain.Talks.TalkStatus.Scheduled, (await TalkAsync(bot))!.Status);
        Assert.Equal(before, bot.Connector.Sent.Count);
        Assert.DoesNotContain("第三会议室", CardText.Of(await bot.ExecuteAsync(Person.Recorder, Verbs.RecordTodo, new Dictionary<string, string>())), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OnceTheRecordIsLogged_DidNotAttendIsNoLongerOffered_AndACraftedAbsenceIsRefusedWithItsRule()
    {
        await using var bot = await StartWithTalkAsync(azurite);
        bot.Clock.SetUtcNow(Shanghai(5, 10, 45));
        Assert.Contains("记录已提交", CardText.Of(await bot.ExecuteAsync(Person.Recorder, Verbs.RecordSubmit, Record)), StringComparison.Ordinal);

        var form = CardText.Of(await bot.ExecuteAsync(Person.Recorder, Verbs.RecordNew, OfTheTalk));
        var crafted = CardText.Of(await bot.ExecuteAsync(Person.Recorder, Verbs.TalkAbsent, Absent()));

        Assert.DoesNotContain(Verbs.TalkAbsent, form, StringComparison.Ordinal);
        Assert.Contains("谈话记录已登记，谈话已举行", crafted, StringComparison.Ordinal);
        Assert.Empty((await TalkAsync(bot))!.Absences);
        Assert.DoesNotContain(Messages(bot, Person.Office), c => c.Contains("谈话对象无故缺席", StringComparison.Ordinal));
    }
}
