using TalkBot.Cards.AdaptiveCards;
using TalkBot.Cards.Localization;
using TalkBot.Cards.Views;
using static TalkBot.Cards.Builders.CardParts;
using static TalkBot.Cards.Builders.CaseParts;

namespace TalkBot.Cards.Builders;

/// <summary>
/// 线索与诫勉台账: the discipline office's open leads, admonishments and follow-on tasks (overdue first), with the buttons
/// to register a lead (000 §三2–3), propose an admonishment (002 §四1), and open the archive and the audit log.
/// </summary>
public static class CaseDeskCard
{
    public static AdaptiveCard Build(CaseDeskView view, Locale locale)
    {
        ArgumentNullException.ThrowIfNull(view);
        var title = locale.Pick("线索与诫勉台账", "Leads and admonishments");
        var card = NewCard(title);
        card.Body.Add(Heading(title));
        var overdue = view.Tasks.Count(t => t.Overdue);
        card.Body.Add(Paragraph(locale.Pick(
            $"问题线索 {view.Leads.Count} 件，诫勉谈话 {view.Cases.Count} 件，后续任务 {view.Tasks.Count} 项{(overdue > 0 ? $"（其中逾期 {overdue} 项）" : "")}。",
            $"{view.Leads.Count} lead(s), {view.Cases.Count} admonishment(s), {view.Tasks.Count} task(s){(overdue > 0 ? $" ({overdue} overdue)" : "")}.")));
        if (overdue > 0)
        {
            card.Body.Add(Status(locale.Pick($"{overdue} 项后续任务已逾期。", $"{overdue} task(s) overdue."), AdaptiveContainerStyle.Attention, AdaptiveTextColor.Attention));
        }

        var actions = new List<AdaptiveAction>();
        if (view.CanRegisterLeads)
        {
            actions.Add(CardActions.Execute(Verbs.LeadNew, locale.Pick("登记问题线索", "Register a lead"), style: AdaptiveActionStyle.Positive,
                associatedInputs: AdaptiveAssociatedInputs.None));
        }

        if (view.CanPropose)
        {
            actions.Add(CardActions.Execute(Verbs.CaseNew, locale.Pick("提出诫勉建议", "Propose an admonishment"), associatedInputs: AdaptiveAssociatedInputs.None));
        }

        actions.Add(CardActions.Execute(Verbs.ArchiveShow, locale.Pick("个人廉政档案", "Integrity archive"), associatedInputs: AdaptiveAssociatedInputs.None));
        actions.Add(CardActions.Execute(Verbs.AuditShow, locale.Pick("审计日志", "Audit log"), associatedInputs: AdaptiveAssociatedInputs.None));
        card.Body.Add(CardActions.Set([.. actions]));

        card.Body.Add(SubHeading(locale.Pick("问题线索", "Leads")));
        if (view.Leads.Count == 0)
        {
            card.Body.Add(Subtle(None(locale)));
        }

        foreach (var lead in view.Leads.OrderBy(l => l.RegisteredAt))
        {
            card.Body.Add(LeadItem(lead, locale, withSubject: true));
        }

        card.Body.Add(SubHeading(locale.Pick("诫勉谈话", "Admonishments")));
        if (view.Cases.Count == 0)
        {
            card.Body.Add(Subtle(None(locale)));
        }

        // Cases with a check due come first, soonest first; then the rest as they were opened.
        foreach (var line in view.Cases.OrderBy(c => c.NextCheck is null).ThenBy(c => c.NextCheck).ThenBy(c => c.OpenedAt))
        {
            card.Body.Add(CaseItem(line, locale, withSubject: true));
        }

        card.Body.Add(SubHeading(locale.Pick("后续任务", "Follow-on tasks")));
        if (view.Tasks.Count == 0)
        {
            card.Body.Add(Subtle(None(locale)));
        }

        foreach (var task in view.Tasks.OrderByDescending(t => t.Overdue).ThenBy(t => t.DueDate))
        {
            card.Body.Add(Task(task, locale));
        }

        return card;
    }
}
