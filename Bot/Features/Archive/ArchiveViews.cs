using TalkBot.Bot.Features.Admonishments;
using TalkBot.Bot.Features.Leads;
using TalkBot.Bot.Features.Records;
using TalkBot.Bot.Features.Talks;
using TalkBot.Bot.Features.Tasks;

namespace TalkBot.Bot.Features.Archive;

/// <summary>
/// One person's integrity archive (个人廉政档案, 000 §四(一)6) as the card and the export show it: their talks with the
/// records' status, the leads about them (never with a reporter), their admonishments and the tasks about them.
/// </summary>
public sealed class ArchiveViews(LeadStore leads, CaseStore cases, TaskStore tasks, TaskCards taskCards, TalkStore talks, TalkLines lines,
    WorkingCalendar calendar)
{
    public async Task<ArchiveView> ViewAsync(Person person, PeopleLookup people, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(person);
        ArgumentNullException.ThrowIfNull(people);
        var context = people.Context(calendar);
        var partition = MatterIndex.Person(person.Id);
        var talkLines = await lines.ForAsync(await talks.ListTalksNoticedToAsync(person.Id, cancellationToken).ConfigureAwait(false), context, cancellationToken)
            .ConfigureAwait(false);
        return new ArchiveView(
            person.DisplayName,
            people.UnitName(person.UnitId),
            person.Rank,
            [.. talkLines.OrderByDescending(t => t.Scheduled)],
            [.. (await leads.ListAsync(partition, cancellationToken).ConfigureAwait(false)).OrderByDescending(l => l.RegisteredAt).Select(l => LeadViews.Line(l, context))],
            [.. (await cases.ListAsync(partition, cancellationToken).ConfigureAwait(false)).Where(c => c.Subject == person.Id).OrderByDescending(c => c.OpenedAt)
                .Select(c => AdmonishmentViews.Line(c, context))],
            [.. (await tasks.ListIndexedAsync(partition, cancellationToken).ConfigureAwait(false)).Where(t => t.Subject == person.Id).Select(t => taskCards.Line(t, context))],
            [],
            person.Id);
    }

    /// <summary>Finds the person an archive request names: an id, or a display name typed after the command.</summary>
    public static Person? Find(PeopleLookup people, string? text) => text is { Length: > 0 }
        ? people?.Find(new PersonId(text)) ?? people?.All.FirstOrDefault(p => p.DisplayName == text.Trim())
        : null;
}
