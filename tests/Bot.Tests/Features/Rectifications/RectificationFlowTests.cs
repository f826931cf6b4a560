using System.Net;
using Microsoft.Extensions.DependencyInjection;
using TalkBot.Bot.Features.Rectifications;
using TalkBot.Bot.Features.Talks;
using TalkBot.Bot.Tests.Support;
using TalkBot.Cards;
using TalkBot.Domain;
using TalkBot.Domain.Rectifications;

namespace TalkBot.Bot.Tests.Features.Rectifications;

/// <summary>
/// Issue 4's rectification on Azurite: a record that requires rectification gives the talkee a report form due
/// 3 days after the talk (000 §四(一)5); the talkee reports, the talker returns it with a comment and a new date, the
/// talkee reports again, the talker accepts. Late reports are accepted and marked late.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class RectificationFlowTests(AzuriteFixture azurite)
{
    private static readonly DateTimeOffset Monday = new(2026, 3, 2, 10, 0, 0, TimeSpan.FromHours(8));
    private static readonly DateTimeOffset AfterTheTalk = new(2026, 3, 5, 15, 0, 0, TimeSpan.FromHours(8));
    private const string TalkForm = "0195a0b2c3d47e8f9a0b1c2d3e4f5a6c";
    private static readonly PersonId Cadre1 = new(Person.Cadre1.AadObjectId);

    private async Task<BotUnderTest> StartWithRecordAsync()
    {
        var bot = new BotUnderTest(azurite, Monday);
        _ = bot.Server;
        foreach (var person in new[] { Person.Office, Person.Leader, Person.Recorder, Person.Cadre1, Person.Cadre2 })
        {
            Assert.Equal(HttpStatusCode.OK, await bot.InstallAsync(person));
        }

        await bot.ExecuteAsync(Person.Office, Verbs.TalkCreate, new Dictionary<string, string>
        {
            [DataKeys.FormId] = TalkForm, ["talkees"] = Person.Cadre1.AadObjectId, ["talkers"] = Person.Leader.AadObjectId,
            ["recorder"] = Person.Recorder.AadObjectId, ["kind"] = "Routine", ["date"] = "2026-03-05", ["time"] = "09:30",
            ["place"] = "第三会议室", ["contentDate"] = "2026-03-02",
        });
        bot.Clock.SetUtcNow(AfterTheTalk);
        var logged = CardText.Of(await bot.ExecuteAsync(Person.Recorder, Verbs.RecordSubmit, new Dictionary<string, string>
        {
            [DataKeys.TalkId] = TalkForm, [DataKeys.FormId] = "form-r", ["date"] = "2026-03-05", ["start"] = "09:30", ["end"] = "10:30",
            ["place"] = "第三会议室", ["lead"] = Person.Leader.AadObjectId, ["recorder"] = Person.Recorder.AadObjectId, ["checklist"] = "3",
            ["p1.problems"] = "公务接待超标准", ["p1.rectification"] = "true", ["p1.items"] = "退还超标费用\n提交书面说明",
        }));
        Assert.Contains("记录已提交", logged, StringComparison.Ordinal);
        return bot;
    }

    private static Dictionary<string, string> Report(string formId, string measure1 = "已全额退还", string measure2 = "已提交说明") => new()
    {
        [DataKeys.TalkId] = TalkForm, [DataKeys.FormId] = formId,
        ["m1.measure"] = measure1, ["m1.status"] = "Done", ["m1.date"] = "2026-03-05",
        ["m2.measure"] = measure2, ["m2.status"] = "InProgress",
    };

    private static Dictionary<string, string> Review(int report, string? comment = null, string? due = null)
    {
        var data = new Dictionary<string, string> { [DataKeys.TalkId] = TalkForm, [DataKeys.Talkee] = Person.Cadre1.AadObjectId, [DataKeys.Report] = report.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        if (comment is not null)
        {
            data[DataKeys.Comment] = comment;
        }

        if (due is not null)
        {
            data[DataKeys.DueDate] = due;
        }

        return data;
    }

    /// <summary>The stored rectification, read alone and with the talk's others (one query): both read the same.</summary>
    private static async Task<Rectification> StoredAsync(BotUnderTest bot)
    {
        var store = bot.Services.GetRequiredService<RectificationStore>();
        var alone = (await store.GetAsync(new TalkId(TalkForm), Cadre1, default))!.Rectification;
        var listed = Assert.Single(await store.ListAsync(new TalkId(TalkForm), default));
        Assert.Equal(System.Text.Json.JsonSerializer.Serialize(alone), System.Text.Json.JsonSerializer.Serialize(listed));
        return alone;
    }

    [Fact]
    public async Task RecordRequiringRectification_GivesTheTalkeeAReportFormDueThreeDaysAfterTheTalk()
    {
        await using var bot = await StartWithRecordAsync();

        // The report form, among the cadre's messages (the record to verify comes with it, in either order).
        var form = Assert.Single(bot.Connector.CardsTo(Person.Cadre1), c => c.Contains(Verbs.RectificationSubmit, StringComparison.Ordinal));

        Assert.Contains("整改措施落实情况", form, StringComparison.Ordinal);
        Assert.Contains("2026年3月8日", form, StringComparison.Ordinal);
        Assert.Contains("退还超标费用", form, StringComparison.Ordinal);
        Assert.Contains(Verbs.RectificationSubmit, form, StringComparison.Ordinal);
        Assert.Equal(new DateOnly(2026, 3, 8), (await StoredAsync(bot)).DueDate);
    }

    [Fact]
    public async Task Report_WithoutMeasures_IsRefused_AndNothingIsStored()
    {
        await using var bot = await StartWithRecordAsync();

        var card = CardText.Of(await bot.ExecuteAsync(Person.Cadre1, Verbs.RectificationSubmit, Report("f1", measure1: " ", measure2: "")));

        Assert.Contains("请填写每项整改事项的整改措施，尚缺第1、2项", card, StringComparison.Ordinal);
        Assert.Empty((await StoredAsync(bot)).Reports);
    }

    [Fact]
    public async Task Report_Returned_Resubmitted_Accepted_KeepsEveryVersion()
    {
        await using var bot = await StartWithRecordAsync();

        var reported = CardText.Of(await bot.ExecuteAsync(Person.Cadre1, Verbs.RectificationSubmit, Report("f1")));
        await bot.ExecuteAsync(Person.Cadre1, Verbs.RectificationSubmit, Report("f1"));
        var noComment = CardText.Of(await bot.ExecuteAsync(Person.Leader, Verbs.RectificationReturn, Review(1)));
        var returned = CardText.Of(await bot.ExecuteAsync(Person.Leader, Verbs.RectificationReturn, Review(1, "请附退款凭证", "2026-03-10")));
        await bot.ExecuteAsync(Person.Cadre1, Verbs.RectificationSubmit, Report("f2", "已全额退还并附凭证"));
        var accepted = CardText.Of(await bot.ExecuteAsync(Person.Office, Verbs.RectificationAccept, Review(2)));

        Assert.Contains("已上报，等待审核", reported, StringComparison.Ordinal);
        Assert.Contains(bot.Connector.CardsTo(Person.Leader), c => c.Contains("已上报整改情况，请审核", StringComparison.Ordinal) && c.Contains(Verbs.RectificationAccept, StringComparison.Ordinal));
        Assert.Contains("退回整改报告须说明理由", noComment, StringComparison.Ordinal);
        Assert.Contains("请附退款凭证", returned, StringComparison.Ordinal);
        Assert.Contains(bot.Connector.CardsTo(Person.Cadre1), c => c.Contains("被退回", StringComparison.Ordinal) && c.Contains("2026年3月10日", StringComparison.Ordinal));
        Assert.Contains("已通过", accepted, StringComparison.Ordinal);
        Assert.Contains(bot.Connector.CardsTo(Person.Cadre1), c => c.Contains("已审核通过", StringComparison.Ordinal));
        var r = await StoredAsync(bot);
        Assert.Equal(RectificationStatus.Accepted, r.Status);
        Assert.Equal(["已全额退还", "已全额退还并附凭证"], r.Reports.Select(x => x.Measures[0].Measure));
        Assert.Equal(2, r.Reviews.Count);
    }

    [Fact]
    public async Task Report_AfterTheDueDate_IsAcceptedButMarkedLate()
    {
        await using var bot = await StartWithRecordAsync();
        bot.Clock.SetUtcNow(new DateTimeOffset(2026, 3, 9, 9, 0, 0, TimeSpan.FromHours(8)));

        var card = CardText.Of(await bot.ExecuteAsync(Person.Cadre1, Verbs.RectificationSubmit, Report("f1")));

        Assert.Contains("逾期上报", card, StringComparison.Ordinal);
        Assert.True(Assert.Single((await StoredAsync(bot)).Reports).Late);
    }

    [Fact]
    public async Task CraftedInvokes_FromOthers_AreRefused_AndChangeNothing()
    {
        await using var bot = await StartWithRecordAsync();
        await bot.ExecuteAsync(Person.Cadre1, Verbs.RectificationSubmit, Report("f1"));

        var otherShows = CardText.Of(await bot.ExecuteAsync(Person.Cadre2, Verbs.RectificationShow, Review(1)));
        var otherReports = CardText.Of(await bot.ExecuteAsync(Person.Cadre2, Verbs.RectificationSubmit, Report("f9")));
        var talkeeAccepts = CardText.Of(await bot.ExecuteAsync(Person.Cadre1, Verbs.RectificationAccept, Review(1)));

        Assert.Contains("未找到整改事项", otherShows, StringComparison.Ordinal);
        Assert.Contains("未找到整改事项", otherReports, StringComparison.Ordinal);
        Assert.Contains("没有此操作的权限", talkeeAccepts, StringComparison.Ordinal);
        var r = await StoredAsync(bot);
        Assert.Single(r.Reports);
        Assert.Empty(r.Reviews);
    }
}
