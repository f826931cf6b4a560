using System.Globalization;
using TalkBot.Cards.AdaptiveCards;
using TalkBot.Cards.Localization;
using TalkBot.Cards.Records;
using TalkBot.Cards.Views;
using TalkBot.Domain.Leads;
using static TalkBot.Cards.Builders.CardParts;

namespace TalkBot.Cards.Builders;

/// <summary>Lines and inputs the lead, case, task, archive and desk cards share, so that a talk or a task reads alike on each.</summary>
internal static class CaseParts
{
    /// <summary>The value a form showed before a refusal, or null.</summary>
    public static string? Value(IReadOnlyDictionary<string, string?>? values, string key) =>
        values is not null && values.TryGetValue(key, out var value) && !string.IsNullOrEmpty(value) ? value : null;

    /// <summary>The notice (what just happened) and the errors (why not), on top of the card.</summary>
    public static void AddNoticeAndErrors(AdaptiveCard card, string? notice, IReadOnlyList<string>? errors)
    {
        if (notice is { Length: > 0 })
        {
            card.Body.Add(Status(notice, AdaptiveContainerStyle.Accent, AdaptiveTextColor.Accent));
        }

        if (errors is { Count: > 0 })
        {
            card.Body.Add(Attention(errors));
        }
    }

    public static string None(Locale locale) => locale.Pick("无", "None");

    public static string YesNo(bool value, Locale locale) => value ? locale.Pick("是", "Yes") : locale.Pick("否", "No");

    /// <summary>"2026年3月4日（星期三）", with "（已逾期）" when overdue.</summary>
    public static string Due(DateOnly date, bool overdue, Locale locale)
    {
        var text = DateText.Date(date, locale);
        return overdue ? locale.Pick($"{text}（已逾期）", $"{text} (overdue)") : text;
    }

    public static string Talk(TalkLine talk, Locale locale)
    {
        var parts = new List<string>
        {
            Labels.Of(talk.Kind, locale),
            DateText.DateTime(talk.Scheduled, locale),
            talk.Place,
        };
        if (talk.TalkerNames.Count > 0)
        {
            parts.Add(locale.Pick($"谈话人：{Names(talk.TalkerNames, locale)}", $"talkers: {Names(talk.TalkerNames, locale)}"));
        }

        parts.Add(Labels.Of(talk.Status, locale));
        parts.Add(talk.Record is { } record
            ? locale.Pick($"记录：{ChecklistText.Of(record, locale)}", $"record: {ChecklistText.Of(record, locale)}")
            : locale.Pick("尚无记录", "not recorded"));
        return string.Join(" · ", parts.Where(p => !string.IsNullOrWhiteSpace(p)));
    }

    /// <summary>A free text cut to <see cref="ListPage.TextLength"/> characters, for a line of a list: the whole is one click away.</summary>
    public static string Clip(string text) => text.Length <= ListPage.TextLength ? text : string.Concat(text.AsSpan(0, ListPage.TextLength), "…");

    public static string Disposition(DispositionLine line, Locale locale, bool clip = false)
    {
        var text = Labels.Of(line.Kind, locale);
        if (line.Note is { Length: > 0 } whole && (clip ? Clip(whole) : whole) is var note)
        {
            text += locale.Pick($"（{Labels.NoteOf(line.Kind, locale)}：{note}）", $" ({Labels.NoteOf(line.Kind, locale)}: {note})");
        }

        if (line.DueDate is { } due)
        {
            text += locale.Pick($"，期限 {DateText.Date(due, locale)}", $", due {DateText.Date(due, locale)}");
        }

        return text + locale.Pick($" —— {line.ByName}，{DateText.DateTime(line.At, locale)}", $" — {line.ByName}, {DateText.DateTime(line.At, locale)}");
    }

    public static string Check(CheckLine check, Locale locale, bool clip = false)
    {
        var note = clip ? Clip(check.Note) : check.Note;
        var text = locale.Pick(
            $"{DateText.DateTime(check.At, locale)} {check.ByName}：{Labels.Of(check.Outcome, locale)}。{note}",
            $"{DateText.DateTime(check.At, locale)} {check.ByName}: {Labels.Of(check.Outcome, locale)}. {note}");
        if (check.Opinion is { } opinion)
        {
            // 002 §四5: organisational handling per the Party committee's opinion: who gave it, when, what.
            text += locale.Pick($"（依据{opinion.GivenBy}{DateText.Date(opinion.GivenOn, locale)}的意见：{opinion.Text}）",
                $" (per the opinion of {opinion.GivenBy} of {DateText.Date(opinion.GivenOn, locale)}: {opinion.Text})");
        }

        return check.NextCheck is { } next
            ? text + locale.Pick($"（下次了解：{DateText.Date(next, locale)}）", $" (next check: {DateText.Date(next, locale)})")
            : text;
    }

    /// <summary>A section heading followed by its lines, or "无".</summary>
    public static void AddSection(AdaptiveCard card, string heading, IReadOnlyCollection<string> lines, Locale locale)
    {
        card.Body.Add(SubHeading(heading));
        card.Body.Add(lines.Count == 0 ? Subtle(None(locale)) : Bullets(lines));
    }

    /// <summary>A task as one line with its 查看 button; the action id carries the task's id, so a list of them stays unique.</summary>
    public static AdaptiveContainer Task(TaskLine task, Locale locale)
    {
        var who = task.AssigneeName;
        var text = locale.Pick(
            $"{Labels.Of(task.Kind, locale)} · 承办：{who} · 期限 {Due(task.DueDate, task.Overdue, locale)} · {Labels.Of(task.Status, locale)}",
            $"{Labels.Of(task.Kind, locale)} · by {who} · due {Due(task.DueDate, task.Overdue, locale)} · {Labels.Of(task.Status, locale)}");
        return Line(
            new AdaptiveTextBlock(text) { Wrap = true, Color = task.Overdue ? AdaptiveTextColor.Attention : AdaptiveTextColor.Default },
            Show(Verbs.TaskShow, DataKeys.TaskId, task.TaskId.Value, locale.Pick("查看任务", "Open task")));
    }

    /// <summary>One line of a list: its text and a button.</summary>
    public static AdaptiveContainer Line(AdaptiveElement text, AdaptiveAction action) => new()
    {
        Separator = true,
        Spacing = AdaptiveSpacing.Small,
        Items = [text, CardActions.Set(action)],
    };

    /// <summary>A button that opens one object; its id is "{verb}.{id}" so that a card listing several stays valid.</summary>
    public static AdaptiveExecuteAction Show(string verb, string key, string id, string title) =>
        CardActions.Execute(verb, title, new Dictionary<string, string> { [key] = id },
            associatedInputs: AdaptiveAssociatedInputs.None, id: $"{verb}.{id}");

    /// <summary>A required person field with its typeahead dataset (<see cref="PersonInput"/>).</summary>
    public static AdaptiveElement People(string id, string label, IReadOnlyList<PersonChoice> people, string? value, string dataset, Locale locale) =>
        PersonInput.Build(id, label, people, value, dataset, required: true, Choose(label, locale), locale);

    /// <summary>A required choice among an enum's values, by name.</summary>
    public static AdaptiveChoiceSetInput Choice<T>(string id, string label, Func<T, Locale, string> title, string? value, Locale locale,
        AdaptiveChoiceInputStyle style = AdaptiveChoiceInputStyle.Compact, IEnumerable<T>? values = null)
        where T : struct, Enum => new()
        {
            Id = id,
            Label = label,
            IsRequired = true,
            ErrorMessage = Choose(label, locale),
            Style = style,
            Wrap = true,
            Placeholder = style == AdaptiveChoiceInputStyle.Compact ? locale.Pick("请选择", "Choose") : null,
            Choices = [.. (values ?? Enum.GetValues<T>()).Select(v => new AdaptiveChoice(title(v, locale), v.ToString()))],
            Value = value,
        };

    public static string Fill(string label, Locale locale) => locale.Pick($"请填写“{label}”。", $"Please fill in “{label}”.");

    public static string Choose(string label, Locale locale) => locale.Pick($"请选择“{label}”。", $"Please choose “{label}”.");

    public static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// Under a list shown a page at a time: "第 11–20 条，共 200 条，逾期 12 条" and 上一页 / 下一页, each carrying
    /// <paramref name="state"/> (where every list of the card starts, and whatever else the verb reads) with this list's
    /// start moved. Nothing under a list shown whole.
    /// </summary>
    public static IEnumerable<AdaptiveElement> Pager(string verb, string fromKey, ListPage page, int shown, IReadOnlyDictionary<string, string> state, Locale locale)
    {
        ArgumentNullException.ThrowIfNull(page);
        if (!page.HasPrevious && !page.HasNext)
        {
            return [];
        }

        var (first, last) = (page.From + 1, page.From + shown);
        var overdue = page.Overdue > 0 ? locale.Pick($"，逾期 {page.Overdue} 条", $", {page.Overdue} overdue") : "";
        var actions = new List<AdaptiveAction>();
        if (page.HasPrevious)
        {
            actions.Add(Move(page.Previous, locale.Pick("上一页", "Previous page")));
        }

        if (page.HasNext)
        {
            actions.Add(Move(page.Next, locale.Pick("下一页", "Next page")));
        }

        return [Subtle(locale.Pick($"第 {first}–{last} 条，共 {page.Total} 条{overdue}", $"{first}–{last} of {page.Total}{overdue}")), CardActions.Set([.. actions])];

        AdaptiveExecuteAction Move(int from, string title) => CardActions.Execute(verb, title, new Dictionary<string, string>(state) { [fromKey] = Number(from) },
            associatedInputs: AdaptiveAssociatedInputs.None, id: $"{verb}.{fromKey}.{from}");
    }

    /// <summary>Where each list of a card starts, as the data its page buttons carry.</summary>
    public static Dictionary<string, string> Starts(params (string Key, ListPage? Page)[] lists) =>
        lists.ToDictionary(l => l.Key, l => Number(l.Page?.From ?? 0));

    /// <summary>A lead as a line, its summary and notes cut short: never its reporter.</summary>
    public static AdaptiveContainer LeadItem(LeadLine lead, Locale locale, bool withSubject = false)
    {
        var container = Line(
            new AdaptiveTextBlock(
                $"{(withSubject ? lead.SubjectName + " · " : "")}{DateText.DateTime(lead.RegisteredAt, locale)} · {Labels.Of(lead.Source, locale)} · {Labels.Of(lead.Category, locale)} · {Labels.Of(lead.Status, locale)}")
            {
                Wrap = true,
                Weight = AdaptiveTextWeight.Bolder,
            },
            Show(Verbs.LeadShow, DataKeys.LeadId, lead.LeadId.Value, locale.Pick("查看线索", "Open lead")));
        container.Items.Insert(1, Paragraph(Clip(lead.Summary)));
        if (lead.Dispositions.Count > 0)
        {
            container.Items.Insert(2, Bullets(lead.Dispositions.Select(d => Disposition(d, locale, clip: true))));
        }

        return container;
    }

    /// <summary>A case as a line, with its last check and next check.</summary>
    public static AdaptiveContainer CaseItem(CaseLine line, Locale locale, bool withSubject = false)
    {
        var parts = new List<string>();
        if (withSubject)
        {
            parts.Add(line.SubjectName);
        }

        parts.AddRange(
        [
            DateText.DateTime(line.OpenedAt, locale),
            line.Situation is { } situation ? Labels.Of(situation, locale) : locale.Pick("本人申请", "requested by the cadre"),
            Labels.Of(line.Status, locale),
        ]);
        if (line.MinorViolation)
        {
            parts.Add(locale.Pick("有轻微违纪行为", "minor violation"));
        }

        if (line.NextCheck is { } next)
        {
            parts.Add(locale.Pick($"下次了解：{DateText.Date(next, locale)}", $"next check: {DateText.Date(next, locale)}"));
        }

        var container = Line(
            new AdaptiveTextBlock(string.Join(" · ", parts)) { Wrap = true },
            Show(Verbs.CaseShow, DataKeys.CaseId, line.CaseId.Value, locale.Pick("查看诫勉谈话", "Open")));
        if (line.Checks.Count > 0)
        {
            container.Items.Insert(1, Bullets(line.Checks.Select(c => Check(c, locale, clip: true))));
        }

        return container;
    }
}
