using System.Text.Json;
using TalkBot.Cards.CreateTalk;
using TalkBot.Cards.Localization;
using TalkBot.Domain;
using TalkBot.Domain.Talks;

namespace TalkBot.Cards.Tests;

public sealed class CreateTalkInputParserTests
{
    private static CreateTalkParseResult Parse(string json) => CreateTalkInputParser.Parse(JsonDocument.Parse(json).RootElement);

    private const string Valid = """
        {"verb":"talk.create","talkees":"p1,p2","talkers":"p3","recorder":"p4","kind":"Routine","format":"Collective",
         "date":"2026-03-27","time":"09:30","place":"  第三会议室 ","preparation":"完成廉政常识测试","contentDate":"2026-03-23"}
        """;

    [Fact]
    public void ValidForm_ParsesEveryField()
    {
        var result = Parse(Valid);

        Assert.True(result.IsValid, string.Join(" ", result.Problems.Select(p => p.EnUs)));
        var input = result.Input!;
        Assert.Equal([new PersonId("p1"), new PersonId("p2")], input.Talkees);
        Assert.Equal([new PersonId("p3")], input.Talkers);
        Assert.Equal(new PersonId("p4"), input.Recorder);
        Assert.Equal(TalkKind.Routine, input.Kind);
        Assert.Equal(TalkFormat.Collective, input.Format);
        Assert.Equal(new DateOnly(2026, 3, 27), input.Date);
        Assert.Equal(new TimeOnly(9, 30), input.Time);
        Assert.Equal("第三会议室", input.Place);
        Assert.Equal("完成廉政常识测试", input.Preparation);
        Assert.Equal(new DateOnly(2026, 3, 23), input.ContentDeterminedDate);
    }

    [Fact]
    public void EmptyData_ReportsEveryRequiredField_InBothLanguages()
    {
        var result = Parse("{}");

        Assert.False(result.IsValid);
        Assert.Equal(
            [CreateTalkFields.Talkees, CreateTalkFields.Talkers, CreateTalkFields.Recorder, CreateTalkFields.Kind,
             CreateTalkFields.Date, CreateTalkFields.Time, CreateTalkFields.Place],
            result.Problems.Select(p => p.Field));
        Assert.Contains(result.Problems, p => p.ZhCn == "请填写“谈话对象”。" && p.EnUs == "Please fill in “Talkee(s)”.");
        Assert.Contains(result.Problems, p => p.Message(Locale.ZhCn) == "请填写“谈话地点”。");
    }

    [Fact]
    public void MissingFormat_DefaultsToIndividual_AndMissingContentDateIsNull()
    {
        var result = Parse("""{"talkees":"p1","talkers":"p3","recorder":"p4","kind":"reminder","date":"2026-03-27","time":"9:00","place":"办公室"}""");

        Assert.True(result.IsValid);
        Assert.Equal(TalkFormat.Individual, result.Input!.Format);
        Assert.Equal(TalkKind.Reminder, result.Input.Kind);
        Assert.Null(result.Input.ContentDeterminedDate);
        Assert.Null(result.Input.Preparation);
    }

    [Theory]
    [InlineData("2026-02-30")]
    [InlineData("2026-13-01")]
    [InlineData("下周三")]
    [InlineData("27/03/2026")]
    public void BadDate_IsReportedWithTheValueAndFormat(string date)
    {
        var result = Parse(Valid.Replace("2026-03-27", date));

        var problem = Assert.Single(result.Problems);
        Assert.Equal(CreateTalkFields.Date, problem.Field);
        Assert.Contains(date, problem.ZhCn);
        Assert.Contains("不是有效日期", problem.ZhCn);
        Assert.Contains("not a valid date", problem.EnUs);
        Assert.Null(result.Input);
        Assert.Equal(date, result.Draft.Date);
    }

    [Theory]
    [InlineData("25:00")]
    [InlineData("下午两点")]
    [InlineData("1430")]
    public void BadTime_IsReported(string time)
    {
        var problem = Assert.Single(Parse(Valid.Replace("09:30", time)).Problems);

        Assert.Equal(CreateTalkFields.Time, problem.Field);
        Assert.Contains("不是有效时间", problem.ZhCn);
        Assert.Contains("not a valid time", problem.EnUs);
    }

    [Theory]
    [InlineData("2026年3月27日", "14：30")]
    [InlineData("2026/3/27", "14:30:00")]
    public void ChineseDateAndFullWidthColon_AreAccepted(string date, string time)
    {
        var result = Parse(Valid.Replace("2026-03-27", date).Replace("09:30", time));

        Assert.True(result.IsValid);
        Assert.Equal(new DateOnly(2026, 3, 27), result.Input!.Date);
        Assert.Equal(new TimeOnly(14, 30), result.Input.Time);
    }

    [Fact]
    public void UnknownOrNumericKind_IsReported()
    {
        Assert.Equal(CreateTalkFields.Kind, Assert.Single(Parse(Valid.Replace("\"Routine\"", "\"7\"")).Problems).Field);
        Assert.Equal(CreateTalkFields.Kind, Assert.Single(Parse(Valid.Replace("\"Routine\"", "\"Chat\"")).Problems).Field);
    }

    [Fact]
    public void WhitespaceOnlyPlace_IsMissing()
    {
        var problem = Assert.Single(Parse(Valid.Replace("  第三会议室 ", "   ")).Problems);

        Assert.Equal(CreateTalkFields.Place, problem.Field);
    }

    [Fact]
    public void TwoRecorders_AreRejected()
    {
        var problem = Assert.Single(Parse(Valid.Replace("\"p4\"", "\"p4,p5\"")).Problems);

        Assert.Equal("只能选择一名记录人。", problem.ZhCn);
    }

    [Fact]
    public void MultiSelectAsArray_AndDuplicates_AreRead()
    {
        var result = Parse(Valid.Replace("\"p1,p2\"", "[\"p1\",\"p2\",\"p1\"]"));

        Assert.Equal([new PersonId("p1"), new PersonId("p2")], result.Input!.Talkees);
    }

    [Fact]
    public void SeveralProblems_AreAllReportedAtOnce()
    {
        var result = Parse(Valid.Replace("2026-03-27", "x").Replace("09:30", "y").Replace("\"p3\"", "\"\""));

        Assert.Equal([CreateTalkFields.Talkers, CreateTalkFields.Date, CreateTalkFields.Time], result.Problems.Select(p => p.Field));
    }

    [Fact]
    public void ToDraft_RoundTripsThroughTheParser()
    {
        var input = Parse(Valid).Input!;
        var draft = input.ToDraft();
        var json = JsonSerializer.Serialize(new Dictionary<string, string?>
        {
            ["talkees"] = draft.Talkees, ["talkers"] = draft.Talkers, ["recorder"] = draft.Recorder, ["kind"] = draft.Kind,
            ["format"] = draft.Format, ["date"] = draft.Date, ["time"] = draft.Time, ["place"] = draft.Place,
            ["preparation"] = draft.Preparation, ["contentDate"] = draft.ContentDate, ["joint"] = draft.Joint,
        });

        var again = Parse(json).Input!;
        Assert.Equal(input.Talkees, again.Talkees);
        Assert.Equal(input with { Talkees = again.Talkees, Talkers = again.Talkers }, again);
    }

    [Fact]
    public void JointTalkers_AreOptional_AndRoundTripWhenGiven()
    {
        var none = Parse(Valid).Input!;
        var joint = Parse(Valid.Replace("\"place\"", "\"joint\": \"m1, m2\", \"place\"")).Input!;

        Assert.Empty(none.Joint);
        Assert.Equal([new PersonId("m1"), new PersonId("m2")], joint.Joint);
        Assert.Equal("m1,m2", joint.ToDraft().Joint);
    }
}
