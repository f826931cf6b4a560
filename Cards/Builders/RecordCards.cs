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

        if (view.Disputes is { Count: > 0 } disputes)
        {
            card.Body.Add(new AdaptiveContainer
            {
                Style = AdaptiveContainerStyle.Warning,
                Items =
                [
                    new AdaptiveTextBlock(locale.Pick("谈话对象的异议", "The talkee's dispute")) { Weight = AdaptiveTextWeight.Bolder, Wrap = true },
                    .. disputes.Select(d => Paragraph($"{d.TalkeeName}（{DateText.DateTime(d.At, locale)}）：{d.Comment}")),
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
        card.Body.Add(People(RecordFields.Lead, view.Talkers, V(RecordFields.Lead), multi: false, required: true, locale));
        card.Body.Add(People(RecordFields.Joint, view.Talkers, V(RecordFields.Joint), multi: true, required: false, locale));
        if (view.Delegators.Count > 0)
        {
            card.Body.Add(People(RecordFields.DelegatedBy, view.Delegators, V(RecordFields.DelegatedBy), multi: false, required: false, locale));
        }

        card.Body.Add(People(RecordFields.Recorder, view.Recorders, V(RecordFields.Recorder), multi: false, required: true, locale));

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

    private static AdaptiveElement People(string field, IReadOnlyList<PersonChoice> people, string? value, bool multi, bool required, Locale locale)
    {
        var label = RecordFields.Label(field, locale);
        if (people.Count == 0)
        {
            return new AdaptiveTextBlock(locale.Pick($"{label}：没有可选择的人员。", $"{label}: nobody is available to choose."))
            {
                Wrap = true,
                Color = required ? AdaptiveTextColor.Attention : AdaptiveTextColor.Default,
            };
        }

        return new AdaptiveChoiceSetInput
        {
            Id = field,
            Label = label,
            IsRequired = required,
            ErrorMessage = required ? Required(field, locale) : null,
            IsMultiSelect = multi,
            Style = multi ? AdaptiveChoiceInputStyle.Compact : AdaptiveChoiceInputStyle.Filtered,
            Placeholder = locale.Pick(required ? "请选择" : "无", required ? "Choose" : "None"),
            Choices = [.. people.Select(p => new AdaptiveChoice(p.Detail is null ? p.DisplayName : $"{p.DisplayName}（{p.Detail}）", p.Id.Value))],
            Value = string.IsNullOrWhiteSpace(value) ? null : value,
        };
    }

    private static string Required(string field, Locale locale) => locale.Pick(
        $"请填写“{RecordFields.Label(field, locale)}”。",
        $"Please fill in “{RecordFields.Label(field, locale)}”.");
}

/// <summary>
/// One version of a record as logged. The talkee's copy (<see cref="RecordCardMode.Verify"/>) offers 确认无误 and
/// 有异议 with a required comment; the recorder's offers a revision.
/// </summary>
public static class RecordCard
{
    public static AdaptiveCard Build(RecordView view, Locale locale)
    {
        ArgumentNullException.ThrowIfNull(view);
        var title = ChecklistText.FormName(view.Kind, locale);
        var card = NewCard($"{title} {DateText.DateTime(view.StartedAt, locale)}");
        card.Body.Add(Heading(title));
        if (view.Notice is { Length: > 0 } notice)
        {
            card.Body.Add(Attention([notice]));
        }

        var statusStyle = view.Status switch
        {
            RecordStatus.Verified => (AdaptiveContainerStyle.Good, AdaptiveTextColor.Good),
            RecordStatus.Disputed => (AdaptiveContainerStyle.Warning, AdaptiveTextColor.Warning),
            _ => (AdaptiveContainerStyle.Accent, AdaptiveTextColor.Accent),
        };
        card.Body.Add(Status(
            locale.Pick($"第{view.Version}版 · {ChecklistText.Of(view.Status, locale)}", $"Version {view.Version} · {ChecklistText.Of(view.Status, locale)}"),
            statusStyle.Item1, statusStyle.Item2));

        var end = TimeOnly.FromDateTime(view.EndedAt.DateTime);
        card.Body.Add(Facts(
            (locale.Pick("谈话类型", "Kind"), Labels.Of(view.Kind, locale)),
            (locale.Pick("谈话时间", "Time"), $"{DateText.DateTime(view.StartedAt, locale)}–{DateText.Time(end)}"),
            (locale.Pick("谈话地点", "Place"), view.Place),
            (locale.Pick("谈话方式", "Format"), Labels.Of(view.Format, locale)),
            (locale.Pick("主谈人", "Lead talker"), view.LeadTalker),
            (locale.Pick("共同谈话人", "Joint talkers"), view.JointTalkers.Count > 0 ? Names(view.JointTalkers, locale) : null),
            (locale.Pick("委托人", "Delegated by"), view.DelegatedBy),
            (locale.Pick("记录人", "Recorder"), view.Recorder),
            (locale.Pick("登记", "Logged"), $"{view.Author} · {DateText.DateTime(view.LoggedAt, locale)}")));

        if (view.ChangedFields.Count > 0)
        {
            card.Body.Add(Subtle(locale.Pick(
                $"本版修改了：{Names(view.ChangedFields.Select(f => RecordFields.Label(f, locale) ?? f), locale)}",
                $"Changed in this version: {Names(view.ChangedFields.Select(f => RecordFields.Label(f, locale) ?? f), locale)}")));
        }

        var items = ChecklistText.Items(view.Kind, locale);
        card.Body.Add(SubHeading(ChecklistText.Heading(view.Kind, locale)));
        card.Body.Add(Bullets(view.Checklist.Where(i => i >= 1 && i <= items.Count).Select(i => $"{i}. {items[i - 1]}")));

        foreach (var part in view.Parts)
        {
            card.Body.Add(Part(part, locale));
        }

        switch (view.Mode)
        {
            case RecordCardMode.Verify:
                card.Body.Add(Subtle(locale.Pick(
                    "请核实以上记录（002 §五7：谈话记录需经本人核实）。如有异议，请说明哪里有误，记录人将修改后再请您核实。",
                    "Please verify this record (002 §五7). If something is wrong, say what; the recorder will revise it and ask you again.")));
                card.Body.Add(CardActions.Set(
                    CardActions.Execute(Verbs.RecordConfirm, locale.Pick("确认无误", "Confirm"), VersionIds(view), AdaptiveActionStyle.Positive, AdaptiveAssociatedInputs.None),
                    new AdaptiveShowCardAction(DisputeForm(view, locale)) { Title = locale.Pick("有异议", "Dispute") }));
                break;
            case RecordCardMode.Recorder when view.Status != RecordStatus.AwaitingVerification:
                card.Body.Add(CardActions.Set(CardActions.Execute(
                    Verbs.RecordNew,
                    view.Status == RecordStatus.Disputed ? locale.Pick("修改记录", "Revise the record") : locale.Pick("更正记录（生成新版本）", "Correct (new version)"),
                    new Dictionary<string, string> { [DataKeys.TalkId] = view.TalkId.Value },
                    associatedInputs: AdaptiveAssociatedInputs.None)));
                break;
        }

        return card;
    }

    private static AdaptiveContainer Part(RecordPartView part, Locale locale)
    {
        var container = new AdaptiveContainer { Separator = true, Spacing = AdaptiveSpacing.Medium };
        container.Items.Add(SubHeading(locale.Pick($"谈话对象：{part.TalkeeName}", $"Talkee: {part.TalkeeName}")));
        container.Items.Add(Facts(
            (locale.Pick("指出的问题", "Problems pointed out"), part.Problems ?? locale.Pick("无", "None")),
            (locale.Pick("解释说明", "Explanation"), part.Explanation ?? locale.Pick("无", "None")),
            (locale.Pick("提出的要求", "Requirements"), part.Requirements ?? locale.Pick("无", "None")),
            (locale.Pick("需要整改", "Rectification"), part.RectificationRequired ? locale.Pick("是", "Yes") : locale.Pick("否", "No"))));
        if (part.RectificationItems.Count > 0)
        {
            container.Items.Add(Bullets(part.RectificationItems));
        }

        var verdict = part.Decision switch
        {
            VerificationDecision.Confirmed => locale.Pick($"本人已确认无误（{DateText.DateTime(part.DecidedAt!.Value, locale)}）", $"Confirmed by the talkee ({DateText.DateTime(part.DecidedAt!.Value, locale)})"),
            VerificationDecision.Disputed => locale.Pick($"本人有异议（{DateText.DateTime(part.DecidedAt!.Value, locale)}）：{part.Comment}", $"Disputed by the talkee ({DateText.DateTime(part.DecidedAt!.Value, locale)}): {part.Comment}"),
            _ => locale.Pick("待本人核实", "Awaiting the talkee's verification"),
        };
        container.Items.Add(new AdaptiveTextBlock(verdict)
        {
            Wrap = true,
            Color = part.Decision switch
            {
                VerificationDecision.Confirmed => AdaptiveTextColor.Good,
                VerificationDecision.Disputed => AdaptiveTextColor.Warning,
                _ => AdaptiveTextColor.Default,
            },
        });
        return container;
    }

    private static AdaptiveCard DisputeForm(RecordView view, Locale locale)
    {
        var form = AdaptiveCard.Nested();
        form.Body.Add(new AdaptiveTextInput
        {
            Id = DataKeys.Comment,
            Label = locale.Pick("异议内容", "What is wrong"),
            Placeholder = locale.Pick("请说明记录中哪里与实际不符", "Say what in the record does not match the talk"),
            IsMultiline = true,
            IsRequired = true,
            MaxLength = 1000,
            ErrorMessage = locale.Pick("提出异议须说明哪里有误。", "Please say what is wrong."),
        });
        form.Actions.Add(CardActions.Execute(Verbs.RecordDispute, locale.Pick("提交异议", "Send dispute"), VersionIds(view)));
        return form;
    }

    private static Dictionary<string, string> VersionIds(RecordView view) => new()
    {
        [DataKeys.TalkId] = view.TalkId.Value,
        [DataKeys.Version] = view.Version.ToString(CultureInfo.InvariantCulture),
    };
}

/// <summary>The recorder's list of what is missing: talks held without a record, records awaiting verification.</summary>
public static class RecordTodoCard
{
    public static AdaptiveCard Build(IReadOnlyList<RecordTodoItem> items, Locale locale)
    {
        ArgumentNullException.ThrowIfNull(items);
        var title = locale.Pick("待办谈话记录", "Talk records to do");
        var card = NewCard(title);
        card.Body.Add(Heading(title));
        if (items.Count == 0)
        {
            card.Body.Add(Paragraph(locale.Pick("没有待登记或待核实的谈话记录。", "Nothing is missing: every talk held has a verified record.")));
        }

        foreach (var item in items)
        {
            var (text, color) = item.Todo switch
            {
                TodoKind.NotLogged => (locale.Pick("谈话已进行，尚未登记记录", "Held, not yet recorded"), AdaptiveTextColor.Attention),
                TodoKind.Disputed => (locale.Pick($"有异议，待修改（{Names(item.Waiting, locale)}）", $"Disputed; to revise ({Names(item.Waiting, locale)})"), AdaptiveTextColor.Warning),
                _ => (locale.Pick($"待本人核实：{Names(item.Waiting, locale)}", $"Awaiting verification by {Names(item.Waiting, locale)}"), AdaptiveTextColor.Accent),
            };
            var container = new AdaptiveContainer { Separator = true, Spacing = AdaptiveSpacing.Medium };
            container.Items.Add(new AdaptiveTextBlock($"{DateText.DateTime(item.Scheduled, locale)} · {item.Place} · {Labels.Of(item.Kind, locale)} · {Names(item.TalkeeNames, locale)}")
            {
                Wrap = true,
                Weight = AdaptiveTextWeight.Bolder,
            });
            container.Items.Add(new AdaptiveTextBlock(text) { Wrap = true, Color = color });
            var ids = new Dictionary<string, string> { [DataKeys.TalkId] = item.TalkId.Value };
            container.Items.Add(CardActions.Set(item.Todo == TodoKind.AwaitingVerification
                ? CardActions.Execute(Verbs.RecordShow, locale.Pick("查看记录", "View record"), ids,
                    associatedInputs: AdaptiveAssociatedInputs.None, id: $"{Verbs.RecordShow}.{item.TalkId}")
                : CardActions.Execute(Verbs.RecordNew,
                    item.Todo == TodoKind.NotLogged ? locale.Pick("登记谈话记录", "Record the talk") : locale.Pick("修改记录", "Revise the record"),
                    ids, AdaptiveActionStyle.Positive, AdaptiveAssociatedInputs.None, id: $"{Verbs.RecordNew}.{item.TalkId}")));
            card.Body.Add(container);
        }

        return card;
    }
}
