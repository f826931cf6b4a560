using System.Text.Json;
using TalkBot.Cards.Records;
using TalkBot.Domain;
using TalkBot.Domain.Talks;

namespace TalkBot.Cards.Tests;

public class RecordInputParserTests
{
    private static readonly IReadOnlyList<PersonId> Talkees = [new("a"), new("b")];

    private static DateTimeOffset Shanghai(DateOnly d, TimeOnly t) => new(d.ToDateTime(t), TimeSpan.FromHours(8));

    private static RecordParseResult Parse(object data) => RecordInputParser.Parse(JsonSerializer.SerializeToElement(data), Talkees, Shanghai);

    [Fact]
    public void Parse_ReadsEveryField_AndAPartPerTalkee()
    {
        var result = Parse(new Dictionary<string, object>
        {
            ["date"] = "2026-03-05", ["start"] = "09:30", ["end"] = "10：15", ["place"] = " 第三会议室 ", ["format"] = "collective",
            ["lead"] = "lead", ["joint"] = "j1,lead,j2", ["recorder"] = "rec", ["checklist"] = "1,3",
            ["p1.problems"] = "问题", ["p1.rectification"] = "true", ["p1.items"] = "一\n\n二 ",
            ["p2.explanation"] = "说明",
        });

        var content = Assert.IsType<Domain.Records.RecordContent>(result.Content);
        Assert.Equal(new DateTimeOffset(2026, 3, 5, 9, 30, 0, TimeSpan.FromHours(8)), content.StartedAt);
        Assert.Equal(new DateTimeOffset(2026, 3, 5, 10, 15, 0, TimeSpan.FromHours(8)), content.EndedAt);
        Assert.Equal("第三会议室", content.Place);
        Assert.Equal(TalkFormat.Collective, content.Format);
        Assert.Equal([new PersonId("j1"), new PersonId("j2")], content.JointTalkers);
        Assert.Equal(new HashSet<int> { 1, 3 }, content.Checklist);
        Assert.Equal(["一", "二"], content.Parts[0].RectificationItems);
        Assert.True(content.Parts[0].RectificationRequired);
        Assert.Equal("说明", content.Parts[1].Explanation);
        Assert.False(content.Parts[1].RectificationRequired);
    }

    [Fact]
    public void Parse_EmptyChoices_AreNoPerson_NotAnEmptyId()
    {
        var content = Parse(new Dictionary<string, object> { ["delegatedBy"] = "", ["date"] = "2026-03-05" }).Content!;

        Assert.Null(content.DelegatedBy);
        Assert.Null(content.LeadTalker);
        Assert.Null(content.Recorder);
        Assert.Null(content.StartedAt);
    }

    [Fact]
    public void Parse_BadDateTimeChecklistAndFormat_ReportsEachInBothLanguages_AndGivesNoContent()
    {
        var result = Parse(new Dictionary<string, object>
        {
            ["date"] = "2026-02-30", ["start"] = "25:00", ["format"] = "group", ["checklist"] = "1,x", ["p2.problems"] = new string('长', 2001),
        });

        Assert.Null(result.Content);
        Assert.Equal(["date", "start", "format", "checklist", "p2.problems"], result.Problems.Select(p => p.Field));
        Assert.All(result.Problems, p => Assert.False(string.IsNullOrWhiteSpace(p.ZhCn) || string.IsNullOrWhiteSpace(p.EnUs)));
        Assert.Contains("2026-02-30", result.Problems[0].ZhCn, StringComparison.Ordinal);
        Assert.Contains("指出的问题", result.Problems[4].ZhCn, StringComparison.Ordinal);
        Assert.Equal("25:00", result.Values["start"]);
    }

    [Fact]
    public void ValuesOf_RoundTripsThroughParse()
    {
        var first = Parse(new Dictionary<string, object>
        {
            ["date"] = "2026-03-05", ["start"] = "09:30", ["end"] = "10:15", ["place"] = "室", ["lead"] = "lead", ["recorder"] = "rec",
            ["checklist"] = "2", ["p1.rectification"] = "true", ["p1.items"] = "一\n二",
        }).Content!;

        var values = RecordInputParser.ValuesOf(first, Talkees, t => t.ToOffset(TimeSpan.FromHours(8)));
        var again = RecordInputParser.Parse(JsonSerializer.SerializeToElement(values), Talkees, Shanghai).Content!;

        Assert.True(again.SameAs(first));
    }
}
