using TalkBot.Cards.AdaptiveCards;
using TalkBot.Cards.Builders;
using TalkBot.Cards.Localization;
using static TalkBot.Cards.Tests.SerializationTests;

namespace TalkBot.Cards.Tests;

/// <summary>The office's desk with the recused talks waiting for it to name a talker (000 §二4, §四(五)3).</summary>
public sealed class RecusedDeskCardTests
{
    [Fact]
    public void CaseDesk_ForTheOffice_ListsEachRecusedTalk_WithItsTierLineMonthAndWhoRecused_AndNamesATalkerFromTheLinesPicker()
    {
        var desk = CaseDeskCard.Build(CaseSampleViews.Desk(), Locale.ZhCn);
        var json = CardSerializer.ToJson(desk);

        Assert.Contains("回避待指定谈话人（2）", json);
        Assert.Contains("2026年3月 · 孙所长（城关派出所）", json);
        Assert.Contains("第四层级：派驻纪检监察组组长谈话（000 §二4）；基层下属单位主要领导", json);
        Assert.Contains("吴组长已回避（000 §四(五)3）", json);
        Assert.Contains("郑委员 · 基层党委班子成员", json);
        Assert.Contains("该单位没有可指定的班子成员", json);
        var assign = Assert.Single(Descendants(CardSerializer.ToElement(desk)).Where(e => Type(e) == "Action.Execute"), a => a.GetProperty("verb").GetString() == Verbs.PlanAssign);
        Assert.Equal(("2026-03", "stationed-1", "head-1", "4", "auto"), (Value(assign, PlanKeys.Month), Value(assign, PlanKeys.Talker), Value(assign, PlanKeys.Talkee),
            Value(assign, PlanKeys.Tier), assign.TryGetProperty("associatedInputs", out var inputs) ? inputs.GetString() : "auto"));
        Assert.Contains(PlanKeys.Assign("stationed-1", "head-1", Domain.Plans.Tier.StationedDisciplineLeader), json);
    }

    [Fact]
    public void CaseDesk_OutsideTheOffice_HasNoRecusedTalks()
    {
        var json = CardSerializer.ToJson(CaseDeskCard.Build(CaseSampleViews.Desk(office: false) with { Recused = CaseSampleViews.Recused }, Locale.EnUs));

        Assert.DoesNotContain(Verbs.PlanAssign, json);
        Assert.DoesNotContain("Recused talks", json);
    }

    private static string? Value(System.Text.Json.JsonElement action, string key) =>
        action.GetProperty("data").TryGetProperty(key, out var value) ? value.GetString() : null;
}
