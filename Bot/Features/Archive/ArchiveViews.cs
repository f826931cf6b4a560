using TalkBot.Bot.Features.Admonishments;
using TalkBot.Bot.Features.Leads;
using TalkBot.Bot.Features.Records;
using TalkBot.Bot.Features.Tasks;

namespace TalkBot.Bot.Features.Archive;

/// <summary>
/// One person's integrity archive (个人廉政档案, 000 §四(一)6) as the card and the export show it: their talks with the
/// records' status, the leads about them (never with a reporter), their admonishments and the tasks about them, each
/// section whole and in its <see cref="ListOrder"/>. Read from the rows listed under the person (<see cref="MatterIndex"/>):
/// one query per kind of row, however long the archive.
/// </summary>
public sealed class ArchiveViews(LeadStore leads, CaseStore cases, TaskStore tasks, TaskCards taskCards, TalkLines talks, WorkingCalendar calendar)
{
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
