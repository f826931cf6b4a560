using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using TalkBot.Bot.Features.Plans;
using TalkBot.Bot.Features.Talks;
using TalkBot.Bot.Tests.Support;
using TalkBot.Cards;
using TalkBot.Cards.Builders;
using TalkBot.Domain;
using TalkBot.Domain.Plans;
using TalkBot.Domain.Talks;
using Xunit.Abstractions;
using static TalkBot.Bot.Tests.Features.Plans.PlanPeople;

namespace TalkBot.Bot.Tests.Features.Plans;

/// <summary>
/// The monthly plan on Azurite (000 §三1, 000 §二): made on the first working day of the last week for every talker of
/// the four tiers, with why each talkee is listed; scheduling from it, delegation (委托), recusal (回避), the reminder
/// for what is still unscheduled, and the organisation card.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class PlanFlowTests(AzuriteFixture azurite, ITestOutputHelper output)
{
    private const string March = "2026-03";

    private static async Task<BotUnderTest> StartAsync(AzuriteFixture azurite, StorageRequests? requests = null)
    {
        var bot = new BotUnderTest(azurite, new DateTimeOffset(2026, 3, 2, 10, 0, 0, Cst), settings: new Dictionary<string, string>
        {
            ["Plans:Enabled"] = "true",
            ["Directory:OrgFile"] = Path.Combine(AppContext.BaseDirectory, "TestData", "org-plans.json"),
        })
        {
            Replace = requests?.Into(azurite),
        };
        _ = bot.Server;
        foreach (var person in new[] { Secretary, Leader, Deputy, EastSecretary, Member, Stationed })
        {
            Assert.Equal(HttpStatusCode.OK, await bot.InstallAsync(person));
        }

        return bot;
    }

    private static async Task PlanDayAsync(BotUnderTest bot)
    {
        bot.Clock.SetUtcNow(new DateTimeOffset(2026, 3, 25, 8, 0, 0, Cst));
        await bot.RunSchedulerAsync();
        Assert.Empty(PlanCards(bot, Secretary)); // 08:30 on Wednesday 25 March, the first working day of the last week
        bot.Clock.SetUtcNow(new DateTimeOffset(2026, 3, 25, 8, 31, 0, Cst));
        await bot.RunSchedulerAsync();
    }

    private static List<string> PlanCards(BotUnderTest bot, Person person) =>
        [.. bot.Connector.CardsTo(person).Where(c => c.Contains("2026年3月廉政谈话计划", StringComparison.Ordinal))];

    private static object Item(Person talkee, Tier tier) => new Dictionary<string, string>
    {
        [PlanKeys.Month] = March, [PlanKeys.Talkee] = talkee.AadObjectId, [PlanKeys.Tier] = ((int)tier).ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    [Fact]
    public async Task PlanDay_EachTalkerGetsTheirPlanWithTheReasons_OnceAndNoEmptyCard()
    {
        await using var bot = await StartAsync(azurite);
        await PlanDayAsync(bot);

        var secretary = Assert.Single(PlanCards(bot, Secretary));
        Assert.Contains("钱组长", secretary, StringComparison.Ordinal);
        Assert.Contains("局党委班子其他成员", secretary, StringComparison.Ordinal);
        Assert.Contains("周书记（东城分局党委）", secretary, StringComparison.Ordinal);
        Assert.Contains("下一级党委（党总支、党支部）书记", secretary, StringComparison.Ordinal);
        Assert.Contains("第一层级", secretary, StringComparison.Ordinal);
        var leader = Assert.Single(PlanCards(bot, Leader));
        Assert.Contains("所属单位主要领导", leader, StringComparison.Ordinal);
        Assert.Contains("赵副组长", leader, StringComparison.Ordinal); // the delegate offered
        Assert.Contains("郑委员", Assert.Single(PlanCards(bot, EastSecretary)), StringComparison.Ordinal);
        Assert.Empty(PlanCards(bot, Stationed)); // no subordinate unit has a head: no talkee, no card
        Assert.Empty(PlanCards(bot, Member));

        await bot.RunSchedulerAsync();
        Assert.Single(PlanCards(bot, Secretary));
        Assert.Equal(3, (await bot.Services.GetRequiredService<PlanStore>().ListTalkersAsync(new PlanMonth(2026, 3), default)).Count);
    }

    [Fact]
    public async Task ScheduleFromThePlan_MarksItScheduled_AndOnlyTheRestIsChasedTwoWorkingDaysLater()
    {
        await using var bot = await StartAsync(azurite);
        await PlanDayAsync(bot);

        var form = CardText.Of(await bot.ExecuteAsync(Secretary, Verbs.PlanSchedule, Item(EastSecretary, Tier.BureauSecretary)));
        Assert.Contains(DataKeys.FormId, form, StringComparison.Ordinal);
        Assert.Contains(EastSecretary.AadObjectId, form, StringComparison.Ordinal);
        await bot.ExecuteAsync(Secretary, Verbs.TalkCreate, new Dictionary<string, string>
        {
            [DataKeys.FormId] = "0195a0b2c3d47e8f9a0b1c2d3e4f5a70", ["talkees"] = EastSecretary.AadObjectId, ["talkers"] = Secretary.AadObjectId,
            ["recorder"] = "00000000-0000-0000-0000-00000000b006", ["kind"] = "Routine", ["date"] = "2026-03-30", ["time"] = "09:30", ["place"] = "局党委会议室", ["contentDate"] = "2026-03-25",
        });

        var plan = CardText.Of(await bot.ExecuteAsync(Secretary, Verbs.PlanShow, new Dictionary<string, string> { [PlanKeys.Month] = March }));
        Assert.Contains("已安排：2026年3月30日（星期一）09:30", plan, StringComparison.Ordinal);
        Assert.Contains("已安排 1 / 2", plan, StringComparison.Ordinal);

        bot.Clock.SetUtcNow(new DateTimeOffset(2026, 3, 27, 8, 31, 0, Cst));
        await bot.RunSchedulerAsync();
        var reminder = Assert.Single(bot.Connector.CardsTo(Secretary), c => c.Contains("谈话计划尚未安排", StringComparison.Ordinal));
        Assert.Contains("钱组长", reminder, StringComparison.Ordinal);
        Assert.DoesNotContain("周书记", reminder, StringComparison.Ordinal);
        Assert.Single(bot.Connector.CardsTo(EastSecretary), c => c.Contains("谈话计划尚未安排", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Plan_ReadsWhomItsTalkerTalksTo_FromTheirOwnRows_TheSameRequestsForTwoTalksAsForThirty()
    {
        var requests = new StorageRequests();
        await using var bot = await StartAsync(azurite, requests);
        await PlanDayAsync(bot);
        var talks = bot.Services.GetRequiredService<TalkStore>();
        async Task TalksAsync(int from, int to)
        {
            for (var n = from; n < to; n++)
            {
                var talk = Talk.Restore(new TalkId($"0195a0b2c3d47e8f9a0b{n:x12}"), TalkKind.Routine, [new PersonId(EastSecretary.AadObjectId)],
                    [new PersonId(Secretary.AadObjectId)], null, new PersonId(Secretary.AadObjectId), new DateTimeOffset(2026, 3, 30, 9, 0, 0, Cst).AddMinutes(n),
                    "局党委会议室", new DateOnly(2026, 3, 25), null, bot.Clock.GetUtcNow(), TalkStatus.Scheduled);
                Assert.True(await talks.CreateAsync(talk, Notice.For(talk, bot.Clock), null, default));
            }
        }

        Task<JsonElement> ShowAsync() => bot.ExecuteAsync(Secretary, Verbs.PlanShow, new Dictionary<string, string> { [PlanKeys.Month] = March });
        await TalksAsync(0, 2);
        await ShowAsync();
        var two = await requests.CountAsync(ShowAsync);
        await TalksAsync(2, 30);
        var thirty = await requests.CountAsync(ShowAsync);

        output.WriteLine($"plan: {two} storage requests with 2 talks, {thirty} with 30");
        Assert.Equal(two, thirty);
        Assert.Contains("已安排：2026年3月30日（星期一）09:00", CardText.Of(await ShowAsync()), StringComparison.Ordinal); // the first of them
    }

    [Fact]
    public async Task Delegate_ToTheTierAssistant_MovesTheTalk_AnyoneElseIsRefused()
    {
        await using var bot = await StartAsync(azurite);
        await PlanDayAsync(bot);

        var wrong = new Dictionary<string, string>((Dictionary<string, string>)Item(EastSecretary, Tier.DisciplineGroupLeader))
        {
            [PlanKeys.Delegate(EastSecretary.AadObjectId, Tier.DisciplineGroupLeader)] = Member.AadObjectId,
        };
        Assert.Contains("只能委托给本层级规定的配合人员", CardText.Of(await bot.ExecuteAsync(Leader, Verbs.PlanDelegate, wrong)), StringComparison.Ordinal);

        var right = new Dictionary<string, string>(wrong) { [PlanKeys.Delegate(EastSecretary.AadObjectId, Tier.DisciplineGroupLeader)] = Deputy.AadObjectId };
        var after = CardText.Of(await bot.ExecuteAsync(Leader, Verbs.PlanDelegate, right));
        Assert.Contains("已委托赵副组长谈话", after, StringComparison.Ordinal);
        Assert.Contains("已委托赵副组长谈话", CardText.Of(await bot.ExecuteAsync(Leader, Verbs.PlanDelegate, right))); // a repeated click: same

        Assert.Equal(HttpStatusCode.OK, await bot.SendAsync(Deputy, "message", a => a["text"] = "本月计划"));
        var deputyPlan = Assert.Single(bot.Connector.CardsTo(Deputy), c => c.Contains("2026年3月廉政谈话计划", StringComparison.Ordinal));
        Assert.Contains("周书记", deputyPlan, StringComparison.Ordinal);
        Assert.Contains("由钱组长委托", deputyPlan, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Recuse_ReassignsAlongTheDelegationLine_AndACraftedRecusalIsRefused()
    {
        await using var bot = await StartAsync(azurite);
        await PlanDayAsync(bot);

        // The talkee tries to strike himself off his secretary's plan.
        var crafted = CardText.Of(await bot.ExecuteAsync(Member, Verbs.PlanRecuse, Item(Member, Tier.UnitSecretary)));
        Assert.Contains("不在您的本月计划中", crafted, StringComparison.Ordinal);

        var after = CardText.Of(await bot.ExecuteAsync(EastSecretary, Verbs.PlanRecuse, Item(Member, Tier.UnitSecretary)));
        Assert.Contains("已回避，改由吴组长谈话", after, StringComparison.Ordinal);
        var repository = bot.Services.GetRequiredService<PlanStore>();
        var moved = Assert.Single(await repository.ListAsync(new PlanMonth(2026, 3), new PersonId(Stationed.AadObjectId), default));
        Assert.Equal(new PersonId(Member.AadObjectId), moved.Item.Talkee);
        Assert.Equal(new PersonId(EastSecretary.AadObjectId), moved.Item.HandedFrom);
    }

    [Fact]
    public async Task OrgCommand_ShowsUnitManagerRolesAndRank()
    {
        await using var bot = await StartAsync(azurite);
        Assert.Equal(HttpStatusCode.OK, await bot.SendAsync(EastSecretary, "message", a => a["text"] = "组织架构"));

        var card = Assert.Single(bot.Connector.CardsTo(EastSecretary), c => c.Contains("我的组织信息", StringComparison.Ordinal));
        Assert.Contains("东城分局党委", card, StringComparison.Ordinal);
        Assert.Contains("张书记", card, StringComparison.Ordinal);
        Assert.Contains("正处级", card, StringComparison.Ordinal);
    }
}
