using TalkBot.Bot.Infrastructure.Storage;
using TalkBot.Bot.Features.Tasks;
using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Person = TalkBot.Bot.Tests.Support.Person;
using TalkBot.Bot.Features.Admonishments;
using TalkBot.Bot.Features.Leads;
using TalkBot.Bot.Features.Talks;
using TalkBot.Bot.Infrastructure.Audit;
using TalkBot.Bot.Infrastructure.People;
using TalkBot.Bot.Tests.Support;
using TalkBot.Cards;
using TalkBot.Cards.Localization;
using TalkBot.Domain;
using TalkBot.Domain.Admonishments;
using TalkBot.Domain.Audit;
using TalkBot.Domain.FollowUps;
using TalkBot.Domain.Leads;
using TalkBot.Domain.People;
using TalkBot.Domain.Talks;

namespace TalkBot.Bot.Tests.Features;

/// <summary>
/// Issue 6 against real Table Storage (Azurite): a lead becomes a reminder talk and its dispositions; an admonishment is
/// proposed, approved by the authority for the rank, held with two talkers, followed by a self-examination and a
/// follow-up check; the reporter reaches nobody outside the discipline office of that level; views are audited.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed partial class CaseFlowTests(AzuriteFixture azurite)
{
    private static readonly DateTimeOffset Monday = new(2026, 3, 2, 10, 0, 0, TimeSpan.FromHours(8));
    private static readonly DateTimeOffset AfterReminderTalk = new(2026, 3, 5, 15, 0, 0, TimeSpan.FromHours(8));
    private static readonly DateTimeOffset AfterAdmonishment = new(2026, 3, 10, 15, 0, 0, TimeSpan.FromHours(8));

    private const string LeadForm = "0195a0b2c3d47e8f9a0b1c2d3e4f0001";
    private const string ReminderTalkForm = "0195a0b2c3d47e8f9a0b1c2d3e4f0002";
    private const string CaseForm = "0195a0b2c3d47e8f9a0b1c2d3e4f0003";
    private const string AdmonishmentTalkForm = "0195a0b2c3d47e8f9a0b1c2d3e4f0004";
    private const string ReporterName = "赵举报";
    private const string ReporterUnit = "第二车间";

    /// <summary>吴管理 also heads the discipline office in these tests: the approver for 副处级 and below (002 §四2).</summary>
    private static readonly Person Head = new("00000000-0000-0000-0000-00000000a006", "29:admin", "吴管理");

    private static readonly Person[] Everyone = [Person.Office, Person.Leader, Person.Recorder, Person.Cadre1, Person.Cadre2, Head];

    private async Task<BotUnderTest> StartAsync()
    {
        var bot = new BotUnderTest(azurite, Monday);
        _ = bot.Server;
        var people = bot.Services.GetRequiredService<PeopleStore>();
        Assert.True(await people.UpdateRolesAsync(new PersonId(Head.AadObjectId), new HashSet<Role> { Role.Administrator, Role.DisciplineOfficeHead }, Rank.SectionAndBelow, default));
        foreach (var person in Everyone)
        {
            Assert.Equal(HttpStatusCode.OK, await bot.InstallAsync(person));
        }

        return bot;
    }

    private static Dictionary<string, string> D(params (string Key, string Value)[] pairs) => pairs.ToDictionary(p => p.Key, p => p.Value);

    private static string Text(JsonElement card) => CardText.Of(card);

    /// <summary>Everything the bot sent into a person's chat, every string of every activity.</summary>
    private static string Chat(BotUnderTest bot, Person person) => string.Join('\n', bot.Connector.Sent
        .Where(s => s.ConversationId == person.ConversationId)
        .Select(s => CardText.Of(JsonSerializer.SerializeToElement(s.Activity))));

    private static async Task<string> RegisterLeadAsync(BotUnderTest bot, string form = LeadForm) => Text(await bot.ExecuteAsync(Person.Office, Verbs.LeadCreate, D(
        (DataKeys.FormId, form),
        (CaseFields.Subject, Person.Cadre2.AadObjectId),
        (CaseFields.Source, nameof(LeadSource.Petition)),
        (CaseFields.Category, nameof(DisciplineCategory.Integrity)),
        (CaseFields.Summary, "反映其在公务接待中超标准用餐"),
        (CaseFields.ReporterName, ReporterName),
        (CaseFields.ReporterUnit, ReporterUnit))));

    private static async Task<string> ArrangeReminderTalkAsync(BotUnderTest bot) => Text(await bot.ExecuteAsync(Person.Office, Verbs.LeadTalkCreate, D(
        (DataKeys.FormId, ReminderTalkForm),
        (DataKeys.LeadId, LeadForm),
        ("talkees", Person.Cadre2.AadObjectId),
        ("talkers", Person.Leader.AadObjectId),
        ("recorder", Person.Recorder.AadObjectId),
        ("kind", "Reminder"),
        ("date", "2026-03-05"),
        ("time", "09:30"),
        ("place", "第三会议室"),
        ("contentDate", "2026-03-02"))));

    private static Dictionary<string, string> RecordForm(string talk, string formId, string date, int steps, params Person[] joint)
    {
        var data = D(
            (DataKeys.TalkId, talk),
            (DataKeys.FormId, formId),
            ("date", date),
            ("start", "09:30"),
            ("end", "10:30"),
            ("place", "第三会议室"),
            ("format", "Individual"),
            ("lead", Person.Leader.AadObjectId),
            ("recorder", Person.Recorder.AadObjectId),
            ("checklist", string.Join(',', Enumerable.Range(1, steps))),
            ("p1.problems", "公务接待超标准"),
            ("p1.explanation", "已认识到问题"),
            ("p1.requirements", "严格执行接待标准"),
            ("p1.rectification", "false"));
        if (joint.Length > 0)
        {
            data["joint"] = string.Join(',', joint.Select(j => j.AadObjectId));
        }

        return data;
    }

    private static async Task HoldReminderTalkAsync(BotUnderTest bot)
    {
        Assert.Contains("谈话已创建", await ArrangeReminderTalkAsync(bot), StringComparison.Ordinal);
        bot.Clock.SetUtcNow(AfterReminderTalk);
        var logged = Text(await bot.ExecuteAsync(Person.Recorder, Verbs.RecordSubmit, RecordForm(ReminderTalkForm, "rec-1", "2026-03-05", 3)));
        Assert.Contains("记录已提交", logged, StringComparison.Ordinal);
        await bot.ExecuteAsync(Person.Cadre2, Verbs.RecordConfirm, D((DataKeys.TalkId, ReminderTalkForm), (DataKeys.Version, "1")));
    }

    private static Task<StoredLead?> LeadAsync(BotUnderTest bot) => bot.Services.GetRequiredService<LeadStore>().GetAsync(new LeadId(LeadForm), default);

    private static Task<StoredCase?> CaseAsync(BotUnderTest bot, string id = CaseForm) => bot.Services.GetRequiredService<CaseStore>().GetAsync(new CaseId(id), default);

    private static Task<IReadOnlyList<AuditEntry>> AuditAsync(BotUnderTest bot) => bot.Services.GetRequiredService<AuditLog>().ListAsync(bot.Clock.GetUtcNow(), 500, default);

    [Fact]
    public async Task Lead_Registered_TwiceFromOneForm_IsOneLead_AndOnlyItsOfficeSeesTheReporter()
    {
        await using var bot = await StartAsync();

        var first = await RegisterLeadAsync(bot);
        var second = await RegisterLeadAsync(bot);

        Assert.Contains("问题线索已登记", first, StringComparison.Ordinal);
        Assert.Contains(ReporterName, first, StringComparison.Ordinal);
        Assert.Contains("第一基层党委", first, StringComparison.Ordinal); // the subject's unit by its name, not its id
        Assert.Contains(ReporterUnit, second, StringComparison.Ordinal);
        var leads = await bot.Services.GetRequiredService<LeadStore>().ListingsAsync(MatterIndex.Office(new UnitId("office")), ListScope.All, default);
        Assert.Single(leads);

        // The talkee, a talker and the recorder ask for the lead with a crafted invoke: refused, and each refusal audited.
        foreach (var outsider in new[] { Person.Cadre2, Person.Leader, Person.Recorder })
        {
            var refused = Text(await bot.ExecuteAsync(outsider, Verbs.LeadShow, D((DataKeys.LeadId, LeadForm))));
            Assert.DoesNotContain(ReporterName, refused, StringComparison.Ordinal);
            Assert.DoesNotContain("公务接待", refused, StringComparison.Ordinal);
        }

        var audit = await AuditAsync(bot);
        Assert.Equal(3, audit.Count(e => e is { Action: AuditAction.Refused, Object: AuditObject.Lead }));
    }

    [Fact]
    public async Task Lead_IsRefused_WithSpecificErrors_AndNothingIsStored()
    {
        await using var bot = await StartAsync();

        var refused = Text(await bot.ExecuteAsync(Person.Office, Verbs.LeadCreate, D((DataKeys.FormId, LeadForm), (CaseFields.ReporterName, ReporterName))));
        var byTalker = Text(await bot.ExecuteAsync(Person.Leader, Verbs.LeadCreate, D((DataKeys.FormId, LeadForm), (CaseFields.Subject, Person.Cadre2.AadObjectId))));

        Assert.Contains($"“{Labels.CaseField(CaseFields.Subject, Locale.ZhCn)}”", refused, StringComparison.Ordinal);
        Assert.Contains($"“{Labels.CaseField(CaseFields.Summary, Locale.ZhCn)}”", refused, StringComparison.Ordinal);
        Assert.Contains(ReporterName, refused, StringComparison.Ordinal); // re-shown to the office that typed it
        Assert.DoesNotContain("问题线索已登记", byTalker, StringComparison.Ordinal);
        Assert.Null(await LeadAsync(bot));
    }

    [Fact]
    public async Task ReminderTalk_FromALead_BriefsTheTalker_WithoutTheReporter_AndDispositionsStartTheirFollowOns()
    {
        await using var bot = await StartAsync();
        await RegisterLeadAsync(bot);
        await HoldReminderTalkAsync(bot);

        var briefing = bot.Connector.CardsTo(Person.Leader).Single(c => c.Contains("谈话前情况通报", StringComparison.Ordinal));
        Assert.Contains("公务接待中超标准用餐", briefing, StringComparison.Ordinal);
        Assert.DoesNotContain(ReporterName, briefing, StringComparison.Ordinal);
        Assert.Contains(bot.Connector.CardsTo(Person.Office), c => c.Contains("请记录谈后处置", StringComparison.Ordinal));
        var stored = (await LeadAsync(bot))!.Lead;
        Assert.Equal([new TalkId(ReminderTalkForm)], stored.Talks);

        var dispositions = D(
            (DataKeys.LeadId, LeadForm), (DataKeys.FormId, "disp-1"),
            (CaseFields.Chosen(DispositionKind.WrittenReply), "true"), (CaseFields.Note(DispositionKind.WrittenReply), "说明接待费用的报销情况"),
            (CaseFields.Due(DispositionKind.WrittenReply), "2026-03-12"),
            (CaseFields.Chosen(DispositionKind.SuggestionAdopted), "true"), (CaseFields.Note(DispositionKind.SuggestionAdopted), "修订接待管理办法"),
            (CaseFields.Chosen(DispositionKind.LetterInquiry), "true"), (CaseFields.Due(DispositionKind.LetterInquiry), "2026-03-20"),
            (CaseFields.Chosen(DispositionKind.SecondTalk), "true"), (CaseFields.Due(DispositionKind.SecondTalk), "2026-03-31"));
        var recorded = Text(await bot.ExecuteAsync(Person.Office, Verbs.LeadDispose, dispositions));
        await bot.ExecuteAsync(Person.Office, Verbs.LeadDispose, dispositions); // a repeated click

        Assert.Contains("谈后处置已记录", recorded, StringComparison.Ordinal);
        stored = (await LeadAsync(bot))!.Lead;
        Assert.Equal([DispositionKind.WrittenReply, DispositionKind.SuggestionAdopted, DispositionKind.SecondTalk, DispositionKind.LetterInquiry],
            stored.Dispositions.Select(d => d.Kind));
        var tasks = await bot.Services.GetRequiredService<TaskStore>().ListAsync(LeadForm, default);
        Assert.Equal(3, tasks.Count);
        var reply = Assert.Single(tasks, t => t.Kind == CaseTaskKind.WrittenReply);
        Assert.Equal((new PersonId(Person.Cadre2.AadObjectId), new DateOnly(2026, 3, 12)), (reply.Assignee, reply.DueDate));
        Assert.Equal(new PersonId(Person.Office.AadObjectId), Assert.Single(tasks, t => t.Kind == CaseTaskKind.LetterInquiry).Assignee);
        var cadreChat = bot.Connector.CardsTo(Person.Cadre2);
        Assert.Single(cadreChat, c => c.Contains("您在谈话中提出的建议已被采纳：修订接待管理办法", StringComparison.Ordinal));
        Assert.Single(cadreChat, c => c.Contains("说明接待费用的报销情况", StringComparison.Ordinal) && c.Contains(Verbs.TaskSubmit, StringComparison.Ordinal));

        // The written reply: submitted twice from one form, reviewed once; the reminder stops.
        var submit = D((DataKeys.TaskId, reply.Id.Value), (DataKeys.FormId, "reply-1"), (CaseFields.TaskText, "接待费用已全额退还"));
        await bot.ExecuteAsync(Person.Cadre2, Verbs.TaskSubmit, submit);
        await bot.ExecuteAsync(Person.Cadre2, Verbs.TaskSubmit, submit);
        var accepted = Text(await bot.ExecuteAsync(Person.Office, Verbs.TaskAccept, D((DataKeys.TaskId, reply.Id.Value), (DataKeys.Report, "1"))));
        Assert.Contains("接待费用已全额退还", accepted, StringComparison.Ordinal);
        var done = (await bot.Services.GetRequiredService<TaskStore>().GetAsync(reply.Id, default))!.Task;
        Assert.Equal((CaseTaskStatus.Done, 1), (done.Status, done.Submissions.Count));

        // 再次谈话: arranging the second reminder talk on the lead completes the office's task.
        var secondTalk = Assert.Single(tasks, t => t.Kind == CaseTaskKind.SecondTalk);
        Assert.Contains(Verbs.LeadTalk, Text(await bot.ExecuteAsync(Person.Office, Verbs.TaskShow, D((DataKeys.TaskId, secondTalk.Id.Value)))), StringComparison.Ordinal);
        var again = Text(await bot.ExecuteAsync(Person.Office, Verbs.LeadTalkCreate, D((DataKeys.FormId, "0195a0b2c3d47e8f9a0b1c2d3e4f0007"), (DataKeys.LeadId, LeadForm),
            ("talkees", Person.Cadre2.AadObjectId), ("talkers", Person.Leader.AadObjectId), ("recorder", Person.Recorder.AadObjectId), ("kind", "Reminder"),
            ("date", "2026-03-10"), ("time", "09:30"), ("place", "第三会议室"), ("contentDate", "2026-03-05"))));
        Assert.Contains("谈话已创建", again, StringComparison.Ordinal);
        Assert.Equal((LeadStatus.InTalk, 2), ((await LeadAsync(bot))!.Lead.Status, (await LeadAsync(bot))!.Lead.Talks.Count));
        Assert.Equal(CaseTaskStatus.Done, (await bot.Services.GetRequiredService<TaskStore>().GetAsync(secondTalk.Id, default))!.Task.Status);

        bot.Clock.SetUtcNow(new DateTimeOffset(2026, 3, 23, 10, 0, 0, TimeSpan.FromHours(8)));
        await bot.RunSchedulerAsync();
        Assert.DoesNotContain(bot.Connector.CardsTo(Person.Cadre2), c => c.Contains("已逾期", StringComparison.Ordinal));
        Assert.Contains(bot.Connector.CardsTo(Person.Office), c => c.Contains("函询已逾期", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Dispositions_BeforeTheTalkIsHeld_OrConflicting_AreRefused_AndNothingIsStored()
    {
        await using var bot = await StartAsync();
        await RegisterLeadAsync(bot);
        Assert.Contains("谈话已创建", await ArrangeReminderTalkAsync(bot), StringComparison.Ordinal);

        var early = Text(await bot.ExecuteAsync(Person.Office, Verbs.LeadDispose, D((DataKeys.LeadId, LeadForm), (DataKeys.FormId, "d1"),
            (CaseFields.Chosen(DispositionKind.Criticism), "true"), (CaseFields.Note(DispositionKind.Criticism), "批评"))));
        bot.Clock.SetUtcNow(AfterReminderTalk);
        await bot.ExecuteAsync(Person.Recorder, Verbs.RecordSubmit, RecordForm(ReminderTalkForm, "rec-1", "2026-03-05", 3));
        var conflicting = Text(await bot.ExecuteAsync(Person.Office, Verbs.LeadDispose, D((DataKeys.LeadId, LeadForm), (DataKeys.FormId, "d2"),
            (CaseFields.Chosen(DispositionKind.ClosedUnfounded), "true"), (CaseFields.Note(DispositionKind.ClosedUnfounded), "反映不实"),
            (CaseFields.Chosen(DispositionKind.Admonishment), "true"))));
        var byTalkee = Text(await bot.ExecuteAsync(Person.Cadre2, Verbs.LeadDispose, D((DataKeys.LeadId, LeadForm), (DataKeys.FormId, "d3"),
            (CaseFields.Chosen(DispositionKind.ClosedUnfounded), "true"), (CaseFields.Note(DispositionKind.ClosedUnfounded), "反映不实"))));

        Assert.Contains("000 §四(四)", early, StringComparison.Ordinal);
        Assert.Contains("000 §四(四)", conflicting, StringComparison.Ordinal);
        Assert.DoesNotContain("谈后处置已记录", byTalkee, StringComparison.Ordinal);
        Assert.Empty((await LeadAsync(bot))!.Lead.Dispositions);
    }

    [Fact]
    public async Task Admonishment_ApprovalByWrongRank_IsRefusedAndAudited_TwoTalkersAreEnforced_AndTheFollowUpCloses()
    {
        await using var bot = await StartAsync();

        var proposal = D((DataKeys.FormId, CaseForm), (CaseFields.Subject, Person.Cadre1.AadObjectId), (CaseFields.Situation, nameof(AdmonishmentSituation.IntegritySelfDiscipline)),
            (CaseFields.Facts, "经核实，多次违规使用公务用车"), (CaseFields.MinorViolation, "true"), (CaseFields.Origin, nameof(AdmonishmentOrigin.DisciplinaryReview)));
        var proposed = Text(await bot.ExecuteAsync(Person.Office, Verbs.CasePropose, proposal));
        await bot.ExecuteAsync(Person.Office, Verbs.CasePropose, proposal);

        Assert.Contains("已报送审批：吴管理", proposed, StringComparison.Ordinal);
        Assert.Single(bot.Connector.CardsTo(Head), c => c.Contains(Verbs.CaseApprove, StringComparison.Ordinal));
        // The approver also finds it on the desk, until decided; the desk lists nothing of it to a bystander.
        Assert.Equal(HttpStatusCode.OK, await bot.SendAsync(Head, "message", a => a["text"] = "线索台账"));
        Assert.Contains(CaseForm, bot.Connector.CardsTo(Head)[^1], StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, await bot.SendAsync(Person.Recorder, "message", a => a["text"] = "线索台账"));
        Assert.DoesNotContain(CaseForm, bot.Connector.CardsTo(Person.Recorder)[^1], StringComparison.Ordinal);

        // 李干部 is 副处级: the discipline group leader (钱组长) has no authority for it (002 §四2).
        var wrong = Text(await bot.ExecuteAsync(Person.Leader, Verbs.CaseApprove, D((DataKeys.CaseId, CaseForm))));
        Assert.Contains("002 §四2", wrong, StringComparison.Ordinal);
        Assert.Equal(CaseStatus.Proposed, (await CaseAsync(bot))!.Case.Status);
        Assert.Contains(await AuditAsync(bot), e => e is { Action: AuditAction.ApprovalRefused } && e.Actor.Value == Person.Leader.AadObjectId);

        await bot.ExecuteAsync(Head, Verbs.CaseApprove, D((DataKeys.CaseId, CaseForm), (CaseFields.ApprovalComment, "同意")));
        await bot.ExecuteAsync(Head, Verbs.CaseApprove, D((DataKeys.CaseId, CaseForm)));
        Assert.Equal(CaseStatus.Approved, (await CaseAsync(bot))!.Case.Status);
        Assert.Equal(HttpStatusCode.OK, await bot.SendAsync(Head, "message", a => a["text"] = "线索台账"));
        Assert.DoesNotContain(CaseForm, bot.Connector.CardsTo(Head)[^1], StringComparison.Ordinal);
        Assert.Single(bot.Connector.CardsTo(Person.Office), c => c.Contains(Verbs.CaseTalk, StringComparison.Ordinal));

        Dictionary<string, string> Talk(string talkers) => D((DataKeys.FormId, AdmonishmentTalkForm), (DataKeys.CaseId, CaseForm), ("talkees", Person.Cadre1.AadObjectId),
            ("talkers", talkers), ("recorder", Person.Recorder.AadObjectId), ("kind", "Admonishment"), ("date", "2026-03-10"), ("time", "09:30"), ("place", "第一会议室"));
        var alone = Text(await bot.ExecuteAsync(Person.Office, Verbs.CaseTalkCreate, Talk(Person.Leader.AadObjectId)));
        Assert.Contains("002 §四3", alone, StringComparison.Ordinal);
        Assert.Null(await bot.Services.GetRequiredService<TalkStore>().GetAsync(new TalkId(AdmonishmentTalkForm), default));

        var created = Text(await bot.ExecuteAsync(Person.Office, Verbs.CaseTalkCreate, Talk($"{Person.Leader.AadObjectId},{Person.Office.AadObjectId}")));
        Assert.Contains("谈话已创建", created, StringComparison.Ordinal);
        Assert.Equal(CaseStatus.TalkArranged, (await CaseAsync(bot))!.Case.Status);
        Assert.Single(bot.Connector.CardsTo(Person.Leader), c => c.Contains("002 §五1", StringComparison.Ordinal) && c.Contains("多次违规使用公务用车", StringComparison.Ordinal));
        Assert.DoesNotContain(bot.Connector.CardsTo(Person.Cadre1), c => c.Contains("多次违规使用公务用车", StringComparison.Ordinal));

        // The responsible person fills the 诫勉谈话教育情况表 (002 §五6); the person verifies it (§五7).
        bot.Clock.SetUtcNow(AfterAdmonishment);
        var record = RecordForm(AdmonishmentTalkForm, "rec-a", "2026-03-10", 4, Person.Office);
        record["place"] = "第一会议室";
        var logged = Text(await bot.ExecuteAsync(Person.Leader, Verbs.RecordSubmit, record));
        Assert.Contains("记录已提交", logged, StringComparison.Ordinal);
        var held = (await CaseAsync(bot))!.Case;
        Assert.Equal((CaseStatus.FollowUp, new DateOnly(2026, 4, 9)), (held.Status, held.NextCheck));

        // 002 §四4: with a minor violation, a written self-examination, reviewed by the responsible person.
        var exam = Assert.Single(await bot.Services.GetRequiredService<TaskStore>().ListAsync(CaseForm, default));
        Assert.Equal(CaseTaskKind.SelfExamination, exam.Kind);
        await bot.ExecuteAsync(Person.Cadre1, Verbs.TaskSubmit, D((DataKeys.TaskId, exam.Id.Value), (DataKeys.FormId, "exam-1"), (CaseFields.TaskText, "深刻检查，今后严格遵守公务用车规定")));
        Assert.Contains(bot.Connector.CardsTo(Person.Leader), c => c.Contains("深刻检查", StringComparison.Ordinal) && c.Contains(Verbs.TaskAccept, StringComparison.Ordinal));
        await bot.ExecuteAsync(Person.Leader, Verbs.TaskAccept, D((DataKeys.TaskId, exam.Id.Value), (DataKeys.Report, "1")));

        // 002 §四5: on the check date the proposer is asked; the check is recorded once.
        bot.Clock.SetUtcNow(new DateTimeOffset(2026, 4, 9, 10, 0, 0, TimeSpan.FromHours(8)));
        await bot.RunSchedulerAsync();
        Assert.Contains(bot.Connector.CardsTo(Person.Office), c => c.Contains(Verbs.CaseFollowUp, StringComparison.Ordinal) && c.Contains("002 §四5", StringComparison.Ordinal));
        var check = D((DataKeys.CaseId, CaseForm), (DataKeys.FormId, "check-1"), (CaseFields.Outcome, nameof(FollowUpOutcome.Resolved)), (CaseFields.FollowUpNote, "已整改到位"));
        await bot.ExecuteAsync(Person.Office, Verbs.CaseFollowUp, check);
        await bot.ExecuteAsync(Person.Office, Verbs.CaseFollowUp, check);
        var closed = (await CaseAsync(bot))!.Case;
        Assert.Equal((CaseStatus.Resolved, 1), (closed.Status, closed.Checks.Count));
    }

    [Fact]
    public async Task Proposal_WaitingForApproval_IsRemindedToTheApprover_ThenEscalatedWithTheProposerTold_UntilDecided()
    {
        await using var bot = await StartAsync();
        await bot.ExecuteAsync(Person.Office, Verbs.CasePropose, D((DataKeys.FormId, CaseForm), (CaseFields.Subject, Person.Cadre1.AadObjectId),
            (CaseFields.Situation, nameof(AdmonishmentSituation.IntegritySelfDiscipline)), (CaseFields.Facts, "经核实，多次违规使用公务用车"),
            (CaseFields.MinorViolation, "false"), (CaseFields.Origin, nameof(AdmonishmentOrigin.DisciplinaryReview))));
        static bool Waiting(string c) => c.Contains("诫勉谈话建议待审批", StringComparison.Ordinal);

        bot.Clock.SetUtcNow(new DateTimeOffset(2026, 3, 2, 14, 1, 0, TimeSpan.FromHours(8)));
        await bot.RunSchedulerAsync();
        Assert.Single(bot.Connector.CardsTo(Head), Waiting);
        Assert.DoesNotContain(bot.Connector.CardsTo(Person.Office), Waiting);

        bot.Clock.SetUtcNow(new DateTimeOffset(2026, 3, 3, 8, 31, 0, TimeSpan.FromHours(8)));
        await bot.RunSchedulerAsync();
        Assert.Single(bot.Connector.CardsTo(Person.Office), c => Waiting(c) && c.Contains("逾期督办", StringComparison.Ordinal));

        await bot.ExecuteAsync(Head, Verbs.CaseApprove, D((DataKeys.CaseId, CaseForm), (CaseFields.ApprovalComment, "同意")));
        bot.Clock.SetUtcNow(new DateTimeOffset(2026, 3, 5, 8, 31, 0, TimeSpan.FromHours(8)));
        await bot.RunSchedulerAsync();
        Assert.Equal(2, bot.Connector.CardsTo(Head).Count(Waiting));
    }

    [Fact]
    public async Task WholeProcedure_NeverShowsTheReporter_ToTheTalkee_OrAnyoneOutsideTheOffice()
    {
        await using var bot = await StartAsync();
        await RegisterLeadAsync(bot);
        await HoldReminderTalkAsync(bot);
        await bot.ExecuteAsync(Person.Office, Verbs.LeadDispose, D((DataKeys.LeadId, LeadForm), (DataKeys.FormId, "disp-1"),
            (CaseFields.Chosen(DispositionKind.SelfExamination), "true"), (CaseFields.Due(DispositionKind.SelfExamination), "2026-03-12"),
            (CaseFields.Chosen(DispositionKind.Admonishment), "true")));

        // The proposal form reached the office; the office proposes from the lead.
        Assert.Contains(bot.Connector.CardsTo(Person.Office), c => c.Contains(Verbs.CasePropose, StringComparison.Ordinal) && c.Contains(LeadForm, StringComparison.Ordinal));
        await bot.ExecuteAsync(Person.Office, Verbs.CasePropose, D((DataKeys.FormId, CaseForm), (DataKeys.LeadId, LeadForm), (CaseFields.Subject, Person.Cadre2.AadObjectId),
            (CaseFields.Situation, nameof(AdmonishmentSituation.IntegritySelfDiscipline)), (CaseFields.Facts, "接待超标准，经谈话本人承认"),
            (CaseFields.MinorViolation, "false"), (CaseFields.Origin, nameof(AdmonishmentOrigin.Lead))));
        await bot.ExecuteAsync(Head, Verbs.CaseApprove, D((DataKeys.CaseId, CaseForm)));
        // 王干部's responsible person is 李干部, the main leader of the unit she reports to (002 §一, §四2).
        await bot.ExecuteAsync(Person.Office, Verbs.CaseTalkCreate, D((DataKeys.FormId, AdmonishmentTalkForm), (DataKeys.CaseId, CaseForm), ("talkees", Person.Cadre2.AadObjectId),
            ("talkers", Person.Cadre1.AadObjectId), ("recorder", Person.Recorder.AadObjectId), ("kind", "Admonishment"), ("date", "2026-03-10"), ("time", "09:30"), ("place", "第三会议室")));
        bot.Clock.SetUtcNow(AfterAdmonishment);
        var form = RecordForm(AdmonishmentTalkForm, "rec-a", "2026-03-10", 4);
        form["lead"] = Person.Cadre1.AadObjectId;
        await bot.ExecuteAsync(Person.Cadre1, Verbs.RecordSubmit, form);
        await bot.ExecuteAsync(Person.Cadre2, Verbs.RecordConfirm, D((DataKeys.TalkId, AdmonishmentTalkForm), (DataKeys.Version, "1")));
        Assert.Equal(CaseStatus.FollowUp, (await CaseAsync(bot))!.Case.Status);

        // Whatever the talkee and the others click or ask for, crafted or not.
        var asked = new List<string>();
        foreach (var outsider in new[] { Person.Cadre2, Person.Leader, Person.Recorder, Person.Cadre1, Head })
        {
            asked.Add(Text(await bot.ExecuteAsync(outsider, Verbs.LeadShow, D((DataKeys.LeadId, LeadForm)))));
            asked.Add(Text(await bot.ExecuteAsync(outsider, Verbs.CaseShow, D((DataKeys.CaseId, CaseForm)))));
            asked.Add(Text(await bot.ExecuteAsync(outsider, Verbs.ArchiveShow, D((CaseFields.Person, Person.Cadre2.AadObjectId)))));
            asked.Add(Text(await bot.ExecuteAsync(outsider, Verbs.AuditShow, D())));
            asked.Add(Text(await bot.ExecuteAsync(outsider, Verbs.RecordShow, D((DataKeys.TalkId, ReminderTalkForm)))));
            Assert.Equal(HttpStatusCode.OK, await bot.SendAsync(outsider, "message", a => a["text"] = "线索台账"));
            Assert.Equal(HttpStatusCode.OK, await bot.SendAsync(outsider, "message", a => a["text"] = "廉政档案 王干部"));
        }

        foreach (var outsider in new[] { Person.Cadre2, Person.Leader, Person.Recorder, Person.Cadre1, Head })
        {
            var seen = Chat(bot, outsider) + string.Join('\n', asked);
            Assert.DoesNotContain(ReporterName, seen, StringComparison.Ordinal);
            Assert.DoesNotContain(ReporterUnit, seen, StringComparison.Ordinal);
        }

        // The talkee was refused the lead, the case, the archive and the audit log.
        var audit = await AuditAsync(bot);
        var talkee = Person.Cadre2.AadObjectId;
        Assert.Contains(audit, e => e is { Action: AuditAction.Refused, Object: AuditObject.Lead } && e.Actor.Value == talkee);
        Assert.Contains(audit, e => e is { Action: AuditAction.Refused, Object: AuditObject.Admonishment } && e.Actor.Value == talkee);
        Assert.Contains(audit, e => e is { Action: AuditAction.Refused, Object: AuditObject.Archive } && e.Actor.Value == talkee);
        Assert.Contains(audit, e => e is { Action: AuditAction.Refused, Object: AuditObject.AuditLog } && e.Actor.Value == talkee);

        // The office of that level does see the reporter, and every view it makes is in the log it reads.
        var lead = Text(await bot.ExecuteAsync(Person.Office, Verbs.LeadShow, D((DataKeys.LeadId, LeadForm))));
        Assert.Contains(ReporterName, lead, StringComparison.Ordinal);
        var archive = Text(await bot.ExecuteAsync(Person.Office, Verbs.ArchiveShow, D((CaseFields.Person, Person.Cadre2.AadObjectId))));
        Assert.Contains("公务接待中超标准用餐", archive, StringComparison.Ordinal);
        Assert.Contains(Labels.Of(AdmonishmentSituation.IntegritySelfDiscipline, Locale.ZhCn), archive, StringComparison.Ordinal);
        Assert.DoesNotContain(ReporterName, archive, StringComparison.Ordinal);
        var log = Text(await bot.ExecuteAsync(Person.Office, Verbs.AuditShow, D()));
        Assert.Contains("王干部", log, StringComparison.Ordinal);
        Assert.Contains(await AuditAsync(bot), e => e is { Action: AuditAction.View, Object: AuditObject.Archive } && e.Actor.Value == Person.Office.AadObjectId);
    }

    [Fact]
    public async Task SelfInitiatedRequest_ReachesTheOffice_WhichCompletesItIntoAProposal()
    {
        await using var bot = await StartAsync();
        const string RequestForm = "0195a0b2c3d47e8f9a0b1c2d3e4f0009";

        Assert.Equal(HttpStatusCode.OK, await bot.SendAsync(Person.Cadre2, "message", a => a["text"] = "申请谈话"));
        var empty = Text(await bot.ExecuteAsync(Person.Cadre2, Verbs.CaseRequest, D((DataKeys.FormId, RequestForm))));
        Assert.Null(await CaseAsync(bot, RequestForm));
        var sent = Text(await bot.ExecuteAsync(Person.Cadre2, Verbs.CaseRequest, D((DataKeys.FormId, RequestForm), (CaseFields.Request, "本人在项目验收中把关不严，希望说明情况"))));
        await bot.ExecuteAsync(Person.Cadre2, Verbs.CaseRequest, D((DataKeys.FormId, RequestForm), (CaseFields.Request, "本人在项目验收中把关不严，希望说明情况")));

        Assert.Contains("002 §五4", empty, StringComparison.Ordinal);
        Assert.DoesNotContain(Verbs.CaseRequest, sent, StringComparison.Ordinal);
        Assert.Equal(CaseStatus.Requested, (await CaseAsync(bot, RequestForm))!.Case.Status);

        // 002 §五4: 主动找责任人: it reaches her responsible person (李干部, the main leader she reports to), not the office.
        Assert.DoesNotContain(bot.Connector.CardsTo(Person.Office), c => c.Contains("本人在项目验收中把关不严", StringComparison.Ordinal));
        Assert.Single(bot.Connector.CardsTo(Person.Cadre1), c => c.Contains("本人在项目验收中把关不严", StringComparison.Ordinal)
            && c.Contains(Verbs.CaseRequestForward, StringComparison.Ordinal));
        var early = Text(await bot.ExecuteAsync(Person.Office, Verbs.CasePropose, D((DataKeys.FormId, "p"), (DataKeys.CaseId, RequestForm),
            (CaseFields.Situation, nameof(AdmonishmentSituation.DutyNeglect)), (CaseFields.Facts, "验收把关不严"), (CaseFields.Origin, nameof(AdmonishmentOrigin.SelfInitiated)))));
        Assert.DoesNotContain("已报送审批", early, StringComparison.Ordinal);
        Assert.Equal(CaseStatus.Requested, (await CaseAsync(bot, RequestForm))!.Case.Status);
        var stranger = Text(await bot.ExecuteAsync(Person.Leader, Verbs.CaseRequestForward, D((DataKeys.CaseId, RequestForm))));
        Assert.Contains("不允许", stranger, StringComparison.Ordinal);
        Assert.Null((await CaseAsync(bot, RequestForm))!.Case.Routing!.HandedBy);

        // The responsible person hands it on, once (a repeated click changes nothing); the office is told.
        Assert.Contains("已交纪委办", Text(await bot.ExecuteAsync(Person.Cadre1, Verbs.CaseRequestForward, D((DataKeys.CaseId, RequestForm)))), StringComparison.Ordinal);
        await bot.ExecuteAsync(Person.Cadre1, Verbs.CaseRequestForward, D((DataKeys.CaseId, RequestForm)));
        Assert.Single(bot.Connector.CardsTo(Person.Office), c => c.Contains("本人在项目验收中把关不严", StringComparison.Ordinal));
        Assert.Equal(new PersonId(Person.Cadre1.AadObjectId), (await CaseAsync(bot, RequestForm))!.Case.Routing!.HandedBy);

        var proposed = Text(await bot.ExecuteAsync(Person.Office, Verbs.CasePropose, D((DataKeys.FormId, "p"), (DataKeys.CaseId, RequestForm),
            (CaseFields.Situation, nameof(AdmonishmentSituation.DutyNeglect)), (CaseFields.Facts, "验收把关不严"), (CaseFields.Origin, nameof(AdmonishmentOrigin.SelfInitiated)))));
        var c = (await CaseAsync(bot, RequestForm))!.Case;
        Assert.Equal((CaseStatus.Proposed, AdmonishmentOrigin.SelfInitiated), (c.Status, c.Origin));
        Assert.Contains("已报送审批：吴管理", proposed, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FollowUp_NotCorrected_ChecksAgainLater_AndARepeatTalkLinksToTheEarlierCase()
    {
        await using var bot = await StartAsync();
        await bot.ExecuteAsync(Person.Office, Verbs.CasePropose, D((DataKeys.FormId, CaseForm), (CaseFields.Subject, Person.Cadre1.AadObjectId),
            (CaseFields.Situation, nameof(AdmonishmentSituation.DutyNeglect)), (CaseFields.Facts, "履职不力"), (CaseFields.Origin, nameof(AdmonishmentOrigin.IntegrityAssessment))));
        await bot.ExecuteAsync(Head, Verbs.CaseApprove, D((DataKeys.CaseId, CaseForm)));
        await bot.ExecuteAsync(Person.Office, Verbs.CaseTalkCreate, D((DataKeys.FormId, AdmonishmentTalkForm), (DataKeys.CaseId, CaseForm), ("talkees", Person.Cadre1.AadObjectId),
            ("talkers", Person.Leader.AadObjectId), ("recorder", Person.Recorder.AadObjectId), ("kind", "Admonishment"), ("date", "2026-03-10"), ("time", "09:30"), ("place", "第三会议室")));
        bot.Clock.SetUtcNow(AfterAdmonishment);
        // The responsible person who led it fills the 诫勉谈话教育情况表 (002 §五6), not the recorder.
        await bot.ExecuteAsync(Person.Recorder, Verbs.RecordSubmit, RecordForm(AdmonishmentTalkForm, "rec-r", "2026-03-10", 4));
        Assert.Equal(CaseStatus.TalkArranged, (await CaseAsync(bot))!.Case.Status);
        await bot.ExecuteAsync(Person.Leader, Verbs.RecordSubmit, RecordForm(AdmonishmentTalkForm, "rec-a", "2026-03-10", 4));
        Assert.Empty(await bot.Services.GetRequiredService<TaskStore>().ListAsync(CaseForm, default)); // no violation: no written self-examination

        var noDate = Text(await bot.ExecuteAsync(Person.Office, Verbs.CaseFollowUp, D((DataKeys.CaseId, CaseForm), (DataKeys.FormId, "f1"),
            (CaseFields.Outcome, nameof(FollowUpOutcome.FurtherCriticism)), (CaseFields.FollowUpNote, "改正不明显"))));
        Assert.Contains("002 §四5", noDate, StringComparison.Ordinal);
        Assert.Empty((await CaseAsync(bot))!.Case.Checks);
        await bot.ExecuteAsync(Person.Office, Verbs.CaseFollowUp, D((DataKeys.CaseId, CaseForm), (DataKeys.FormId, "f2"),
            (CaseFields.Outcome, nameof(FollowUpOutcome.FurtherCriticism)), (CaseFields.FollowUpNote, "改正不明显，已批评教育"), (CaseFields.NextCheck, "2026-04-20")));
        var again = (await CaseAsync(bot))!.Case;
        Assert.Equal((CaseStatus.FollowUp, new DateOnly(2026, 4, 20)), (again.Status, again.NextCheck));

        // 002 §五5: another talk on the same problem, linked to this case.
        var form = Text(await bot.ExecuteAsync(Person.Office, Verbs.CaseNew, D((DataKeys.EarlierCases, CaseForm))));
        Assert.Contains("李干部", form, StringComparison.Ordinal);
        const string Repeat = "0195a0b2c3d47e8f9a0b1c2d3e4f0005";
        await bot.ExecuteAsync(Person.Office, Verbs.CasePropose, D((DataKeys.FormId, Repeat), (CaseFields.Subject, Person.Cadre1.AadObjectId), (CaseFields.Earlier, CaseForm),
            (CaseFields.Situation, nameof(AdmonishmentSituation.DutyNeglect)), (CaseFields.Facts, "整改不到位"), (CaseFields.Origin, nameof(AdmonishmentOrigin.IntegrityAssessment))));
        Assert.Equal([new CaseId(CaseForm)], (await CaseAsync(bot, Repeat))!.Case.Earlier);

        // A link to someone else's case is refused.
        const string Wrong = "0195a0b2c3d47e8f9a0b1c2d3e4f0006";
        var wrong = Text(await bot.ExecuteAsync(Person.Office, Verbs.CasePropose, D((DataKeys.FormId, Wrong), (CaseFields.Subject, Person.Cadre2.AadObjectId), (CaseFields.Earlier, CaseForm),
            (CaseFields.Situation, nameof(AdmonishmentSituation.DutyNeglect)), (CaseFields.Facts, "整改不到位"), (CaseFields.Origin, nameof(AdmonishmentOrigin.IntegrityAssessment)))));
        Assert.Contains("002 §五5", wrong, StringComparison.Ordinal);
        Assert.Null(await CaseAsync(bot, Wrong));
    }

    [Fact]
    public async Task ArchiveExport_IsASingleUseLink_ForTheOffice_WithoutTheReporter_AndAudited()
    {
        await using var bot = await StartAsync();
        await RegisterLeadAsync(bot);
        await HoldReminderTalkAsync(bot);

        var refused = Text(await bot.ExecuteAsync(Person.Cadre2, Verbs.ArchiveExport, D((DataKeys.ArchiveOf, Person.Cadre2.AadObjectId))));
        Assert.DoesNotContain("/api/exports/", refused, StringComparison.Ordinal);

        var card = await bot.ExecuteAsync(Person.Office, Verbs.ArchiveExport, D((DataKeys.ArchiveOf, Person.Cadre2.AadObjectId)));
        var url = new Uri(Text(card).Split('\n').Single(line => line.Contains("/api/exports/", StringComparison.Ordinal)));
        using var client = bot.CreateClient();
        using var first = await client.GetAsync(url.PathAndQuery);
        using var second = await client.GetAsync(url.PathAndQuery);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal("text/csv", first.Content.Headers.ContentType?.MediaType);
        var csv = System.Text.Encoding.UTF8.GetString(await first.Content.ReadAsByteArrayAsync());
        Assert.StartsWith("\uFEFF个人廉政档案,王干部", csv, StringComparison.Ordinal);
        Assert.Contains("反映其在公务接待中超标准用餐", csv, StringComparison.Ordinal);
        Assert.Contains("廉政提醒谈话 · 第三会议室", csv, StringComparison.Ordinal);
        // The record's text itself is filed (000 §四(一)6), not only its state.
        Assert.Contains("指出的问题：公务接待超标准", csv, StringComparison.Ordinal);
        Assert.Contains("解释说明：已认识到问题", csv, StringComparison.Ordinal);
        Assert.DoesNotContain(ReporterName, csv, StringComparison.Ordinal);
        Assert.DoesNotContain(ReporterUnit, csv, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, second.StatusCode);

        // A link not used in time lapses.
        var late = await bot.ExecuteAsync(Person.Office, Verbs.ArchiveExport, D((DataKeys.ArchiveOf, Person.Cadre2.AadObjectId)));
        var lateUrl = new Uri(Text(late).Split('\n').Single(line => line.Contains("/api/exports/", StringComparison.Ordinal)));
        bot.Clock.Advance(TimeSpan.FromMinutes(11));
        using var lapsed = await client.GetAsync(lateUrl.PathAndQuery);
        using var crafted = await client.GetAsync("/api/exports/..%2Fx");
        Assert.Equal(HttpStatusCode.NotFound, lapsed.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, crafted.StatusCode);

        var audit = await AuditAsync(bot);
        Assert.Equal(3, audit.Count(e => e is { Action: AuditAction.Export, Object: AuditObject.Archive } && e.Actor.Value == Person.Office.AadObjectId));
        Assert.Contains(audit, e => e is { Action: AuditAction.Refused, Object: AuditObject.Archive } && e.Actor.Value == Person.Cadre2.AadObjectId);
    }
}
