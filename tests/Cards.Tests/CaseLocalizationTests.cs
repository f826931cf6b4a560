using TalkBot.Cards.Localization;
using TalkBot.Domain.Admonishments;
using TalkBot.Domain.Audit;
using TalkBot.Domain.FollowUps;
using TalkBot.Domain.Leads;
using TalkBot.Domain.People;
using TalkBot.Domain.Rules;
using TalkBot.Domain.Talks;

namespace TalkBot.Cards.Tests;

public sealed class CaseLocalizationTests
{
    /// <summary>The codes of leads, dispositions, tasks and admonishments: from SubjectIsActor to the end of the enum.</summary>
    private static IEnumerable<RuleCode> CaseCodes => Enum.GetValues<RuleCode>().Where(c => c >= RuleCode.SubjectIsActor);

    public static TheoryData<RuleCode> CaseRuleCodes => [.. CaseCodes];

    private static readonly Dictionary<string, string> Arguments = new()
    {
        ["kind"] = nameof(DispositionKind.WrittenReply),
        ["rank"] = nameof(Rank.Division),
        ["state"] = nameof(CaseStatus.Proposed),
    };

    [Theory]
    [MemberData(nameof(CaseRuleCodes))]
    public void EveryCaseRuleCode_HasItsOwnPlainMessage_InBothLanguages(RuleCode code)
    {
        foreach (var arguments in new[] { null, Arguments })
        {
            var violation = new RuleViolation(code, "002 §四2", Arguments: arguments);
            foreach (var locale in new[] { Locale.ZhCn, Locale.EnUs })
            {
                var reason = RuleMessages.Reason(violation, locale);

                Assert.False(string.IsNullOrWhiteSpace(reason));
                // The default branch names the code: "违反规则 X。" / "rule X is broken."
                Assert.DoesNotContain(code.ToString(), reason);
                Assert.DoesNotContain("违反规则", reason);
                Assert.DoesNotContain("is broken", reason);
            }

            // The arguments are names of domain values: shown by their labels, never as given.
            var zh = RuleMessages.Reason(violation, Locale.ZhCn);
            Assert.DoesNotMatch("WrittenReply|Division|Proposed", zh);

            Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", RuleMessages.Reason(violation, Locale.ZhCn));
            Assert.DoesNotMatch(@"\p{IsCJKUnifiedIdeographs}", RuleMessages.Reason(violation, Locale.EnUs));
        }
    }

    [Fact]
    public void CaseRuleCodes_HaveDistinctMessages()
    {
        var reasons = CaseCodes.Select(c => RuleMessages.Reason(new RuleViolation(c, "x", Arguments: Arguments), Locale.ZhCn)).ToList();

        Assert.Equal(reasons.Count, reasons.Distinct().Count());
    }

    [Theory]
    [InlineData(Rank.Division, "对正处级干部的诫勉谈话，须经分管干部的党委副书记或纪委书记批准；您无此审批权限。")]
    [InlineData(Rank.DeputyDivision, "对副处级干部的诫勉谈话，须经纪委办（监察处）或组织部负责人批准；您无此审批权限。")]
    [InlineData(Rank.SectionAndBelow, "对科级及以下干部的诫勉谈话，须经纪委办（监察处）或组织部负责人批准；您无此审批权限。")]
    public void NotAuthorisedForRank_NamesTheRankAndItsApprovers(Rank rank, string expected)
    {
        var violation = new RuleViolation(RuleCode.NotAuthorisedForRank, RuleSources.AdmonishmentApproval,
            Arguments: new Dictionary<string, string> { ["rank"] = rank.ToString() });

        Assert.Equal(expected, RuleMessages.Reason(violation, Locale.ZhCn));
        Assert.Contains(rank == Rank.Division ? "discipline commission secretary" : "organisation department", RuleMessages.Reason(violation, Locale.EnUs));
    }

    [Theory]
    [InlineData(DispositionKind.SuggestionAdopted, "选择“采纳建议和意见并告知”须填写“采纳情况（将告知谈话对象）”。")]
    [InlineData(DispositionKind.ClosedUnfounded, "选择“了结澄清”须填写“了结澄清的理由”。")]
    [InlineData(DispositionKind.Criticism, "选择“批评教育”须填写“批评教育内容”。")]
    [InlineData(DispositionKind.WrittenReply, "选择“要求书面答复或说明”须填写“要求答复的问题”。")]
    public void DispositionNoteRequired_SaysWhichNote(DispositionKind kind, string expected)
    {
        var violation = new RuleViolation(RuleCode.DispositionNoteRequired, RuleSources.Dispositions,
            Arguments: new Dictionary<string, string> { ["kind"] = kind.ToString() });

        Assert.Equal(expected, RuleMessages.Reason(violation, Locale.ZhCn));
    }

    [Fact]
    public void KindArgument_IsATaskKindOnSubmissions_AndADispositionOnDispositions()
    {
        static string Reason(RuleCode code, string kind) => RuleMessages.Reason(
            new RuleViolation(code, "x", Arguments: new Dictionary<string, string> { ["kind"] = kind }), Locale.ZhCn);

        Assert.Equal("请填写集体剖析材料及整改措施的内容后再提交。", Reason(RuleCode.SubmissionTextRequired, nameof(CaseTaskKind.CollectiveAnalysis)));
        Assert.Equal("请填写书面检查的内容后再提交。", Reason(RuleCode.SubmissionTextRequired, nameof(CaseTaskKind.SelfExamination)));
        Assert.Equal("选择“责令检查”须指定晚于今天的期限。", Reason(RuleCode.DispositionDueDateRequired, nameof(DispositionKind.SelfExamination)));
    }

    [Fact]
    public void States_OfCasesLeadsAndTasks_AreNamedAsTheCardsShowThem()
    {
        static string Reason(RuleCode code, string state) => RuleMessages.Reason(
            new RuleViolation(code, "x", Arguments: new Dictionary<string, string> { ["state"] = state }), Locale.ZhCn);

        Assert.Equal("诫勉谈话须经批准后才能安排（当前状态：已提出建议，待审批）。", Reason(RuleCode.NotApproved, nameof(CaseStatus.Proposed)));
        Assert.Equal("当前状态（已了结澄清）不允许此操作。", Reason(RuleCode.InvalidState, nameof(LeadStatus.Closed)));
        Assert.Equal("当前状态（已完成）不允许此操作。", Reason(RuleCode.InvalidState, nameof(CaseTaskStatus.Done)));
        Assert.Equal("当前状态（Cancelled）不允许此操作。", Reason(RuleCode.InvalidState, "Cancelled"));
    }

    [Theory]
    [InlineData("subject", "谈话对象")]
    [InlineData("source", "线索来源")]
    [InlineData("category", "问题类别（六项纪律）")]
    [InlineData("summary", "反映的问题")]
    [InlineData("situation", "诫勉情形（002 §二）")]
    [InlineData("facts", "调查核实的事实")]
    [InlineData("origin", "问题来源")]
    [InlineData("request", "需要说明的问题")]
    [InlineData("followUpNote", "了解情况说明")]
    public void Required_NamesTheLeadAndProposalFieldsByTheirLabels(string field, string label)
    {
        Assert.Equal($"必须填写“{label}”。", RuleMessages.Reason(RuleViolation.Required(field), Locale.ZhCn));
        Assert.DoesNotContain($"“{field}”", RuleMessages.Reason(RuleViolation.Required(field), Locale.EnUs));
    }

    [Fact]
    public void DomainFieldNames_AreTheCardInputIds()
    {
        Assert.Equal(
            [Lead.Fields.Subject, Lead.Fields.Source, Lead.Fields.Category, Lead.Fields.Summary],
            [CaseFields.Subject, CaseFields.Source, CaseFields.Category, CaseFields.Summary]);
        Assert.Equal(
            [AdmonishmentCase.Fields.Subject, AdmonishmentCase.Fields.Situation, AdmonishmentCase.Fields.Facts, AdmonishmentCase.Fields.Origin,
             AdmonishmentCase.Fields.Request, AdmonishmentCase.Fields.FollowUpNote],
            [CaseFields.Subject, CaseFields.Situation, CaseFields.Facts, CaseFields.Origin, CaseFields.Request, CaseFields.FollowUpNote]);
    }

    [Fact]
    public void Labels_UseTheOfficialTerms()
    {
        Assert.Equal(["信访举报", "审计监督", "组织考察", "执纪审查", "巡察"], Enum.GetValues<LeadSource>().Select(s => Labels.Of(s, Locale.ZhCn)));
        Assert.Equal(["政治纪律", "组织纪律", "廉洁纪律", "群众纪律", "工作纪律", "生活纪律"], Enum.GetValues<DisciplineCategory>().Select(c => Labels.Of(c, Locale.ZhCn)));
        Assert.Equal(["群众来信来访", "党风廉政考核", "执纪监察", "各类专项检查", "廉政提醒谈话后处置", "本人主动申请"],
            Enum.GetValues<AdmonishmentOrigin>().Select(o => Labels.Of(o, Locale.ZhCn)));
        Assert.Equal(["书面答复或说明", "书面检查", "集体剖析材料及整改措施", "再次谈话", "函询", "初步核实"], Enum.GetValues<CaseTaskKind>().Select(k => Labels.Of(k, Locale.ZhCn)));
        Assert.Equal(["查看", "导出", "拒绝访问", "越权审批被拒", "更正"], Enum.GetValues<AuditAction>().Select(a => Labels.Of(a, Locale.ZhCn)));
        Assert.Equal(["问题线索", "谈话记录", "廉政档案", "诫勉谈话", "审计日志", "单位", "统计", "台账"], Enum.GetValues<AuditObject>().Select(o => Labels.Of(o, Locale.ZhCn)));
        Assert.Equal("了结澄清", Labels.Of(DispositionKind.ClosedUnfounded, Locale.ZhCn));
        Assert.Equal("已改正，结案", Labels.Of(FollowUpOutcome.Resolved, Locale.ZhCn));
        Assert.StartsWith("（六）不严格执行廉洁自律规定", Labels.Of(AdmonishmentSituation.IntegritySelfDiscipline, Locale.ZhCn));
    }

    [Fact]
    public void EveryCaseEnumValue_HasAChineseLabel_AndDistinctLabelsInBothLanguages()
    {
        static void Check<T>(Func<T, Locale, string> label) where T : struct, Enum
        {
            var values = Enum.GetValues<T>();
            Assert.All(values, v => Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", label(v, Locale.ZhCn)));
            Assert.All(values, v => Assert.DoesNotMatch(@"\p{IsCJKUnifiedIdeographs}", label(v, Locale.EnUs)));
            foreach (var locale in new[] { Locale.ZhCn, Locale.EnUs })
            {
                Assert.Equal(values.Length, values.Select(v => label(v, locale)).Distinct().Count());
            }
        }

        Check<TalkStatus>(Labels.Of);
        Check<LeadSource>(Labels.Of);
        Check<DisciplineCategory>(Labels.Of);
        Check<DispositionKind>(Labels.Of);
        Check<CaseTaskKind>(Labels.Of);
        Check<CaseTaskStatus>(Labels.Of);
        Check<AdmonishmentSituation>(Labels.Of);
        Check<AdmonishmentOrigin>(Labels.Of);
        Check<FollowUpOutcome>(Labels.Of);
        Check<CaseStatus>(Labels.Of);
        Check<LeadStatus>(Labels.Of);
        Check<AuditAction>(Labels.Of);
        Check<AuditObject>(Labels.Of);
    }
}
