using System.Text;
using TalkBot.Cards.Builders;
using TalkBot.Cards.Localization;
using TalkBot.Cards.Records;
using TalkBot.Cards.Views;

namespace TalkBot.Cards.Exports;

/// <summary>
/// A personal integrity archive (000 §四(一)6) as CSV for filing: one row per talk, lead, disposition, admonishment,
/// follow-up check and task, with the columns 类别, 日期, 事项, 状态, 说明. Like the archive card it has no reporter
/// (SPEC §6): the view carries none.
/// </summary>
public static class ArchiveCsv
{
    public static string Build(ArchiveView view, Locale locale)
    {
        ArgumentNullException.ThrowIfNull(view);
        var csv = new StringBuilder();
        Row(csv, locale.Pick("个人廉政档案", "Personal integrity archive"), view.PersonName ?? "", view.UnitName ?? "",
            view.Rank is { } rank ? Labels.Of(rank, locale) : "", "");
        Row(csv, locale.Pick("类别", "Section"), locale.Pick("日期", "Date"), locale.Pick("事项", "Item"), locale.Pick("状态", "Status"), locale.Pick("说明", "Details"));
        foreach (var t in view.Talks)
        {
            Row(csv, locale.Pick("谈话", "Talk"), DateText.DateTime(t.Scheduled, locale), $"{Labels.Of(t.Kind, locale)} · {t.Place}",
                t.Record is { } record ? $"{Labels.Of(t.Status, locale)} · {ChecklistText.Of(record, locale)}" : Labels.Of(t.Status, locale),
                locale.Pick("谈话人：", "Talkers: ") + string.Join(locale.Pick("、", ", "), t.TalkerNames));
        }

        foreach (var l in view.Leads)
        {
            Row(csv, locale.Pick("提醒谈话材料", "Reminder-talk material"), DateText.DateTime(l.RegisteredAt, locale),
                $"{Labels.Of(l.Source, locale)} · {Labels.Of(l.Category, locale)}", Labels.Of(l.Status, locale), l.Summary);
            foreach (var d in l.Dispositions)
            {
                Row(csv, locale.Pick("谈后处置", "Disposition"), DateText.DateTime(d.At, locale), Labels.Of(d.Kind, locale),
                    d.DueDate is { } due ? locale.Pick($"期限 {DateText.Date(due, locale)}", $"due {DateText.Date(due, locale)}") : "", d.Note ?? "");
            }
        }

        foreach (var c in view.Cases)
        {
            Row(csv, locale.Pick("诫勉谈话", "Admonishment"), DateText.DateTime(c.OpenedAt, locale), c.Situation is { } s ? Labels.Of(s, locale) : "",
                Labels.Of(c.Status, locale), c.MinorViolation ? locale.Pick("有轻微违纪行为", "minor violation") : "");
            foreach (var k in c.Checks)
            {
                Row(csv, locale.Pick("跟踪了解", "Follow-up check"), DateText.DateTime(k.At, locale), Labels.Of(k.Outcome, locale),
                    k.NextCheck is { } next ? locale.Pick($"下次了解 {DateText.Date(next, locale)}", $"next check {DateText.Date(next, locale)}") : "", k.Note);
            }
        }

        foreach (var t in view.Tasks)
        {
            Row(csv, locale.Pick("后续事项", "Task"), DateText.Date(t.DueDate, locale), Labels.Of(t.Kind, locale), Labels.Of(t.Status, locale), t.AssigneeName);
        }

        // 000 §四(一)6, 002 §五7: the material itself is filed, whole, not only where each matter stands.
        foreach (var m in (view.Materials ?? []).OrderBy(m => m.At))
        {
            Row(csv, locale.Pick("书面材料", "Written material"), DateText.DateTime(m.At, locale), ArchiveMaterialParts.Title(m, locale), "",
                ArchiveMaterialParts.Text(m, locale));
        }

        return csv.ToString();
    }

    private static void Row(StringBuilder csv, params string[] fields) =>
        csv.Append(string.Join(',', fields.Select(Field))).Append("\r\n");

    // RFC 4180 quoting; a field a spreadsheet would read as a formula (=, +, -, @) is prefixed with ' so it stays text.
    private static string Field(string value)
    {
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@')
        {
            value = "'" + value;
        }

        return value.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }
}
