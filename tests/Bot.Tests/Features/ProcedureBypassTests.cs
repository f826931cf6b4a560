using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using TalkBot.Bot.Features.Admonishments;
using TalkBot.Bot.Features.Leads;
using TalkBot.Bot.Features.Records;
using TalkBot.Bot.Features.Talks;
using TalkBot.Bot.Infrastructure.Audit;
using TalkBot.Bot.Infrastructure.People;
using TalkBot.Bot.Tests.Support;
using TalkBot.Cards;
using TalkBot.Domain;
using TalkBot.Domain.Admonishments;
using TalkBot.Domain.Audit;
using TalkBot.Domain.Leads;
using TalkBot.Domain.People;
using TalkBot.Domain.Talks;
using Person = TalkBot.Bot.Tests.Support.Person;

namespace TalkBot.Bot.Tests.Features;

/// <summary>
/// Issue 13, "ways around the procedure", tried with crafted invokes on Azurite as an office member would: each is refused
/// with its rule, stores nothing and sends nothing.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class ProcedureBypassTests(AzuriteFixture azurite)
{
    private static readonly DateTimeOffset Monday = new(2026, 3, 2, 10, 0, 0, TimeSpan.FromHours(8));
    private const string LeadForm = "0195a0b2c3d47e8f9a0b1c2d3e4f1001";
    private const string LeadTalkForm = "0195a0b2c3d47e8f9a0b1c2d3e4f1002";
    private const string CaseForm = "0195a0b2c3d47e8f9a0b1c2d3e4f1003";
    private const string TalkForm = "0195a0b2c3d47e8f9a0b1c2d3e4f1004";
    private const string OtherForm = "0195a0b2c3d47e8f9a0b1c2d3e4f1005";

    /// <summary>吴管理 heads the discipline office here: the approver for 副处级 and below (002 §四2).</summary>
    private static readonly Person Head = new("00000000-0000-0000-0000-00000000a006", "29:admin", "吴管理");

    private async Task<BotUnderTest> StartAsync()
    {
        var bot = new BotUnderTest(azurite, Monday);
        _ = bot.Server;
        var people = bot.Services.GetRequiredService<PeopleStore>();
        Assert.True(await people.UpdateRolesAsync(new PersonId(Head.AadObjectId), new HashSet<Role> { Role.Administrator, Role.DisciplineOfficeHead }, Rank.SectionAndBelow, default));
        foreach (var person in new[] { Person.Office, Person.Leader, Person.Recorder, Person.Cadre1, Person.Cadre2, Head })
        {
            await bot.InstallAsync(person);
        }

        return bot;
    }

    // Later pairs override earlier ones (a talk's date, for instance).
    private static Dictionary<string, string> D(params (string Key, string Value)[] pairs)
    {
        var data = new Dictionary<string, string>();
        foreach (var (key, value) in pairs)
        {
            data[key] = value;
        }

        return data;
    }

    private static string Text(JsonElement card) => CardText.Of(card);

    private static Dictionary<string, string> TalkData(string form, string kind, string talkee, string talkers, params (string Key, string Value)[] more) =>
        D([(DataKeys.FormId, form), ("talkees", talkee), ("talkers", talkers), ("recorder", Person.Recorder.AadObjectId), ("kind", kind),
            ("date", "2026-03-05"), ("time", "09:30"), ("place", "第三会议室"), ("contentDate", "2026-03-02"), .. more]);

    private static Task<Talk?> TalkAsync(BotUnderTest bot, string id) => bot.Services.GetRequiredService<TalkStore>().GetAsync(new TalkId(id), default);

    private static async Task<int> SentAfterAsync(BotUnderTest bot, Func<Task> act)
    {
        var before = bot.Connector.Sent.Count;
        await act();
        await bot.SettleAsync();
        return bot.Connector.Sent.Count - before;
    }

    [Theory]
    [InlineData("Admonishment", "诫勉谈话须严格履行审批程序", "002 §四2")]
    [InlineData("Reminder", "廉政提醒谈话须依据问题线索开展", "000 §三2–3")]
    public async Task NewTalk_OfAKindOnlyACaseOrALeadArranges_IsRefused_StoresAndSendsNothing(string kind, string message, string source)
    {
        await using var bot = await StartAsync();
        var refused = "";

        var sent = await SentAfterAsync(bot, async () => refused = Text(await bot.ExecuteAsync(Person.Office, Verbs.TalkCreate,
            TalkData(TalkForm, kind, Person.Cadre1.AadObjectId, $"{Person.Leader.AadObjectId},{Person.Office.AadObjectId}"))));

        Assert.Contains(message, refused, StringComparison.Ordinal);
        Assert.Contains(source, refused, StringComparison.Ordinal);
        Assert.Null(await TalkAsync(bot, TalkForm));
        Assert.Equal(0, sent);
        // The form the office is offered names the ordinary kind only.
        var form = Text(await bot.ExecuteAsync(Person.Office, Verbs.TalkNew, D()));
        Assert.DoesNotContain("诫勉谈话", form, StringComparison.Ordinal);
        Assert.DoesNotContain("廉政提醒谈话", form, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NewTalk_WithTheFormIdOfALeadsTalk_IsRefused_AndTheLeadIsNotShownNorAttachedAgain()
    {
        await using var bot = await StartAsync();
        await RegisterLeadAsync(bot, Person.Cadre2);
        await bot.ExecuteAsync(Person.Office, Verbs.LeadTalkCreate, TalkData(LeadTalkForm, "Reminder", Person.Cadre2.AadObjectId, Person.Leader.AadObjectId,
            (DataKeys.LeadId, LeadForm)));
        Assert.NotNull(await TalkAsync(bot, LeadTalkForm));
        var refused = "";

        // The same form id through 新建谈话, and through another lead's form with an unrelated talkee.
        var sent = await SentAfterAsync(bot, async () =>
        {
            refused = Text(await bot.ExecuteAsync(Person.Office, Verbs.TalkCreate, TalkData(LeadTalkForm, "Routine", Person.Cadre1.AadObjectId, Person.Leader.AadObjectId,
                (DataKeys.LeadId, LeadForm))));
        });

        Assert.Contains("这张表单对应的是另一次谈话", refused, StringComparison.Ordinal);
        Assert.Equal(0, sent);
        Assert.Equal([new TalkId(LeadTalkForm)], (await bot.Services.GetRequiredService<LeadStore>().GetAsync(new LeadId(LeadForm), default))!.Lead.Talks);
    }

    [Fact]
    public async Task LeadTalk_WithTheFormIdOfAnUnrelatedTalk_IsRefused_AndNeitherAttachesItNorBriefsItsTalkers()
    {
        await using var bot = await StartAsync();
        // An ordinary talk of the office with 李干部, and a lead about 王干部.
        await bot.ExecuteAsync(Person.Office, Verbs.TalkCreate, TalkData(OtherForm, "Routine", Person.Cadre1.AadObjectId, Person.Leader.AadObjectId));
        Assert.NotNull(await TalkAsync(bot, OtherForm));
        await RegisterLeadAsync(bot, Person.Cadre2);
        var refused = "";

        var sent = await SentAfterAsync(bot, async () => refused = Text(await bot.ExecuteAsync(Person.Office, Verbs.LeadTalkCreate,
            TalkData(OtherForm, "Reminder", Person.Cadre2.AadObjectId, Person.Leader.AadObjectId, (DataKeys.LeadId, LeadForm)))));

        Assert.Contains("这张表单对应的是另一次谈话", refused, StringComparison.Ordinal);
        Assert.Contains("000 §三2–3", refused, StringComparison.Ordinal);
        Assert.Equal(0, sent);
        Assert.Empty((await bot.Services.GetRequiredService<LeadStore>().GetAsync(new LeadId(LeadForm), default))!.Lead.Talks);
        Assert.DoesNotContain(bot.Connector.CardsTo(Person.Leader), c => c.Contains("超标准用餐", StringComparison.Ordinal));
    }

    [Fact]
    public async Task CaseTalk_LedByTheOffice_ForACadreBelowDivision_IsRefused_NamingTheResponsiblePerson()
    {
        await using var bot = await StartAsync();
        await ApprovedCaseAsync(bot, Person.Cadre2, minor: false);
        var refused = "";

        var sent = await SentAfterAsync(bot, async () => refused = Text(await bot.ExecuteAsync(Person.Office, Verbs.CaseTalkCreate,
            TalkData(TalkForm, "Admonishment", Person.Cadre2.AadObjectId, Person.Office.AadObjectId, (DataKeys.CaseId, CaseForm), ("date", "2026-03-10")))));

        Assert.Contains("副处级及以下干部的诫勉谈话由党风廉政责任人实施", refused, StringComparison.Ordinal);
        Assert.Contains("此人的党风廉政建设责任人是：李干部", refused, StringComparison.Ordinal);
        Assert.Null(await TalkAsync(bot, TalkForm));
        Assert.Equal(CaseStatus.Approved, (await bot.Services.GetRequiredService<CaseStore>().GetAsync(new CaseId(CaseForm), default))!.Case.Status);
        Assert.Equal(0, sent);

        // The form offered starts with the responsible person as the first talker.
        var form = Text(await bot.ExecuteAsync(Person.Office, Verbs.CaseTalk, D((DataKeys.CaseId, CaseForm))));
        Assert.Contains("此人的党风廉政建设责任人：李干部", form, StringComparison.Ordinal);
        Assert.NotNull(await ArrangeAsync(bot, Person.Cadre1));
    }

    [Fact]
    public async Task AdmonishmentForm_SubmittedByTheOffice_IsRefused_TheResponsiblePersonFillsIt()
    {
        await using var bot = await StartAsync();
        await ApprovedCaseAsync(bot, Person.Cadre2, minor: false);
        var talk = (await ArrangeAsync(bot, Person.Cadre1))!;
        bot.Clock.SetUtcNow(new DateTimeOffset(2026, 3, 10, 15, 0, 0, TimeSpan.FromHours(8)));
        Dictionary<string, string> Record(string form) => D((DataKeys.TalkId, TalkForm), (DataKeys.FormId, form), ("date", "2026-03-10"), ("start", "09:30"),
            ("end", "10:30"), ("place", "第三会议室"), ("format", "Individual"), ("lead", Person.Cadre1.AadObjectId), ("recorder", Person.Recorder.AadObjectId),
            ("checklist", "1,2,3,4"), ("p1.problems", "问题"), ("p1.explanation", "说明"), ("p1.requirements", "要求"), ("p1.rectification", "false"));

        var sent = await SentAfterAsync(bot, () => bot.ExecuteAsync(Person.Office, Verbs.RecordSubmit, Record("rec-office")));

        Assert.Null(await bot.Services.GetRequiredService<RecordStore>().GetAsync(talk, default));
        Assert.Equal(0, sent);
        await bot.ExecuteAsync(Person.Cadre1, Verbs.RecordSubmit, Record("rec-responsible"));
        Assert.NotNull(await bot.Services.GetRequiredService<RecordStore>().GetAsync(talk, default));
    }

    [Fact]
    public async Task OrganisationalHandling_ByOneClick_IsRefused_AndWithTheCommitteesOpinion_ClosesTheCaseShowingIt()
    {
        await using var bot = await StartAsync();
        await ApprovedCaseAsync(bot, Person.Cadre2, minor: false);
        await ArrangeAsync(bot, Person.Cadre1);
        bot.Clock.SetUtcNow(new DateTimeOffset(2026, 3, 10, 15, 0, 0, TimeSpan.FromHours(8)));
        await bot.ExecuteAsync(Person.Cadre1, Verbs.RecordSubmit, D((DataKeys.TalkId, TalkForm), (DataKeys.FormId, "rec"), ("date", "2026-03-10"), ("start", "09:30"),
            ("end", "10:30"), ("place", "第三会议室"), ("format", "Individual"), ("lead", Person.Cadre1.AadObjectId), ("recorder", Person.Recorder.AadObjectId),
            ("checklist", "1,2,3,4"), ("p1.problems", "问题"), ("p1.explanation", "说明"), ("p1.requirements", "要求"), ("p1.rectification", "false")));
        var cases = bot.Services.GetRequiredService<CaseStore>();
        Assert.Equal(CaseStatus.FollowUp, (await cases.GetAsync(new CaseId(CaseForm), default))!.Case.Status);
        var oneClick = D((DataKeys.CaseId, CaseForm), (DataKeys.FormId, "check-1"), (CaseFields.Outcome, nameof(FollowUpOutcome.OrganisationalHandling)),
            (CaseFields.FollowUpNote, "未改正"));
        var refused = "";

        var sent = await SentAfterAsync(bot, async () => refused = Text(await bot.ExecuteAsync(Person.Office, Verbs.CaseFollowUp, oneClick)));

        Assert.Contains("作出组织处理须根据党委的意见", refused, StringComparison.Ordinal);
        Assert.Contains("提出意见的党委（会议）、党委意见日期、党委意见内容", refused, StringComparison.Ordinal);
        var stored = (await cases.GetAsync(new CaseId(CaseForm), default))!.Case;
        Assert.Equal((CaseStatus.FollowUp, 0), (stored.Status, stored.Checks.Count));
        Assert.Equal(0, sent);

        oneClick[CaseFields.OpinionBy] = "局党委（2026年第3次党委会）";
        oneClick[CaseFields.OpinionOn] = "2026-03-10";
        oneClick[CaseFields.Opinion] = "予以调整岗位";
        var closed = Text(await bot.ExecuteAsync(Person.Office, Verbs.CaseFollowUp, oneClick));
        Assert.Contains("依据局党委（2026年第3次党委会）2026年3月10日（星期二）的意见：予以调整岗位", closed, StringComparison.Ordinal);
        var done = (await cases.GetAsync(new CaseId(CaseForm), default))!.Case;
        Assert.Equal(CaseStatus.OrganisationalHandling, done.Status);
        Assert.Equal(new CommitteeOpinion("局党委（2026年第3次党委会）", new DateOnly(2026, 3, 10), "予以调整岗位"), Assert.Single(done.Checks).Opinion);
    }

    [Fact]
    public async Task AnOfficeOfAUnit_ReadsArchivesAndAuditLinesOfItsLevelOnly()
    {
        await using var bot = await StartAsync();
        // 王干部 becomes the office of 第一基层党委 (a level below the bureau's 纪委办).
        Assert.True(await bot.Services.GetRequiredService<PeopleStore>().UpdateRolesAsync(new PersonId(Person.Cadre2.AadObjectId),
            new HashSet<Role> { Role.DisciplineOffice, Role.UnitCommitteeMember }, Rank.SectionAndBelow, default));
        await bot.ExecuteAsync(Person.Office, Verbs.ArchiveShow, D((CaseFields.Person, Person.Recorder.AadObjectId)));
        await bot.ExecuteAsync(Person.Office, Verbs.ArchiveShow, D((CaseFields.Person, Person.Cadre1.AadObjectId)));

        var own = Text(await bot.ExecuteAsync(Person.Cadre2, Verbs.ArchiveShow, D((CaseFields.Person, Person.Cadre1.AadObjectId))));
        var above = Text(await bot.ExecuteAsync(Person.Cadre2, Verbs.ArchiveShow, D((CaseFields.Person, Person.Recorder.AadObjectId))));
        var log = Text(await bot.ExecuteAsync(Person.Cadre2, Verbs.AuditShow, D()));

        Assert.Contains("李干部", own, StringComparison.Ordinal);
        Assert.Contains("查看其他层级人员的个人廉政档案", above, StringComparison.Ordinal);
        Assert.Contains("李干部", log, StringComparison.Ordinal);
        Assert.DoesNotContain("孙记录", log, StringComparison.Ordinal);
        var audit = await bot.Services.GetRequiredService<AuditLog>().ListAsync(bot.Clock.GetUtcNow(), 100, default);
        Assert.Contains(audit, e => e is { Action: AuditAction.Refused, Object: AuditObject.Archive } && e.Actor.Value == Person.Cadre2.AadObjectId);
        Assert.DoesNotContain(audit, e => e is { Action: AuditAction.View, Object: AuditObject.Archive } && e.Actor.Value == Person.Cadre2.AadObjectId
            && e.Subject?.Value == Person.Recorder.AadObjectId);
        // The bureau's office reads both.
        Assert.Contains("孙记录", Text(await bot.ExecuteAsync(Person.Office, Verbs.AuditShow, D())), StringComparison.Ordinal);
    }

    private static Task RegisterLeadAsync(BotUnderTest bot, Person subject) => bot.ExecuteAsync(Person.Office, Verbs.LeadCreate, D(
        (DataKeys.FormId, LeadForm), (CaseFields.Subject, subject.AadObjectId), (CaseFields.Source, nameof(LeadSource.Petition)),
        (CaseFields.Category, nameof(DisciplineCategory.Integrity)), (CaseFields.Summary, "反映其在公务接待中超标准用餐")));

    private static async Task ApprovedCaseAsync(BotUnderTest bot, Person subject, bool minor)
    {
        await bot.ExecuteAsync(Person.Office, Verbs.CasePropose, D((DataKeys.FormId, CaseForm), (CaseFields.Subject, subject.AadObjectId),
            (CaseFields.Situation, nameof(AdmonishmentSituation.DutyNeglect)), (CaseFields.Facts, "履职不力"), (CaseFields.MinorViolation, minor ? "true" : "false"),
            (CaseFields.Origin, nameof(AdmonishmentOrigin.IntegrityAssessment))));
        await bot.ExecuteAsync(Head, Verbs.CaseApprove, D((DataKeys.CaseId, CaseForm)));
        Assert.Equal(CaseStatus.Approved, (await bot.Services.GetRequiredService<CaseStore>().GetAsync(new CaseId(CaseForm), default))!.Case.Status);
    }

    private static async Task<Talk?> ArrangeAsync(BotUnderTest bot, Person talker)
    {
        await bot.ExecuteAsync(Person.Office, Verbs.CaseTalkCreate, TalkData(TalkForm, "Admonishment", Person.Cadre2.AadObjectId, talker.AadObjectId,
            (DataKeys.CaseId, CaseForm), ("date", "2026-03-10")));
        return await TalkAsync(bot, TalkForm);
    }
}
