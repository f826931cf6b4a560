using TalkBot.Bot.Features.Rectifications;
using TalkBot.Bot.Features.Records;
using TalkBot.Bot.Features.Notices;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using TalkBot.Bot.Features.Talks;
using TalkBot.Bot.Infrastructure.Scheduling;
using TalkBot.Bot.Tests.Support;
using TalkBot.Cards;

namespace TalkBot.Bot.Tests.Infrastructure.Scheduling;

/// <summary>
/// Durable reminders on Azurite: what a talk and a rectification schedule, that each goes out once in working hours
/// and stops when the thing is done, that two scheduler instances never send one twice, and that a crash or a
/// restart loses none.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class SchedulerTests(AzuriteFixture azurite)
{
    private static readonly TimeSpan Cst = TimeSpan.FromHours(8);
    private static readonly DateTimeOffset Monday = new(2026, 3, 2, 10, 0, 0, Cst);
    private const string TalkForm = "0195a0b2c3d47e8f9a0b1c2d3e4f5a6d";

    private static async Task<BotUnderTest> StartAsync(AzuriteFixture azurite, string? prefix = null)
    {
        var bot = new BotUnderTest(azurite, Monday, prefix);
        _ = bot.Server;
        foreach (var person in new[] { Person.Office, Person.Leader, Person.Recorder, Person.Cadre1 })
        {
            Assert.Equal(HttpStatusCode.OK, await bot.InstallAsync(person));
        }

        return bot;
    }

    private const string LeadForm = "0195a0b2c3d47e8f9a0b1c2d3e4f5a6e";

    // A reminder talk comes from a lead (000 §三2–3): the lead is registered, then its talk arranged.
    private static async Task CreateTalkAsync(BotUnderTest bot)
    {
        await bot.RegisterLeadAsync(LeadForm, Person.Cadre1);
        await bot.ExecuteAsync(Person.Office, Verbs.LeadTalkCreate, new Dictionary<string, string>
        {
            [DataKeys.FormId] = TalkForm, [DataKeys.LeadId] = LeadForm, ["talkees"] = Person.Cadre1.AadObjectId, ["talkers"] = Person.Leader.AadObjectId,
            ["recorder"] = Person.Recorder.AadObjectId, ["kind"] = "Reminder", ["date"] = "2026-03-05", ["time"] = "09:30",
            ["place"] = "第三会议室", ["contentDate"] = "2026-03-02",
        });
    }

    private static Task LogRecordAsync(BotUnderTest bot) => bot.ExecuteAsync(Person.Recorder, Verbs.RecordSubmit, new Dictionary<string, string>
    {
        [DataKeys.TalkId] = TalkForm, [DataKeys.FormId] = "form-r", ["date"] = "2026-03-05", ["start"] = "09:30", ["end"] = "10:30",
        ["place"] = "第三会议室", ["lead"] = Person.Leader.AadObjectId, ["recorder"] = Person.Recorder.AadObjectId, ["checklist"] = "1,2,3",
        ["p1.problems"] = "公务接待超标准", ["p1.explanation"] = "说明", ["p1.requirements"] = "整改",
        ["p1.rectification"] = "true", ["p1.items"] = "退还超标费用",
    });

    private static int Count(BotUnderTest bot, Person person, string text) =>
        bot.Connector.CardsTo(person).Count(c => c.Contains(text, StringComparison.Ordinal));

    private static DateTimeOffset At(int day, int hour, int minute = 0) => new(2026, 3, day, hour, minute, 0, Cst);

    [Fact]
    public async Task NewTalk_SchedulesItsReminders_InWorkingHours()
    {
        await using var bot = await StartAsync(azurite);
        await CreateTalkAsync(bot);

        var entries = await bot.Services.GetRequiredService<ScheduleStore>().ListAsync(default);

        Assert.Equal(
            [(NoticeReminders.Escalation, At(4, 8, 30)), (TalkEve.Job, At(4, 8, 30)), (RecordMissing.Job, At(6, 8, 30))],
            entries.Where(e => e.Job != NoticeReminders.Repush).Select(e => (e.Job, e.DueAt.ToOffset(Cst))).OrderBy(e => e.Item2).ThenBy(e => e.Job, StringComparer.Ordinal).ToList());
        Assert.Equal(At(3, 10), Assert.Single(entries, e => e.Job == NoticeReminders.Repush).DueAt.ToOffset(Cst));
    }

    [Fact]
    public async Task UnacknowledgedNotice_IsPushedAgain_ThenEscalated_ButNotOnceAcknowledged()
    {
        await using var bot = await StartAsync(azurite);
        await CreateTalkAsync(bot);

        bot.Clock.SetUtcNow(At(3, 10, 5));
        await bot.RunSchedulerAsync();
        await bot.RunSchedulerAsync();
        Assert.Equal(2, Count(bot, Person.Cadre1, "确认收到"));

        await bot.ExecuteAsync(Person.Cadre1, Verbs.NoticeAcknowledge, new Dictionary<string, string> { [DataKeys.TalkId] = TalkForm });
        bot.Clock.SetUtcNow(At(4, 9));
        await bot.RunSchedulerAsync();

        Assert.Equal(0, Count(bot, Person.Office, "通知书尚未确认"));
        Assert.Equal(1, Count(bot, Person.Cadre1, "谈话提醒"));
        Assert.Equal(1, Count(bot, Person.Leader, "谈话提醒"));
        Assert.Equal(1, Count(bot, Person.Recorder, "谈话提醒"));
    }

    [Fact]
    public async Task RecordMissing_RemindsTheRecorder_TheWorkingDayAfter_UnlessLogged()
    {
        await using var bot = await StartAsync(azurite);
        await CreateTalkAsync(bot);

        bot.Clock.SetUtcNow(At(6, 8, 45));
        await bot.RunSchedulerAsync();

        Assert.Equal(1, Count(bot, Person.Recorder, "谈话记录尚未登记"));
        Assert.Contains(Verbs.RecordNew, bot.Connector.CardsTo(Person.Recorder).Last(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rectification_IsRemindedBeforeItsDueDate_EscalatedAfter_AndStopsWhenReported()
    {
        await using var bot = await StartAsync(azurite);
        await CreateTalkAsync(bot);
        bot.Clock.SetUtcNow(At(5, 15));
        await LogRecordAsync(bot);

        // Due Sunday 8 March (3 days after the talk): reminded Friday 6 March, escalated Monday 9 March.
        bot.Clock.SetUtcNow(At(6, 9));
        await bot.RunSchedulerAsync();
        Assert.Equal(1, Count(bot, Person.Cadre1, "整改上报提醒"));

        bot.Clock.SetUtcNow(At(9, 9));
        await bot.RunSchedulerAsync();
        Assert.Equal(1, Count(bot, Person.Cadre1, "整改情况逾期未报"));
        Assert.Equal(1, Count(bot, Person.Leader, "整改情况逾期未报"));
        Assert.Equal(1, Count(bot, Person.Office, "整改情况逾期未报"));

        bot.Clock.SetUtcNow(At(10, 9));
        await bot.RunSchedulerAsync();
        Assert.Equal(2, Count(bot, Person.Leader, "整改情况逾期未报"));

        await bot.ExecuteAsync(Person.Cadre1, Verbs.RectificationSubmit, new Dictionary<string, string>
        {
            [DataKeys.TalkId] = TalkForm, [DataKeys.FormId] = "f1", ["m1.measure"] = "已退还", ["m1.status"] = "Done", ["m1.date"] = "2026-03-10",
        });
        bot.Clock.SetUtcNow(At(11, 9));
        await bot.RunSchedulerAsync();
        bot.Clock.SetUtcNow(At(12, 9));
        await bot.RunSchedulerAsync();

        Assert.Equal(2, Count(bot, Person.Leader, "整改情况逾期未报"));
        Assert.DoesNotContain(await bot.Services.GetRequiredService<ScheduleStore>().ListAsync(default), e => e.Job == RectificationReminders.Overdue);
    }

    [Fact]
    public async Task TwoInstances_RunningAtOnce_SendEachReminderOnce()
    {
        await using var bot = await StartAsync(azurite);
        await CreateTalkAsync(bot);
        bot.Clock.SetUtcNow(At(4, 9));
        var services = bot.Services;
        Scheduler Instance(string id) => new(
            services.GetRequiredService<ScheduleStore>(), services.GetRequiredService<JobRegistry>(),
            new SchedulerOptions { InstanceId = id, BatchSize = 1 }, bot.Clock, NullLogger<Scheduler>.Instance);
        var a = Instance("a");
        var b = Instance("b");

        for (var i = 0; i < 6; i++)
        {
            await Task.WhenAll(a.RunOnceAsync(default), b.RunOnceAsync(default));
        }

        await bot.SettleAsync(); // what they queued is sent

        Assert.Equal(2, Count(bot, Person.Cadre1, "确认收到"));
        Assert.Equal(1, Count(bot, Person.Office, "通知书尚未确认"));
        Assert.Equal(1, Count(bot, Person.Cadre1, "谈话提醒"));
        Assert.Equal(1, Count(bot, Person.Leader, "谈话提醒"));
        Assert.Equal([RecordMissing.Job], (await services.GetRequiredService<ScheduleStore>().ListAsync(default)).Select(e => e.Job));
    }

    [Fact]
    public async Task AnInstanceThatDiesMidRun_LosesNothing_AndItsSendIsNotRepeated()
    {
        await using var bot = await StartAsync(azurite);
        await CreateTalkAsync(bot);
        bot.Clock.SetUtcNow(At(4, 9));
        var store = bot.Services.GetRequiredService<ScheduleStore>();
        var jobs = bot.Services.GetRequiredService<JobRegistry>();

        // Instance A claims everything due, sends the eve-of-talk reminders, and dies before finishing any entry.
        var claimed = await store.ClaimDueAsync(bot.Clock.GetUtcNow(), "a", TimeSpan.FromMinutes(2), 50, default);
        var eve = claimed.Single(c => c.Entry.Job == TalkEve.Job).Entry;
        await jobs.Find(eve.Job)!.RunAsync(eve, default);

        // While A's lease holds, the others leave its entries alone; after it lapses they finish them.
        Assert.Equal(0, await bot.RunSchedulerAsync());
        bot.Clock.Advance(TimeSpan.FromMinutes(3));
        Assert.Equal(claimed.Count, await bot.RunSchedulerAsync());

        Assert.Equal(1, Count(bot, Person.Cadre1, "谈话提醒"));
        Assert.Equal(1, Count(bot, Person.Recorder, "谈话提醒"));
        Assert.Equal(1, Count(bot, Person.Office, "通知书尚未确认"));
    }

    [Fact]
    public async Task RestartBetweenSchedulingAndSending_LosesNoReminder()
    {
        string prefix;
        await using (var first = await StartAsync(azurite))
        {
            await CreateTalkAsync(first);
            prefix = first.TablePrefix;
        }

        await using var second = new BotUnderTest(azurite, At(4, 9), prefix);
        _ = second.Server;
        await second.RunSchedulerAsync();

        Assert.Equal(1, Count(second, Person.Office, "通知书尚未确认"));
        Assert.Equal(1, Count(second, Person.Cadre1, "谈话提醒"));
    }
}
