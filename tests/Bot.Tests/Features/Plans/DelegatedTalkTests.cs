using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using TalkBot.Bot.Features.Talks;
using TalkBot.Bot.Tests.Support;
using TalkBot.Cards;
using TalkBot.Cards.Builders;
using TalkBot.Domain;
using TalkBot.Domain.Plans;
using TalkBot.Domain.Talks;
using static TalkBot.Bot.Tests.Features.Plans.PlanPeople;

namespace TalkBot.Bot.Tests.Features.Plans;

/// <summary>
/// 委托 (000 §二2): after the group leader delegates a talk to his deputy, the deputy's 安排谈话 arranges exactly that
/// talk; crafted invokes for anything else are refused and store and send nothing.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class DelegatedTalkTests(AzuriteFixture azurite)
{
    private const string Recorder = "00000000-0000-0000-0000-00000000b006";
    private const string TalkForm = "0195a0b2c3d47e8f9a0b1c2d3e4f6a01";

    private static Dictionary<string, string> Item(Person talkee, Tier tier) => new()
    {
        [PlanKeys.Month] = "2026-03", [PlanKeys.Talkee] = talkee.AadObjectId, [PlanKeys.Tier] = ((int)tier).ToString(CultureInfo.InvariantCulture),
    };

    private static Dictionary<string, string> Form(Person talkee, Tier tier, string talkees, string talkers) => new(Item(talkee, tier))
    {
        [DataKeys.FormId] = TalkForm, ["talkees"] = talkees, ["talkers"] = talkers, ["recorder"] = Recorder, ["kind"] = "Routine",
        ["date"] = "2026-03-30", ["time"] = "09:30", ["place"] = "纪检监察组会议室", ["contentDate"] = "2026-03-25",
    };

    private async Task<BotUnderTest> DelegatedAsync()
    {
        var bot = new BotUnderTest(azurite, new DateTimeOffset(2026, 3, 2, 10, 0, 0, Cst), settings: new Dictionary<string, string>
        {
            ["Plans:Enabled"] = "true",
            ["Directory:OrgFile"] = Path.Combine(AppContext.BaseDirectory, "TestData", "org-plans.json"),
        });
        _ = bot.Server;
        foreach (var person in new[] { Leader, Deputy, EastSecretary, Member })
        {
            await bot.InstallAsync(person);
        }

        // The plan goes out at 08:30 on Wednesday 25 March, the first working day of the month's last week (000 §三1).
        bot.Clock.SetUtcNow(new DateTimeOffset(2026, 3, 25, 8, 31, 0, Cst));
        await bot.RunSchedulerAsync();
        var delegated = new Dictionary<string, string>(Item(EastSecretary, Tier.DisciplineGroupLeader))
        {
            [PlanKeys.Delegate(EastSecretary.AadObjectId, Tier.DisciplineGroupLeader)] = Deputy.AadObjectId,
        };
        Assert.Contains("已委托赵副组长谈话", CardText.Of(await bot.ExecuteAsync(Leader, Verbs.PlanDelegate, delegated)), StringComparison.Ordinal);
        return bot;
    }

    [Fact]
    public async Task TheDeputy_ArrangesTheTalkDelegatedToHim_FromHisPlan()
    {
        await using var bot = await DelegatedAsync();

        var form = CardText.Of(await bot.ExecuteAsync(Deputy, Verbs.PlanSchedule, Item(EastSecretary, Tier.DisciplineGroupLeader)));
        Assert.DoesNotContain("不允许", form, StringComparison.Ordinal);
        Assert.Contains("受钱组长委托安排谈话", form, StringComparison.Ordinal);
        Assert.Contains("第二层级", form, StringComparison.Ordinal);
        Assert.Contains(Verbs.PlanTalkCreate, form, StringComparison.Ordinal);

        var created = CardText.Of(await bot.ExecuteAsync(Deputy, Verbs.PlanTalkCreate,
            Form(EastSecretary, Tier.DisciplineGroupLeader, EastSecretary.AadObjectId, Deputy.AadObjectId)));

        Assert.Contains("谈话已创建", created, StringComparison.Ordinal);
        var talk = await bot.Services.GetRequiredService<TalkStore>().GetAsync(new TalkId(TalkForm), default);
        Assert.Equal((TalkKind.Routine, Deputy.AadObjectId, EastSecretary.AadObjectId), (talk!.Kind, talk.Organiser.Value, talk.Talkees[0].Value));
        Assert.Contains(bot.Connector.CardsTo(EastSecretary), c => c.Contains("2026年3月30日", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TheDeputy_CannotUseTheDelegation_ForAnotherTalkee_NorForANewTalk_NorForATalkNotHandedToHim()
    {
        await using var bot = await DelegatedAsync();
        var before = bot.Connector.Sent.Count;

        var extra = CardText.Of(await bot.ExecuteAsync(Deputy, Verbs.PlanTalkCreate,
            Form(EastSecretary, Tier.DisciplineGroupLeader, $"{EastSecretary.AadObjectId},{Member.AadObjectId}", Deputy.AadObjectId)));
        var plain = CardText.Of(await bot.ExecuteAsync(Deputy, Verbs.TalkCreate,
            Form(EastSecretary, Tier.DisciplineGroupLeader, EastSecretary.AadObjectId, Deputy.AadObjectId)));
        var notHanded = CardText.Of(await bot.ExecuteAsync(Deputy, Verbs.PlanTalkCreate,
            Form(Member, Tier.UnitSecretary, Member.AadObjectId, Deputy.AadObjectId)));
        // The leader's own item is no longer his to arrange: it was handed over.
        var handedAway = CardText.Of(await bot.ExecuteAsync(Leader, Verbs.PlanTalkCreate,
            Form(EastSecretary, Tier.DisciplineGroupLeader, EastSecretary.AadObjectId, Leader.AadObjectId)));

        Assert.Contains("郑委员不是委托给您的谈话对象", extra, StringComparison.Ordinal);
        Assert.Contains("您当前的角色不允许", plain, StringComparison.Ordinal);
        Assert.Contains("这次谈话不在您的本月计划中", notHanded, StringComparison.Ordinal);
        Assert.Contains("这次谈话不在您的本月计划中", handedAway, StringComparison.Ordinal);
        Assert.Null(await bot.Services.GetRequiredService<TalkStore>().GetAsync(new TalkId(TalkForm), default));
        await bot.SettleAsync();
        Assert.Equal(before, bot.Connector.Sent.Count);
    }
}
