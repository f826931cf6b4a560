using TalkBot.Cards.AdaptiveCards;
using TalkBot.Cards.Localization;
using TalkBot.Cards.Views;
using TalkBot.Domain.Leads;
using static TalkBot.Cards.Builders.CardParts;
using static TalkBot.Cards.Builders.CaseParts;

namespace TalkBot.Cards.Builders;

/// <summary>
/// 登记问题线索 (000 §三2–3): who, from which of 信访举报、审计监督、组织考察、执纪审查、巡察, against which of the 六项纪律,
/// what was reported, and — optional and confidential — who reported it. Input ids are <see cref="CaseFields"/>.
/// </summary>
public static class LeadFormCard
{
    public const int MaxSummaryLength = 2000;
    public const int MaxReporterLength = 100;

    public static AdaptiveCard Build(LeadFormView view, Locale locale)
    {
        ArgumentNullException.ThrowIfNull(view);
        string? V(string key) => Value(view.Values, key);
        var title = locale.Pick("登记问题线索", "Register a lead");
        var card = NewCard(title);
        card.Body.Add(Heading(title));
        AddNoticeAndErrors(card, null, view.Errors);
        card.Body.Add(Subtle(locale.Pick(
            "在信访举报、审计监督、组织考察、执纪审查、巡察等工作中，发现党员干部在“六项纪律”方面出现的苗头性、倾向性问题，虽不构成违纪，或者虽构成违纪但情节显著轻微，应当及时开展提醒谈话（000 §三3）。",
            "Where petitions, audits, organisational inspections, disciplinary reviews or inspection tours show an early or tendency problem against the six disciplines — not a violation, or a very minor one — a reminder talk is held promptly (000 §三3).")));

        card.Body.Add(People(CaseFields.Subject, Label(CaseFields.Subject, locale), view.Subjects, V(CaseFields.Subject), Datasets.LeadSubjects, locale));
        card.Body.Add(Choice<LeadSource>(CaseFields.Source, Label(CaseFields.Source, locale), Labels.Of, V(CaseFields.Source), locale));
        card.Body.Add(Choice<DisciplineCategory>(CaseFields.Category, Label(CaseFields.Category, locale), Labels.Of, V(CaseFields.Category), locale));
        card.Body.Add(new AdaptiveTextInput
        {
            Id = CaseFields.Summary,
            Label = Label(CaseFields.Summary, locale),
            Placeholder = locale.Pick("反映的具体问题、时间、涉及事项", "What was reported: the facts, when, what it concerns"),
            IsMultiline = true,
            IsRequired = true,
            ErrorMessage = Fill(Label(CaseFields.Summary, locale), locale),
            MaxLength = MaxSummaryLength,
            Value = V(CaseFields.Summary),
        });

        // 002 §五8 and SPEC §6: the reporter's name and unit are for the discipline office of this level only.
        card.Body.Add(new AdaptiveContainer
        {
            Style = AdaptiveContainerStyle.Emphasis,
            Spacing = AdaptiveSpacing.Large,
            Items =
            [
                SubHeading(ReporterHeading(locale)),
                Subtle(locale.Pick(
                    "可不填（匿名反映时留空）。不准泄漏反映人姓名、单位等内容，不得对反映问题的人进行追查（002 §五3、§五8）。",
                    "Optional (leave empty for an anonymous report). The reporter's name and unit are never disclosed, and nobody may try to find out who reported (002 §五3, §五8).")),
                new AdaptiveTextInput
                {
                    Id = CaseFields.ReporterName,
                    Label = Label(CaseFields.ReporterName, locale),
                    MaxLength = MaxReporterLength,
                    Value = V(CaseFields.ReporterName),
                },
                new AdaptiveTextInput
                {
                    Id = CaseFields.ReporterUnit,
                    Label = Label(CaseFields.ReporterUnit, locale),
                    MaxLength = MaxReporterLength,
                    Value = V(CaseFields.ReporterUnit),
                },
            ],
        });

        card.Body.Add(CardActions.Set(CardActions.Execute(
            Verbs.LeadCreate, locale.Pick("登记", "Register"),
            new Dictionary<string, string> { [DataKeys.FormId] = view.FormId }, AdaptiveActionStyle.Positive)));
        return card;
    }

    /// <summary>The heading of the reporter's section, wherever it is shown: it says who may see it.</summary>
    public static string ReporterHeading(Locale locale) => locale.Pick(
        "反映人（保密，仅本级纪检监察机关可见）",
        "Reporter (confidential: only this level's discipline office sees it)");

    private static string Label(string field, Locale locale) => Labels.CaseField(field, locale)!;
}
