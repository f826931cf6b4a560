using TalkBot.Cards.Localization;
using TalkBot.Domain;
using TalkBot.Domain.People;
using TalkBot.Domain.Rules;
using TalkBot.Domain.Talks;

namespace TalkBot.Cards.Tests;

public sealed class LocalizationTests
{
    [Theory]
    [InlineData(null, "zh-CN")]
    [InlineData("", "zh-CN")]
    [InlineData("zh-CN", "zh-CN")]
    [InlineData("zh-TW", "zh-CN")]
    [InlineData("fr-FR", "zh-CN")]
    [InlineData("en", "en-US")]
    [InlineData("en-GB", "en-US")]
    [InlineData("EN-us", "en-US")]
    public void FromTag_PicksEnglishOnlyForEnglishTags(string? tag, string expected)
    {
        Assert.Equal(expected, Locale.FromTag(tag).Tag);
    }

    [Fact]
    public void Dates_AreFormattedPerLocale()
    {
        var date = new DateOnly(2026, 3, 4);
        var time = new TimeOnly(14, 30);

        Assert.Equal("2026年3月4日（星期三）14:30", DateText.DateTime(date, time, Locale.ZhCn));
        Assert.Equal("Wed 4 Mar 2026, 14:30", DateText.DateTime(date, time, Locale.EnUs));
        Assert.Equal("2026年12月27日（星期日）", DateText.Date(new DateOnly(2026, 12, 27), Locale.ZhCn));
    }

    [Fact]
    public void DateTimeOffset_IsShownInItsOwnZone()
    {
        var talk = new DateTimeOffset(2026, 3, 4, 14, 30, 0, TimeSpan.FromHours(8));

        Assert.Equal("2026年3月4日（星期三）14:30", DateText.DateTime(talk, Locale.ZhCn));
    }

    [Fact]
    public void NoticeTooLate_ReadsExactlyAsSpecified()
    {
        var violation = new RuleViolation(RuleCode.NoticeTooLate, "000 §四(一)3", new DateOnly(2026, 3, 4));

        Assert.Equal(
            "不符合规定（000 §四(一)3）：须提前2个工作日送达通知书。最早可安排在 2026年3月4日（星期三）。",
            RuleMessages.Describe(violation, Locale.ZhCn));
        Assert.Equal(
            "Not allowed (000 §四(一)3): the notice must reach the talkee at least 2 working days before the talk. The earliest possible date is Wed 4 Mar 2026.",
            RuleMessages.Describe(violation, Locale.EnUs));
    }

    public static TheoryData<RuleCode> AllRuleCodes => [.. Enum.GetValues<RuleCode>()];

    [Theory]
    [MemberData(nameof(AllRuleCodes))]
    public void EveryRuleCode_HasSpecificTextWithSourceAndEarliestDate_InBothLanguages(RuleCode code)
    {
        var violation = new RuleViolation(code, "000 §四(一)2", new DateOnly(2026, 3, 27));

        var zh = RuleMessages.Describe(violation, Locale.ZhCn);
        var en = RuleMessages.Describe(violation, Locale.EnUs);

        Assert.Contains("000 §四(一)2", zh);
        Assert.Contains("000 §四(一)2", en);
        Assert.Contains("2026年3月27日（星期五）", zh);
        Assert.Contains("Fri 27 Mar 2026", en);
        Assert.DoesNotContain(code.ToString(), zh);
        Assert.DoesNotContain(code.ToString(), en);
    }

    [Fact]
    public void RuleCodes_HaveDistinctReasons()
    {
        var reasons = Enum.GetValues<RuleCode>().Select(c => RuleMessages.Reason(new RuleViolation(c, "x"), Locale.ZhCn)).ToList();

        Assert.Equal(reasons.Count, reasons.Distinct().Count());
    }

    [Fact]
    public void Required_NamesTheFieldByItsLabel()
    {
        var violation = new RuleViolation(RuleCode.Required, "", Arguments: new Dictionary<string, string> { ["field"] = "place" });

        Assert.Equal("不符合规定：必须填写“谈话地点”。", RuleMessages.Describe(violation, Locale.ZhCn));
        Assert.Equal("Not allowed: “Place” is required.", RuleMessages.Describe(violation, Locale.EnUs));
    }

    [Fact]
    public void PersonNotChoosable_NamesThePersonTheFieldAndWhomItTakes_OrThatTheDirectoryLacksThem()
    {
        var recorder = PersonScopes.Recorders(new Person(new PersonId("o"), "周纪办", null, null, Rank.SectionAndBelow, new HashSet<Role> { Role.DisciplineOffice }, null));
        var cadre = new Person(new PersonId("c"), "李干部", null, null, Rank.SectionAndBelow, new HashSet<Role>(), null);

        var outside = recorder.Check(cadre.Id, cadre)!;
        var unknown = recorder.Check(new PersonId("x-1"), null)!;

        Assert.Equal("不符合规定（000 §四(一)4）：“李干部”不能选作记录人：记录人须是在职的记录人或纪委办（监察处）人员。", RuleMessages.Describe(outside, Locale.ZhCn));
        Assert.Equal("Not allowed (000 §四(一)4): “李干部” cannot be chosen as the recorder: the recorder must be an active recorder or member of the discipline office.",
            RuleMessages.Describe(outside, Locale.EnUs));
        Assert.Equal("不符合规定（000 §四(一)4）：组织名录中没有所选的记录人“x-1”，请重新选择。", RuleMessages.Describe(unknown, Locale.ZhCn));
    }

    [Fact]
    public void Labels_UseTheOfficialChineseTerms()
    {
        Assert.Equal("日常廉政谈话", Labels.Of(TalkKind.Routine, Locale.ZhCn));
        Assert.Equal("廉政提醒谈话", Labels.Of(TalkKind.Reminder, Locale.ZhCn));
        Assert.Equal("诫勉谈话", Labels.Of(TalkKind.Admonishment, Locale.ZhCn));
        Assert.Equal("个别谈话", Labels.Of(TalkFormat.Individual, Locale.ZhCn));
        Assert.Equal("集体谈话", Labels.Of(TalkFormat.Collective, Locale.ZhCn));
        Assert.Equal("记录人", Labels.Of(Role.Recorder, Locale.ZhCn));
        Assert.Equal("正处级", Labels.Of(Rank.Division, Locale.ZhCn));
    }

    [Fact]
    public void EveryEnumValue_HasAChineseLabel_AndDistinctLabelsInBothLanguages()
    {
        static void Check<T>(Func<T, Locale, string> label) where T : struct, Enum
        {
            var values = Enum.GetValues<T>();
            Assert.All(values, v => Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", label(v, Locale.ZhCn)));
            foreach (var locale in new[] { Locale.ZhCn, Locale.EnUs })
            {
                Assert.Equal(values.Length, values.Select(v => label(v, locale)).Distinct().Count());
            }
        }

        Check<Role>(Labels.Of);
        Check<Rank>(Labels.Of);
        Check<TalkKind>(Labels.Of);
        Check<TalkFormat>(Labels.Of);
    }
}
