using System.Globalization;
using TalkBot.Cards.AdaptiveCards;
using TalkBot.Cards.Localization;
using TalkBot.Cards.Records;
using TalkBot.Cards.Views;
using TalkBot.Domain.Records;
using TalkBot.Domain.Talks;
using static TalkBot.Cards.Builders.CardParts;

namespace TalkBot.Cards.Builders;

/// <summary>
/// The record form (000 §四(一)4): when, where, who, the checklist of the kind, and a part per talkee. Input ids are
/// <see cref="RecordFields"/>, read back by <see cref="RecordInputParser"/>.
/// </summary>
public static class RecordFormCard
{
    public static AdaptiveCard Build(RecordFormView view, Locale locale)
    {
        ArgumentNullException.ThrowIfNull(view);
        string? V(string key) => view.Values.TryGetValue(key, out var value) ? value : null;
        var title = ChecklistText.FormName(view.Kind, locale);
        var card = NewCard(title);
        card.Body.Add(Heading(title));
        card.Body.Add(Facts(
            (locale.Pick("谈话类型", "Kind"), Labels.Of(view.Kind, locale)),
            (locale.Pick("谈话对象", "Talkee(s)"), Names(view.Talkees.Select(t => t.Name), locale)),
            (locale.Pick("通知时间", "Notified time"), DateText.DateTime(view.Scheduled, locale)),
            (locale.Pick("通知地点", "Notified place"), view.PlannedPlace),
            (locale.Pick("修改版本", "Revising version"), view.Revises?.ToString(CultureInfo.InvariantCulture))));

        if (view.Errors is { Count: > 0 } errors)
        {
            card.Body.Add(Attention(errors));
        }

        if (view.Attendance is { Count: > 0 } attendance)
        {
            Attendance(card, view.TalkId, attendance, locale);
            if (attendance.All(a => a.Absent))
            {
                // 000 §四(五)1: nobody came, so there is no talk to record; the form's fields would only be refused.
                return card;
            }
        }

        if (view.Quizzes is { Count: > 0 } quizzes)
        {
            // 000 §三: 日常廉政谈话前应进行廉政常识测试 — the recorder sees who took it before the talk.
            card.Body.Add(SubHeading(locale.Pick("谈话前廉政常识测试（000 §三）", "Integrity quiz before the talk (000 §三)")));
            card.Body.Add(new AdaptiveFactSet
            {
                Facts = [.. quizzes.Select(q => new AdaptiveFact(q.TalkeeName, QuizText(q, locale)))],
            });
        }

        if (view.Disputes is { Count: > 0 } disputes)
        {
            card.Body.Add(new AdaptiveContainer
            {
                Style = AdaptiveContainerStyle.Warning,
                Items =
                [
                    new AdaptiveTextBlock(locale.Pick("谈话对象的异议", "The talkee's dispute")) { Weight = AdaptiveTextWeight.Bolder, Wrap = true },
                    .. disputes.Select(d => Paragraph(locale.Pick(
                        $"{d.TalkeeName}（{DateText.DateTime(d.At, locale)}）：{d.Comment}", $"{d.TalkeeName} ({DateText.DateTime(d.At, locale)}): {d.Comment}"))),
                ],
            });
        }

        card.Body.Add(new AdaptiveDateInput
        {
            Id = RecordFields.Date,
            Label = RecordFields.Label(RecordFields.Date, locale),
            IsRequired = true,
            ErrorMessage = Required(RecordFields.Date, locale),
            Value = V(RecordFields.Date),
        });
        card.Body.Add(new AdaptiveTimeInput
        {
            Id = RecordFields.Start,
            Label = RecordFields.Label(RecordFields.Start, locale),
            IsRequired = true,
            ErrorMessage = Required(RecordFields.Start, locale),
            Value = V(RecordFields.Start),
        });
        card.Body.Add(new AdaptiveTimeInput
        {
            Id = RecordFields.End,
            Label = RecordFields.Label(RecordFields.End, locale),
            IsRequired = true,
            ErrorMessage = Required(RecordFields.End, locale),
            Value = V(RecordFields.End),
        });
        card.Body.Add(new AdaptiveTextInput
        {
            Id = RecordFields.Place,
            Label = RecordFields.Label(RecordFields.Place, locale),
            IsRequired = true,
            ErrorMessage = Required(RecordFields.Place, locale),
            MaxLength = RecordInputParser.MaxPlaceLength,
            Value = V(RecordFields.Place),
        });
        card.Body.Add(new AdaptiveChoiceSetInput
        {
            Id = RecordFields.Format,
            Label = RecordFields.Label(RecordFields.Format, locale),
            Style = AdaptiveChoiceInputStyle.Expanded,
            Choices = [.. Enum.GetValues<TalkFormat>().Select(f => new AdaptiveChoice(Labels.Of(f, locale), f.ToString()))],
            Value = V(RecordFields.Format) ?? nameof(TalkFormat.Individual),
        });
        var talkers = Datasets.About(Datasets.RecordTalkers, view.TalkId.Value);
        card.Body.Add(People(RecordFields.Lead, view.Talkers, V(RecordFields.Lead), talkers, multi: false, required: true, locale));
        card.Body.Add(People(RecordFields.Joint, view.Talkers, V(RecordFields.Joint), talkers, multi: true, required: false, locale));
        if (view.Delegators.Count > 0)
        {
            // 000 §二: the talk is delegated by one of the talkers it was notified with, all of them listed.
            card.Body.Add(People(RecordFields.DelegatedBy, view.Delegators, V(RecordFields.DelegatedBy), null, multi: false, required: false, locale));
        }

        card.Body.Add(People(RecordFields.Recorder, view.Recorders, V(RecordFields.Recorder), Datasets.About(Datasets.RecordRecorders, view.TalkId.Value),
            multi: false, required: true, locale));

        var items = ChecklistText.Items(view.Kind, locale);
        card.Body.Add(new AdaptiveChoiceSetInput
        {
            Id = RecordFields.Checklist,
            Label = ChecklistText.Heading(view.Kind, locale),
            IsMultiSelect = true,
            Style = AdaptiveChoiceInputStyle.Expanded,
            Wrap = true,
            IsRequired = true,
            ErrorMessage = locale.Pick("请勾选谈话内容。", "Tick the content covered."),
            Choices = [.. items.Select((text, i) => new AdaptiveChoice($"{i + 1}. {text}", (i + 1).ToString(CultureInfo.InvariantCulture)))],
            Value = V(RecordFields.Checklist),
        });

        // A part per talkee: a collective talk has one record, and each talkee verifies their own part (002 §五7). The
        // steps of a procedure are written out (000 §四(三), 002 §三); a routine talk's topics may find nothing.
        var stepsRequired = ContentChecklist.AllRequired(view.Kind);
        for (var n = 1; n <= view.Talkees.Count; n++)
        {
            var container = new AdaptiveContainer { Separator = true, Spacing = AdaptiveSpacing.Large };
            container.Items.Add(SubHeading(locale.Pick($"谈话对象：{view.Talkees[n - 1].Name}", $"Talkee: {view.Talkees[n - 1].Name}")));
            container.Items.Add(Multiline(RecordFields.Part(n, RecordFields.Problems), RecordFields.Problems, V, stepsRequired, locale));
            container.Items.Add(Multiline(RecordFields.Part(n, RecordFields.Explanation), RecordFields.Explanation, V, stepsRequired, locale));
            container.Items.Add(Multiline(RecordFields.Part(n, RecordFields.Requirements), RecordFields.Requirements, V, stepsRequired, locale));
            container.Items.Add(new AdaptiveToggleInput
            {
                Id = RecordFields.Part(n, RecordFields.Rectification),
                Title = locale.Pick("需要整改（谈话结束后3日内上报整改措施落实情况，000 §四(一)5）", "Rectification required (measures reported within 3 days after the talk, 000 §四(一)5)"),
                // valueOn/valueOff are left at their defaults, "true" and "false", which the parser reads.
                Value = V(RecordFields.Part(n, RecordFields.Rectification)) ?? "false",
                Wrap = true,
            });
            container.Items.Add(Multiline(RecordFields.Part(n, RecordFields.Items), RecordFields.Items, V, false, locale));
            card.Body.Add(container);
        }

        card.Body.Add(CardActions.Set(CardActions.Execute(
            Verbs.RecordSubmit,
            locale.Pick("提交记录，请谈话对象核实", "Submit for the talkee's verification"),
            new Dictionary<string, string> { [DataKeys.TalkId] = view.TalkId.Value, [DataKeys.FormId] = view.FormId },
            AdaptiveActionStyle.Positive)));
        return card;
    }

    /// <summary>
    /// 未到场: instead of a record, a talkee who did not come without leave is recorded absent through the attendance
    /// path (talk.absent: stored on the talk, the office told, 000 §四(五)1); one button per talkee not yet recorded.
    /// </summary>
    private static void Attendance(AdaptiveCard card, Domain.TalkId talkId, IReadOnlyList<RecordAttendance> attendance, Locale locale)
    {
        card.Body.Add(SubHeading(locale.Pick("谈话对象到场情况（000 §四(五)1）", "Did the talkee attend? (000 §四(五)1)")));
        if (attendance.All(a => a.Absent))
        {
            card.Body.Add(Attention([locale.Pick(
                "谈话对象均已登记无故缺席：谈话未举行，不能登记谈话记录；请另行安排谈话（000 §四(一)4、§四(五)1）。",
                "Every talkee was recorded absent without leave: the talk did not take place and has no record; arrange it again (000 §四(一)4, §四(五)1).")]));
        }
        else
        {
            card.Body.Add(Subtle(locale.Pick(
                "谈话对象无故未到的，不填写记录，点击“未到场”登记无故缺席，纪委办将收到通知；须在提交记录前登记。",
                "If a talkee did not come without leave, do not fill in a record for them: click \"Did not attend\" and the discipline office is told; do it before submitting the record.")));
        }

        foreach (var line in attendance)
        {
            if (line.Absent)
            {
                card.Body.Add(Status(locale.Pick($"{line.Name}：已登记无故缺席", $"{line.Name}: recorded absent without leave"),
                    AdaptiveContainerStyle.Attention, AdaptiveTextColor.Attention));
            }
            else if (line.MayRecord)
            {
                card.Body.Add(CardActions.Set(CardActions.Execute(Verbs.TalkAbsent,
                    locale.Pick($"{line.Name}未到场（登记无故缺席）", $"{line.Name} did not attend (record absent without leave)"),
                    new Dictionary<string, string> { [DataKeys.TalkId] = talkId.Value, [DataKeys.Talkee] = line.Talkee.Value },
                    AdaptiveActionStyle.Destructive, AdaptiveAssociatedInputs.None, $"{Verbs.TalkAbsent}.{line.Talkee.Value}")));
            }
        }
    }

    private static AdaptiveTextInput Multiline(string id, string field, Func<string, string?> value, bool required, Locale locale) => new()
    {
        Id = id,
        Label = RecordFields.Label(field, locale),
        IsMultiline = true,
        IsRequired = required,
        ErrorMessage = required ? Required(field, locale) : null,
        MaxLength = RecordInputParser.MaxTextLength,
        Value = value(id),
    };

    private static AdaptiveElement People(string field, IReadOnlyList<PersonChoice> people, string? value, string? dataset, bool multi, bool required, Locale locale) =>
        PersonInput.Build(field, RecordFields.Label(field, locale), people, value, dataset, required, Required(field, locale), locale, multi);

    private static string QuizText(RecordQuiz quiz, Locale locale) => quiz switch
    {
        { Taken: true, Score: { } score, Total: { } total } => locale.Pick($"已参加，得分 {score} / {total}", $"Taken: {score} / {total}"),
        { Taken: true } => locale.Pick("已参加", "Taken"),
        _ => locale.Pick("未参加测试", "Not taken"),
    };

    private static string Required(string field, Locale locale) => locale.Pick(
        $"请填写“{RecordFields.Label(field, locale)}”。",
        $"Please fill in “{RecordFields.Label(field, locale)}”.");
}
