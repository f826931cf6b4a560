using TalkBot.Cards.AdaptiveCards;
using TalkBot.Cards.Localization;
using TalkBot.Cards.Records;
using TalkBot.Cards.Views;
using TalkBot.Domain.Talks;
using static TalkBot.Cards.Builders.CardParts;
using static TalkBot.Cards.Builders.CaseParts;

namespace TalkBot.Cards.Builders;

/// <summary>
/// A lead (问题线索, 000 §三2–3) with its reminder talks, dispositions (000 §四(四)) and follow-on tasks. The reporter is
/// shown only when the view carries one — the handler leaves it out for anyone but the discipline office of the lead's
/// level — and never on a briefing (谈话前情况通报, 002 §五1), which tells the talkers the problem and nothing more.
/// </summary>
public static class LeadCard
{
    public static AdaptiveCard Build(LeadView view, Locale locale)
    {
        ArgumentNullException.ThrowIfNull(view);
        var title = view.Briefing ? locale.Pick("谈话前情况通报", "Briefing before the talk") : locale.Pick("问题线索", "Lead");
        var card = NewCard($"{title}: {view.SubjectName}");
        card.Body.Add(Heading(title));
        AddNoticeAndErrors(card, view.Notice, view.Errors);

        if (view.Briefing)
        {
            card.Body.Add(Subtle(locale.Pick(
                "谈话前，纪委办（监察处）将有关问题的详细情况告诉谈话人（002 §五1）。谈话中要重视谈话对象的说明、解释，不得对反映问题的人进行追查，更不得打击报复（002 §五3）。",
                "Before the talk the discipline office tells the talkers the details of the problem (002 §五1). Listen to the talkee's explanation; nobody may try to find out who raised the problem, let alone retaliate (002 §五3).")));
        }

        card.Body.Add(Facts(
            (locale.Pick("谈话对象", "Talkee"), view.SubjectName),
            (locale.Pick("单位", "Unit"), view.SubjectUnit),
            (locale.Pick("线索来源", "Source"), Labels.Of(view.Source, locale)),
            (locale.Pick("问题类别", "Category"), Labels.Of(view.Category, locale)),
            (locale.Pick("状态", "Status"), Labels.Of(view.Status, locale)),
            (locale.Pick("登记", "Registered"), $"{view.RegisteredByName} · {DateText.DateTime(view.RegisteredAt, locale)}")));

        card.Body.Add(SubHeading(locale.Pick("反映的问题", "Problem reported")));
        card.Body.Add(Paragraph(view.Summary));

        if (!view.Briefing && view.Reporter is { } reporter)
        {
            var container = new AdaptiveContainer { Style = AdaptiveContainerStyle.Emphasis, Spacing = AdaptiveSpacing.Medium };
            container.Items.Add(SubHeading(LeadFormCard.ReporterHeading(locale)));
            container.Items.Add(reporter.IsAnonymous
                ? Paragraph(locale.Pick("匿名", "Anonymous"))
                : Facts(
                    (locale.Pick("姓名", "Name"), reporter.Name ?? locale.Pick("未提供", "not given")),
                    (locale.Pick("单位", "Unit"), reporter.Unit ?? locale.Pick("未提供", "not given"))));
            card.Body.Add(container);
        }

        if (view.Briefing)
        {
            card.Body.Add(SubHeading(ChecklistText.Heading(TalkKind.Reminder, locale)));
            card.Body.Add(Bullets(ChecklistText.Items(TalkKind.Reminder, locale)));
        }

        AddSection(card, locale.Pick("廉政提醒谈话", "Reminder talks"), [.. view.Talks.Select(t => Talk(t, locale))], locale);
        AddSection(card, locale.Pick("谈后处置（000 §四(四)）", "Dispositions (000 §四(四))"), [.. view.Dispositions.Select(d => Disposition(d, locale))], locale);

        if (view.Tasks.Count > 0)
        {
            card.Body.Add(SubHeading(locale.Pick("后续任务", "Follow-on tasks")));
            foreach (var task in view.Tasks)
            {
                card.Body.Add(Task(task, locale));
            }
        }

        var actions = new List<AdaptiveAction>();
        if (view.Admonishment is { } admonishment)
        {
            actions.Add(Show(Verbs.CaseShow, DataKeys.CaseId, admonishment.Value, locale.Pick("查看诫勉谈话", "Open the admonishment")));
        }

        var lead = new Dictionary<string, string> { [DataKeys.LeadId] = view.LeadId.Value };
        // Arranging the talk is the office's; a briefing goes to the talkers, who may still record what follows their talk (SPEC §7).
        if (view.CanArrangeTalk && !view.Briefing)
        {
            actions.Add(CardActions.Execute(Verbs.LeadTalk, locale.Pick("安排提醒谈话", "Arrange the reminder talk"), lead,
                AdaptiveActionStyle.Positive, AdaptiveAssociatedInputs.None));
        }

        if (view.CanDispose)
        {
            actions.Add(CardActions.Execute(Verbs.LeadDisposeForm, locale.Pick("记录谈后处置", "Record the dispositions"), lead,
                associatedInputs: AdaptiveAssociatedInputs.None));
        }

        if (actions.Count > 0)
        {
            card.Body.Add(CardActions.Set([.. actions]));
        }

        return card;
    }
}
