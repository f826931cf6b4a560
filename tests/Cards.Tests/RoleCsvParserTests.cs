using TalkBot.Cards.Builders;
using TalkBot.Cards.Localization;
using TalkBot.Cards.Roles;
using TalkBot.Domain.People;
using TalkBot.Domain.Rules;

namespace TalkBot.Cards.Tests;

public sealed class RoleCsvParserTests
{
    [Fact]
    public void Rows_KeepTheirLineNumbers_AcrossBlankLines_AndSplitRolesOnSemicolons()
    {
        var csv = RoleCsvParser.Parse("person,roles,rank\r\nli@test.local,记录人; 纪委办(监察处),科级及以下\r\n\r\n\"a-2\",\"UnitHead\",Division\r\nb-3,,副处级\r\n");

        Assert.True(csv.IsValid);
        Assert.Equal([2, 4, 5], csv.Rows.Select(r => r.Line));
        Assert.Equal("li@test.local", csv.Rows[0].Person);
        Assert.Equal(["记录人", "纪委办(监察处)"], csv.Rows[0].Roles);
        Assert.Equal("科级及以下", csv.Rows[0].Rank);
        Assert.Equal(("a-2", "Division"), (csv.Rows[1].Person, csv.Rows[1].Rank));
        Assert.Empty(csv.Rows[2].Roles);
    }

    [Fact]
    public void Header_MayBeInChinese_InAnyOrder_WithOtherColumns()
    {
        var csv = RoleCsvParser.Parse("姓名,职级,人员,角色\n张伟,正处级,p1,Recorder");

        var row = Assert.Single(csv.Rows);
        Assert.Equal(("p1", "正处级", 2), (row.Person, row.Rank, row.Line));
        Assert.Equal(["Recorder"], row.Roles);
    }

    [Fact]
    public void MissingColumn_InTheHeader_IsReportedOnItsLine()
    {
        var csv = RoleCsvParser.Parse("\nperson,roles\np1,Recorder");

        var problem = Assert.Single(csv.Problems);
        Assert.Equal(2, problem.Line);
        Assert.Equal(RuleCode.ColumnMissing, problem.Violation.Code);
        Assert.Equal("rank", problem.Violation.Argument("column"));
        Assert.Empty(csv.Rows);
    }

    [Fact]
    public void ShortRow_IsReportedWithItsLine_AndTheOthersStillRead()
    {
        var csv = RoleCsvParser.Parse("person,roles,rank\np1,Recorder,Division\np2,Recorder\np3,UnitHead,Division");

        var problem = Assert.Single(csv.Problems);
        Assert.Equal((3, RuleCode.ColumnMissing), (problem.Line, problem.Violation.Code));
        Assert.Equal([2, 4], csv.Rows.Select(r => r.Line));
        Assert.False(csv.IsValid);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  \n ")]
    [InlineData("person,roles,rank\n")]
    public void NothingToImport_IsRequired(string text)
    {
        var problem = Assert.Single(RoleCsvParser.Parse(text).Problems);

        Assert.Equal(RuleCode.Required, problem.Violation.Code);
    }

    [Fact]
    public void TooLong_IsRefusedBeforeParsing()
    {
        var csv = RoleCsvParser.Parse("person,roles,rank\n" + string.Concat(Enumerable.Repeat("p1,Recorder,Division\n", 2000)));

        Assert.True(csv.TooLong);
        Assert.False(csv.IsValid);
    }

    [Fact]
    public void RowProblem_IsDescribedWithItsLine_InBothLanguages()
    {
        var problem = new LineViolation(3, new RuleViolation(RuleCode.RankUnknown, RuleSources.Roles, Arguments: new Dictionary<string, string> { ["rank"] = "上校" }));

        Assert.Equal("第3行：职级“上校”无效，应为正处级、副处级或科级及以下。", RoleFormInput.Describe(problem, Locale.ZhCn));
        Assert.StartsWith("Line 3: Rank “上校” is not valid", RoleFormInput.Describe(problem, Locale.EnUs), StringComparison.Ordinal);
    }

    [Fact]
    public void Editor_OffersEveryRole_WithItsChineseLabel_PrefilledWithTheCurrentOnes()
    {
        var view = new RoleEditView(new Domain.PersonId("p1"), "张伟", null, new HashSet<Role> { Role.UnitHead, Role.Recorder }, Rank.DeputyDivision, []);

        var json = AdaptiveCards.CardSerializer.ToJson(RoleCards.Edit(view, TimeZoneInfo.Utc, Locale.ZhCn));

        foreach (var role in Enum.GetValues<Role>())
        {
            Assert.Contains(Labels.Of(role, Locale.ZhCn), json, StringComparison.Ordinal);
        }

        Assert.Contains("\"value\":\"UnitHead,Recorder\"", json, StringComparison.Ordinal);
        Assert.Contains("\"value\":\"DeputyDivision\"", json, StringComparison.Ordinal);
        Assert.Contains("\"isMultiSelect\":true", json, StringComparison.Ordinal);
    }
}
