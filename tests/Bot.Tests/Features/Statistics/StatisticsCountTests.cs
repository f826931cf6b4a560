using System.Net;
using Microsoft.Extensions.DependencyInjection;
using TalkBot.Bot.Features.Statistics;
using TalkBot.Bot.Infrastructure.Audit;
using TalkBot.Bot.Tests.Support;
using TalkBot.Cards;
using TalkBot.Domain;
using TalkBot.Domain.Audit;
using TalkBot.Domain.Events;
using TalkBot.Bot.Infrastructure.People;
using TalkBot.Bot.Infrastructure.Scheduling;
using TalkBot.Bot.Infrastructure.Storage;
using TalkBot.Domain.Statistics;
using static TalkBot.Bot.Tests.Features.Statistics.StatisticsSetup;

namespace TalkBot.Bot.Tests.Features.Statistics;

/// <summary>
/// Issue 15 §2 on Azurite: a month of talks made through the product's handlers, and every figure of the statistics
/// compared with what was done; counted once however often a change is told; who sees which figures; each view audited.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class StatisticsCountTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Month_OfTalksInKnownStates_GivesTheOfficeEveryFigure_ForItsLevelAndBelow()
    {
        await using var bot = await MonthAsync(azurite);

        var (status, body) = await GetAsync(bot, Person.Office);

        Assert.Equal(HttpStatusCode.OK, status);
        var expected = new Dictionary<string, long>
        {
            [Domain.Statistics.Figures.Scheduled] = 2, [Domain.Statistics.Figures.Notified] = 2, [Domain.Statistics.Figures.Acknowledged] = 1,
            [Domain.Statistics.Figures.Held] = 1, [Domain.Statistics.Figures.Recorded] = 1, [Domain.Statistics.Figures.Verified] = 1,
            [Domain.Statistics.Figures.Completed] = 1, [Domain.Statistics.Figures.Cancelled] = 0,
            [Domain.Statistics.Figures.RectificationOnTime] = 1, [Domain.Statistics.Figures.RectificationLate] = 0, [Domain.Statistics.Figures.RectificationOpen] = 0,
            [Domain.Statistics.Figures.QuizTaken] = 1, [Domain.Statistics.Figures.Plans] = 0, [Domain.Statistics.Figures.Planned] = 0,
            [Domain.Statistics.Figures.Leads] = 1, [Domain.Statistics.Figures.LeadSource(Domain.Leads.LeadSource.Petition)] = 1,
            [Domain.Statistics.Figures.LeadSource(Domain.Leads.LeadSource.Audit)] = 0,
            [Domain.Statistics.Figures.LeadCategory(Domain.Leads.DisciplineCategory.Integrity)] = 1, [Domain.Statistics.Figures.Cases] = 0,
        };
        var figures = Figures(body);
        Assert.All(expected, e => Assert.Equal((e.Key, e.Value), (e.Key, figures[e.Key])));
        Assert.Equal("bureau", body.GetProperty("filters").GetProperty("unit").GetString());
        Assert.Equal(0.5, body.GetProperty("rates").GetProperty("completion").GetDouble());
        Assert.Equal(10, body.GetProperty("rates").GetProperty("averageScore").GetDouble());

        // Every figure names the rows behind it.
        var link = Figure(body, Domain.Statistics.Figures.Acknowledged).GetProperty("link");
        Assert.Equal("talks", link.GetProperty("ledger").GetString());
        Assert.Equal(Domain.Statistics.Figures.Acknowledged, link.GetProperty("filters").GetProperty("stage").GetString());
        Assert.Equal("2026-03", link.GetProperty("filters").GetProperty("month").GetString());
        Assert.Equal("Petition", Figure(body, Domain.Statistics.Figures.LeadSource(Domain.Leads.LeadSource.Petition)).GetProperty("link").GetProperty("filters").GetProperty("source").GetString());

        // Completion per unit below, per talker, and month over month.
        var unit1 = body.GetProperty("units").EnumerateArray().Single(u => u.GetProperty("id").GetString() == "unit1");
        Assert.Equal((2, 1, 0.5), (unit1.GetProperty("scheduled").GetInt64(), unit1.GetProperty("completed").GetInt64(), unit1.GetProperty("rate").GetDouble()));
        var talker = Assert.Single(body.GetProperty("talkers").EnumerateArray());
        Assert.Equal((Person.Leader.AadObjectId, 2L, 1L), (talker.GetProperty("id").GetString(), talker.GetProperty("scheduled").GetInt64(), talker.GetProperty("completed").GetInt64()));
        var series = body.GetProperty("series").EnumerateArray().ToList();
        Assert.Equal(12, series.Count);
        Assert.Equal(("2026-03", 2L), (series[^1].GetProperty("month").GetString(), series[^1].GetProperty("scheduled").GetInt64()));
        Assert.Equal(0, series[^2].GetProperty("scheduled").GetInt64());
    }

    [Fact]
    public async Task Filters_ByTierTalkerKindAndUnit_NarrowTheFigures()
    {
        await using var bot = await MonthAsync(azurite);

        // 000 §二 tier 2: the discipline group leader talks to the heads of the units under the bureau (李干部, 赵局长);
        // nobody's tier-3 talk (李干部 with 王干部) was arranged this month.
        var tier2 = Figures((await GetAsync(bot, Person.Office, "month=2026-03&tier=2")).Body);
        var tier3 = Figures((await GetAsync(bot, Person.Office, "month=2026-03&tier=3")).Body);
        var reminder = Figures((await GetAsync(bot, Person.Office, "month=2026-03&kind=Reminder")).Body);
        var leader = Figures((await GetAsync(bot, Person.Office, $"month=2026-03&talker={Person.Leader.AadObjectId}")).Body);
        var office = Figures((await GetAsync(bot, Person.Office, "month=2026-03&unit=office")).Body);
        var february = Figures((await GetAsync(bot, Person.Office, "month=2026-02")).Body);

        Assert.Equal((2L, 1L), (tier2[Domain.Statistics.Figures.Scheduled], tier2[Domain.Statistics.Figures.Completed]));
        Assert.Equal((0L, 0L), (tier3[Domain.Statistics.Figures.Scheduled], tier3[Domain.Statistics.Figures.Completed]));
        Assert.Equal((0L, 1L), (reminder[Domain.Statistics.Figures.Scheduled], reminder[Domain.Statistics.Figures.Leads]));
        Assert.Equal((2L, 0L), (leader[Domain.Statistics.Figures.Scheduled], leader[Domain.Statistics.Figures.Leads]));
        Assert.Equal((0L, 1L), (office[Domain.Statistics.Figures.Scheduled], office[Domain.Statistics.Figures.Leads]));
        Assert.All(february.Values, v => Assert.Equal(0, v));
    }

    [Fact]
    public async Task Changes_ToldAgain_OrClickedTwice_AreCountedOnce()
    {
        await using var bot = await MonthAsync(azurite);
        var before = Figures((await GetAsync(bot, Person.Office)).Body);

        var recount = bot.Services.GetRequiredService<StatRecount>();
        var changes = bot.Services.GetRequiredService<CountChanges>();
        await recount.TalkAsync(new TalkId(HeldTalk), default);
        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => changes.RunAsync(new RecordLogged(new TalkId(HeldTalk), 1), default)));
        await changes.ListedAsync(Bot.Features.Leads.LeadStore.ListJob, LeadForm, default);
        await bot.ExecuteAsync(Person.Cadre1, Verbs.NoticeAcknowledge, new { talkId = HeldTalk });
        await bot.ExecuteAsync(Person.Cadre1, Verbs.RecordConfirm, new Dictionary<string, string> { [DataKeys.TalkId] = HeldTalk, [DataKeys.Version] = "1" });

        Assert.Equal(before, Figures((await GetAsync(bot, Person.Office)).Body));
    }

    [Fact]
    public async Task Talk_MovedToTheNextMonth_LeavesTheFirstMonthsFigures_AndIsCountedOnceInTheNext()
    {
        // 000 §二 tier 2: 钱组长 talks to 李干部, head of 第一基层党委. Content fixed on Friday 27 March, the talk on Tuesday 31
        // March, moved to Wednesday 1 April: still within 5 days of the content (000 §四(一)2), 2 working days ahead (§四(一)3).
        await using var bot = await StartAsync(azurite, new DateTimeOffset(2026, 3, 27, 10, 0, 0, TimeSpan.FromHours(8)));
        await CreateTalkAsync(bot, HeldTalk, Person.Cadre1, "09:30", date: "2026-03-31", contentDate: "2026-03-27");
        await bot.ExecuteAsync(Person.Cadre1, Verbs.NoticeAcknowledge, new { talkId = HeldTalk });
        var march = Figures((await GetAsync(bot, Person.Office)).Body);

        var move = new Dictionary<string, string>
        {
            [DataKeys.TalkId] = HeldTalk, [DataKeys.NewDate] = "2026-04-01", [DataKeys.NewTime] = "09:30", [DataKeys.Reason] = "会议室冲突",
        };
        var moved = CardText.Of(await bot.ExecuteAsync(Person.Office, Verbs.TalkReschedule, move));
        await bot.ExecuteAsync(Person.Office, Verbs.TalkReschedule, move);
        await bot.Services.GetRequiredService<CountChanges>().RunAsync(new TalkChanged(new TalkId(HeldTalk), 1, false), default);

        var marchAfter = Figures((await GetAsync(bot, Person.Office)).Body);
        var (_, aprilBody) = await GetAsync(bot, Person.Office, "month=2026-04");
        var april = Figures(aprilBody);
        Assert.Equal((1L, 1L, 1L), (march[Domain.Statistics.Figures.Scheduled], march[Domain.Statistics.Figures.Notified], march[Domain.Statistics.Figures.Acknowledged]));
        Assert.Contains("已改期", moved, StringComparison.Ordinal);
        Assert.All(marchAfter.Values, v => Assert.Equal(0, v));
        // Moved, the notice is sent again and awaits a new acknowledgement.
        Assert.Equal((1L, 1L, 0L), (april[Domain.Statistics.Figures.Scheduled], april[Domain.Statistics.Figures.Notified], april[Domain.Statistics.Figures.Acknowledged]));
        var series = aprilBody.GetProperty("series").EnumerateArray().ToList();
        Assert.Equal((0L, 1L), (series[^2].GetProperty("scheduled").GetInt64(), series[^1].GetProperty("scheduled").GetInt64()));
    }

    [Fact]
    public async Task Counters_AfterAChangeTheyMissed_AreMendedByTheDailyRecount()
    {
        await using var bot = await MonthAsync(azurite);
        var counters = bot.Services.GetRequiredService<StatCounters>();
        var people = await bot.Services.GetRequiredService<PeopleDirectory>().CurrentAsync(default);
        // As if the pending talk's delivery had never been counted (a crash before its follow-up was planned).
        await counters.CountAsync(new StatMonth(2026, 3), StatRecount.TalkType, PendingTalk, [], false, UnitTrees.Of(people), default);
        Assert.Equal(1, Figures((await GetAsync(bot, Person.Office)).Body)[Domain.Statistics.Figures.Scheduled]);

        await bot.Services.GetRequiredService<StatMending>().RunAsync(new ScheduleEntry(StatMending.Job, "2026-03-06", null, bot.Clock.GetUtcNow()), default);

        Assert.Equal(2, Figures((await GetAsync(bot, Person.Office)).Body)[Domain.Statistics.Figures.Scheduled]);
    }

    [Fact]
    public async Task CopyOfTheCounters_ArrivingLate_NeverGoesBack_AndOneLostIsMendedByTheDailyRun()
    {
        await using var bot = await MonthAsync(azurite);
        var before = Figures((await GetAsync(bot, Person.Office)).Body);
        var copies = bot.Services.GetRequiredService<TableSet>()[StatTotals.Table];
        var bureau = new List<Azure.Data.Tables.TableEntity>();
        await foreach (var row in copies.QueryAsync<Azure.Data.Tables.TableEntity>(TableFilter.RowsStartingWith("2026-03", StatRows.UnitRows("bureau"))))
        {
            bureau.Add(row);
        }

        // A copy made before the last change of its counter, landing after it.
        var late = StatTotals.Copy("2026-03", bureau[0]);
        late[StatTotals.Seq] = 0L;
        late[Domain.Statistics.Figures.Scheduled] = 99L;
        await bot.Services.GetRequiredService<StatTotals>().CopyAsync("2026-03", [late], default);
        Assert.Equal(before, Figures((await GetAsync(bot, Person.Office)).Body));

        // The bureau's copies lost (a crash after the count, before its copy).
        foreach (var row in bureau)
        {
            await copies.DeleteEntityAsync(row.PartitionKey, row.RowKey);
        }

        Assert.NotEqual(before, Figures((await GetAsync(bot, Person.Office)).Body));
        await bot.Services.GetRequiredService<StatMending>().RunAsync(new ScheduleEntry(StatMending.Job, "2026-03-06", null, bot.Clock.GetUtcNow()), default);
        Assert.Equal(before, Figures((await GetAsync(bot, Person.Office)).Body));
    }

    [Fact]
    public async Task WhoSeesWhat_IsDomainsRule_AndEveryViewAndRefusalIsAudited()
    {
        await using var bot = await StartAsync(azurite);
        await CreateTalkAsync(bot, HeldTalk, Person.Cadre1, "09:30");
        await CreateTalkAsync(bot, PendingTalk, Person.Cadre3, "14:30");

        // 李干部 heads 第一基层党委: its leadership sees it and below, not the bureau, and no leads.
        var (headStatus, head) = await GetAsync(bot, Person.Cadre1);
        var (headAbove, _) = await GetAsync(bot, Person.Cadre1, "month=2026-03&unit=bureau");
        // 钱组长 leads the two talks: a talker sees those, and not another talker's.
        var (_, talker) = await GetAsync(bot, Person.Leader);
        var (otherTalker, _) = await GetAsync(bot, Person.Cadre2, $"month=2026-03&talker={Person.Leader.AadObjectId}");
        var (_, cadre) = await GetAsync(bot, Person.Cadre2);
        var (nobody, _) = await GetAsync(bot, null);
        var (stranger, _) = await GetAsync(bot, Person.Stranger);
        var (badStatus, bad) = await GetAsync(bot, Person.Office, "month=2026-3&tier=9&kind=Chat&unit=nowhere");

        Assert.Equal(HttpStatusCode.OK, headStatus);
        Assert.Equal("unit1", head.GetProperty("filters").GetProperty("unit").GetString());
        Assert.Equal(2, Figures(head)[Domain.Statistics.Figures.Scheduled]);
        Assert.DoesNotContain(head.GetProperty("figures").EnumerateArray(), f => f.GetProperty("section").GetString() is "leads" or "cases");
        Assert.Equal(HttpStatusCode.Forbidden, headAbove);
        Assert.Equal(2, Figures(talker)[Domain.Statistics.Figures.Scheduled]);
        Assert.Equal(Person.Leader.AadObjectId, talker.GetProperty("filters").GetProperty("talker").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, otherTalker);
        Assert.Equal(0, Figures(cadre)[Domain.Statistics.Figures.Scheduled]);
        Assert.Equal(HttpStatusCode.Unauthorized, nobody);
        Assert.Equal(HttpStatusCode.Forbidden, stranger);
        Assert.Equal(HttpStatusCode.BadRequest, badStatus);
        var problems = string.Join('\n', bad.GetProperty("problems").EnumerateArray().Select(p => p.GetProperty("zh-CN").GetString()));
        Assert.Contains("月份“2026-3”无效", problems, StringComparison.Ordinal);
        Assert.Contains("层级“9”无效", problems, StringComparison.Ordinal);
        Assert.Contains("谈话类型“Chat”无效", problems, StringComparison.Ordinal);
        Assert.Contains("没有编号为“nowhere”的单位", problems, StringComparison.Ordinal);

        var audit = await bot.Services.GetRequiredService<AuditLog>().ListAsync(bot.Clock.GetUtcNow(), 50, default);
        var lines = audit.Where(a => a.Object == AuditObject.Statistics).ToList();
        Assert.Equal(3, lines.Count(a => a.Action == AuditAction.View));
        Assert.Equal(2, lines.Count(a => a.Action == AuditAction.Refused));
        Assert.Contains(lines, a => a.Action == AuditAction.Refused && a.Actor.Value == Person.Cadre1.AadObjectId && a.ObjectId.StartsWith("2026-03|bureau|", StringComparison.Ordinal));
    }
}
