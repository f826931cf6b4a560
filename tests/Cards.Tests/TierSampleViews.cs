using TalkBot.Cards.AdaptiveCards;
using TalkBot.Cards.Builders;
using TalkBot.Cards.CreateTalk;
using TalkBot.Cards.Localization;
using TalkBot.Cards.Views;
using TalkBot.Domain;
using TalkBot.Domain.Plans;
using TalkBot.Domain.Talks;

namespace TalkBot.Cards.Tests;

/// <summary>Sample views of the cards the tiers of 000 §二 shape: the plan talk's form with 邀请共同谈话, the tier line on the organiser's card.</summary>
internal static class TierSampleViews
{
    public static TalkLineView Line { get; } = new("周海涛", Tier.DisciplineGroupLeader, TalkeeLine.SubordinateUnitHead, ["赵明"]);

    public static IEnumerable<(string Name, AdaptiveCard Card)> AllCards(Locale locale)
    {
        var context = new TalkFormContext(locale.Pick("安排与周海涛的日常廉政谈话", "Arrange the routine talk with 周海涛"), "第二层级；所属单位主要领导。", new Dictionary<string, string>());
        var form = SampleViews.Form() with { Context = context, Kinds = [TalkKind.Routine], JointDataset = Datasets.About(Datasets.JointTalkers, "p1") };
        yield return ("create-joint", CreateTalkCard.Build(form with { Joint = [new(new PersonId("m1"), "李卫东", "局党委委员")] }, locale));
        yield return ("create-joint-chosen", CreateTalkCard.Build(form with
        {
            Joint = [new(new PersonId("m1"), "李卫东", "局党委委员")], Previous = new CreateTalkDraft("p1", "p3", Joint: "m1"),
            Errors = [RuleMessages.Describe(new(Domain.Rules.RuleCode.JointTalkerNotAllowed, "000 §二2",
                Arguments: new Dictionary<string, string> { ["name"] = "郑晓燕", ["tier"] = "2" }), locale)],
        }, locale));
        yield return ("create-joint-typeahead", CreateTalkCard.Build(form with { Joint = SampleViews.ShortList("m") }, locale));
        yield return ("created-tier-line", TalkCreatedCard.Build(new TalkCreatedView(new TalkId("t1"), TalkKind.Routine, TalkFormat.Individual, SampleViews.Talk,
            "第三会议室", ["王正清", "赵明"], null, [new("周海涛", DeliveryOutcome.Sent)], Lines: [Line, Line with { TalkeeName = "何建平", AssistantNames = [] }]), locale));
    }
}
