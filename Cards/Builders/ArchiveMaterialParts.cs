using TalkBot.Cards.AdaptiveCards;
using TalkBot.Cards.Localization;
using TalkBot.Cards.Records;
using TalkBot.Cards.Views;
using TalkBot.Domain;
using TalkBot.Domain.Rectifications;
using static TalkBot.Cards.Builders.CardParts;

namespace TalkBot.Cards.Builders;

/// <summary>
/// The written material of an archive in words: record texts, written replies and self-examinations, rectification reports
/// (000 §四(一)6; 002 §五7). The card shows each piece shortened (<see cref="CardTextLength"/> characters a line); the CSV
/// carries it whole.
/// </summary>
public static class ArchiveMaterialParts
{
    /// <summary>How much of one line the card shows; the export has all of it.</summary>
    public const int CardTextLength = 1000;

    /// <summary>书面材料: opens the material of one talk or task of <paramref name="person"/>'s archive.</summary>
    public static AdaptiveExecuteAction Button(PersonId person, string key, string id, Locale locale) =>
        CardActions.Execute(Verbs.ArchiveMaterial, locale.Pick("书面材料", "Written material"),
            new Dictionary<string, string> { [DataKeys.ArchiveOf] = person.Value, [key] = id },
            associatedInputs: AdaptiveAssociatedInputs.None, id: $"{Verbs.ArchiveMaterial}.{id}");

    /// <summary>A talk as the archive lists it, naming the talk a material card is about.</summary>
    public static string TalkItem(TalkLine talk, Locale locale) => CaseParts.Talk(talk, locale);

    /// <summary>The material of one talk or task, for the discipline office: each piece, newest first.</summary>
    public static AdaptiveCard Card(ArchiveMaterialView view, Locale locale)
    {
        ArgumentNullException.ThrowIfNull(view);
        var title = locale.Pick($"书面材料：{view.PersonName}", $"Written material: {view.PersonName}");
        var card = NewCard(title);
        card.Body.Add(Heading(title));
        card.Body.Add(Paragraph(view.Item));
        card.Body.Add(Subtle(locale.Pick("本次查看已记入审计日志（SPEC §6）。过长的内容在此截断，导出 CSV 含全文。",
            "This view is written to the audit log (SPEC §6). Long texts are cut here; the CSV export has them whole.")));
        card.Body.AddRange(Section(view.Materials, locale));
        return card;
    }

    public static string Title(ArchiveMaterial material, Locale locale)
    {
        ArgumentNullException.ThrowIfNull(material);
        var n = material.Number;
        return material.Kind switch
        {
            ArchiveMaterialKind.Record => locale.Pick($"谈话记录（第{n}版）", $"Talk record (version {n})"),
            ArchiveMaterialKind.Submission when material.TaskKind is { } kind => locale.Pick($"{Labels.Of(kind, locale)}（第{n}次提交）", $"{Labels.Of(kind, locale)} (submission {n})"),
            ArchiveMaterialKind.Submission => locale.Pick($"书面材料（第{n}次提交）", $"Written material (submission {n})"),
            _ => locale.Pick($"整改措施落实情况（第{n}次上报）", $"Rectification report {n}"),
        };
    }

    public static string Line(MaterialLine line, Locale locale)
    {
        ArgumentNullException.ThrowIfNull(line);
        return line.Field switch
        {
            MaterialField.Problems => locale.Pick($"指出的问题：{line.Text}", $"Problems: {line.Text}"),
            MaterialField.Explanation => locale.Pick($"解释说明：{line.Text}", $"Explanation: {line.Text}"),
            MaterialField.Requirements => locale.Pick($"提出的要求：{line.Text}", $"Requirements: {line.Text}"),
            MaterialField.RectificationItems => locale.Pick($"整改事项{line.Item}：{line.Text}", $"Rectification item {line.Item}: {line.Text}"),
            MaterialField.Measure => locale.Pick($"第{line.Item}项：{line.Text}【{Status(line, locale)}】", $"Item {line.Item}: {line.Text} [{Status(line, locale)}]"),
            _ => line.Text,
        };
    }

    /// <summary>The whole text of a piece, one line per field: what the export carries.</summary>
    public static string Text(ArchiveMaterial material, Locale locale) =>
        string.Join("\n", (material ?? throw new ArgumentNullException(nameof(material))).Lines.Select(l => Line(l, locale)));

    /// <summary>The pieces, newest first, each line shortened to <see cref="CardTextLength"/>.</summary>
    public static IEnumerable<AdaptiveElement> Section(IReadOnlyList<ArchiveMaterial>? materials, Locale locale)
    {
        yield return SubHeading(locale.Pick("书面材料（000 §四(一)6、002 §五7）", "Written material (000 §四(一)6, 002 §五7)"));
        if (materials is not { Count: > 0 })
        {
            yield return Subtle(locale.Pick("没有书面材料。", "No written material."));
            yield break;
        }

        foreach (var material in materials.OrderByDescending(m => m.At))
        {
            yield return new AdaptiveContainer
            {
                Separator = true,
                Items =
                [
                    new AdaptiveTextBlock($"{Title(material, locale)} · {DateText.DateTime(material.At, locale)}") { Wrap = true, Weight = AdaptiveTextWeight.Bolder },
                    new AdaptiveTextBlock(string.Join("\n\n", material.Lines.Select(l => Shorten(Line(l, locale))))) { Wrap = true },
                ],
            };
        }
    }

    private static string Status(MaterialLine line, Locale locale) => (line.Done, line.CompletedOn) switch
    {
        (true, { } d) => locale.Pick($"已完成，{DateText.Date(d, locale)}", $"done {DateText.Date(d, locale)}"),
        (true, null) => RectificationInputParser.Label(MeasureStatus.Done, locale),
        _ => RectificationInputParser.Label(MeasureStatus.InProgress, locale),
    };

    private static string Shorten(string text) => text.Length <= CardTextLength ? text : text[..CardTextLength] + "…";
}
