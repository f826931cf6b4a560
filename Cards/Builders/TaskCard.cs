using TalkBot.Cards.AdaptiveCards;
using TalkBot.Cards.Localization;
using TalkBot.Cards.Views;
using TalkBot.Domain.FollowUps;
using static TalkBot.Cards.Builders.CardParts;
using static TalkBot.Cards.Builders.CaseParts;

namespace TalkBot.Cards.Builders;

/// <summary>
/// A follow-on task: written material the person owes (书面答复或说明, 书面检查, 集体剖析材料及整改措施), reviewed before
/// it is archived (002 §五7), or a step the discipline office owes (再次谈话, 函询, 初步核实). The assignee's copy is the
/// submit form; a reviewer's offers 审阅通过 and 退回 for the latest submission.
/// </summary>
public static class TaskCard
{
    public const int MaxTextLength = 8000;
    public const int MaxCommentLength = 1000;

    public static AdaptiveCard Build(TaskView view, Locale locale)
    {
        ArgumentNullException.ThrowIfNull(view);
        string? V(string key) => Value(view.Values, key);
        var title = Labels.Of(view.Kind, locale);
        var card = NewCard($"{title}: {view.SubjectName}");
        card.Body.Add(Heading(title));
        AddNoticeAndErrors(card, view.Notice, view.Errors);
        card.Body.Add(Facts(
            (locale.Pick("涉及人员", "Concerning"), view.SubjectName),
            (locale.Pick("承办人", "Assigned to"), view.AssigneeName),
            (locale.Pick("要求", "Instruction"), view.Instruction),
            (locale.Pick("期限", "Due"), Due(view.DueDate, view.Overdue, locale)),
            (locale.Pick("状态", "Status"), Labels.Of(view.Status, locale))));
        card.Body.Add(Subtle(Source(view.Kind, view.Origin, locale)));
        if (CalendarNote(view.UncoveredYears, locale) is { } note)
        {
            card.Body.Add(note);
        }

        foreach (var submission in view.Submissions)
        {
            card.Body.Add(Submission(submission, locale));
        }

        switch (view.Mode)
        {
            case TaskCardMode.Submit:
                card.Body.Add(new AdaptiveTextInput
                {
                    Id = CaseFields.TaskText,
                    Label = TextLabel(view.Kind, locale),
                    IsMultiline = true,
                    IsRequired = true,
                    ErrorMessage = Fill(TextLabel(view.Kind, locale), locale),
                    MaxLength = MaxTextLength,
                    Value = V(CaseFields.TaskText),
                });
                var submit = CardActions.Execute(Verbs.TaskSubmit, locale.Pick("提交", "Submit"),
                    new Dictionary<string, string> { [DataKeys.TaskId] = view.TaskId.Value, [DataKeys.FormId] = view.FormId ?? "" },
                    AdaptiveActionStyle.Positive);
                // 000 §四(四)5 再次谈话: the office arranges the next reminder talk on the lead; arranging it completes the task.
                card.Body.Add(view.Kind == Domain.FollowUps.CaseTaskKind.SecondTalk
                    ? CardActions.Set(CardActions.Execute(Verbs.LeadTalk, locale.Pick("安排再次谈话", "Arrange the second talk"),
                        new Dictionary<string, string> { [DataKeys.LeadId] = view.TaskId.Origin }, associatedInputs: AdaptiveAssociatedInputs.None), submit)
                    : CardActions.Set(submit));
                break;
            case TaskCardMode.Review when view.Submissions.Count > 0:
                AddReview(card, view, view.Submissions.Max(s => s.Number), V, locale);
                break;
        }

        return card;
    }

    private static AdaptiveContainer Submission(SubmissionLine submission, Locale locale)
    {
        var container = new AdaptiveContainer { Separator = true, Spacing = AdaptiveSpacing.Medium };
        var when = DateText.DateTime(submission.At, locale);
        container.Items.Add(SubHeading(locale.Pick(
            $"第{submission.Number}次提交（{when}）{(submission.Late ? " · 逾期提交" : "")}",
            $"Submission {submission.Number} ({when}){(submission.Late ? " · late" : "")}")));
        container.Items.Add(Paragraph(submission.Text));
        if (submission.Accepted is { } accepted)
        {
            var reviewer = submission.ReviewerName ?? "?";
            var text = accepted
                ? locale.Pick($"{reviewer}：审阅通过", $"{reviewer}: accepted")
                : locale.Pick($"{reviewer}：退回（{submission.Comment}）", $"{reviewer}: returned ({submission.Comment})");
            if (accepted && submission.Comment is { Length: > 0 } comment)
            {
                text += locale.Pick($"（{comment}）", $" ({comment})");
            }

            if (!accepted && submission.NewDueDate is { } due)
            {
                text += locale.Pick($"，新期限 {DateText.Date(due, locale)}", $"; new due date {DateText.Date(due, locale)}");
            }

            container.Items.Add(new AdaptiveTextBlock(text) { Wrap = true, Color = accepted ? AdaptiveTextColor.Good : AdaptiveTextColor.Warning });
        }

        return container;
    }

    private static void AddReview(AdaptiveCard card, TaskView view, int report, Func<string, string?> value, Locale locale)
    {
        var ids = new Dictionary<string, string> { [DataKeys.TaskId] = view.TaskId.Value, [DataKeys.Report] = Number(report) };
        card.Body.Add(new AdaptiveTextInput
        {
            Id = DataKeys.Comment,
            Label = locale.Pick("审阅意见（退回时必填）", "Review comment (required to return)"),
            IsMultiline = true,
            MaxLength = MaxCommentLength,
            Value = value(DataKeys.Comment),
        });
        card.Body.Add(new AdaptiveDateInput
        {
            Id = DataKeys.DueDate,
            Label = locale.Pick("新的提交期限（退回时必填）", "New due date (required to return)"),
            Value = value(DataKeys.DueDate),
        });
        card.Body.Add(CardActions.Set(
            CardActions.Execute(Verbs.TaskAccept, locale.Pick("审阅通过", "Accept"), ids, AdaptiveActionStyle.Positive),
            CardActions.Execute(Verbs.TaskReturn, locale.Pick("退回", "Return"), ids, AdaptiveActionStyle.Destructive)));
    }

    private static string TextLabel(CaseTaskKind kind, Locale locale) => kind switch
    {
        CaseTaskKind.WrittenReply => locale.Pick("书面答复或说明", "Your written reply or explanation"),
        CaseTaskKind.SelfExamination => locale.Pick("书面检查", "Your written self-examination"),
        CaseTaskKind.CollectiveAnalysis => locale.Pick("集体剖析材料及整改措施", "The collective analysis and rectification measures"),
        CaseTaskKind.SecondTalk => locale.Pick("再次谈话情况", "How the second talk went"),
        CaseTaskKind.LetterInquiry => locale.Pick("函询情况及结果", "The letter inquiry and its result"),
        _ => locale.Pick("初步核实情况及结果", "The preliminary verification and its result"),
    };

    private static string Source(CaseTaskKind kind, CaseTaskOrigin origin, Locale locale) => (kind, origin) switch
    {
        // 002 §四4: after an admonishment with a minor violation, the 书面检查 is owed by the rule of 002, not ordered under 000.
        (CaseTaskKind.SelfExamination, CaseTaskOrigin.Admonishment) => locale.Pick(
            "书面检查（002 §四4）：对有轻微违纪行为问题的责任对象，在诫勉谈话教育后还须要求其交出书面检查；责任人阅后交纪委办（监察处）归档（002 §五7）。",
            "Written self-examination (002 §四4): after an admonishment with a minor violation, the person hands in a written self-examination, read by the responsible person and archived by the discipline office (002 §五7)."),
        (CaseTaskKind.WrittenReply, _) => locale.Pick(
            "需要谈话对象对有关问题作出书面答复或者说明的，可以要求谈话对象提供书面材料（000 §四(四)1）。",
            "The talkee may be asked to answer or explain in writing (000 §四(四)1)."),
        (CaseTaskKind.SelfExamination, _) => locale.Pick(
            "责令检查（000 §四(四)4）：对问题轻微、不需要追究党政纪责任的，责令其作出书面检查。",
            "Ordered self-examination (000 §四(四)4): for a minor problem that calls for no Party or administrative discipline, a written self-examination is ordered."),
        (CaseTaskKind.CollectiveAnalysis, _) => locale.Pick(
            "对有轻微违纪行为的单位，在对其负责人进行诫勉谈话后，还须交出书面的集体剖析材料及整改措施（002 §四4）。",
            "After the admonishment of a unit's head, the unit submits a written collective analysis and rectification measures (002 §四4)."),
        _ => locale.Pick(
            "反映问题比较具体，但被反映人予以否认，或者说明存在明显问题的，应当再次谈话函询或者进行初步核实（000 §四(四)5）。",
            "A specific report that is denied, or an explanation that shows an evident problem, calls for a second talk, a letter inquiry or a preliminary verification (000 §四(四)5)."),
    };
}
