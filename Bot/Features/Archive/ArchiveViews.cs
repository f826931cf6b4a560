using TalkBot.Bot.Features.Admonishments;
using TalkBot.Bot.Features.Leads;
using TalkBot.Bot.Features.Records;
using TalkBot.Bot.Features.Rectifications;
using TalkBot.Bot.Features.Talks;
using TalkBot.Bot.Features.Tasks;
using TalkBot.Domain.Records;

namespace TalkBot.Bot.Features.Archive;

/// <summary>
/// One person's integrity archive (个人廉政档案, 000 §四(一)6) as the card and the export show it: their talks with the
/// records' status, the leads about them (never with a reporter), their admonishments and the tasks about them, each
/// section whole and in its <see cref="ListOrder"/>. Read from the rows listed under the person (<see cref="MatterIndex"/>):
/// one query per kind of row, however long the archive.
/// </summary>
public sealed class ArchiveViews(LeadStore leads, CaseStore cases, TaskStore tasks, TaskCards taskCards, TalkLines talks, TalkStore talkStore, RecordStore records,
    RectificationStore rectifications, WorkingCalendar calendar)
{
    /// <summary>
    /// The written material of the given talks and tasks (000 §四(一)6; 002 §五7): the person's part of each record, their
    /// rectification reports, and what was handed in for each task. Read for the lines asked for only — the card's page,
    /// or the whole archive for the export.
    /// </summary>
    public async Task<IReadOnlyList<ArchiveMaterial>> MaterialsAsync(Person person, IEnumerable<TalkLine> talkLines, IEnumerable<TaskLine> taskLines,
        PeopleLookup people, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(person);
        ArgumentNullException.ThrowIfNull(talkLines);
        ArgumentNullException.ThrowIfNull(taskLines);
        ArgumentNullException.ThrowIfNull(people);
        var context = people.Context(calendar);
        var materials = new List<ArchiveMaterial>();
        foreach (var line in talkLines.Where(t => t.Record is not null))
        {
            if (await talkStore.GetAsync(line.TalkId, cancellationToken).ConfigureAwait(false) is { } talk)
            {
                materials.AddRange((await OfTalkAsync(talk, person.Id, context, cancellationToken).ConfigureAwait(false)).Materials);
            }
        }

        foreach (var line in taskLines)
        {
            if (await tasks.GetAsync(line.TaskId, cancellationToken).ConfigureAwait(false) is { } task)
            {
                materials.AddRange(ArchiveMaterials.Submissions(task.Task, context));
            }
        }

        return materials;
    }

    /// <summary>The person's part of a talk's record and their rectification reports, with the record's status.</summary>
    public async Task<(RecordStatus? Record, IReadOnlyList<ArchiveMaterial> Materials)> OfTalkAsync(Talk talk, PersonId person, ViewContext context,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(talk);
        var materials = new List<ArchiveMaterial>();
        var record = await records.GetAsync(talk, cancellationToken).ConfigureAwait(false);
        if (record is not null && ArchiveMaterials.Record(record.Record, person, context) is { } part)
        {
            materials.Add(part);
        }

        if (await rectifications.GetAsync(talk.Id, person, cancellationToken).ConfigureAwait(false) is { } rectification)
        {
            materials.AddRange(ArchiveMaterials.Reports(rectification.Rectification, context));
        }

        return (record?.Record.Status, materials);
    }

    public async Task<ArchiveView> ViewAsync(Person person, PeopleLookup people, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(person);
        ArgumentNullException.ThrowIfNull(people);
        var context = people.Context(calendar);
        var (partition, about) = (MatterIndex.Person(person.Id), ListScope.AboutPerson(person.Id));
        var talkRows = talks.ListingsAsync(person.Id, cancellationToken);
        var leadRows = leads.ListingsAsync(partition, about, cancellationToken);
        var caseRows = cases.ListingsAsync(partition, about, cancellationToken);
        var taskRows = tasks.ListingsAsync(partition, about, cancellationToken);
        return new ArchiveView(
            person.DisplayName,
            people.UnitName(person.UnitId),
            person.Rank,
            ListOrder.Talks((await talkRows.ConfigureAwait(false)).Select(t => TalkViews.Line(t, context))),
            ListOrder.Leads((await leadRows.ConfigureAwait(false)).Select(l => LeadViews.Line(l, context))),
            ListOrder.Cases((await caseRows.ConfigureAwait(false)).Select(c => AdmonishmentViews.Line(c, context))),
            ListOrder.Tasks((await taskRows.ConfigureAwait(false)).Select(t => taskCards.Line(t, context))),
            [],
            person.Id);
    }

    /// <summary>Finds the person an archive request names: an id, or a display name typed after the command.</summary>
    public static Person? Find(PeopleLookup people, string? text) => text is { Length: > 0 }
        ? people?.Find(new PersonId(text)) ?? people?.All.FirstOrDefault(p => p.DisplayName == text.Trim())
        : null;
}
