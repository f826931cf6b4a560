using TalkBot.Cards.AdaptiveCards;
using TalkBot.Cards.Localization;
using TalkBot.Cards.Views;
using static TalkBot.Cards.Builders.CardParts;
using static TalkBot.Cards.Builders.CaseParts;

namespace TalkBot.Cards.Builders;

/// <summary>
/// 个人廉政档案 (000 §四(一)6: 提醒谈话材料应当存入个人廉政档案), for the discipline office: one person's talks and their
/// records, reminder-talk materials with their dispositions, admonishments and follow-on tasks, each section newest (or
/// most urgent) first and a page at a time. Leads appear without their reporters (SPEC §6): <see cref="LeadLine"/> has
/// none to show.
/// </summary>
public static class ArchiveCard
{
    public static AdaptiveCard Build(ArchiveView view, Locale locale)
    {
        ArgumentNullException.ThrowIfNull(view);
        var title = locale.Pick("个人廉政档案", "Personal integrity archive");
        var card = NewCard(view.PersonName is { } name ? $"{title}: {name}" : title);
        card.Body.Add(Heading(view.PersonName is { } heading ? locale.Pick($"{title}：{heading}", $"{title}: {heading}") : title));

        var label = Labels.CaseField(CaseFields.Person, locale)!;
        card.Body.Add(People(CaseFields.Person, label, view.People, view.Person?.Value, Datasets.ArchiveSubjects, locale));
        if (view.People.Count > 0)
        {
            card.Body.Add(CardActions.Set(CardActions.Execute(Verbs.ArchiveShow, locale.Pick("查看", "Open"))));
        }

        if (view.PersonName is not { } person)
        {
            card.Body.Add(Subtle(locale.Pick("请选择人员查看其个人廉政档案。每次查看均记入审计日志（SPEC §6）。", "Choose a person to open their archive. Every view is written to the audit log (SPEC §6).")));
            return card;
        }

        card.Body.Add(Facts(
            (locale.Pick("姓名", "Name"), person),
            (locale.Pick("单位", "Unit"), view.UnitName),
            (locale.Pick("职级", "Rank"), view.Rank is { } rank ? Labels.Of(rank, locale) : null)));
        card.Body.Add(Subtle(locale.Pick("本次查看已记入审计日志（SPEC §6）。", "This view is written to the audit log (SPEC §6).")));
        if (view.Person is { } id)
        {
            card.Body.Add(CardActions.Set(CardActions.Execute(Verbs.ArchiveExport, locale.Pick("导出 CSV", "Export CSV"),
                new Dictionary<string, string> { [DataKeys.ArchiveOf] = id.Value }, associatedInputs: AdaptiveAssociatedInputs.None)));
        }

        var pages = view.Pages ?? new ArchivePages(null, null, null, null);
        var talks = pages.Talks ?? ListPage.Whole(view.Talks);
        var leads = pages.Leads ?? ListPage.Whole(view.Leads);
        var cases = pages.Cases ?? ListPage.Whole(view.Cases);
        var tasks = pages.Tasks ?? ListPage.Whole(view.Tasks, t => t.Overdue);
        var starts = Starts((DataKeys.TalksFrom, talks), (DataKeys.LeadsFrom, leads), (DataKeys.CasesFrom, cases), (DataKeys.TasksFrom, tasks));
        if (view.Person is { } whose)
        {
            starts[CaseFields.Person] = whose.Value;
        }

        // 000 §四(一)6, 002 §五7: the archive holds the material itself; each recorded talk and each task handed in opens it
        // (one read per click, whatever the archive's size), and the CSV carries all of it.
        card.Body.Add(SubHeading(locale.Pick("谈话", "Talks")));
        if (view.Talks.Count == 0)
        {
            card.Body.Add(Subtle(None(locale)));
        }

        foreach (var talk in ListOrder.Talks(view.Talks))
        {
            card.Body.Add(talk.Record is null || view.Person is not { } owner
                ? new AdaptiveContainer { Separator = true, Items = [Paragraph(Talk(talk, locale))] }
                : Line(Paragraph(Talk(talk, locale)), ArchiveMaterialParts.Button(owner, DataKeys.TalkId, talk.TalkId.Value, locale)));
        }

        card.Body.AddRange(Pager(Verbs.ArchiveShow, DataKeys.TalksFrom, talks, view.Talks.Count, starts, locale));

        card.Body.Add(SubHeading(locale.Pick("提醒谈话材料", "Reminder-talk materials")));
        if (view.Leads.Count == 0)
        {
            card.Body.Add(Subtle(None(locale)));
        }

        foreach (var lead in ListOrder.Leads(view.Leads))
        {
            card.Body.Add(LeadItem(lead, locale));
        }

        card.Body.AddRange(Pager(Verbs.ArchiveShow, DataKeys.LeadsFrom, leads, view.Leads.Count, starts, locale));
        card.Body.Add(SubHeading(locale.Pick("诫勉谈话", "Admonishments")));
        if (view.Cases.Count == 0)
        {
            card.Body.Add(Subtle(None(locale)));
        }

        foreach (var line in ListOrder.Cases(view.Cases))
        {
            card.Body.Add(CaseItem(line, locale));
        }

        card.Body.AddRange(Pager(Verbs.ArchiveShow, DataKeys.CasesFrom, cases, view.Cases.Count, starts, locale));
        card.Body.Add(SubHeading(locale.Pick("后续任务", "Follow-on tasks")));
        if (view.Tasks.Count == 0)
        {
            card.Body.Add(Subtle(None(locale)));
        }

        foreach (var task in ListOrder.Tasks(view.Tasks))
        {
            var line = Task(task, locale);
            if (task.Status != Domain.FollowUps.CaseTaskStatus.Open && view.Person is { } owner)
            {
                line.Items.Add(CardActions.Set(ArchiveMaterialParts.Button(owner, DataKeys.TaskId, task.TaskId.Value, locale)));
            }

            card.Body.Add(line);
        }

        card.Body.AddRange(Pager(Verbs.ArchiveShow, DataKeys.TasksFrom, tasks, view.Tasks.Count, starts, locale));
        return card;
    }
}
