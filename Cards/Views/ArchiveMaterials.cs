using TalkBot.Domain;
using TalkBot.Domain.FollowUps;
using TalkBot.Domain.Records;
using TalkBot.Domain.Rectifications;

namespace TalkBot.Cards.Views;

/// <summary>What a piece of an archive's written material is.</summary>
public enum ArchiveMaterialKind
{
    /// <summary>The person's part of a talk record (000 §四(一)4; 002 §五6–7): problems, explanation, requirements.</summary>
    Record,
    /// <summary>A written reply, self-examination or collective analysis handed in for a task (000 §四(四)1、4; 002 §四4).</summary>
    Submission,
    /// <summary>A rectification report (000 §四(一)5).</summary>
    Rectification,
}

/// <summary>
/// One piece of written material of a personal archive (000 §四(一)6: 提醒谈话材料应当存入个人廉政档案; 002 §五7: 书面检查
/// and records 交纪委办归档): what it is about (<see cref="About"/>: the talk's or task's id), when, and its text.
/// </summary>
public sealed record ArchiveMaterial(ArchiveMaterialKind Kind, string About, DateTimeOffset At, IReadOnlyList<MaterialLine> Lines, CaseTaskKind? TaskKind = null,
    int Number = 1);

/// <summary>What a line of material is: a field of a record, the text handed in, or one item's measure.</summary>
public enum MaterialField
{
    Problems,
    Explanation,
    Requirements,
    RectificationItems,
    Text,
    Measure,
}

/// <summary>One line of material; a measure carries its item number and, when done, its completion date.</summary>
public sealed record MaterialLine(MaterialField Field, string Text, int? Item = null, bool Done = false, DateOnly? CompletedOn = null);

/// <summary>The written material of one talk or task of a person's archive; <see cref="Item"/> says which, in words.</summary>
public sealed record ArchiveMaterialView(string PersonName, string Item, IReadOnlyList<ArchiveMaterial> Materials);

/// <summary>Builds archive material from the aggregates (texts as stored, times local).</summary>
public static class ArchiveMaterials
{
    /// <summary>The person's part of the current version of a record; null when the record has no part for them.</summary>
    public static ArchiveMaterial? Record(TalkRecord record, PersonId person, ViewContext context)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(context);
        if (record.Current.Content.PartOf(person) is not { } part)
        {
            return null;
        }

        var lines = new List<MaterialLine>();
        Add(lines, MaterialField.Problems, part.Problems);
        Add(lines, MaterialField.Explanation, part.Explanation);
        Add(lines, MaterialField.Requirements, part.Requirements);
        lines.AddRange(part.RectificationItems.Select((item, i) => new MaterialLine(MaterialField.RectificationItems, item, i + 1)));
        return lines.Count == 0 ? null
            : new ArchiveMaterial(ArchiveMaterialKind.Record, record.TalkId.Value, context.Local(record.Current.At), lines, Number: record.Current.Number);
    }

    /// <summary>Every submission of a task, oldest first.</summary>
    public static IEnumerable<ArchiveMaterial> Submissions(CaseTask task, ViewContext context)
    {
        ArgumentNullException.ThrowIfNull(task);
        ArgumentNullException.ThrowIfNull(context);
        return task.Submissions.Select(s => new ArchiveMaterial(ArchiveMaterialKind.Submission, task.Id.Value, context.Local(s.At),
            [new MaterialLine(MaterialField.Text, s.Text)], task.Kind, s.Number));
    }

    /// <summary>Every report of a rectification, oldest first: each item's measure and status.</summary>
    public static IEnumerable<ArchiveMaterial> Reports(Rectification rectification, ViewContext context)
    {
        ArgumentNullException.ThrowIfNull(rectification);
        ArgumentNullException.ThrowIfNull(context);
        return rectification.Reports.Select(r => new ArchiveMaterial(ArchiveMaterialKind.Rectification, rectification.TalkId.Value, context.Local(r.SubmittedAt),
            [.. r.Measures.Select(m => new MaterialLine(MaterialField.Measure, m.Measure ?? "", m.Item, m.Status == MeasureStatus.Done, m.CompletedOn))],
            Number: r.Number));
    }

    private static void Add(List<MaterialLine> lines, MaterialField field, string? text)
    {
        if (!string.IsNullOrWhiteSpace(text))
        {
            lines.Add(new MaterialLine(field, text.Trim()));
        }
    }
}
