using System.Globalization;
using TalkBot.Cards.AdaptiveCards;
using TalkBot.Cards.Localization;
using TalkBot.Cards.Records;
using TalkBot.Cards.Views;
using TalkBot.Domain.Rectifications;
using static TalkBot.Cards.Builders.CardParts;

namespace TalkBot.Cards.Builders;

/// <summary>
/// 整改措施落实情况 (000 §四(一)5): the items, the due date, every report with its review; the talkee's copy is the
/// report form, the reviewer's offers 通过 and 退回.
/// </summary>
public static class RectificationCard
{
    public static AdaptiveCard Build(RectificationView view, Locale locale)
    {
        ArgumentNullException.ThrowIfNull(view);
        var title = locale.Pick("整改措施落实情况", "Rectification report");
        var card = NewCard($"{title}: {view.TalkeeName}");
        card.Body.Add(Heading(title));
        if (view.Notice is { Length: > 0 } notice)
        {
            card.Body.Add(Status(notice, AdaptiveContainerStyle.Accent, AdaptiveTextColor.Accent));
        }

        if (view.Errors is { Count: > 0 } errors)
        {
            card.Body.Add(Attention(errors));
        }

        var due = DateText.Date(view.DueDate, locale);
        card.Body.Add(Facts(
            (locale.Pick("谈话对象", "Talkee"), view.TalkeeName),
            (locale.Pick("谈话", "Talk"), $"{Labels.Of(view.Kind, locale)} · {DateText.DateTime(view.TalkAt, locale)}"),
            (locale.Pick("上报期限", "Due"), view.Overdue ? locale.Pick($"{due}（已逾期）", $"{due} (overdue)") : due),
            (locale.Pick("状态", "Status"), RectificationInputParser.Label(view.Status, locale))));
        card.Body.Add(Subtle(locale.Pick(
            "谈话对象根据指出的问题和要求，于谈话结束后3日内上报整改措施落实情况（000 §四(一)5）。",
            "The talkee reports the measures taken within 3 days after the talk (000 §四(一)5).")));
        if (CalendarNote(view.UncoveredYears, locale) is { } note)
        {
            card.Body.Add(note);
        }

        // The report form names each item above its inputs; every other copy lists the items once here.
        if (view.Mode != RectificationCardMode.Report)
        {
            card.Body.Add(SubHeading(locale.Pick("整改事项", "Items")));
            card.Body.Add(Bullets(view.Items.Select((item, i) => locale.Pick($"第{i + 1}项：{item}", $"Item {i + 1}: {item}"))));
        }

        foreach (var report in view.Reports)
        {
            card.Body.Add(Report(report, view, locale));
        }

        switch (view.Mode)
        {
            case RectificationCardMode.Report:
                AddForm(card, view, locale);
                break;
            case RectificationCardMode.Review when view.Reports.Count > 0:
                AddReview(card, view, view.Reports[^1].Number, locale);
                break;
        }

        return card;
    }

    private static AdaptiveContainer Report(RectificationReportView report, RectificationView view, Locale locale)
    {
        var container = new AdaptiveContainer { Separator = true, Spacing = AdaptiveSpacing.Medium };
        var when = DateText.DateTime(report.SubmittedAt, locale);
        container.Items.Add(SubHeading(locale.Pick(
            $"第{report.Number}次上报（{when}）{(report.Late ? "· 逾期上报" : "")}",
            $"Report {report.Number} ({when}){(report.Late ? " · late" : "")}")));
        foreach (var m in report.Measures)
        {
            // The item itself is listed once (above, or over the form's inputs): a report line names it by number.
            var done = m.CompletedOn is { } d ? locale.Pick($"，{DateText.Date(d, locale)}完成", $", done {DateText.Date(d, locale)}") : "";
            container.Items.Add(Paragraph(locale.Pick(
                $"第{m.Item}项：{m.Measure}【{RectificationInputParser.Label(m.Status, locale)}{done}】",
                $"Item {m.Item}: {m.Measure} [{RectificationInputParser.Label(m.Status, locale)}{done}]")));
        }

        if (report.Accepted is { } accepted)
        {
            container.Items.Add(new AdaptiveTextBlock(accepted
                ? locale.Pick($"{report.ReviewerName}：审核通过", $"{report.ReviewerName}: accepted")
                : locale.Pick(
                    $"{report.ReviewerName}：退回（{report.ReviewComment}），新期限 {DateText.Date(report.NewDueDate!.Value, locale)}",
                    $"{report.ReviewerName}: returned ({report.ReviewComment}); new due date {DateText.Date(report.NewDueDate!.Value, locale)}"))
            {
                Wrap = true,
                Color = accepted ? AdaptiveTextColor.Good : AdaptiveTextColor.Warning,
            });
        }

        return container;
    }

    private static void AddForm(AdaptiveCard card, RectificationView view, Locale locale)
    {
        string? V(string key) => view.Values is not null && view.Values.TryGetValue(key, out var value) ? value : null;
        for (var n = 1; n <= view.Items.Count; n++)
        {
            var container = new AdaptiveContainer { Separator = true, Spacing = AdaptiveSpacing.Medium };
            container.Items.Add(SubHeading(locale.Pick($"第{n}项：{view.Items[n - 1]}", $"Item {n}: {view.Items[n - 1]}")));
            container.Items.Add(new AdaptiveTextInput
            {
                Id = RectificationFields.Of(n, RectificationFields.Measure),
                Label = locale.Pick($"第{n}项整改措施", $"Measure for item {n}"),
                IsMultiline = true,
                IsRequired = true,
                ErrorMessage = locale.Pick($"请填写第{n}项的整改措施。", $"Give the measure for item {n}."),
                MaxLength = RectificationFields.MaxMeasureLength,
                Value = V(RectificationFields.Of(n, RectificationFields.Measure)),
            });
            container.Items.Add(new AdaptiveChoiceSetInput
            {
                Id = RectificationFields.Of(n, RectificationFields.Status),
                Label = locale.Pick($"第{n}项整改状态", $"Status of item {n}"),
                Style = AdaptiveChoiceInputStyle.Expanded,
                Choices = [.. Enum.GetValues<MeasureStatus>().Select(s => new AdaptiveChoice(RectificationInputParser.Label(s, locale), s.ToString()))],
                // 整改中 first: a finished item needs its 完成日期 (000 §四(一)5, checked in Domain), which the cadre adds
                // when choosing 已完成; starting at 已完成 refused a form whose starred fields were all filled.
                Value = V(RectificationFields.Of(n, RectificationFields.Status)) ?? nameof(MeasureStatus.InProgress),
            });
            container.Items.Add(new AdaptiveDateInput
            {
                Id = RectificationFields.Of(n, RectificationFields.Date),
                Label = locale.Pick($"第{n}项完成日期（已完成时填写）", $"Item {n} completed on (when done)"),
                Value = V(RectificationFields.Of(n, RectificationFields.Date)),
            });
            card.Body.Add(container);
        }

        var ids = new Dictionary<string, string> { [DataKeys.TalkId] = view.TalkId.Value, [DataKeys.FormId] = view.FormId ?? "" };
        card.Body.Add(CardActions.Set(CardActions.Execute(
            Verbs.RectificationSubmit, locale.Pick("上报整改情况", "Submit the report"), ids, AdaptiveActionStyle.Positive)));
    }

    private static void AddReview(AdaptiveCard card, RectificationView view, int report, Locale locale)
    {
        var ids = new Dictionary<string, string>
        {
            [DataKeys.TalkId] = view.TalkId.Value,
            [DataKeys.Talkee] = view.Talkee.Value,
            [DataKeys.Report] = report.ToString(CultureInfo.InvariantCulture),
        };
        var form = AdaptiveCard.Nested();
        form.Body.Add(new AdaptiveTextInput
        {
            Id = DataKeys.Comment,
            Label = locale.Pick("退回理由", "Why it is returned"),
            IsMultiline = true,
            IsRequired = true,
            MaxLength = 1000,
            ErrorMessage = locale.Pick("退回整改报告须说明理由。", "Say why the report is returned."),
        });
        form.Body.Add(new AdaptiveDateInput
        {
            Id = DataKeys.DueDate,
            Label = locale.Pick("新的上报期限", "New due date"),
            IsRequired = true,
            ErrorMessage = locale.Pick("请指定新的上报期限。", "Give a new due date."),
        });
        form.Actions.Add(CardActions.Execute(Verbs.RectificationReturn, locale.Pick("退回", "Return"), ids));
        card.Body.Add(CardActions.Set(
            CardActions.Execute(Verbs.RectificationAccept, locale.Pick("审核通过", "Accept"), ids, AdaptiveActionStyle.Positive, AdaptiveAssociatedInputs.None),
            new AdaptiveShowCardAction(form) { Title = locale.Pick("退回整改", "Return") }));
    }
}
