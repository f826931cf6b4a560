using TalkBot.Cards.AdaptiveCards;
using TalkBot.Cards.Builders;
using TalkBot.Cards.Localization;

namespace TalkBot.Cards.Tests;

public class MonthlyReportCardTests
{
    [Fact]
    public void Report_ShowsTheUnitsTotals_ABarPerUnitBelow_UpToTheLimit_AndTheTabLink()
    {
        var json = CardSerializer.ToJson(MonthlyReportCard.Build(CaseSampleViews.MonthlyReport(below: 24), Locale.ZhCn));

        Assert.Contains("2026年2月谈话完成情况：东城分局党委", json, StringComparison.Ordinal);
        Assert.Contains("87%", json, StringComparison.Ordinal);
        Assert.Contains("第20党支部", json, StringComparison.Ordinal);
        Assert.DoesNotContain("第21党支部", json, StringComparison.Ordinal);
        Assert.Contains("另有4个单位", json, StringComparison.Ordinal);
        Assert.Contains("无安排", json, StringComparison.Ordinal);
        Assert.Contains("https://talkbot.example/tab/?section=statistics&month=2026-02&unit=dc", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Bar_IsAsWideAsTheRate()
    {
        var json = CardSerializer.ToJson(MonthlyReportCard.Build(CaseSampleViews.MonthlyReport(below: 1), Locale.EnUs));

        // 第1党支部: 1 of 5 completed, a bar of 20 against 80.
        Assert.Contains("\"width\":\"20\",\"style\":\"good\"", json, StringComparison.Ordinal);
        Assert.Contains("\"width\":\"80\",\"style\":\"emphasis\"", json, StringComparison.Ordinal);
        Assert.Contains("Talks completed in 2026-02", json, StringComparison.Ordinal);
    }
}
