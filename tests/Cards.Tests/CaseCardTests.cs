using System.Text.Json;
using TalkBot.Cards.AdaptiveCards;
using TalkBot.Cards.Builders;
using TalkBot.Cards.Localization;
using TalkBot.Cards.Views;
using TalkBot.Domain.Admonishments;
using TalkBot.Domain.FollowUps;
using TalkBot.Domain.Leads;
using static TalkBot.Cards.Tests.SerializationTests;

namespace TalkBot.Cards.Tests;

public sealed class CaseCardTests
{
    public static TheoryData<string> Locales => ["zh-CN", "en-US"];

    // SPEC §6, 002 §五8: 不准泄漏反映人姓名、单位等内容.
    [Theory]
    [MemberData(nameof(Locales))]
    public void LeadCard_WithoutReporter_ShowsNoReporterAtAll(string tag)
    {
        var locale = Locale.FromTag(tag);
        var json = CardSerializer.ToJson(LeadCard.Build(CaseSampleViews.Lead(null, office: false), locale));

        AssertNoReporter(json);
    }

    [Theory]
    [MemberData(nameof(Locales))]
    public void LeadCard_Briefing_ShowsNoReporter_EvenWhenTheViewCarriesOne(string tag)
    {
        var locale = Locale.FromTag(tag);
        var json = CardSerializer.ToJson(LeadCard.Build(CaseSampleViews.Lead(new Reporter(CaseSampleViews.ReporterName, CaseSampleViews.ReporterUnit), briefing: true), locale));

        AssertNoReporter(json);
        Assert.Contains(locale.Pick("谈话前情况通报", "Briefing before the talk"), json);
        Assert.Contains("群众来信反映其在公务接待中超标准安排宴请。", json);
    }

    [Fact]
    public void LeadCard_Briefing_OffersNoOfficeAction()
    {
        var card = CardSerializer.ToElement(LeadCard.Build(CaseSampleViews.Lead(new Reporter(CaseSampleViews.ReporterName, null), briefing: true), Locale.ZhCn));

        Assert.DoesNotContain(Verbs.LeadTalk, Verbs_(card));
    }

    [Fact]
    public void LeadCard_ForTheOffice_ShowsTheReporterInItsConfidentialSection()
    {
        var json = CardSerializer.ToJson(LeadCard.Build(CaseSampleViews.Lead(new Reporter(CaseSampleViews.ReporterName, CaseSampleViews.ReporterUnit)), Locale.ZhCn));

        Assert.Contains("反映人（保密，仅本级纪检监察机关可见）", json);
        Assert.Contains(CaseSampleViews.ReporterName, json);
        Assert.Contains(CaseSampleViews.ReporterUnit, json);
    }

    [Fact]
    public void LeadCard_ForTheOffice_AnonymousReporter_SaysAnonymous()
    {
        var json = CardSerializer.ToJson(LeadCard.Build(CaseSampleViews.Lead(new Reporter(" ", null)), Locale.ZhCn));

        Assert.Contains("反映人（保密，仅本级纪检监察机关可见）", json);
        Assert.Contains("匿名", json);
    }

    [Fact]
    public void LeadCard_ForTheOffice_OffersTalkAndDisposition_WithTheLeadId_AndOneTaskButtonPerTask()
    {
        var card = CardSerializer.ToElement(LeadCard.Build(CaseSampleViews.Lead(new Reporter(null, null)), Locale.ZhCn));

        Assert.Equal(CaseSampleViews.LeadId.Value, Data(Action(card, Verbs.LeadTalk), DataKeys.LeadId));
        Assert.Equal(CaseSampleViews.LeadId.Value, Data(Action(card, Verbs.LeadDisposeForm), DataKeys.LeadId));
        Assert.Equal(CaseSampleViews.CaseId.Value, Data(Action(card, Verbs.CaseShow), DataKeys.CaseId));
        var tasks = Executes(card).Where(a => a.GetProperty("verb").GetString() == Verbs.TaskShow).ToList();
        Assert.Equal(CaseSampleViews.Tasks.Select(t => t.TaskId.Value), tasks.Select(t => Data(t, DataKeys.TaskId)));
        Assert.Equal(tasks.Count, tasks.Select(t => t.GetProperty("id").GetString()).Distinct().Count());
    }

    [Fact]
    public void LeadForm_InputIds_AreTheCaseFields_AndTheSubmitCarriesTheFormId()
    {
        var card = CardSerializer.ToElement(LeadFormCard.Build(CaseSampleViews.LeadForm(), Locale.ZhCn));

        Assert.Equal(
            [CaseFields.Subject, CaseFields.Source, CaseFields.Category, CaseFields.Summary, CaseFields.ReporterName, CaseFields.ReporterUnit],
            InputIds(card));
        Assert.Equal("form-lead-1", Data(Action(card, Verbs.LeadCreate), DataKeys.FormId));
        Assert.Equal(Enum.GetNames<LeadSource>(), ChoiceValues(card, CaseFields.Source));
        Assert.Equal(Enum.GetNames<DisciplineCategory>(), ChoiceValues(card, CaseFields.Category));
    }

    [Fact]
    public void LeadForm_LabelsTheReporterSectionAsConfidential_AndReShowsValues()
    {
        var values = new Dictionary<string, string?> { [CaseFields.Summary] = "反映的内容", [CaseFields.ReporterUnit] = CaseSampleViews.ReporterUnit };
        var card = CardSerializer.ToElement(LeadFormCard.Build(CaseSampleViews.LeadForm(["错误"], values), Locale.EnUs));
        var json = card.GetRawText();

        Assert.Contains("Reporter (confidential: only this level's discipline office sees it)", json);
        Assert.Equal("attention", card.GetProperty("body")[1].GetProperty("style").GetString());
        Assert.Equal("反映的内容", Input(card, CaseFields.Summary).GetProperty("value").GetString());
        Assert.Equal(CaseSampleViews.ReporterUnit, Input(card, CaseFields.ReporterUnit).GetProperty("value").GetString());
    }

    [Fact]
    public void DispositionForm_HasEveryKindOnce_WithNotesAndDueDatesWhereTheRulesNeedThem()
    {
        var card = CardSerializer.ToElement(DispositionFormCard.Build(CaseSampleViews.DispositionForm(), Locale.ZhCn));

        var expected = DispositionFormCard.Clauses.SelectMany(c => c.Kinds).SelectMany(k => new[]
        {
            CaseFields.Chosen(k),
            DispositionRules.NeedsNote(k) ? CaseFields.Note(k) : null,
            DispositionRules.NeedsDueDate(k) ? CaseFields.Due(k) : null,
        }).OfType<string>();
        Assert.Equal(expected, InputIds(card));
        Assert.Equal(Enum.GetValues<DispositionKind>().Order(), DispositionFormCard.Clauses.SelectMany(c => c.Kinds).Order());
        Assert.Equal("2026-03-05", Input(card, CaseFields.Due(DispositionKind.SecondTalk)).GetProperty("min").GetString());
        Assert.Equal("采纳情况（将告知谈话对象）", Input(card, CaseFields.Note(DispositionKind.SuggestionAdopted)).GetProperty("label").GetString());
        Assert.Equal("要求答复的问题", Input(card, CaseFields.Note(DispositionKind.WrittenReply)).GetProperty("label").GetString());
        var submit = Action(card, Verbs.LeadDispose);
        Assert.Equal(CaseSampleViews.LeadId.Value, Data(submit, DataKeys.LeadId));
        Assert.Equal("form-dispose-1", Data(submit, DataKeys.FormId));
    }

    [Fact]
    public void DispositionForm_Toggles_SendTrueOrFalse_AndReShowValues()
    {
        var values = new Dictionary<string, string?> { [CaseFields.Chosen(DispositionKind.Criticism)] = "true", [CaseFields.Note(DispositionKind.Criticism)] = "批评" };
        var card = CardSerializer.ToElement(DispositionFormCard.Build(CaseSampleViews.DispositionForm(values: values), Locale.ZhCn));

        var toggle = Input(card, CaseFields.Chosen(DispositionKind.Criticism));
        Assert.Equal("Input.Toggle", Type(toggle));
        // Defaults, which the renderer drops when written: on "true", off "false".
        Assert.False(toggle.TryGetProperty("valueOn", out _));
        Assert.False(toggle.TryGetProperty("valueOff", out _));
        Assert.Equal("true", toggle.GetProperty("value").GetString());
        Assert.Equal("false", Input(card, CaseFields.Chosen(DispositionKind.ClosedUnfounded)).GetProperty("value").GetString());
        Assert.Equal("批评", Input(card, CaseFields.Note(DispositionKind.Criticism)).GetProperty("value").GetString());
    }

    [Fact]
    public void ProposalForm_InputIds_AreTheCaseFields()
    {
        var card = CardSerializer.ToElement(ProposalFormCard.Build(CaseSampleViews.Proposal() with { Earlier = [new(CaseSampleViews.EarlierCaseId, "x")] }, Locale.ZhCn));

        Assert.Equal(
            [CaseFields.Subject, CaseFields.Situation, CaseFields.Facts, CaseFields.MinorViolation, CaseFields.Origin, CaseFields.ForUnit, CaseFields.Earlier],
            InputIds(card));
        Assert.Equal(Enum.GetNames<AdmonishmentSituation>(), ChoiceValues(card, CaseFields.Situation));
        Assert.Equal(Enum.GetNames<AdmonishmentOrigin>(), ChoiceValues(card, CaseFields.Origin));
        Assert.Equal("form-case-1", Data(Action(card, Verbs.CasePropose), DataKeys.FormId));
        Assert.False(Action(card, Verbs.CasePropose).GetProperty("data").TryGetProperty(CaseFields.Subject, out _));
    }

    [Fact]
    public void ProposalForm_WithoutEarlierCases_HasNoEarlierChooser()
    {
        var card = CardSerializer.ToElement(ProposalFormCard.Build(CaseSampleViews.Proposal(), Locale.ZhCn));

        Assert.DoesNotContain(CaseFields.Earlier, InputIds(card));
    }

    [Fact]
    public void ProposalForm_FromALead_FixesTheSubjectInTheData_AndPreselectsTheOrigin()
    {
        var card = CardSerializer.ToElement(ProposalFormCard.Build(CaseSampleViews.ProposalFromLead(), Locale.ZhCn));
        var submit = Action(card, Verbs.CasePropose);

        Assert.DoesNotContain(CaseFields.Subject, InputIds(card));
        Assert.Equal("p1", Data(submit, CaseFields.Subject));
        Assert.Equal(CaseSampleViews.LeadId.Value, Data(submit, DataKeys.LeadId));
        Assert.Equal(nameof(AdmonishmentOrigin.Lead), Input(card, CaseFields.Origin).GetProperty("value").GetString());
        Assert.Contains("周海涛", card.GetRawText());
    }

    [Fact]
    public void ProposalForm_ForARequest_ShowsTheReason_CarriesTheCase_AndPreselectsSelfInitiated()
    {
        var card = CardSerializer.ToElement(ProposalFormCard.Build(CaseSampleViews.ProposalFromRequest(), Locale.ZhCn));
        var submit = Action(card, Verbs.CasePropose);

        Assert.Contains("本人申请理由", card.GetRawText());
        Assert.Contains("本人在选人用人工作中把关不严", card.GetRawText());
        Assert.Equal(CaseSampleViews.CaseId.Value, Data(submit, DataKeys.CaseId));
        Assert.Equal("p2", Data(submit, CaseFields.Subject));
        Assert.Equal(nameof(AdmonishmentOrigin.SelfInitiated), Input(card, CaseFields.Origin).GetProperty("value").GetString());
    }

    [Fact]
    public void CaseCard_Decide_CarriesTheCaseIdOnBothButtons_AndNamesTheApprovers()
    {
        var card = CardSerializer.ToElement(CaseCard.Build(CaseSampleViews.Case(CaseCardMode.Decide, CaseStatus.Proposed), Locale.ZhCn));

        Assert.Equal([CaseFields.ApprovalComment], InputIds(card));
        foreach (var verb in new[] { Verbs.CaseApprove, Verbs.CaseReject })
        {
            var action = Action(card, verb);
            Assert.Equal(CaseSampleViews.CaseId.Value, Data(action, DataKeys.CaseId));
            Assert.Equal(CaseSampleViews.CaseId.Value, action.GetProperty("fallback").GetProperty("data").GetProperty(DataKeys.CaseId).GetString());
        }

        Assert.Equal("destructive", Action(card, Verbs.CaseReject).GetProperty("style").GetString());
        Assert.Contains("分管干部的党委副书记或纪委书记", card.GetRawText());
    }

    [Fact]
    public void CaseCard_View_HasNoDecisionOrFollowUpInputs()
    {
        var card = CardSerializer.ToElement(CaseCard.Build(CaseSampleViews.Case(CaseCardMode.View, CaseStatus.Proposed), Locale.ZhCn));

        Assert.Empty(InputIds(card));
        Assert.DoesNotContain(Verbs.CaseApprove, Verbs_(card));
    }

    [Fact]
    public void CaseCard_Arrange_WithMinorViolation_AsksForTwoTalkersAndARecorder()
    {
        var json = CardSerializer.ToJson(CaseCard.Build(CaseSampleViews.Case(CaseCardMode.Arrange, CaseStatus.Approved), Locale.ZhCn));
        var card = CardSerializer.ToElement(CaseCard.Build(CaseSampleViews.Case(CaseCardMode.Arrange, CaseStatus.Approved), Locale.ZhCn));

        Assert.Contains("至少两名谈话人", json);
        Assert.Contains("作谈话记录", json);
        Assert.Equal(CaseSampleViews.CaseId.Value, Data(Action(card, Verbs.CaseTalk), DataKeys.CaseId));
    }

    [Fact]
    public void CaseCard_FollowUp_InputIdsAreTheCaseFields_AndOffersARepeatTalkLinkedToThisCase()
    {
        var card = CardSerializer.ToElement(CaseCard.Build(CaseSampleViews.Case(CaseCardMode.FollowUp, CaseStatus.FollowUp), Locale.ZhCn));

        // 002 §四5: the Party committee's opinion behind organisational handling is part of the follow-up form.
        Assert.Equal([CaseFields.Outcome, CaseFields.FollowUpNote, CaseFields.NextCheck, CaseFields.OpinionBy, CaseFields.OpinionOn, CaseFields.Opinion], InputIds(card));
        Assert.Equal(Enum.GetNames<FollowUpOutcome>(), ChoiceValues(card, CaseFields.Outcome));
        var check = Action(card, Verbs.CaseFollowUp);
        Assert.Equal(CaseSampleViews.CaseId.Value, Data(check, DataKeys.CaseId));
        Assert.Equal("form-check-1", Data(check, DataKeys.FormId));
        Assert.Equal(CaseSampleViews.CaseId.Value, Data(Action(card, Verbs.CaseNew), DataKeys.EarlierCases));
        Assert.Equal(nameof(FollowUpOutcome.FurtherCriticism), Input(card, CaseFields.Outcome).GetProperty("value").GetString());
        Assert.Equal("仍有问题", Input(card, CaseFields.FollowUpNote).GetProperty("value").GetString());
    }

    [Fact]
    public void CaseCard_CompleteRequest_OpensTheProposalForThisCase()
    {
        var card = CardSerializer.ToElement(CaseCard.Build(CaseSampleViews.Case(CaseCardMode.CompleteRequest, CaseStatus.Requested), Locale.ZhCn));

        Assert.Equal(CaseSampleViews.CaseId.Value, Data(Action(card, Verbs.CaseNew), DataKeys.CaseId));
        Assert.Contains("本人主动说明接待超标问题。", card.GetRawText());
    }

    [Fact]
    public void CaseCard_HandToOffice_OffersTheResponsiblePersonToHandTheRequestOn()
    {
        var card = CardSerializer.ToElement(CaseCard.Build(CaseSampleViews.Case(CaseCardMode.HandToOffice, CaseStatus.Requested), Locale.ZhCn));

        Assert.Equal(CaseSampleViews.CaseId.Value, Data(Action(card, Verbs.CaseRequestForward), DataKeys.CaseId));
        Assert.Contains("002 §五4", card.GetRawText());
        Assert.DoesNotContain(Verbs.CaseNew, card.GetRawText());
    }

    [Fact]
    public void CaseCard_LinksEarlierCasesAndTheLead()
    {
        var card = CardSerializer.ToElement(CaseCard.Build(CaseSampleViews.Case(CaseCardMode.View, CaseStatus.FollowUp), Locale.ZhCn));

        Assert.Equal(CaseSampleViews.EarlierCaseId.Value, Data(Action(card, Verbs.CaseShow), DataKeys.CaseId));
        Assert.Equal(CaseSampleViews.LeadId.Value, Data(Action(card, Verbs.LeadShow), DataKeys.LeadId));
        Assert.Equal(CaseSampleViews.ExaminationTask.Value, Data(Action(card, Verbs.TaskShow), DataKeys.TaskId));
    }

    [Fact]
    public void TaskCard_Review_CarriesTheTaskAndTheLatestSubmissionNumber_OnBothButtons()
    {
        var card = CardSerializer.ToElement(TaskCard.Build(CaseSampleViews.Task(TaskCardMode.Review), Locale.ZhCn));

        Assert.Equal([DataKeys.Comment, DataKeys.DueDate], InputIds(card));
        foreach (var verb in new[] { Verbs.TaskAccept, Verbs.TaskReturn })
        {
            var action = Action(card, verb);
            Assert.Equal(CaseSampleViews.ExaminationTask.Value, Data(action, DataKeys.TaskId));
            Assert.Equal("2", Data(action, DataKeys.Report));
            Assert.Equal("2", action.GetProperty("fallback").GetProperty("data").GetProperty(DataKeys.Report).GetString());
        }
    }

    [Fact]
    public void TaskCard_Review_WithoutSubmission_OffersNothingToReview()
    {
        var card = CardSerializer.ToElement(TaskCard.Build(CaseSampleViews.Task(TaskCardMode.Review, submissions: []), Locale.ZhCn));

        Assert.Empty(InputIds(card));
        Assert.Empty(Executes(card));
    }

    [Fact]
    public void TaskCard_Submit_HasTheTextInput_AndCarriesTaskAndForm()
    {
        var card = CardSerializer.ToElement(TaskCard.Build(CaseSampleViews.Task(TaskCardMode.Submit), Locale.ZhCn));

        Assert.Equal([CaseFields.TaskText], InputIds(card));
        Assert.True(Input(card, CaseFields.TaskText).GetProperty("isRequired").GetBoolean());
        var submit = Action(card, Verbs.TaskSubmit);
        Assert.Equal(CaseSampleViews.ExaminationTask.Value, Data(submit, DataKeys.TaskId));
        Assert.Equal("form-task-1", Data(submit, DataKeys.FormId));
        Assert.Contains("逾期", card.GetRawText());
    }

    [Theory]
    [InlineData(CaseTaskKind.WrittenReply, "书面答复或说明")]
    [InlineData(CaseTaskKind.SelfExamination, "书面检查")]
    [InlineData(CaseTaskKind.CollectiveAnalysis, "集体剖析材料及整改措施")]
    [InlineData(CaseTaskKind.SecondTalk, "再次谈话")]
    [InlineData(CaseTaskKind.LetterInquiry, "函询")]
    [InlineData(CaseTaskKind.PreliminaryVerification, "初步核实")]
    public void TaskCard_IsTitledByItsKind(CaseTaskKind kind, string title)
    {
        var card = CardSerializer.ToElement(TaskCard.Build(CaseSampleViews.Task(TaskCardMode.View, kind), Locale.ZhCn));

        Assert.Equal(title, card.GetProperty("body")[0].GetProperty("text").GetString());
    }

    [Fact]
    public void ArchiveCard_HasThePersonChooser_AndEverySectionWithoutAnyReporter()
    {
        var card = CardSerializer.ToElement(ArchiveCard.Build(CaseSampleViews.Archive(withPerson: true), Locale.ZhCn));
        var json = card.GetRawText();

        Assert.Equal([CaseFields.Person], InputIds(card));
        Assert.Equal("p1", Input(card, CaseFields.Person).GetProperty("value").GetString());
        Assert.Contains(Verbs.ArchiveShow, Verbs_(card));
        foreach (var section in new[] { "谈话", "提醒谈话材料", "诫勉谈话", "后续任务" })
        {
            Assert.Contains($"\"text\":\"{section}\"", json);
        }

        AssertNoReporter(json);
    }

    [Fact]
    public void ArchiveCard_EmptySections_SayNone()
    {
        var card = CardSerializer.ToElement(ArchiveCard.Build(CaseSampleViews.Archive(withPerson: true, empty: true), Locale.ZhCn));

        Assert.Equal(4, Descendants(card).Count(e => Type(e) == "TextBlock" && e.GetProperty("text").GetString() == "无"));
    }

    [Fact]
    public void AuditLog_ShowsEachEntry_WithActionObjectShortIdAndSubject()
    {
        var json = CardSerializer.ToJson(AuditLogCard.Build(CaseSampleViews.Audit(), Locale.ZhCn));

        Assert.Contains("陈静：查看 问题线索 aaaaaaaa（周海涛）", json);
        Assert.Contains("王正清：拒绝访问 廉政档案 p1（周海涛）", json);
        Assert.Contains("何建平：越权审批被拒 诫勉谈话 cccccccc（周海涛）", json);
        Assert.Contains("陈静：导出 谈话记录 01234567", json);
        Assert.DoesNotContain(CaseSampleViews.LeadId.Value, json);
    }

    [Fact]
    public void CaseDesk_ListsTasksOverdueFirst_AndOffersTheOfficeButtons()
    {
        var card = CardSerializer.ToElement(CaseDeskCard.Build(CaseSampleViews.Desk(), Locale.ZhCn));

        var tasks = Executes(card).Where(a => a.GetProperty("verb").GetString() == Verbs.TaskShow).Select(a => Data(a, DataKeys.TaskId)).ToList();
        Assert.Equal(CaseSampleViews.Tasks.OrderByDescending(t => t.Overdue).Select(t => t.TaskId.Value), tasks);
        Assert.Equal(2, Executes(card).Count(a => a.GetProperty("verb").GetString() == Verbs.LeadShow));
        Assert.Equal(2, Executes(card).Count(a => a.GetProperty("verb").GetString() == Verbs.CaseShow));
        Assert.Superset(new HashSet<string?> { Verbs.LeadNew, Verbs.CaseNew, Verbs.ArchiveShow, Verbs.AuditShow }, Verbs_(card).ToHashSet());
    }

    [Fact]
    public void CaseDesk_WithoutTheRoles_OffersNeitherNewLeadNorProposal()
    {
        var verbs = Verbs_(CardSerializer.ToElement(CaseDeskCard.Build(CaseSampleViews.Desk(office: false), Locale.ZhCn)));

        Assert.DoesNotContain(Verbs.LeadNew, verbs);
        Assert.DoesNotContain(Verbs.CaseNew, verbs);
        Assert.Contains(Verbs.ArchiveShow, verbs);
        Assert.Contains(Verbs.AuditShow, verbs);
    }

    [Fact]
    public void CaseDesk_OnALaterPage_ShowsTheWholeListsTotals_AndMovesThatListAlone()
    {
        var card = CardSerializer.ToElement(CaseDeskCard.Build(CaseSampleViews.PagedDesk(), Locale.ZhCn));
        var json = CardSerializer.ToJson(CaseDeskCard.Build(CaseSampleViews.PagedDesk(), Locale.ZhCn));

        Assert.Contains("问题线索 200 件，诫勉谈话 2 件，后续任务 2 项（其中逾期 1 项）。", json);
        Assert.Contains($"第 {ListPage.Size + 1}–{2 * ListPage.Size} 条，共 200 条", json);
        var pages = Executes(card).Where(a => a.GetProperty("verb").GetString() == Verbs.CaseDesk).ToList();
        Assert.Equal(["上一页", "下一页"], pages.Select(a => a.GetProperty("title").GetString()));
        Assert.Equal(["0", $"{2 * ListPage.Size}"], pages.Select(a => Data(a, DataKeys.LeadsFrom)));
        Assert.All(pages, a => Assert.Equal(("0", "0", "none"), (Data(a, DataKeys.CasesFrom), Data(a, DataKeys.TasksFrom), a.GetProperty("associatedInputs").GetString())));
    }

    [Fact]
    public void CaseDesk_ShortLists_HaveNoPageButtons()
    {
        var card = CardSerializer.ToElement(CaseDeskCard.Build(CaseSampleViews.Desk(), Locale.ZhCn));

        Assert.DoesNotContain(Verbs.CaseDesk, Verbs_(card));
        Assert.DoesNotContain("共 ", CardSerializer.ToJson(CaseDeskCard.Build(CaseSampleViews.Desk(), Locale.ZhCn)));
    }

    [Fact]
    public void ArchiveCard_PageButtons_CarryThePerson_AndTheOverdueOfTheWholeList()
    {
        var card = CardSerializer.ToElement(ArchiveCard.Build(CaseSampleViews.PagedArchive(), Locale.EnUs));

        var next = Executes(card).Where(a => a.GetProperty("verb").GetString() == Verbs.ArchiveShow && a.GetProperty("title").GetString() == "Next page").ToList();
        Assert.Equal([$"{ListPage.Size}", "0"], next.Select(a => Data(a, DataKeys.TalksFrom)));
        Assert.Equal(["0", $"{ListPage.Size}"], next.Select(a => Data(a, DataKeys.TasksFrom)));
        Assert.All(next, a => Assert.Equal("p1", Data(a, CaseFields.Person)));
        Assert.Contains($"1–{CaseSampleViews.Tasks.Count} of 40, 12 overdue", CardSerializer.ToJson(ArchiveCard.Build(CaseSampleViews.PagedArchive(), Locale.EnUs)));
    }

    [Fact]
    public void ListLines_CutALongSummary_TheLeadCardShowsItWhole()
    {
        var summary = string.Concat(Enumerable.Repeat("反映其在公务接待中超标准安排宴请。", 5));
        var desk = CardSerializer.ToJson(CaseDeskCard.Build(CaseSampleViews.Desk() with { Leads = [CaseSampleViews.LeadLine with { Summary = summary }] }, Locale.ZhCn));
        var lead = CardSerializer.ToJson(LeadCard.Build(CaseSampleViews.Lead(null) with { Summary = summary }, Locale.ZhCn));

        Assert.Contains(summary[..ListPage.TextLength] + "…", desk);
        Assert.DoesNotContain(summary, desk);
        Assert.Contains(summary, lead);
    }

    [Fact]
    public void SelfRequest_Form_HasTheRequestInput_AndOnceSentNoInputAtAll()
    {
        var form = CardSerializer.ToElement(SelfRequestCard.Build(new SelfRequestView("form-request-1", false), Locale.ZhCn));
        var sent = CardSerializer.ToElement(SelfRequestCard.Build(new SelfRequestView("form-request-1", true, "理由"), Locale.ZhCn));

        Assert.Equal([CaseFields.Request], InputIds(form));
        Assert.Equal("form-request-1", Data(Action(form, Verbs.CaseRequest), DataKeys.FormId));
        Assert.Empty(InputIds(sent));
        Assert.Empty(Executes(sent));
        Assert.Contains("已提交，纪委办将与您联系", sent.GetRawText());
    }

    [Fact]
    public void EveryCaseCard_HasUniqueActionAndInputIds()
    {
        foreach (var locale in new[] { Locale.ZhCn, Locale.EnUs })
        {
            foreach (var (name, card) in CaseSampleViews.AllCards(locale))
            {
                var ids = Descendants(CardSerializer.ToElement(card))
                    .Where(e => Type(e) is { } t && (t.StartsWith("Input.", StringComparison.Ordinal) || t == "Action.Execute"))
                    .Select(e => e.GetProperty("id").GetString()).ToList();
                Assert.True(ids.Count == ids.Distinct().Count(), $"{name}-{locale}: duplicate ids {string.Join(", ", ids)}");
            }
        }
    }

    private static void AssertNoReporter(string json)
    {
        Assert.DoesNotContain(CaseSampleViews.ReporterName, json);
        Assert.DoesNotContain(CaseSampleViews.ReporterUnit, json);
        Assert.DoesNotContain("反映人", json);
        Assert.DoesNotContain("reporter", json, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("匿名", json);
    }

    private static List<string?> InputIds(JsonElement card) =>
        [.. Descendants(card).Where(e => Type(e)?.StartsWith("Input.", StringComparison.Ordinal) == true).Select(e => e.GetProperty("id").GetString())];

    private static JsonElement Input(JsonElement card, string id) =>
        Descendants(card).Single(e => Type(e)?.StartsWith("Input.", StringComparison.Ordinal) == true && e.GetProperty("id").GetString() == id);

    private static List<string?> ChoiceValues(JsonElement card, string id) =>
        [.. Input(card, id).GetProperty("choices").EnumerateArray().Select(c => c.GetProperty("value").GetString())];

    private static IEnumerable<JsonElement> Executes(JsonElement card) => Descendants(card).Where(e => Type(e) == "Action.Execute");

    private static List<string?> Verbs_(JsonElement card) => [.. Executes(card).Select(a => a.GetProperty("verb").GetString())];

    private static JsonElement Action(JsonElement card, string verb) => Executes(card).Single(a => a.GetProperty("verb").GetString() == verb);

    private static string? Data(JsonElement action, string key) =>
        action.GetProperty("data").TryGetProperty(key, out var value) ? value.GetString() : null;
}

public sealed class ArchiveCsvTests
{
    [Fact]
    public void Csv_QuotesCommasAndQuotes_AndKeepsFormulasAsText()
    {
        var view = new ArchiveView("王干部", "第一基层党委", Domain.People.Rank.SectionAndBelow, [],
            [new LeadLine(new Domain.Leads.LeadId("0195a0b2c3d47e8f9a0b1c2d3e4f0001"), "王干部", Domain.Leads.LeadSource.Petition,
                Domain.Leads.DisciplineCategory.Integrity, "=HYPERLINK(\"x\"), 超标准", Domain.Leads.LeadStatus.Registered,
                new DateTimeOffset(2026, 3, 2, 10, 0, 0, TimeSpan.FromHours(8)), [])],
            [], [], []);

        var csv = Exports.ArchiveCsv.Build(view, Localization.Locale.ZhCn);

        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("个人廉政档案,王干部,第一基层党委,科级及以下,", lines[0]);
        Assert.Equal("类别,日期,事项,状态,说明", lines[1]);
        Assert.EndsWith(",\"'=HYPERLINK(\"\"x\"\"), 超标准\"", lines[2], StringComparison.Ordinal);
        Assert.Equal(3, lines.Length);
    }
}

public sealed class ListPageTests
{
    private static readonly IReadOnlyList<int> Lines = [.. Enumerable.Range(0, 4 * ListPage.Size + 1)];

    [Theory]
    [InlineData(0, 0)]
    [InlineData(ListPage.Size, ListPage.Size)]
    [InlineData(ListPage.Size + 1, ListPage.Size)] // a crafted start is brought back to its page
    [InlineData(-3, 0)]
    [InlineData(100000, 4 * ListPage.Size)] // past the end: the last page
    public void Of_StartsAtAPage_WithinTheList(int from, int start)
    {
        var (lines, page) = ListPage.Of(Lines, from, n => n % 2 == 0);

        Assert.Equal(Lines.Skip(start).Take(ListPage.Size), lines);
        Assert.Equal((start, Lines.Count, Lines.Count(n => n % 2 == 0)), (page.From, page.Total, page.Overdue));
        Assert.Equal((start > 0, start + ListPage.Size < Lines.Count), (page.HasPrevious, page.HasNext));
    }

    [Fact]
    public void Of_AnEmptyList_IsOneEmptyPage()
    {
        var (lines, page) = ListPage.Of(Array.Empty<int>(), 12);

        Assert.Empty(lines);
        Assert.Equal((0, 0, false, false), (page.From, page.Total, page.HasPrevious, page.HasNext));
    }
}
