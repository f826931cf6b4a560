using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using TalkBot.Bot.Features.Plans;
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
/// 回避 on tier 4 (000 §二4 has no delegate; 000 §四(五)3) on Azurite: the discipline office is told through the outbox,
/// once, and finds the talk on its desk (线索台账), where it names the talker; the named talker is told and arranges it
/// from his plan. A crafted invoke by anyone else changes nothing.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class RecusedTalkDeskTests(AzuriteFixture azurite)
{
    private const string TalkForm = "0195a0b2c3d47e8f9a0b1c2d3e4f6a77";

    private static readonly Dictionary<string, string> Item = new()
    {
        [PlanKeys.Month] = "2026-03", [PlanKeys.Talkee] = StationHead.AadObjectId,
        [PlanKeys.Tier] = ((int)Tier.StationedDisciplineLeader).ToString(CultureInfo.InvariantCulture),
    };

    private static Dictionary<string, string> Assign(Person talker) => new(Item)
    {
        [PlanKeys.Talker] = Stationed.AadObjectId,
        [PlanKeys.Assign(Stationed.AadObjectId, StationHead.AadObjectId, Tier.StationedDisciplineLeader)] = talker.AadObjectId,
    };

    private async Task<BotUnderTest> RecusedAsync()
    {
        var bot = new BotUnderTest(azurite, new DateTimeOffset(2026, 3, 2, 10, 0, 0, Cst), settings: new Dictionary<string, string>
        {
            ["Plans:Enabled"] = "true",
            ["Directory:OrgFile"] = Path.Combine(AppContext.BaseDirectory, "TestData", "org-tier4.json"),
        });
        _ = bot.Server;
        foreach (var person in new[] { Stationed, Office, StationHead, Member, EastSecretary })
        {
            await bot.InstallAsync(person);
        }

        bot.Clock.SetUtcNow(new DateTimeOffset(2026, 3, 25, 8, 31, 0, Cst));
        await bot.RunSchedulerAsync();
        Assert.Contains("由纪委办另行安排谈话人", CardText.Of(await bot.ExecuteAsync(Stationed, Verbs.PlanRecuse, Item)), StringComparison.Ordinal);
        return bot;
    }

    private static async Task<string> DeskAsync(BotUnderTest bot, Person person) =>
        CardText.Of(await bot.ExecuteAsync(person, Verbs.CaseDesk, new Dictionary<string, string>()));

    private static Task<StoredPlanItem?> StoredAsync(BotUnderTest bot, Person talker) =>
        bot.Services.GetRequiredService<PlanStore>().GetAsync(new PlanMonth(2026, 3), new PersonId(talker.AadObjectId), new PersonId(StationHead.AadObjectId),
            Tier.StationedDisciplineLeader, default);

    [Fact]
    public async Task TierFourRecusal_TellsTheDisciplineOffice_WithTheTierLine_Once()
    {
        await using var bot = await RecusedAsync();
        await bot.ExecuteAsync(Stationed, Verbs.PlanRecuse, Item); // a repeated click tells nobody again

        var told = Assert.Single(bot.Connector.CardsTo(Office), c => c.Contains("回避的谈话待纪委办安排谈话人", StringComparison.Ordinal));
        Assert.Contains("吴组长回避了2026年3月与孙所长的谈话", told, StringComparison.Ordinal);
        Assert.Contains("第四层级", told, StringComparison.Ordinal);
        Assert.Contains(Verbs.CaseDesk, told, StringComparison.Ordinal);
        Assert.DoesNotContain(bot.Connector.CardsTo(StationHead), c => c.Contains("回避的谈话待纪委办安排谈话人", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TheOfficesDesk_ListsTheRecusedTalk_WithTierLineMonthTalkeeAndWhoRecused_AndWhomItMayName()
    {
        await using var bot = await RecusedAsync();

        var desk = await DeskAsync(bot, Office);

        Assert.Contains("回避待指定谈话人（1）", desk, StringComparison.Ordinal);
        Assert.Contains("2026年3月 · 孙所长（城关派出所）", desk, StringComparison.Ordinal);
        Assert.Contains("第四层级：派驻纪检监察组组长谈话（000 §二4）；基层下属单位主要领导", desk, StringComparison.Ordinal);
        Assert.Contains("吴组长已回避（000 §四(五)3）", desk, StringComparison.Ordinal);
        Assert.Contains("郑委员 · 基层党委（党总支、党支部）班子成员", desk, StringComparison.Ordinal);
        Assert.Contains(Verbs.PlanAssign, desk, StringComparison.Ordinal);
        Assert.DoesNotContain("吴组长 · ", desk, StringComparison.Ordinal);
        Assert.DoesNotContain(Verbs.PlanAssign, await DeskAsync(bot, Member), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheOffice_NamesATalker_OnceForARepeatedClick_TheNamedTalkerIsToldAndArrangesTheTalk()
    {
        await using var bot = await RecusedAsync();

        var named = CardText.Of(await bot.ExecuteAsync(Office, Verbs.PlanAssign, Assign(Member)));
        var again = CardText.Of(await bot.ExecuteAsync(Office, Verbs.PlanAssign, Assign(Member)));

        Assert.Contains("已指定郑委员与孙所长谈话（2026年3月），并通知郑委员。", named, StringComparison.Ordinal);
        Assert.Contains("回避待指定谈话人（0）", named, StringComparison.Ordinal);
        Assert.Contains("已指定郑委员与孙所长谈话", again, StringComparison.Ordinal);
        var told = Assert.Single(bot.Connector.CardsTo(Member), c => c.Contains("纪委办指定您谈话", StringComparison.Ordinal));
        Assert.Contains("吴组长回避了2026年3月与孙所长的谈话", told, StringComparison.Ordinal);
        Assert.Contains(Verbs.PlanShow, told, StringComparison.Ordinal);
        Assert.Contains("已回避，改由郑委员谈话", CardText.Of(await bot.ExecuteAsync(Stationed, Verbs.PlanShow, Item)), StringComparison.Ordinal);

        var plan = CardText.Of(await bot.ExecuteAsync(Member, Verbs.PlanShow, Item));
        Assert.Contains("吴组长回避，纪委办陈纪办指定您谈话", plan, StringComparison.Ordinal);
        var form = CardText.Of(await bot.ExecuteAsync(Member, Verbs.PlanSchedule, Item));
        Assert.Contains("安排纪委办指定您的谈话", form, StringComparison.Ordinal);
        var created = CardText.Of(await bot.ExecuteAsync(Member, Verbs.PlanTalkCreate, new Dictionary<string, string>(Item)
        {
            [DataKeys.FormId] = TalkForm, ["talkees"] = StationHead.AadObjectId, ["talkers"] = Member.AadObjectId, ["recorder"] = Office.AadObjectId,
            ["kind"] = "Routine", ["date"] = "2026-03-30", ["time"] = "09:30", ["place"] = "东城分局会议室", ["contentDate"] = "2026-03-25",
        }));
        Assert.Contains("谈话已创建", created, StringComparison.Ordinal);
        var talk = await bot.Services.GetRequiredService<TalkStore>().GetAsync(new TalkId(TalkForm), default);
        Assert.Equal((TalkKind.Routine, Member.AadObjectId, StationHead.AadObjectId), (talk!.Kind, talk.Organiser.Value, talk.Talkees[0].Value));
    }

    [Fact]
    public async Task ACraftedAssignment_BySomeoneOutsideTheOffice_OrOfSomeoneNotOfTheUnitsLeadership_ChangesNothing()
    {
        await using var bot = await RecusedAsync();
        var before = bot.Connector.Sent.Count;

        var byMember = CardText.Of(await bot.ExecuteAsync(Member, Verbs.PlanAssign, Assign(Member)));
        var byTheTalker = CardText.Of(await bot.ExecuteAsync(Stationed, Verbs.PlanAssign, Assign(EastSecretary)));
        var ofTheTalkee = CardText.Of(await bot.ExecuteAsync(Office, Verbs.PlanAssign, Assign(StationHead)));
        var ofTheRecused = CardText.Of(await bot.ExecuteAsync(Office, Verbs.PlanAssign, Assign(Stationed)));
        var ofTheOfficeOfAnotherUnit = CardText.Of(await bot.ExecuteAsync(Office, Verbs.PlanAssign, Assign(Office)));

        Assert.Contains("只有回避人所在层级的纪委办可以指定谈话人", byMember, StringComparison.Ordinal);
        Assert.Contains("只有回避人所在层级的纪委办可以指定谈话人", byTheTalker, StringComparison.Ordinal);
        foreach (var refused in new[] { ofTheTalkee, ofTheRecused, ofTheOfficeOfAnotherUnit })
        {
            Assert.Contains("只能指定回避人所在单位的书记、班子成员", refused, StringComparison.Ordinal);
        }

        Assert.True((await StoredAsync(bot, Stationed))!.Item.WaitsForOffice);
        Assert.Null(await StoredAsync(bot, Member));
        Assert.Equal(before, bot.Connector.Sent.Count);
        Assert.Contains("回避待指定谈话人（1）", await DeskAsync(bot, Office), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OnceNamed_NamingAnotherTalker_IsRefused_AndTheFirstKeepsTheTalk()
    {
        await using var bot = await RecusedAsync();
        await bot.ExecuteAsync(Office, Verbs.PlanAssign, Assign(Member));

        var other = CardText.Of(await bot.ExecuteAsync(Office, Verbs.PlanAssign, Assign(EastSecretary)));

        Assert.Contains("或已指定了其他谈话人", other, StringComparison.Ordinal);
        Assert.Equal(new PersonId(Member.AadObjectId), (await StoredAsync(bot, Stationed))!.Item.HandedTo);
        Assert.Null(await StoredAsync(bot, EastSecretary));
        Assert.DoesNotContain(bot.Connector.CardsTo(EastSecretary), c => c.Contains("纪委办指定您谈话", StringComparison.Ordinal));
    }
}
