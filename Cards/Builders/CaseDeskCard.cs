using TalkBot.Cards.AdaptiveCards;
using TalkBot.Cards.Localization;
using TalkBot.Cards.Views;
using static TalkBot.Cards.Builders.CardParts;
using static TalkBot.Cards.Builders.CaseParts;

namespace TalkBot.Cards.Builders;

/// <summary>
/// 线索与诫勉台账: the discipline office's open leads (newest first), admonishments (a check due first) and follow-on tasks
/// (overdue first), each a page at a time with the totals of the whole list, and the buttons to register a lead
/// (000 §三2–3), propose an admonishment (002 §四1), and open the archive and the audit log; for the office, the recused
/// talks waiting for it to name a talker (000 §二4, §四(五)3).
/// </summary>
public static class CaseDeskCard
{
    public static AdaptiveCard Build(CaseDeskView view, Locale locale)
    {
        ArgumentNullException.ThrowIfNull(view);
        var title = locale.Pick("线索与诫勉台账", "Leads and admonishments");
        var card = NewCard(title);
        card.Body.Add(Heading(title));
        var leads = view.LeadPage ?? ListPage.Whole(view.Leads);
        var cases = view.CasePage ?? ListPage.Whole(view.Cases);
        var tasks = view.TaskPage ?? ListPage.Whole(view.Tasks, t => t.Overdue);
        var overdue = tasks.Overdue;
        card.Body.Add(Paragraph(locale.Pick(
            $"问题线索 {leads.Total} 件，诫勉谈话 {cases.Total} 件，后续任务 {tasks.Total} 项{(overdue > 0 ? $"（其中逾期 {overdue} 项）" : "")}。",
            $"{leads.Total} lead(s), {cases.Total} admonishment(s), {tasks.Total} task(s){(overdue > 0 ? $" ({overdue} overdue)" : "")}.")));
        if (overdue > 0)
        {
            card.Body.Add(Status(locale.Pick($"{overdue} 项后续任务已逾期。", $"{overdue} task(s) overdue."), AdaptiveContainerStyle.Attention, AdaptiveTextColor.Attention));
        }

        if (view.Errors is { Count: > 0 } errors)
        {
            card.Body.Add(Attention(errors));
        }

        if (view.Message is { } message)
        {
            card.Body.Add(Status(message, AdaptiveContainerStyle.Good, AdaptiveTextColor.Good));
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

        var recusedTalks = view.Recused ?? [];
        var recused = view.RecusedPage ?? ListPage.Whole(recusedTalks);
        var starts = Starts((DataKeys.LeadsFrom, leads), (DataKeys.CasesFrom, cases), (DataKeys.TasksFrom, tasks), (DataKeys.RecusedFrom, recused));
        if (view.CanRegisterLeads)
        {
            // 000 §二4, §四(五)3: a tier-4 talker's recusal leaves the talk to the office, which names the talker here.
            card.Body.Add(SubHeading(locale.Pick($"回避待指定谈话人（{recused.Total}）", $"Recused talks waiting for a talker ({recused.Total})")));
            if (recusedTalks.Count == 0)
            {
                card.Body.Add(Subtle(None(locale)));
            }

            foreach (var line in recusedTalks)
            {
                card.Body.Add(PlanCards.Recused(line, locale));
            }

            card.Body.AddRange(Pager(Verbs.CaseDesk, DataKeys.RecusedFrom, recused, recusedTalks.Count, starts, locale));
        }

        card.Body.Add(SubHeading(locale.Pick("问题线索", "Leads")));
        if (view.Leads.Count == 0)
        {
            card.Body.Add(Subtle(None(locale)));
        }

        foreach (var lead in ListOrder.Leads(view.Leads))
        {
            card.Body.Add(LeadItem(lead, locale, withSubject: true));
        }

        card.Body.AddRange(Pager(Verbs.CaseDesk, DataKeys.LeadsFrom, leads, view.Leads.Count, starts, locale));
        card.Body.Add(SubHeading(locale.Pick("诫勉谈话", "Admonishments")));
        if (view.Cases.Count == 0)
        {
            card.Body.Add(Subtle(None(locale)));
        }

        foreach (var line in ListOrder.DeskCases(view.Cases))
        {
            card.Body.Add(CaseItem(line, locale, withSubject: true));
        }

        card.Body.AddRange(Pager(Verbs.CaseDesk, DataKeys.CasesFrom, cases, view.Cases.Count, starts, locale));
        card.Body.Add(SubHeading(locale.Pick("后续任务", "Follow-on tasks")));
        if (view.Tasks.Count == 0)
        {
            card.Body.Add(Subtle(None(locale)));
        }

        foreach (var task in ListOrder.Tasks(view.Tasks))
        {
            card.Body.Add(Task(task, locale));
        }

        card.Body.AddRange(Pager(Verbs.CaseDesk, DataKeys.TasksFrom, tasks, view.Tasks.Count, starts, locale));
        return card;
    }
}
