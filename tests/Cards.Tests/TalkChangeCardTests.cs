using System.Text.Json;
using TalkBot.Cards.AdaptiveCards;
using TalkBot.Cards.Builders;
using TalkBot.Cards.Localization;
using TalkBot.Cards.Views;
using TalkBot.Domain;
using TalkBot.Domain.Talks;
using static TalkBot.Cards.Tests.SerializationTests;

namespace TalkBot.Cards.Tests;

/// <summary>The cards of a talk's changes: what the talkee and the organiser can do once a postponement is decided or the talk moved.</summary>
public sealed class TalkChangeCardTests
{
    private static List<JsonElement> Actions(AdaptiveCard card) =>
        [.. Descendants(CardSerializer.ToElement(card).GetProperty("body")).Where(e => Type(e) is "Action.Execute" or "Action.ShowCard")];

    private static IEnumerable<string?> Verbs(AdaptiveCard card) =>
        Actions(card).Where(a => Type(a) == "Action.Execute").Select(a => a.GetProperty("verb").GetString());

    [Fact]
    public void ARefusedPostponement_SaysWhy_AndOffersAcknowledgeAgain()
    {
        var card = NoticeCard.Build(SampleViews.Notice(new NoticeState.PostponementRefused(SampleViews.Talk.AddDays(-1), "培训可另行安排", "当天出差")), Locale.ZhCn);

        var json = CardSerializer.ToElement(card).GetRawText();
        Assert.Contains("组织方不同意改期", json);
        Assert.Contains("培训可另行安排", json);
        Assert.DoesNotContain("等待组织方答复", json);
        Assert.Contains(Cards.Verbs.NoticeAcknowledge, Verbs(card));
    }

    [Fact]
    public void ACancelledTalksNotice_SaysSo_AndOffersNothing_NotEvenTheQuiz()
    {
        var card = NoticeCard.Build(SampleViews.Notice(new NoticeState.Cancelled(SampleViews.Talk, "谈话对象借调外单位")) with { Quiz = new NoticeQuiz(true) }, Locale.EnUs);

        Assert.Contains("This talk was cancelled", CardSerializer.ToElement(card).GetRawText());
        Assert.Empty(Actions(card));
    }

    [Fact]
    public void TheOrganisersCard_OffersMoveAndCancel_WhileTheTalkIsAhead_WithTheDatesTheRulesAllow()
    {
        var manage = new TalkManageView(true, new DateOnly(2026, 3, 4), new DateOnly(2026, 3, 7));
        var view = new TalkCreatedView(new TalkId("t1"), TalkKind.Routine, TalkFormat.Individual, SampleViews.Talk, "第三会议室", ["李明"], null, [], Manage: manage);

        var open = TalkCreatedCard.Build(view, Locale.ZhCn);
        var closed = TalkCreatedCard.Build(view with { Manage = manage with { CanChange = false } }, Locale.ZhCn);

        Assert.Equal([Cards.Verbs.TalkReschedule, Cards.Verbs.TalkCancel], Verbs(open).Order(StringComparer.Ordinal).Reverse());
        Assert.Contains("2026年3月4日（星期三） 至 2026年3月7日（星期六）", CardSerializer.ToElement(open).GetRawText());
        Assert.Empty(Actions(closed));
    }

    [Fact]
    public void ADigestOfOneRequest_CarriesBothAnswers_AndOfSeveral_OneButtonEach()
    {
        var request = new PostponementRequestView(new TalkId("t1"), "张伟", TalkKind.Routine, SampleViews.Talk, "第三会议室", SampleViews.Talk.AddDays(-2), "当天出差",
            Talkee: new PersonId("p1"), MinDate: new DateOnly(2026, 3, 4), MaxDate: new DateOnly(2026, 3, 7));

        var one = PostponementDigestCard.Build([request], Locale.ZhCn);
        var several = PostponementDigestCard.Build([request, request with { TalkeeName = "刘洋" }], Locale.ZhCn);

        Assert.Equal([Cards.Verbs.PostponementApprove, Cards.Verbs.PostponementRefuse], Verbs(one));
        Assert.Equal([Cards.Verbs.PostponementShow, Cards.Verbs.PostponementShow], Verbs(several));
    }
}
