using Microsoft.Extensions.DependencyInjection;
using TalkBot.Bot.Features.Talks;
using TalkBot.Bot.Tests.Support;
using TalkBot.Cards;
using TalkBot.Domain;
using static TalkBot.Bot.Tests.Features.Tiers.DemoTiers;

namespace TalkBot.Bot.Tests.Features.Tiers;

/// <summary>
/// 000 §二 on Azurite: a routine talk of 新建谈话 goes along a tier line — the card names it, the tier's assistant joins
/// as a talker and is told, and crafted invokes for a talkee off the line or a joint talker the tier does not allow are
/// refused with their rule, in both languages, storing and sending nothing.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class TierTalkTests(AzuriteFixture azurite)
{
    private const string Form = "0195a0b2c3d47e8f9a0b1c2d3e4f7a01";

    private static Task<Domain.Talks.Talk?> TalkAsync(BotUnderTest bot) => bot.Services.GetRequiredService<TalkStore>().GetAsync(new TalkId(Form), default);

    private static List<string> Briefings(BotUnderTest bot, Person person) =>
        [.. bot.Connector.CardsTo(person).Where(c => c.Contains("谈话安排", StringComparison.Ordinal) || c.Contains("Talk arranged", StringComparison.Ordinal))];

    private static async Task<(string Card, int Sent)> SubmitAsync(BotUnderTest bot, Person actor, Dictionary<string, string> data)
    {
        var before = bot.Connector.Sent.Count;
        var card = CardText.Of(await bot.ExecuteAsync(actor, Verbs.TalkCreate, data));
        await bot.SettleAsync();
        return (card, bot.Connector.Sent.Count - before);
    }

    [Fact]
    public async Task ARoutineTalkOnTheGroupLeadersLine_NamesTheLine_AddsHisDeputy_AndTellsHimAndTheDeputyOnce()
    {
        await using var bot = await StartAsync(azurite, Monday);

        var (card, _) = await SubmitAsync(bot, Office, Talk(Form, EastSecretary, [Leader]));
        await SubmitAsync(bot, Office, Talk(Form, EastSecretary, [Leader])); // a repeated click

        Assert.Contains("谈话已创建", card, StringComparison.Ordinal);
        Assert.Contains("周海涛：第二层级：纪检监察组组长谈话（000 §二2）；所属单位主要领导，赵明配合。", card, StringComparison.Ordinal);
        Assert.Equal([Leader.AadObjectId, Deputy.AadObjectId], (await TalkAsync(bot))!.Talkers.Select(t => t.Value));
        var briefing = Assert.Single(Briefings(bot, Deputy));
        Assert.Contains("2026年3月5日", briefing, StringComparison.Ordinal);
        Assert.Contains("第二会议室", briefing, StringComparison.Ordinal);
        Assert.Contains("谈话对象：周海涛", briefing, StringComparison.Ordinal);
        Assert.Contains("您按层级配合这次谈话", briefing, StringComparison.Ordinal);
        // The office arranged it: its lead talker is told once too, as the one who leads it.
        Assert.Contains("您是这次谈话的主谈人（000 §二2）", Assert.Single(Briefings(bot, Leader)), StringComparison.Ordinal);
        Assert.Contains(bot.Connector.CardsTo(EastSecretary), c => c.Contains("赵明", StringComparison.Ordinal) && c.Contains("确认收到", StringComparison.Ordinal));
    }

    // A talkee on none of 王正清's lines; someone the group leader's tier does not let him invite (000 §二2).
    [Theory]
    [InlineData("off-line", "zh-CN", "郑晓燕不在王正清的谈话层级上", "000 §二")]
    [InlineData("off-line", "en-US", "郑晓燕 is not on any tier line of 王正清", "000 §二")]
    [InlineData("joint", "zh-CN", "郑晓燕不能参加这次谈话：组长廉政谈话由副组长配合，可以邀请局党委班子其他成员共同谈话", "000 §二2")]
    [InlineData("joint", "en-US", "郑晓燕 cannot join this talk", "000 §二2")]
    public async Task ACraftedTalkOffTheTierLines_IsRefusedWithItsRule_AndNothingIsStoredOrSent(string way, string locale, string message, string source)
    {
        await using var bot = await StartAsync(azurite, Monday);
        var (actor, data) = way == "joint" ? (Leader, Talk(Form, EastSecretary, [Leader], EastMember)) : (Office, Talk(Form, EastMember, [Leader]));

        var (card, sent) = await SubmitAsync(bot, actor with { Locale = locale }, data);

        Assert.Contains(message, card, StringComparison.Ordinal);
        Assert.Contains(source, card, StringComparison.Ordinal);
        Assert.Null(await TalkAsync(bot));
        Assert.Equal(0, sent);
    }

    [Fact]
    public async Task TheGroupLeader_MayInviteABureauCommitteeMember_WhoIsToldAsAJointTalker()
    {
        await using var bot = await StartAsync(azurite, Monday);

        var (card, _) = await SubmitAsync(bot, Leader, Talk(Form, EastSecretary, [Leader], Member));

        Assert.Contains("谈话已创建", card, StringComparison.Ordinal);
        Assert.Equal([Leader.AadObjectId, Member.AadObjectId, Deputy.AadObjectId], (await TalkAsync(bot))!.Talkers.Select(t => t.Value));
        Assert.Contains("您受邀共同谈话（000 §二2）", Assert.Single(Briefings(bot, Member)), StringComparison.Ordinal);
        Assert.Single(Briefings(bot, Deputy));
        Assert.Empty(Briefings(bot, Leader)); // he arranged it himself
    }

    [Fact]
    public async Task Tiers1And3_InviteNobody_ThroughTheJointFieldOrTheTalkersField()
    {
        await using var bot = await StartAsync(azurite, Monday);

        var (tier3, sent3) = await SubmitAsync(bot, EastSecretary, Talk(Form, EastMember, [EastSecretary], Member));
        var (tier1, sent1) = await SubmitAsync(bot, Secretary, Talk(Form, EastSecretary, [Secretary, EastMember]));

        Assert.Contains("李卫东不能参加这次谈话：基层党委（党总支、党支部）书记廉政谈话由派驻纪检监察组组长配合，不邀请其他人共同谈话", tier3, StringComparison.Ordinal);
        Assert.Contains("000 §二3", tier3, StringComparison.Ordinal);
        Assert.Contains("000 §二1", tier1, StringComparison.Ordinal);
        Assert.Null(await TalkAsync(bot));
        Assert.Equal((0, 0), (sent3, sent1));
    }

    [Fact]
    public async Task TheStationedLeader_TalksWithoutAnAssistant_AndMayInviteTheUnitsCommitteeMember()
    {
        await using var bot = await StartAsync(azurite, Monday);

        var (card, _) = await SubmitAsync(bot, Office, Talk(Form, StationHead, [Stationed], EastMember));

        Assert.Contains("黄磊：第四层级", card, StringComparison.Ordinal);
        Assert.Equal([Stationed.AadObjectId, EastMember.AadObjectId], (await TalkAsync(bot))!.Talkers.Select(t => t.Value));
        Assert.Contains("您受邀共同谈话（000 §二4）", Assert.Single(Briefings(bot, EastMember)), StringComparison.Ordinal);
    }
}
