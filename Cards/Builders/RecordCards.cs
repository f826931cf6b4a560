using System.Globalization;
using TalkBot.Cards.AdaptiveCards;
using TalkBot.Cards.Localization;
using TalkBot.Cards.Records;
using TalkBot.Cards.Views;
using TalkBot.Domain.Records;
using static TalkBot.Cards.Builders.CardParts;

namespace TalkBot.Cards.Builders;

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
        card.Body.Add(SubHeading(ChecklistText.RecordHeading(view.Kind, locale)));
        card.Body.Add(Bullets(view.Checklist.Where(i => i >= 1 && i <= items.Count).Select(i => items[i - 1])));

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
