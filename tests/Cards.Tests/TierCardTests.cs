using TalkBot.Cards.AdaptiveCards;
using TalkBot.Cards.Builders;
using TalkBot.Cards.CreateTalk;
using TalkBot.Cards.Localization;
using TalkBot.Domain.Rules;

namespace TalkBot.Cards.Tests;

/// <summary>What the cards say of the tiers of 000 §二: the line a talkee is on, who assists, whom a tier may invite.</summary>
public sealed class TierCardTests
{
    private static string Json(AdaptiveCard card) => CardSerializer.ToJson(card);

    private static string Message(RuleCode code, string source, params (string Key, string Value)[] arguments) => RuleMessages.Describe(
        new RuleViolation(code, source, Arguments: arguments.ToDictionary(a => a.Key, a => a.Value)), Locale.ZhCn);

    [Fact]
    public void TheOrganisersCard_SaysWhichTierLinePutEachTalkeeThere_AndWhoAssists()
    {
        var card = Json(TierSampleViews.AllCards(Locale.ZhCn).Single(c => c.Name == "created-tier-line").Card);
        var english = Json(TierSampleViews.AllCards(Locale.EnUs).Single(c => c.Name == "created-tier-line").Card);

        Assert.Contains("周海涛：第二层级：纪检监察组组长谈话（000 §二2）；所属单位主要领导，赵明配合。", card, StringComparison.Ordinal);
        Assert.Contains("何建平：第二层级：纪检监察组组长谈话（000 §二2）；所属单位主要领导。", card, StringComparison.Ordinal);
        Assert.Contains("周海涛: Tier 2: the discipline group leader's talks (000 §二2); main leader of a unit under the bureau, assisted by 赵明.", english, StringComparison.Ordinal);
    }

    [Fact]
    public void ThePlanTalksForm_OffersTheJointField_OnlyWhenItHasPeopleToOffer_AndNotRequired()
    {
        var withJoint = CardSerializer.ToElement(TierSampleViews.AllCards(Locale.ZhCn).Single(c => c.Name == "create-joint").Card);
        var without = Json(CreateTalkCard.Build(SampleViews.Form(), Locale.ZhCn));

        var typeahead = CardSerializer.ToElement(TierSampleViews.AllCards(Locale.ZhCn).Single(c => c.Name == "create-joint-typeahead").Card);

        var field = BuilderTests.Input(withJoint, CreateTalkFields.Joint);
        Assert.False(field.TryGetProperty("isRequired", out var required) && required.GetBoolean());
        Assert.Null(BuilderTests.Dataset(withJoint, CreateTalkFields.Joint)); // one person: listed whole
        Assert.Equal(Datasets.About(Datasets.JointTalkers, "p1"), BuilderTests.Dataset(typeahead, CreateTalkFields.Joint));
        Assert.Contains("邀请共同谈话", withJoint.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain($"\"{CreateTalkFields.Joint}\"", without, StringComparison.Ordinal);
    }

    [Fact]
    public void AJointTalkerRefused_IsToldWhatHisTierAllows()
    {
        Assert.Contains("可以邀请局党委班子其他成员共同谈话", Message(RuleCode.JointTalkerNotAllowed, "000 §二2", ("name", "郑晓燕"), ("tier", "2")), StringComparison.Ordinal);
        Assert.Contains("可以邀请驻在单位党委（党总支、党支部）班子其他成员共同谈话", Message(RuleCode.JointTalkerNotAllowed, "000 §二4", ("tier", "4")), StringComparison.Ordinal);
        Assert.Contains("由组长配合，不邀请其他人共同谈话", Message(RuleCode.JointTalkerNotAllowed, "000 §二1", ("tier", "1")), StringComparison.Ordinal);
        Assert.Contains("不符合规定（000 §二3）", Message(RuleCode.JointTalkerNotAllowed, "000 §二3", ("tier", "3")), StringComparison.Ordinal);
    }

    [Fact]
    public void ATalkeeOffTheLine_IsToldWhy_OrThatTheLineWasHandedOver()
    {
        var off = Message(RuleCode.TalkeeNotOnTierLine, "000 §二", ("name", "郑晓燕"), ("talker", "王正清"), ("handed", "false"));
        var handed = Message(RuleCode.TalkeeNotOnTierLine, "000 §二", ("name", "周海涛"), ("talker", "王正清"), ("handed", "true"));

        Assert.StartsWith("不符合规定（000 §二）：郑晓燕不在王正清的谈话层级上", off, StringComparison.Ordinal);
        Assert.Contains("已由王正清委托他人或因回避转出", handed, StringComparison.Ordinal);
    }
}
