using System.Text.Json;
using TalkBot.Cards.AdaptiveCards;
using TalkBot.Cards.Builders;
using TalkBot.Cards.CreateTalk;
using TalkBot.Cards.Localization;
using TalkBot.Cards.Views;
using TalkBot.Domain;
using static TalkBot.Cards.Tests.SerializationTests;

namespace TalkBot.Cards.Tests;

public sealed class BuilderTests
{
    [Fact]
    public void CreateTalkForm_Submit_CarriesTheFormId()
    {
        var card = CardSerializer.ToElement(CreateTalkCard.Build(SampleViews.Form(), Locale.ZhCn));

        var submit = Descendants(card).Single(e => Type(e) == "Action.Execute");

        Assert.Equal("form-0001", submit.GetProperty("data").GetProperty(DataKeys.FormId).GetString());
        Assert.Equal("form-0001", submit.GetProperty("fallback").GetProperty("data").GetProperty(DataKeys.FormId).GetString());
    }

    [Fact]
    public void CreateTalkForm_InputIds_AreTheParsersFields()
    {
        var card = CardSerializer.ToElement(CreateTalkCard.Build(SampleViews.Form(), Locale.ZhCn));

        var ids = Descendants(card).Where(e => Type(e)?.StartsWith("Input.", StringComparison.Ordinal) == true)
            .Select(e => e.GetProperty("id").GetString()).ToList();

        Assert.Equal(
            [CreateTalkFields.Talkees, CreateTalkFields.Talkers, CreateTalkFields.Recorder, CreateTalkFields.Kind, CreateTalkFields.Format,
             CreateTalkFields.Date, CreateTalkFields.Time, CreateTalkFields.Place, CreateTalkFields.Preparation, CreateTalkFields.ContentDate],
            ids);
    }

    [Fact]
    public void CreateTalkForm_ShowsErrorsFirstInAttention_AndReShowsPreviousValues()
    {
        var previous = new CreateTalkDraft(Talkees: "p1,p2", Date: "2026-13-01", Place: "党员活动室");
        var card = CardSerializer.ToElement(CreateTalkCard.Build(SampleViews.Form(previous, ["日期无效"]), Locale.ZhCn));
        var body = card.GetProperty("body").EnumerateArray().ToList();

        var errors = body[1];
        Assert.Equal("Container", Type(errors));
        Assert.Equal("attention", errors.GetProperty("style").GetString());
        Assert.Equal("日期无效", errors.GetProperty("items")[0].GetProperty("text").GetString());
        Assert.Equal("p1,p2", Input(card, CreateTalkFields.Talkees).GetProperty("value").GetString());
        Assert.Equal("2026-13-01", Input(card, CreateTalkFields.Date).GetProperty("value").GetString());
        Assert.Equal("2026-03-04", Input(card, CreateTalkFields.Date).GetProperty("min").GetString());
        Assert.Equal("党员活动室", Input(card, CreateTalkFields.Place).GetProperty("value").GetString());
        Assert.Equal("09:00", Input(card, CreateTalkFields.Time).GetProperty("value").GetString());
        Assert.True(Input(card, CreateTalkFields.Talkees).GetProperty("isMultiSelect").GetBoolean());
    }

    [Fact]
    public void Welcome_OffersNewTalkButton_OnlyToThoseWhoMayCreateTalks()
    {
        static bool HasNewTalk(bool canCreate) => Descendants(CardSerializer.ToElement(
                WelcomeCard.Build(new WelcomeView("李明", [new("help", "帮助")], canCreate), Locale.ZhCn)))
            .Any(e => Type(e) == "Action.Execute" && e.GetProperty("verb").GetString() == Verbs.TalkNew);

        Assert.True(HasNewTalk(true));
        Assert.False(HasNewTalk(false));
    }

    [Fact]
    public void TalkCreated_ListsEachTalkeeWithOutcomeAndReason()
    {
        var view = new TalkCreatedView(new("t1"), Domain.Talks.TalkKind.Routine, Domain.Talks.TalkFormat.Individual, SampleViews.Talk,
            "第三会议室", ["李明"], null,
            [new("张伟", DeliveryOutcome.Sent), new("刘洋", DeliveryOutcome.Unreachable, "未安装应用"), new("陈静", DeliveryOutcome.Sending),
             new("赵磊", DeliveryOutcome.Acknowledged, At: new DateTimeOffset(2026, 3, 2, 9, 30, 0, TimeSpan.FromHours(8))),
             new("孙丽", DeliveryOutcome.PostponementRequested, "当天出差", new DateTimeOffset(2026, 3, 2, 10, 0, 0, TimeSpan.FromHours(8)))]);

        var json = CardSerializer.ToJson(TalkCreatedCard.Build(view, Locale.ZhCn));

        Assert.Contains("""{"title":"张伟","value":"已送达，待确认"}""", json);
        Assert.Contains("""{"title":"刘洋","value":"无法送达：未安装应用"}""", json);
        Assert.Contains("""{"title":"陈静","value":"正在发送"}""", json);
        Assert.Contains("""{"title":"赵磊","value":"已确认收到（""", json);
        Assert.Contains("""{"title":"孙丽","value":"申请改期（""", json);
        Assert.Contains("当天出差", json);
        Assert.Contains("已确认 1/5", json);
        Assert.Contains("有1人未能在 Teams 中收到通知书", json);
    }

    [Fact]
    public void RuleViolationCard_ShowsEveryViolationWithSource()
    {
        var json = CardSerializer.ToJson(RuleViolationCard.Build(
            [new(Domain.Rules.RuleCode.NoticeTooLate, "000 §四(一)3", new DateOnly(2026, 3, 4)),
             new(Domain.Rules.RuleCode.OutsideFiveDayWindow, "000 §四(一)2")], Locale.ZhCn));

        Assert.Contains("不符合规定（000 §四(一)3）：须提前2个工作日送达通知书。最早可安排在 2026年3月4日（星期三）。", json);
        Assert.Contains("不符合规定（000 §四(一)2）：谈话须在谈话内容确定后5日内开展。", json);
    }

    [Theory]
    [InlineData(Domain.Talks.TalkKind.Routine, false)]
    [InlineData(Domain.Talks.TalkKind.Reminder, true)]
    [InlineData(Domain.Talks.TalkKind.Admonishment, true)]
    public void RecordForm_RequiresEachTalkeesStepsWrittenOut_ForTheProceduresOnly(Domain.Talks.TalkKind kind, bool required)
    {
        var card = CardSerializer.ToElement(RecordFormCard.Build(SampleViews.RecordForm(kind, 2), Locale.ZhCn));

        foreach (var n in new[] { 1, 2 })
        {
            foreach (var field in new[] { Records.RecordFields.Problems, Records.RecordFields.Explanation, Records.RecordFields.Requirements })
            {
                var input = Input(card, Records.RecordFields.Part(n, field));
                Assert.Equal(required, input.TryGetProperty("isRequired", out var isRequired) && isRequired.GetBoolean());
            }
        }
    }

    [Fact]
    public void PersonFields_WhoseListMayLeavePeopleOut_AskTeamsTypeaheadForTheirDataset()
    {
        var view = SampleViews.Form() with { Talkees = SampleViews.ShortList(), Talkers = SampleViews.ShortList(), Recorders = SampleViews.ShortList() };

        var card = CardSerializer.ToElement(CreateTalkCard.Build(view, Locale.ZhCn));

        Assert.Equal(Datasets.Talkees, Dataset(card, CreateTalkFields.Talkees));
        Assert.Equal(Datasets.Talkers, Dataset(card, CreateTalkFields.Talkers));
        Assert.Equal(Datasets.Recorders, Dataset(card, CreateTalkFields.Recorder));
        Assert.Equal(["张伟1", "张伟2 · 第一党支部 · 科员"], Input(card, CreateTalkFields.Talkees).GetProperty("choices").EnumerateArray().Take(2).Select(c => c.GetProperty("title").GetString()));
        Assert.Equal("filtered", Input(card, CreateTalkFields.Talkees).GetProperty("style").GetString());
        Assert.True(Input(card, CreateTalkFields.Talkees).GetProperty("isMultiSelect").GetBoolean());
    }

    [Fact]
    public void PersonFields_ThatListEveryoneTheyTake_AreOfferedAsTheyAre()
    {
        var card = CardSerializer.ToElement(CreateTalkCard.Build(SampleViews.Form(), Locale.ZhCn));

        Assert.Null(Dataset(card, CreateTalkFields.Talkees));
        Assert.Null(Dataset(card, CreateTalkFields.Recorder));
        Assert.Equal(["张伟 · 第一党支部", "刘洋"], Input(card, CreateTalkFields.Talkees).GetProperty("choices").EnumerateArray().Select(c => c.GetProperty("title").GetString()));
        Assert.False(Input(card, CreateTalkFields.Talkees).TryGetProperty("style", out _)); // compact, as a multi-select shows on every client
    }

    [Fact]
    public void ATalkForALeadOrCase_OffersItsSubject_AndSearchesForNoOtherTalkee()
    {
        var view = SampleViews.Form() with
        {
            // Even a list as long as a short list: the subject of a lead or a case is the one talkee.
            Talkees = SampleViews.ShortList(),
            Talkers = SampleViews.ShortList(),
            Context = new TalkFormContext("安排廉政提醒谈话", "谈话对象为线索所反映的人员", new Dictionary<string, string> { [DataKeys.LeadId] = "lead-1" }),
        };

        var card = CardSerializer.ToElement(CreateTalkCard.Build(view, Locale.ZhCn));

        Assert.Null(Dataset(card, CreateTalkFields.Talkees));
        Assert.Equal(Datasets.Talkers, Dataset(card, CreateTalkFields.Talkers));
    }

    [Fact]
    public void TheRecordForm_OffersDidNotAttend_ForEachTalkeeNotYetRecordedAbsent_ThroughTheAttendanceVerb()
    {
        var card = CardSerializer.ToElement(RecordFormCard.Build(SampleViews.RecordForm(Domain.Talks.TalkKind.Routine, 2) with { Attendance = SampleViews.Attendance(absent: 1) }, Locale.ZhCn));
        var json = card.GetRawText();

        var absent = Descendants(card).Where(e => Type(e) == "Action.Execute" && e.GetProperty("verb").GetString() == Verbs.TalkAbsent).ToList();
        var only = Assert.Single(absent);
        Assert.Equal("谈话对象2未到场（登记无故缺席）", only.GetProperty("title").GetString());
        Assert.Equal(("0123456789abcdef0123456789abcdef", "t2"), (only.GetProperty("data").GetProperty(DataKeys.TalkId).GetString(), only.GetProperty("data").GetProperty(DataKeys.Talkee).GetString()));
        Assert.Contains("谈话对象1：已登记无故缺席", System.Text.RegularExpressions.Regex.Unescape(json), StringComparison.Ordinal);
        Assert.Contains(Verbs.RecordSubmit, json, StringComparison.Ordinal);
    }

    [Fact]
    public void TheRecordForm_OfATalkNobodyCameTo_SaysItCannotBeRecordedAsHeld_AndHasNoSubmit()
    {
        var card = CardSerializer.ToElement(RecordFormCard.Build(SampleViews.RecordForm(Domain.Talks.TalkKind.Routine, 2) with { Attendance = SampleViews.Attendance(absent: 2) }, Locale.EnUs));
        var json = card.GetRawText();

        Assert.Contains("the talk did not take place and has no record", json, StringComparison.Ordinal);
        Assert.DoesNotContain(Verbs.RecordSubmit, json, StringComparison.Ordinal);
        Assert.DoesNotContain(Verbs.TalkAbsent, json, StringComparison.Ordinal);
    }

    [Fact]
    public void TheRecordForm_SearchesPeopleAboutItsTalk_AndListsTheDelegatorsAsTheyAre()
    {
        var view = SampleViews.RecordForm(Domain.Talks.TalkKind.Routine, 1) with { Talkers = SampleViews.ShortList(), Recorders = SampleViews.ShortList(), Delegators = SampleViews.ShortList() };

        var card = CardSerializer.ToElement(RecordFormCard.Build(view, Locale.ZhCn));

        Assert.Equal("people.recordTalker/0123456789abcdef0123456789abcdef", Dataset(card, Records.RecordFields.Lead));
        Assert.Equal("people.recordTalker/0123456789abcdef0123456789abcdef", Dataset(card, Records.RecordFields.Joint));
        Assert.Equal("people.recordRecorder/0123456789abcdef0123456789abcdef", Dataset(card, Records.RecordFields.Recorder));
        Assert.Null(Dataset(card, Records.RecordFields.DelegatedBy));
    }

    [Fact]
    public void APersonField_ShowsAsChosenOnlyThePeopleItLists()
    {
        var people = new List<PersonChoice> { new(new PersonId("p1"), "张伟"), new(new PersonId("p2"), "刘洋") };

        var input = (AdaptiveChoiceSetInput)PersonInput.Build("p", "谈话对象", people, "p2, nobody ,p1", Datasets.Talkees, true, "请选择", Locale.ZhCn, multi: true);
        var none = (AdaptiveChoiceSetInput)PersonInput.Build("p", "谈话对象", people, "nobody", Datasets.Talkees, true, "请选择", Locale.ZhCn);

        Assert.Equal("p2,p1", input.Value);
        Assert.Null(none.Value);
    }

    [Fact]
    public void DataQuery_IsWrittenAsTeamsReadsIt()
    {
        var json = CardSerializer.ToJson(new AdaptiveCard { Body = { new AdaptiveChoiceSetInput { Id = "p", Choices = { new("张伟", "p1") }, ChoicesData = new("people.talkee") } } });

        Assert.Contains("""{"title":"张伟","value":"p1"}],"choices.data":{"type":"Data.Query","dataset":"people.talkee"}""", json);
    }

    internal static string? Dataset(JsonElement card, string id) =>
        Input(card, id).TryGetProperty("choices.data", out var query) ? query.GetProperty("dataset").GetString() : null;

    internal static JsonElement Input(JsonElement card, string id) =>
        Descendants(card).Single(e => Type(e)?.StartsWith("Input.", StringComparison.Ordinal) == true && e.GetProperty("id").GetString() == id);
}
