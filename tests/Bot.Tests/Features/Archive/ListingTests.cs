using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using TalkBot.Bot.Features.Admonishments;
using TalkBot.Bot.Features.Leads;
using TalkBot.Bot.Features.Records;
using TalkBot.Bot.Features.Talks;
using TalkBot.Bot.Features.Tasks;
using TalkBot.Bot.Infrastructure.People;
using TalkBot.Bot.Infrastructure.Scheduling;
using TalkBot.Bot.Infrastructure.Storage;
using TalkBot.Bot.Tests.Support;
using TalkBot.Cards;
using TalkBot.Cards.Views;
using TalkBot.Domain;
using TalkBot.Domain.Admonishments;
using TalkBot.Domain.FollowUps;
using TalkBot.Domain.Leads;
using TalkBot.Domain.Talks;
using Xunit.Abstractions;
using Person = TalkBot.Bot.Tests.Support.Person;

namespace TalkBot.Bot.Tests.Features.Archive;

/// <summary>
/// Issue 12, point 3, on Azurite: 线索台账 and 廉政档案 read rows written for them, so that showing one costs the same
/// storage requests at 20 matters as at 200 (counted in the pipeline of the bot's own TableServiceClient); a long list is
/// shown a page at a time with its totals, within Teams' card size; and a crash between a matter's save and its listing
/// is mended by the scheduler.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class ListingTests(AzuriteFixture azurite, ITestOutputHelper output)
{
    private static readonly TimeSpan Cst = TimeSpan.FromHours(8);
    private static readonly DateTimeOffset Monday = new(2026, 3, 2, 10, 0, 0, Cst);

    /// <summary>Teams refuses a message whose card is larger than about 28 KB.</summary>
    private const int CardLimit = 28 * 1024;

    private readonly StorageRequests requests = new();

    private async Task<BotUnderTest> StartAsync()
    {
        var bot = new BotUnderTest(azurite, Monday) { Replace = requests.Into(azurite) };
        _ = bot.Server;
        foreach (var person in new[] { Person.Office, Person.Recorder, Person.Leader, Person.Cadre2 })
        {
            Assert.Equal(HttpStatusCode.OK, await bot.InstallAsync(person));
        }

        return bot;
    }

    private const int Page = ListPage.Size;

    private static string Id(int kind, int n) => $"0195a0b2{kind:x4}{n:x20}";

    /// <summary>The ids of the leads a page starting at <paramref name="from"/> shows, of <paramref name="count"/> registered one a minute: newest first.</summary>
    private static IEnumerable<string> Newest(int count, int from) => Enumerable.Range(0, count).Reverse().Skip(from).Take(Page).Select(n => Id(1, n));

    private static string Summary(int n) => $"第 {n} 号：反映其在公务接待中多次超标准安排宴请，并由下属单位报销有关费用，群众意见较大，请核实有关情况。";

    /// <summary>
    /// Leads, cases and tasks number <paramref name="from"/> to <paramref name="to"/> (exclusive) about 王干部, of 周纪办's
    /// office, one a minute; every fourth task overdue; and as many talks with him, listed in his archive.
    /// </summary>
    private static async Task SeedAsync(BotUnderTest bot, int from, int to)
    {
        var people = await bot.Services.GetRequiredService<PeopleDirectory>().CurrentAsync(default);
        var office = people.Find(new PersonId(Person.Office.AadObjectId))!;
        var subject = people.Find(new PersonId(Person.Cadre2.AadObjectId))!;
        var (leads, cases, tasks) = (bot.Services.GetRequiredService<LeadStore>(), bot.Services.GetRequiredService<CaseStore>(), bot.Services.GetRequiredService<TaskStore>());
        var (talks, lines) = (bot.Services.GetRequiredService<TalkStore>(), bot.Services.GetRequiredService<TalkLines>());
        var today = new DateOnly(2026, 3, 2);
        await Parallel.ForEachAsync(Enumerable.Range(from, to - from), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (n, ct) =>
        {
            var at = Monday.AddMinutes(n);
            var lead = Lead.Register(new LeadId(Id(1, n)), new LeadDraft(LeadSource.Petition, DisciplineCategory.Integrity, Summary(n), new Reporter("赵举报", "第二车间")),
                office, subject, at);
            Assert.True(await leads.CreateAsync(lead, ct));
            var c = AdmonishmentCase.Propose(new CaseId(Id(2, n)),
                new ProposalDraft(AdmonishmentSituation.DutyNeglect, "履职不力", false, AdmonishmentOrigin.IntegrityAssessment), office, subject, at);
            Assert.True(await cases.CreateAsync(c, ct));
            var task = CaseTask.Open(CaseTaskId.For(lead.Id.Value, CaseTaskKind.WrittenReply, 1), CaseTaskKind.WrittenReply, subject.Id, subject.Id, [office.Id],
                "说明接待费用的报销情况", n % 4 == 0 ? today.AddDays(-1) : today.AddDays(7 + n), at);
            Assert.True(await tasks.CreateAsync(task, office.UnitId, ct));
            var talk = Talk.Restore(new TalkId(Id(3, n)), TalkKind.Reminder, [subject.Id], [new PersonId(Person.Leader.AadObjectId)], null, office.Id,
                at.AddDays(3), "第三会议室", today, null, at, TalkStatus.Scheduled);
            Assert.True(await talks.CreateAsync(talk, Notice.For(talk, bot.Clock), null, ct));
            await lines.RelistAsync(talk.Id.Value, ct);
        });
    }

    private Task<JsonElement> DeskAsync(BotUnderTest bot, object? data = null) => bot.ExecuteAsync(Person.Office, Verbs.CaseDesk, data ?? new Dictionary<string, string>());

    private Task<JsonElement> ArchiveAsync(BotUnderTest bot, Dictionary<string, string>? data = null)
    {
        var asked = data ?? [];
        asked[CaseFields.Person] = Person.Cadre2.AadObjectId;
        return bot.ExecuteAsync(Person.Office, Verbs.ArchiveShow, asked);
    }

    private async Task<int> RequestsAsync(Func<Task> show)
    {
        await show(); // once before, so that what a first call sets up (a conversation, a cache) is not counted
        return await requests.CountAsync(show);
    }

    /// <summary>The ids the card's buttons of <paramref name="verb"/> carry under <paramref name="key"/>, top to bottom.</summary>
    private static List<string> Opened(JsonElement card, string verb, string key) => [.. Actions(card)
        .Where(a => a.TryGetProperty("verb", out var v) && v.GetString() == verb)
        .Select(a => a.GetProperty("data").GetProperty(key).GetString()!)];

    private static IEnumerable<JsonElement> Actions(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => (element.TryGetProperty("type", out var type) && type.GetString() == "Action.Execute" ? [element] : Enumerable.Empty<JsonElement>())
            .Concat(element.EnumerateObject().Where(p => p.Name != "fallback").SelectMany(p => Actions(p.Value))),
        JsonValueKind.Array => element.EnumerateArray().SelectMany(Actions),
        _ => [],
    };

    /// <summary>The first button of <paramref name="verb"/> titled <paramref name="title"/>: that of the card's first list.</summary>
    private static JsonElement Button(JsonElement card, string verb, string title) =>
        Actions(card).First(a => a.GetProperty("verb").GetString() == verb && a.GetProperty("title").GetString() == title);

    private static Dictionary<string, string> Data(JsonElement action) =>
        action.GetProperty("data").EnumerateObject().Where(p => p.Name != DataKeys.Verb).ToDictionary(p => p.Name, p => p.Value.GetString()!);

    [Fact]
    public async Task DeskAndArchive_CostTheSameRequests_At20And200Matters()
    {
        await using var bot = await StartAsync();
        await SeedAsync(bot, 0, 20);
        var desk20 = await RequestsAsync(() => DeskAsync(bot));
        var archive20 = await RequestsAsync(() => ArchiveAsync(bot));

        await SeedAsync(bot, 20, 200);
        var desk200 = await RequestsAsync(() => DeskAsync(bot));
        var archive200 = await RequestsAsync(() => ArchiveAsync(bot));

        output.WriteLine($"storage requests: desk {desk20} at 20 matters, {desk200} at 200; archive {archive20} at 20, {archive200} at 200");
        Assert.Equal(desk20, desk200);
        Assert.Equal(archive20, archive200);
        Assert.InRange(desk200, 1, 10);
        Assert.InRange(archive200, 1, 10);
    }

    [Fact]
    public async Task LongDeskAndArchive_ShowAPageNewestFirst_WithTheTotals_AndPageOn_WithinTheCardLimit()
    {
        await using var bot = await StartAsync();
        await SeedAsync(bot, 0, 200);

        var first = await DeskAsync(bot);
        var text = CardText.Of(first);
        Assert.Contains("问题线索 200 件，诫勉谈话 200 件，后续任务 200 项（其中逾期 50 项）", text, StringComparison.Ordinal);
        Assert.Contains($"第 1–{Page} 条，共 200 条", text, StringComparison.Ordinal);
        Assert.Contains($"第 1–{Page} 条，共 200 条，逾期 50 条", text, StringComparison.Ordinal);
        Assert.Equal(Newest(200, 0), Opened(first, Verbs.LeadShow, DataKeys.LeadId));
        Assert.Equal(Page, Opened(first, Verbs.TaskShow, DataKeys.TaskId).Count);
        Assert.DoesNotContain("赵举报", text, StringComparison.Ordinal);
        // The card as the bot answers the click (its JSON escapes every Chinese character) stays within what Teams takes.
        Assert.InRange(Encoding.UTF8.GetByteCount(first.GetRawText()), 1, CardLimit);

        // 下一页 of the leads: the next page, the other lists where they were.
        var next = Data(Button(first, Verbs.CaseDesk, "下一页"));
        Assert.Equal(($"{Page}", "0", "0"), (next[DataKeys.LeadsFrom], next[DataKeys.CasesFrom], next[DataKeys.TasksFrom]));
        var second = await DeskAsync(bot, next);
        Assert.Equal(Newest(200, Page), Opened(second, Verbs.LeadShow, DataKeys.LeadId));
        Assert.Contains($"第 {Page + 1}–{2 * Page} 条，共 200 条", CardText.Of(second), StringComparison.Ordinal);
        Assert.Equal(Opened(first, Verbs.CaseShow, DataKeys.CaseId), Opened(second, Verbs.CaseShow, DataKeys.CaseId));
        Assert.Contains(Button(second, Verbs.CaseDesk, "上一页").GetProperty("data").EnumerateObject(), p => p.Name == DataKeys.LeadsFrom && p.Value.GetString() == "0");

        // A start past the end (a crafted one too) shows the last page; one that is no number, the first.
        var last = await DeskAsync(bot, new Dictionary<string, string> { [DataKeys.LeadsFrom] = "100000", [DataKeys.TasksFrom] = "-5" });
        var lastStart = 199 / Page * Page;
        Assert.Equal(Newest(200, lastStart), Opened(last, Verbs.LeadShow, DataKeys.LeadId));
        Assert.Contains($"第 {lastStart + 1}–200 条，共 200 条", CardText.Of(last), StringComparison.Ordinal);
        Assert.Contains($"第 1–{Page} 条，共 200 条，逾期 50 条", CardText.Of(last), StringComparison.Ordinal);

        // The archive likewise, section by section, for the person it is of.
        var archive = await ArchiveAsync(bot);
        output.WriteLine($"card bytes as answered: desk {Encoding.UTF8.GetByteCount(first.GetRawText())}, archive {Encoding.UTF8.GetByteCount(archive.GetRawText())}");
        Assert.InRange(Encoding.UTF8.GetByteCount(archive.GetRawText()), 1, CardLimit);
        Assert.Equal(Newest(200, 0), Opened(archive, Verbs.LeadShow, DataKeys.LeadId));
        var talksNext = Data(Button(archive, Verbs.ArchiveShow, "下一页"));
        Assert.Equal((Person.Cadre2.AadObjectId, $"{Page}"), (talksNext[CaseFields.Person], talksNext[DataKeys.TalksFrom]));
        var archive2 = await ArchiveAsync(bot, talksNext);
        Assert.Contains($"第 {Page + 1}–{2 * Page} 条，共 200 条", CardText.Of(archive2), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CrashBetweenASaveAndItsListing_IsMendedByTheScheduler_AfterTheGrace()
    {
        await using var bot = await StartAsync();
        var people = await bot.Services.GetRequiredService<PeopleDirectory>().CurrentAsync(default);
        var lead = Lead.Register(new LeadId(Id(1, 1)), new LeadDraft(LeadSource.Audit, DisciplineCategory.Work, Summary(1), new Reporter(null, null)),
            people.Find(new PersonId(Person.Office.AadObjectId))!, people.Find(new PersonId(Person.Cadre2.AadObjectId))!, Monday);

        requests.FailWritesTo = MatterIndex.Table;
        await Assert.ThrowsAsync<InvalidOperationException>(() => bot.Services.GetRequiredService<LeadStore>().CreateAsync(lead, default));
        requests.FailWritesTo = null;

        Assert.NotNull(await bot.Services.GetRequiredService<LeadStore>().GetAsync(lead.Id, default)); // the lead is stored …
        Assert.Contains("问题线索 0 件", CardText.Of(await DeskAsync(bot)), StringComparison.Ordinal); // … but not listed
        await bot.RunSchedulerAsync();
        Assert.Contains("问题线索 0 件", CardText.Of(await DeskAsync(bot)), StringComparison.Ordinal); // the grace has not passed

        bot.Clock.Advance(TimeSpan.FromMinutes(2));
        await bot.RunSchedulerAsync();

        Assert.Equal([lead.Id.Value], Opened(await DeskAsync(bot), Verbs.LeadShow, DataKeys.LeadId));
        Assert.Equal([lead.Id.Value], Opened(await ArchiveAsync(bot), Verbs.LeadShow, DataKeys.LeadId));
        Assert.Empty(await bot.Services.GetRequiredService<ScheduleStore>().ListAsync(default));
    }

    [Fact]
    public async Task ASaveListedAtOnce_LeavesNothingInTheSchedule_AndALostRaceListsNothing()
    {
        await using var bot = await StartAsync();
        var people = await bot.Services.GetRequiredService<PeopleDirectory>().CurrentAsync(default);
        var leads = bot.Services.GetRequiredService<LeadStore>();
        var lead = Lead.Register(new LeadId(Id(1, 1)), new LeadDraft(LeadSource.Audit, DisciplineCategory.Work, Summary(1), new Reporter(null, null)),
            people.Find(new PersonId(Person.Office.AadObjectId))!, people.Find(new PersonId(Person.Cadre2.AadObjectId))!, Monday);

        Assert.True(await leads.CreateAsync(lead, default));
        var again = Lead.Register(lead.Id, new LeadDraft(LeadSource.Patrol, DisciplineCategory.Life, "另一份表单", new Reporter(null, null)),
            people.Find(new PersonId(Person.Office.AadObjectId))!, people.Find(new PersonId(Person.Cadre2.AadObjectId))!, Monday);
        Assert.False(await leads.CreateAsync(again, default));

        Assert.Empty(await bot.Services.GetRequiredService<ScheduleStore>().ListAsync(default));
        var listed = Assert.Single(await leads.ListingsAsync(MatterIndex.Office(new UnitId("office")), ListScope.All, default));
        Assert.Equal((LeadSource.Audit, Summary(1)), (listed.Source, listed.Summary));
    }

    [Fact]
    public async Task AStoreFromBeforeListRows_IsListedOnce_AtItsNextStart()
    {
        string prefix;
        LeadId id;
        await using (var before = await StartAsync())
        {
            prefix = before.TablePrefix;
            await SeedAsync(before, 0, 3);
            id = new LeadId(Id(1, 2));
            // As the store was before: the index held bare pointers, no lines, and no upgrade was done.
            await IndexRows.DeleteAsync(before.Services.GetRequiredService<TableSet>(), _ => true);

            await before.Services.GetRequiredService<MatterIndex>().AddAsync("lead", id.Value, [MatterIndex.Office(new UnitId("office"))], default);
            Assert.Contains("问题线索 0 件", CardText.Of(await DeskAsync(before)), StringComparison.Ordinal);
        }

        await using var after = new BotUnderTest(azurite, Monday, prefix);
        _ = after.Server;
        var upgraded = after.Services.GetRequiredService<MatterIndex>();
        for (var wait = 0; wait < 100 && !await upgraded.IsUpgradedAsync(ListingUpgrade.Upgrade, default); wait++)
        {
            await Task.Delay(100);
        }

        var desk = await after.ExecuteAsync(Person.Office, Verbs.CaseDesk, new Dictionary<string, string>());
        Assert.Contains("问题线索 3 件，诫勉谈话 3 件，后续任务 3 项", CardText.Of(desk), StringComparison.Ordinal);
        Assert.Contains(id.Value, Opened(desk, Verbs.LeadShow, DataKeys.LeadId));
        var archive = await after.ExecuteAsync(Person.Office, Verbs.ArchiveShow, new Dictionary<string, string> { [CaseFields.Person] = Person.Cadre2.AadObjectId });
        Assert.Equal(3, Regex.Count(CardText.Of(archive), "廉政提醒谈话 · "));
    }

    [Fact]
    public async Task ArchiveTalkLine_FollowsItsRecord_FromArrangedToVerified()
    {
        await using var bot = await StartAsync();
        const string LeadForm = "0195a0b2c3d47e8f9a0b1c2d3e4f0001";
        const string TalkForm = "0195a0b2c3d47e8f9a0b1c2d3e4f0002";
        await bot.ExecuteAsync(Person.Office, Verbs.LeadCreate, new Dictionary<string, string>
        {
            [DataKeys.FormId] = LeadForm, [CaseFields.Subject] = Person.Cadre2.AadObjectId, [CaseFields.Source] = nameof(LeadSource.Petition),
            [CaseFields.Category] = nameof(DisciplineCategory.Integrity), [CaseFields.Summary] = "反映其在公务接待中超标准用餐",
        });
        await bot.ExecuteAsync(Person.Office, Verbs.LeadTalkCreate, new Dictionary<string, string>
        {
            [DataKeys.FormId] = TalkForm, [DataKeys.LeadId] = LeadForm, ["talkees"] = Person.Cadre2.AadObjectId, ["talkers"] = Person.Leader.AadObjectId,
            ["recorder"] = Person.Recorder.AadObjectId, ["kind"] = "Reminder", ["date"] = "2026-03-05", ["time"] = "09:30", ["place"] = "第三会议室",
            ["contentDate"] = "2026-03-02",
        });
        Assert.Contains("廉政提醒谈话 · 2026年3月5日", CardText.Of(await ArchiveAsync(bot)), StringComparison.Ordinal);
        Assert.Contains("尚无记录", CardText.Of(await ArchiveAsync(bot)), StringComparison.Ordinal);

        bot.Clock.SetUtcNow(new DateTimeOffset(2026, 3, 5, 15, 0, 0, Cst));
        await bot.ExecuteAsync(Person.Recorder, Verbs.RecordSubmit, new Dictionary<string, string>
        {
            [DataKeys.TalkId] = TalkForm, [DataKeys.FormId] = "rec-1", ["date"] = "2026-03-05", ["start"] = "09:30", ["end"] = "10:30", ["place"] = "第三会议室",
            ["format"] = "Individual", ["lead"] = Person.Leader.AadObjectId, ["recorder"] = Person.Recorder.AadObjectId, ["checklist"] = "1,2,3",
            ["p1.problems"] = "公务接待超标准", ["p1.explanation"] = "已认识到问题", ["p1.requirements"] = "严格执行接待标准", ["p1.rectification"] = "false",
        });
        var recorded = CardText.Of(await ArchiveAsync(bot));
        Assert.Contains("已谈话", recorded, StringComparison.Ordinal);
        Assert.Contains("记录：待本人核实", recorded, StringComparison.Ordinal);

        await bot.ExecuteAsync(Person.Cadre2, Verbs.RecordConfirm, new Dictionary<string, string> { [DataKeys.TalkId] = TalkForm, [DataKeys.Version] = "1" });
        Assert.Contains("记录：已核实", CardText.Of(await ArchiveAsync(bot)), StringComparison.Ordinal);
    }
}
