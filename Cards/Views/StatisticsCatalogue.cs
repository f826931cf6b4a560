using TalkBot.Cards.Localization;
using TalkBot.Domain.Admonishments;
using TalkBot.Domain.Leads;
using TalkBot.Domain.Plans;
using TalkBot.Domain.Statistics;

namespace TalkBot.Cards.Views;

/// <summary>
/// One figure of the statistics page: its column (<see cref="Figures"/>), its section, its label, and the ledger rows
/// behind it (the ledger's kind, and the filter that picks them besides the page's own month, unit, tier, talker, kind).
/// A talk figure's filter is <c>stage</c>, its own key: the talk ledger picks the talks that stand behind it
/// (<see cref="StatisticsRules.TalkFigures"/>); so do the plan figures in the plans ledger (<see cref="StatisticsRules.PlanFigures"/>).
/// </summary>
public sealed record StatFigure(string Key, string Section, string Ledger, string FilterName, string FilterValue, Func<Locale, string> Label);

/// <summary>Every figure of the statistics page, in the order shown, with its zh-CN and en-US label.</summary>
public static class StatisticsCatalogue
{
    public const string PlansSection = "plans";
    public const string TalksSection = "talks";
    public const string RectificationsSection = "rectifications";
    public const string QuizSection = "quiz";
    public const string LeadsSection = "leads";
    public const string CasesSection = "cases";

    public static IReadOnlyList<StatFigure> All { get; } = Build();

    /// <summary>Whether a section is the office's own work (leads, cases), shown to the discipline office only.</summary>
    public static bool IsOfficeSection(string section) => section is LeadsSection or CasesSection;

    public static string SectionLabel(string section, Locale locale) => section switch
    {
        PlansSection => locale.Pick("谈话方案", "Plans"),
        TalksSection => locale.Pick("谈话（人次）", "Talks (talkees)"),
        RectificationsSection => locale.Pick("问题整改", "Rectification"),
        QuizSection => locale.Pick("廉政常识测试", "Integrity quiz"),
        LeadsSection => locale.Pick("问题线索", "Leads"),
        CasesSection => locale.Pick("诫勉谈话", "Admonishments"),
        _ => section,
    };

    public static string TierLabel(Tier tier, Locale locale) => tier switch
    {
        Tier.BureauSecretary => locale.Pick("第一层级：局党委书记谈", "Tier 1: bureau secretary"),
        Tier.DisciplineGroupLeader => locale.Pick("第二层级：纪检监察组组长谈", "Tier 2: discipline group leader"),
        Tier.UnitSecretary => locale.Pick("第三层级：基层党组织书记谈", "Tier 3: grassroots secretary"),
        Tier.StationedDisciplineLeader => locale.Pick("第四层级：派驻纪检监察组组长谈", "Tier 4: stationed discipline leader"),
        _ => tier.ToString(),
    };

    private static List<StatFigure> Build()
    {
        var all = new List<StatFigure>
        {
            // The plans ledger has a line per talk planned: Planned opens the items it counts, Plans the items of the plans it counts.
            new(Figures.Plans, PlansSection, "plans", "stage", Figures.Plans, l => l.Pick("制定方案（人）", "Plans made (talkers)")),
            new(Figures.Planned, PlansSection, "plans", "stage", Figures.Planned, l => l.Pick("计划谈话人次", "Talkees planned")),
            new(Figures.Scheduled, TalksSection, "talks", "stage", Figures.Scheduled, l => l.Pick("已安排", "Scheduled")),
            new(Figures.Notified, TalksSection, "talks", "stage", Figures.Notified, l => l.Pick("已送达通知", "Notified")),
            new(Figures.Acknowledged, TalksSection, "talks", "stage", Figures.Acknowledged, l => l.Pick("已确认收到", "Acknowledged")),
            new(Figures.Held, TalksSection, "talks", "stage", Figures.Held, l => l.Pick("已谈话", "Held")),
            new(Figures.Recorded, TalksSection, "talks", "stage", Figures.Recorded, l => l.Pick("已登记", "Recorded")),
            new(Figures.Verified, TalksSection, "talks", "stage", Figures.Verified, l => l.Pick("已核实", "Verified")),
            new(Figures.Completed, TalksSection, "talks", "stage", Figures.Completed, l => l.Pick("已完成", "Completed")),
            new(Figures.Cancelled, TalksSection, "talks", "stage", Figures.Cancelled, l => l.Pick("已撤销", "Cancelled")),
            new(Figures.RectificationOnTime, RectificationsSection, "talks", "stage", Figures.RectificationOnTime, l => l.Pick("按期上报", "Reported on time")),
            new(Figures.RectificationLate, RectificationsSection, "talks", "stage", Figures.RectificationLate, l => l.Pick("逾期上报", "Reported late")),
            new(Figures.RectificationOpen, RectificationsSection, "talks", "stage", Figures.RectificationOpen, l => l.Pick("尚未上报", "Not yet reported")),
            new(Figures.QuizTaken, QuizSection, "talks", "stage", Figures.QuizTaken, l => l.Pick("已测试", "Taken")),
            new(Figures.Leads, LeadsSection, "leads", "state", "all", l => l.Pick("线索", "Leads")),
        };
        all.AddRange(Enum.GetValues<LeadSource>().Select(s => new StatFigure(Figures.LeadSource(s), LeadsSection, "leads", "source", s.ToString(),
            l => l.Pick("来源：", "Source: ") + Labels.Of(s, l))));
        all.AddRange(Enum.GetValues<DisciplineCategory>().Select(c => new StatFigure(Figures.LeadCategory(c), LeadsSection, "leads", "category", c.ToString(),
            l => l.Pick("六项纪律：", "Discipline: ") + Labels.Of(c, l))));
        all.AddRange(Enum.GetValues<DispositionKind>().Select(d => new StatFigure(Figures.LeadDisposition(d), LeadsSection, "leads", "disposition", d.ToString(),
            l => l.Pick("处置：", "Disposition: ") + Labels.Of(d, l))));
        all.Add(new(Figures.Cases, CasesSection, "cases", "state", "all", l => l.Pick("诫勉谈话事项", "Cases")));
        all.AddRange(Enum.GetValues<AdmonishmentSituation>().Select(s => new StatFigure(Figures.CaseSituation(s), CasesSection, "cases", "situation", s.ToString(),
            l => l.Pick("情形：", "Situation: ") + Labels.Of(s, l))));
        all.AddRange(Enum.GetValues<CaseStatus>().Select(s => new StatFigure(Figures.CaseStatus(s), CasesSection, "cases", "status", s.ToString(),
            l => l.Pick("结果：", "Outcome: ") + Labels.Of(s, l))));
        return all;
    }
}
