using System.Text.Json;
using TalkBot.Cards.AdaptiveCards;
using TalkBot.Cards.Builders;
using TalkBot.Cards.Localization;
using TalkBot.Cards.Views;
using static TalkBot.Cards.Tests.SerializationTests;

namespace TalkBot.Cards.Tests;

public sealed class NoticeCardTests
{
    private static (string Json, List<JsonElement> Actions) Render(NoticeState state, Locale locale)
    {
        var card = CardSerializer.ToElement(NoticeCard.Build(SampleViews.Notice(state), locale));
        var body = card.GetProperty("body");
        var actions = Descendants(body).Where(e => Type(e) is "Action.Execute" or "Action.ShowCard").ToList();
        return (card.GetRawText(), actions);
    }

    [Fact]
    public void Pending_ShowsTitleTimePlaceTalkers_AndBothButtons()
    {
        var (json, actions) = Render(new NoticeState.Pending(), Locale.ZhCn);

        Assert.Contains("《层级廉政谈话通知书》", json);
        Assert.Contains("2026年3月4日（星期三）14:30", json);
        Assert.Contains("第三会议室", json);
        Assert.Contains("李明、王芳", json);
        Assert.Contains("日常廉政谈话", json);
        Assert.Contains("完成廉政常识测试", json);
        Assert.Contains(actions, a => Type(a) == "Action.Execute" && a.GetProperty("verb").GetString() == Verbs.NoticeAcknowledge
                                      && a.GetProperty("title").GetString() == "确认收到");
        var postpone = Assert.Single(actions, a => Type(a) == "Action.ShowCard");
        Assert.Equal("申请改期", postpone.GetProperty("title").GetString());
        var reason = Descendants(postpone).Single(e => Type(e) == "Input.Text");
        Assert.Equal(DataKeys.Reason, reason.GetProperty("id").GetString());
        Assert.True(reason.GetProperty("isRequired").GetBoolean());
        Assert.Contains(actions, a => Type(a) == "Action.Execute" && a.GetProperty("verb").GetString() == Verbs.NoticePostpone);
    }

    [Fact]
    public void Acknowledged_ShowsConfirmationTime_AndNoButtons()
    {
        var (json, actions) = Render(new NoticeState.Acknowledged(SampleViews.Talk.AddDays(-3)), Locale.ZhCn);

        Assert.Contains("已确认（2026年3月1日（星期日）14:30）", json);
        Assert.Empty(actions);
    }

    [Fact]
    public void PostponementRequested_ShowsSubmittedAndReason_AndNoButtons()
    {
        var (json, actions) = Render(new NoticeState.PostponementRequested(SampleViews.Talk.AddDays(-2), "当天出差"), Locale.ZhCn);

        Assert.Contains("改期申请已提交", json);
        Assert.Contains("当天出差", json);
        Assert.Empty(actions);
    }

    [Fact]
    public void Unreachable_SaysSo_AndHasNoButtons()
    {
        var (json, actions) = Render(new NoticeState.Unreachable(), Locale.EnUs);

        Assert.Contains("could not be delivered", json);
        Assert.Empty(actions);
    }

    [Fact]
    public void English_UsesEnglishDateAndButtons()
    {
        var (json, actions) = Render(new NoticeState.Pending(), Locale.EnUs);

        Assert.Contains("Wed 4 Mar 2026, 14:30", json);
        Assert.Contains(actions, a => a.GetProperty("title").GetString() == "Acknowledge");
        Assert.DoesNotContain("确认收到", json);
    }
}
