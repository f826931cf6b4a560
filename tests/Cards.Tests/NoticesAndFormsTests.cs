using System.Text.RegularExpressions;
using TalkBot.Cards.AdaptiveCards;
using TalkBot.Cards.Builders;
using TalkBot.Cards.Exports;
using TalkBot.Cards.Localization;
using TalkBot.Cards.Views;
using TalkBot.Domain;
using TalkBot.Domain.FollowUps;
using TalkBot.Domain.Records;
using TalkBot.Domain.Rectifications;
using TalkBot.Domain.Rules;
using TalkBot.Domain.Talks;

namespace TalkBot.Cards.Tests;

/// <summary>Issue 13: what each notice and card says, and the form errors a new user met in the Playground.</summary>
public sealed class NoticesAndFormsTests
{
    private static string Json(AdaptiveCard card) => CardSerializer.ToJson(card);

    [Theory]
    [InlineData(TalkKind.Routine, "《层级廉政谈话通知书》", "Notice of Routine Integrity Talk")]
    [InlineData(TalkKind.Reminder, "《廉政提醒谈话通知书》", "Notice of Integrity Reminder Talk")]
    [InlineData(TalkKind.Admonishment, "《诫勉谈话通知书》", "Notice of Admonishment Talk")]
    public void Notice_IsTitledForItsKind_InBothLanguages(TalkKind kind, string zh, string en)
    {
        var view = SampleViews.Notice(new NoticeState.Pending()) with { Kind = kind };

        var chinese = Json(NoticeCard.Build(view, Locale.ZhCn));
        Assert.Contains(zh, chinese);
        Assert.Contains(en, Json(NoticeCard.Build(view, Locale.EnUs)));
        if (kind != TalkKind.Routine)
        {
            Assert.DoesNotContain("层级廉政谈话通知书", chinese);
        }
    }

    [Fact]
    public void SelfExamination_AfterAnAdmonishment_Cites002_NotTheLeadRule()
    {
        var view = CaseSampleViews.Task(TaskCardMode.Submit) with { Origin = CaseTaskOrigin.Admonishment };

        var zh = Json(TaskCard.Build(view, Locale.ZhCn));
        var en = Json(TaskCard.Build(view, Locale.EnUs));

        Assert.Contains("书面检查（002 §四4）", zh);
        Assert.DoesNotContain("000 §四(四)4", zh);
        Assert.Contains("(002 §四4)", en);
        Assert.DoesNotContain("000 §四(四)4", en);
        Assert.Contains("责令检查（000 §四(四)4）", Json(TaskCard.Build(view with { Origin = CaseTaskOrigin.Lead }, Locale.ZhCn)));
    }

    [Fact]
    public void TalkDateInput_ErrorMessage_SaysTheEarliestDateAndWhy_NotTheRequiredFieldText()
    {
        var form = SampleViews.Form();

        var zh = Json(CreateTalkCard.Build(form, Locale.ZhCn));
        var en = Json(CreateTalkCard.Build(form, Locale.EnUs));

        var earliestZh = DateText.Date(form.MinDate, Locale.ZhCn);
        Assert.Contains($"请选择 {earliestZh} 或之后的日期：通知书须提前2个工作日送达谈话对象（000 §四(一)3）。", zh);
        Assert.DoesNotContain("请填写“谈话日期”", zh);
        Assert.Contains($"Choose {DateText.Date(form.MinDate, Locale.EnUs)} or later", en);
    }

    [Fact]
    public void DatePastTheFiveDayWindow_IsToldTheLatestAllowedDate()
    {
        var violation = new RuleViolation(RuleCode.OutsideFiveDayWindow, RuleSources.FiveDayWindow, new DateOnly(2026, 3, 4),
            new Dictionary<string, string> { ["contentDate"] = "2026-03-02", ["latestDate"] = "2026-03-07", ["windowDays"] = "5" });

        var zh = RuleMessages.Describe(violation, Locale.ZhCn);
        var en = RuleMessages.Describe(violation, Locale.EnUs);

        Assert.Contains("最晚可安排在 2026年3月7日（星期六）", zh);
        Assert.Contains("the latest possible date is Sat 7 Mar 2026", en);
    }

    [Fact]
    public void RectificationForm_StartsEachItemInProgress_AndListsEachItemOnce()
    {
        var view = SampleViews.Rectification(RectificationCardMode.Report, RectificationStatus.Open, []);

        var card = CardSerializer.ToElement(RectificationCard.Build(view, Locale.ZhCn));
        var statuses = SerializationTests.Descendants(card).Where(e => SerializationTests.Type(e) == "Input.ChoiceSet").ToList();

        Assert.All(statuses, s => Assert.Equal(nameof(MeasureStatus.InProgress), s.GetProperty("value").GetString()));
        Assert.Equal(2, statuses.Count);
        Assert.Single(Regex.Matches(card.GetRawText(), "退还超标费用"));
    }

    [Fact]
    public void RectificationReview_ListsItemsOnce_ReportsNameThemByNumber()
    {
        var view = SampleViews.Rectification(RectificationCardMode.Review, RectificationStatus.Submitted,
            [new(1, SampleViews.Talk.AddDays(4), false, [new(1, "已退还", MeasureStatus.Done, new DateOnly(2026, 3, 6))])]);

        var json = Json(RectificationCard.Build(view, Locale.ZhCn));

        Assert.Single(Regex.Matches(json, "退还超标费用"));
        Assert.Contains("第1项：已退还", json);
    }

    [Fact]
    public void VerifiedRecord_ShowsWhatWasCovered_WithoutTheFormInstruction_AndUnnumberedBullets()
    {
        var view = SampleViews.Record(TalkKind.Routine, RecordCardMode.View, RecordStatus.Verified);

        var zh = Json(RecordCard.Build(view, Locale.ZhCn));

        Assert.Contains("谈话内容（000 §四(二)）", zh);
        Assert.DoesNotContain("至少勾选一项", zh);
        Assert.DoesNotMatch(@"- \d+\. ", zh);
        Assert.DoesNotContain("at least one", Json(RecordCard.Build(view, Locale.EnUs)));
    }

    [Fact]
    public void OrganiserCard_ShowsTheShortReference_NotTheRaw32DigitId()
    {
        var id = TalkId.New(new At(new DateTimeOffset(2026, 3, 2, 2, 0, 0, TimeSpan.Zero)));
        var view = new TalkCreatedView(id, TalkKind.Routine, TalkFormat.Individual, SampleViews.Talk, "第三会议室", ["李明"], null, [new("张伟", DeliveryOutcome.Sent)]);

        var card = CardSerializer.ToElement(TalkCreatedCard.Build(view, Locale.ZhCn));
        var texts = SerializationTests.Descendants(card).Where(e => SerializationTests.Type(e) == "FactSet")
            .SelectMany(f => f.GetProperty("facts").EnumerateArray()).Select(f => f.GetProperty("value").GetString()).ToList();

        Assert.Contains($"20260302-{id.Value[^8..].ToUpperInvariant()}", texts);
        Assert.DoesNotContain(id.Value, texts);
    }

    [Fact]
    public void DateInAYearWithoutOfficialHolidays_IsFlaggedOnTheCard_InBothLanguages()
    {
        var view = new TalkCreatedView(new TalkId("t1"), TalkKind.Routine, TalkFormat.Individual, SampleViews.Talk, "第三会议室", ["李明"], null, [], null, [2027]);

        Assert.Contains("日历中没有2027年的官方节假日", Json(TalkCreatedCard.Build(view, Locale.ZhCn)));
        Assert.Contains("no official holidays or adjusted working days for 2027", Json(TalkCreatedCard.Build(view, Locale.EnUs)));
        Assert.DoesNotContain("2027", Json(TalkCreatedCard.Build(view with { UncoveredYears = [] }, Locale.ZhCn)));
    }

    [Fact]
    public void RecordForm_ShowsWhetherEachTalkeeTookTheQuiz()
    {
        var view = SampleViews.RecordForm(TalkKind.Routine, 2) with { Quizzes = [new("谈话对象1", true, 8, 10), new("谈话对象2", false)] };

        var zh = Json(RecordFormCard.Build(view, Locale.ZhCn));
        var en = Json(RecordFormCard.Build(view, Locale.EnUs));

        Assert.Contains("谈话前廉政常识测试（000 §三）", zh);
        Assert.Contains("已参加，得分 8 / 10", zh);
        Assert.Contains("未参加测试", zh);
        Assert.Contains("Taken: 8 / 10", en);
        Assert.Contains("Not taken", en);
    }

    [Fact]
    public void ArchiveCard_OffersTheWrittenMaterial_OfEachRecordedTalkAndEachTaskHandedIn()
    {
        var view = CaseSampleViews.Archive(withPerson: true);

        var card = CardSerializer.ToElement(ArchiveCard.Build(view, Locale.ZhCn));
        var buttons = SerializationTests.Descendants(card)
            .Where(e => SerializationTests.Type(e) == "Action.Execute" && e.GetProperty("verb").GetString() == Verbs.ArchiveMaterial).ToList();

        Assert.Equal(view.Talks.Count(t => t.Record is not null) + view.Tasks.Count(t => t.Status != CaseTaskStatus.Open), buttons.Count);
        Assert.All(buttons, b => Assert.Equal("p1", b.GetProperty("data").GetProperty(DataKeys.ArchiveOf).GetString()));
        Assert.All(buttons, b => Assert.Equal("书面材料", b.GetProperty("title").GetString()));
    }

    [Fact]
    public void ArchiveMaterial_ShowsRecordTextsReportsAndSelfExaminations_Shortened_AndTheCsvCarriesThemWhole()
    {
        var view = CaseSampleViews.ArchiveWithMaterials();
        var material = new ArchiveMaterialView("周海涛", "廉政提醒谈话", view.Materials!);

        var zh = Json(ArchiveMaterialParts.Card(material, Locale.ZhCn));
        var en = Json(ArchiveMaterialParts.Card(material, Locale.EnUs));
        var csv = ArchiveCsv.Build(view with { Materials = [.. view.Materials!, view.Materials![2] with { Lines = [new(MaterialField.Text, new string('检', 1500))] }] }, Locale.ZhCn);

        Assert.Contains("指出的问题：公务接待超标准安排宴请。", zh);
        Assert.Contains("整改事项1：退还超标费用", zh);
        Assert.Contains("第1项：已退还全部超标费用【已完成，2026年3月6日（星期五）】", zh);
        Assert.Contains("书面检查（第1次提交）", zh);
        Assert.Contains("Problems: 公务接待超标准安排宴请。", en);
        Assert.Contains(new string('检', 1500), csv);
        Assert.Contains("解释说明：接待对象临时增加。", csv);
        Assert.Contains("Problems: 公务接待超标准安排宴请。", ArchiveCsv.Build(view, Locale.EnUs));
    }

    [Fact]
    public void ArchiveMaterial_ALongText_IsCutOnTheCard()
    {
        var material = new ArchiveMaterialView("周海涛", "书面检查",
            [new(ArchiveMaterialKind.Submission, "x", SampleViews.Talk, [new(MaterialField.Text, new string('检', 1500))], CaseTaskKind.SelfExamination)]);

        var zh = Json(ArchiveMaterialParts.Card(material, Locale.ZhCn));

        Assert.Contains(new string('检', ArchiveMaterialParts.CardTextLength) + "…", zh);
        Assert.DoesNotContain(new string('检', ArchiveMaterialParts.CardTextLength + 1), zh);
    }

    [Fact]
    public void EnglishCards_UseAsciiColons_InEveryBuilder()
    {
        var english = SampleViews.AllCards().Where(c => c.Name.EndsWith(Locale.EnUs.Tag, StringComparison.Ordinal)).ToList();

        Assert.NotEmpty(english);
        // An English label followed by a full-width colon ("Place："); Chinese sample content may keep its own punctuation.
        Assert.Empty(english.Select(c => (c.Name, Match: Regex.Match(CardSerializer.ToJson(c.Card), "[A-Za-z)] ?：")))
            .Where(c => c.Match.Success).Select(c => $"{c.Name}: {c.Match.Value}"));
    }

    private sealed class At(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
