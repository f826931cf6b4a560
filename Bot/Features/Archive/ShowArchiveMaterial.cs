using TalkBot.Bot.Features.Talks;
using TalkBot.Bot.Features.Tasks;
using TalkBot.Bot.Infrastructure.Audit;
using TalkBot.Domain.Audit;
using TalkBot.Domain.FollowUps;
using TalkBot.Domain.Leads;

namespace TalkBot.Bot.Features.Archive;

/// <summary>
/// 书面材料 (archive.material) on an archive's talk or task: its written material (000 §四(一)6; 002 §五7), for the discipline
/// office like the archive itself, and audited alike. A crafted id of a talk or task that is not about the archive's
/// person shows nothing of it.
/// </summary>
public sealed class ShowArchiveMaterial(ArchiveViews archives, TalkStore talks, TaskStore tasks, TaskCards taskCards, PeopleDirectory directory, AuditLog audit,
    WorkingCalendar calendar) : ICardAction
{
    public string Verb => Verbs.ArchiveMaterial;

    public async Task<AdaptiveCard> ExecuteAsync(CardActionRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (actor, locale) = (request.Actor, request.Locale);
        var people = await directory.CurrentAsync(cancellationToken).ConfigureAwait(false);
        var person = ArchiveViews.Find(people, request.Text(DataKeys.ArchiveOf));
        if (!LeadAccess.CanReadArchive(actor))
        {
            return await audit.RefuseAsync(actor, locale, AuditObject.Archive, person?.Id.Value ?? "-", person?.Id, "查看个人廉政档案", "read integrity archives",
                cancellationToken).ConfigureAwait(false);
        }

        if (person is null)
        {
            return ErrorCard.NotFound(locale, "人员", "Person");
        }

        var context = people.Context(calendar);
        var found = await FindAsync(request, person.Id, context, locale, cancellationToken).ConfigureAwait(false);
        if (found is not var (item, materials))
        {
            return ErrorCard.NotFound(locale, "谈话或任务", "Talk or task");
        }

        await audit.WriteAsync(actor, AuditAction.View, AuditObject.Archive, person.Id.Value, person.Id, cancellationToken).ConfigureAwait(false);
        return ArchiveMaterialParts.Card(new ArchiveMaterialView(person.DisplayName, item, materials), locale);
    }

    private async Task<(string Item, IReadOnlyList<ArchiveMaterial> Materials)?> FindAsync(CardActionRequest request, PersonId person, ViewContext context,
        Locale locale, CancellationToken cancellationToken)
    {
        if (TalkId.TryParse(request.Text(DataKeys.TalkId), out var talkId))
        {
            if (await talks.GetAsync(talkId, cancellationToken).ConfigureAwait(false) is not { } talk || !talk.Talkees.Contains(person))
            {
                return null;
            }

            var (record, materials) = await archives.OfTalkAsync(talk, person, context, cancellationToken).ConfigureAwait(false);
            return (ArchiveMaterialParts.TalkItem(TalkViews.Line(talk, record, context), locale), materials);
        }

        if (CaseTaskId.TryParse(request.Text(DataKeys.TaskId), out var taskId)
            && await tasks.GetAsync(taskId, cancellationToken).ConfigureAwait(false) is { } stored && stored.Task.Subject == person)
        {
            var line = taskCards.Line(stored.Task.Listing, context);
            return (locale.Pick($"{Labels.Of(line.Kind, locale)} · 期限 {DateText.Date(line.DueDate, locale)}", $"{Labels.Of(line.Kind, locale)} · due {DateText.Date(line.DueDate, locale)}"),
                [.. ArchiveMaterials.Submissions(stored.Task, context)]);
        }

        return null;
    }
}
