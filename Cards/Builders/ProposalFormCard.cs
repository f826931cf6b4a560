using TalkBot.Cards.AdaptiveCards;
using TalkBot.Cards.Localization;
using TalkBot.Cards.Views;
using TalkBot.Domain.Admonishments;
using static TalkBot.Cards.Builders.CardParts;
using static TalkBot.Cards.Builders.CaseParts;

namespace TalkBot.Cards.Builders;

/// <summary>
/// 提出诫勉谈话建议 (002 §四1): the person, one of the seven situations of 002 §二, the facts found, whether there is a
/// minor violation, where the problem came to light, and earlier talks on the same problem (002 §五5). Input ids are
/// <see cref="CaseFields"/>.
/// </summary>
public static class ProposalFormCard
{
    public const int MaxFactsLength = 4000;

    public static AdaptiveCard Build(ProposalFormView view, Locale locale)
    {
        ArgumentNullException.ThrowIfNull(view);
        string? V(string key) => Value(view.Values, key);
        var title = locale.Pick("提出诫勉谈话建议", "Propose an admonishment talk");
        var card = NewCard(view.FixedSubjectName is { } fixedName ? $"{title}: {fixedName}" : title);
        card.Body.Add(Heading(title));
        AddNoticeAndErrors(card, null, view.Errors);
        card.Body.Add(Subtle(locale.Pick(
            "纪委办（监察处）或者组织部门，根据群众来信来访、党风廉政考核、执纪监察和各类专项检查等渠道反映的问题，经调查核实并分析后，提出诫勉谈话的建议，按干部管理权限报批（002 §四1–2）。",
            "The discipline office or the organisation department proposes an admonishment talk after investigating and analysing the problems reported, and the proposal goes to the approver for the person's rank (002 §四1–2).")));

        var subjectLabel = Labels.CaseField(CaseFields.Subject, locale)!;
        if (view.FixedSubjectName is { } name)
        {
            card.Body.Add(Facts((subjectLabel, name)));
        }
        else
        {
            card.Body.Add(People(CaseFields.Subject, subjectLabel, view.Subjects, V(CaseFields.Subject), Datasets.CaseSubjects, locale));
        }

        if (view.Request is { Length: > 0 } request)
        {
            card.Body.Add(new AdaptiveContainer
            {
                Style = AdaptiveContainerStyle.Emphasis,
                Items = [SubHeading(locale.Pick("本人申请理由（002 §五4）", "The cadre's own request (002 §五4)")), Paragraph(request)],
            });
        }

        card.Body.Add(Choice<AdmonishmentSituation>(CaseFields.Situation, Labels.CaseField(CaseFields.Situation, locale)!, Labels.Of,
            V(CaseFields.Situation), locale, AdaptiveChoiceInputStyle.Expanded));
        card.Body.Add(new AdaptiveTextInput
        {
            Id = CaseFields.Facts,
            Label = Labels.CaseField(CaseFields.Facts, locale),
            Placeholder = locale.Pick("经调查核实并分析的有关问题", "The problems as investigated and analysed"),
            IsMultiline = true,
            IsRequired = true,
            ErrorMessage = Fill(Labels.CaseField(CaseFields.Facts, locale)!, locale),
            MaxLength = MaxFactsLength,
            Value = V(CaseFields.Facts),
        });
        card.Body.Add(new AdaptiveToggleInput
        {
            Id = CaseFields.MinorViolation,
            Title = locale.Pick(
                "经初核有轻微违纪行为（须两人以上实施谈话，谈话后交书面检查，002 §四3–4）",
                "A minor violation was found (at least two talkers; a written self-examination afterwards, 002 §四3–4)"),
            Value = V(CaseFields.MinorViolation) ?? "false",
            Wrap = true,
        });
        card.Body.Add(Choice<AdmonishmentOrigin>(CaseFields.Origin, Labels.CaseField(CaseFields.Origin, locale)!, Labels.Of,
            V(CaseFields.Origin) ?? DefaultOrigin(view), locale));
        card.Body.Add(new AdaptiveToggleInput
        {
            Id = CaseFields.ForUnit,
            Title = locale.Pick(
                "对单位负责人诫勉，须交集体剖析材料及整改措施（002 §四4）",
                "Admonishment of a unit's head: the unit submits a collective analysis and rectification measures (002 §四4)"),
            Value = V(CaseFields.ForUnit) ?? "false",
            Wrap = true,
        });

        if (view.Earlier.Count > 0)
        {
            card.Body.Add(new AdaptiveChoiceSetInput
            {
                Id = CaseFields.Earlier,
                Label = locale.Pick("同一问题此前的诫勉谈话（002 §五5，可多选）", "Earlier admonishments on the same problem (002 §五5, any)"),
                IsMultiSelect = true,
                Style = AdaptiveChoiceInputStyle.Expanded,
                Wrap = true,
                Choices = [.. view.Earlier.Select(e => new AdaptiveChoice(e.Label, e.CaseId.Value))],
                Value = V(CaseFields.Earlier),
            });
        }

        var data = new Dictionary<string, string> { [DataKeys.FormId] = view.FormId };
        if (view.CaseId is { } caseId)
        {
            data[DataKeys.CaseId] = caseId.Value;
        }

        if (view.LeadId is { } leadId)
        {
            data[DataKeys.LeadId] = leadId.Value;
        }

        // A fixed subject travels as the chooser's value would, so the handler reads either the same way.
        if (view.FixedSubjectName is not null && view.FixedSubject is { } subject)
        {
            data[CaseFields.Subject] = subject.Value;
        }

        card.Body.Add(CardActions.Set(CardActions.Execute(
            Verbs.CasePropose, locale.Pick("提交建议，报请审批", "Submit for approval"), data, AdaptiveActionStyle.Positive)));
        return card;
    }

    private static string? DefaultOrigin(ProposalFormView view) =>
        view.Request is not null ? nameof(AdmonishmentOrigin.SelfInitiated)
        : view.LeadId is not null ? nameof(AdmonishmentOrigin.Lead)
        : null;
}
