using TalkBot.Bot.Talks;
using TalkBot.Cards.AdaptiveCards;
using TalkBot.Cards.Builders;
using TalkBot.Cards.Localization;
using TalkBot.Cards.Views;
using TalkBot.Domain;
using TalkBot.Domain.Admonishments;
using TalkBot.Domain.Audit;
using TalkBot.Domain.FollowUps;
using TalkBot.Domain.Leads;
using TalkBot.Domain.People;
using TalkBot.Domain.Talks;

namespace TalkBot.Bot.Cases;

/// <summary>
/// The discipline office's reading: its desk of open leads and cases, a person's integrity archive (个人廉政档案,
/// 000 §四(一)6) and the audit log (SPEC §6). Every view is audited; a refusal is too.
/// </summary>
public sealed class ArchiveDesk(CaseKit kit, AuditLog audit)
{
    /// <summary>
    /// 线索台账: what waits for the caller. The discipline office sees its level's open leads, cases and tasks; the
    /// organisation department its cases; an approver the proposals waiting for them (002 §四2); anyone the written
    /// material they owe and the submissions waiting for their review.
    /// </summary>
    public async Task<AdaptiveCard> DeskAsync(Person actor, Locale locale, CancellationToken cancellationToken)
    {
        var office = LeadAccess.IsDisciplineOffice(actor);
        var proposer = AdmonishmentRules.MayPropose(actor);
        var people = await kit.PeopleAsync(cancellationToken).ConfigureAwait(false);
        var (officeLeads, officeCases, _) = proposer
            ? await kit.Store.ListAsync(CaseRepository.OfficePartition(actor.UnitId), cancellationToken, office ? Listed.Leads | Listed.Cases : Listed.Cases).ConfigureAwait(false)
            : ([], [], []);
        var (_, myCases, myTasks) = await kit.Store.ListAsync(CaseRepository.PersonPartition(actor.Id), cancellationToken, Listed.Cases | Listed.Tasks).ConfigureAwait(false);
        var awaitingMe = myCases.Where(c => c.Status == CaseStatus.Proposed && c.ProposedBy != actor.Id && AdmonishmentRules.MayApprove(actor, c.SubjectRank, c.Subject));
        var openTasks = new List<CaseTask>(myTasks.Where(t => (t.Assignee == actor.Id && t.AwaitsSubmission)
            || (t.Reviewers.Contains(actor.Id) && t.Status == CaseTaskStatus.Submitted)));
        foreach (var origin in officeLeads.Select(l => l.Id.Value).Concat(officeCases.Select(c => c.Id.Value)))
        {
            openTasks.AddRange((await kit.Store.ListTasksAsync(origin, cancellationToken).ConfigureAwait(false)).Where(t => t.Status != CaseTaskStatus.Done));
        }

        var view = new CaseDeskView(
            office ? [.. officeLeads.Where(l => l.Status != LeadStatus.Closed).OrderByDescending(l => l.RegisteredAt).Select(l => Line(l, people))] : [],
            [.. officeCases.Where(c => !c.IsClosed && c.Subject != actor.Id).Concat(awaitingMe).DistinctBy(c => c.Id).OrderByDescending(c => c.OpenedAt).Select(c => Line(c, people))],
            [.. openTasks.DistinctBy(t => t.Id).Select(t => kit.Line(t, people)).OrderByDescending(t => t.Overdue).ThenBy(t => t.DueDate)],
            office,
            proposer);
        return CaseDeskCard.Build(view, locale);
    }

    /// <summary>廉政档案: one person's archive, for the discipline office; the picker alone when nobody is chosen.</summary>
    public async Task<AdaptiveCard> ArchiveAsync(Person actor, Locale locale, string? personText, CancellationToken cancellationToken)
    {
        var people = await kit.PeopleAsync(cancellationToken).ConfigureAwait(false);
        var person = Find(people, personText);
        if (!LeadAccess.CanReadArchive(actor))
        {
            return await kit.RefuseAsync(actor, locale, AuditObject.Archive, person?.Id.Value ?? "-", person?.Id, "查看个人廉政档案", "read integrity archives",
                cancellationToken).ConfigureAwait(false);
        }

        var choices = people.All.Where(p => p.Active).Select(p => CaseKit.Choice(p, locale)).ToList();
        if (person is null)
        {
            return ArchiveCard.Build(new ArchiveView(null, null, null, [], [], [], [], choices), locale);
        }

        await kit.AuditAsync(actor, AuditAction.View, AuditObject.Archive, person.Id.Value, person.Id, cancellationToken).ConfigureAwait(false);
        var view = await ViewAsync(person, people, locale, cancellationToken).ConfigureAwait(false) with { People = choices };
        return ArchiveCard.Build(view, locale);
    }

    /// <summary>One person's archive as the card and the export show it (without the person picker).</summary>
    public async Task<ArchiveView> ViewAsync(Person person, PeopleLookup people, Locale locale, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(person);
        var (personLeads, personCases, personTasks) = await kit.Store.ListAsync(CaseRepository.PersonPartition(person.Id), cancellationToken).ConfigureAwait(false);
        var talkIds = (await kit.Talks.ListTalksNoticedToAsync(person.Id, cancellationToken).ConfigureAwait(false)).ToList();
        var talks = await kit.TalkLinesAsync(talkIds, people, cancellationToken).ConfigureAwait(false);
        return new ArchiveView(
            person.DisplayName,
            await kit.UnitNameAsync(person.UnitId, cancellationToken).ConfigureAwait(false),
            person.Rank,
            [.. talks.OrderByDescending(t => t.Scheduled)],
            [.. personLeads.OrderByDescending(l => l.RegisteredAt).Select(l => Line(l, people))],
            [.. personCases.Where(c => c.Subject == person.Id).OrderByDescending(c => c.OpenedAt).Select(c => Line(c, people))],
            [.. personTasks.Where(t => t.Subject == person.Id).Select(t => kit.Line(t, people))],
            [],
            person.Id);
    }

    /// <summary>Finds the person an archive request names: an id, or a display name typed after the command.</summary>
    public static Person? Find(PeopleLookup people, string? text) => text is { Length: > 0 }
        ? people.Find(new PersonId(text)) ?? people.All.FirstOrDefault(p => p.DisplayName == text.Trim())
        : null;

    /// <summary>审计日志: the newest lines, for the discipline office; reading it is itself audited.</summary>
    public async Task<AdaptiveCard> AuditAsync(Person actor, Locale locale, CancellationToken cancellationToken)
    {
        if (!LeadAccess.CanReadArchive(actor))
        {
            return await kit.RefuseAsync(actor, locale, AuditObject.AuditLog, "-", null, "查看审计日志", "read the audit log", cancellationToken).ConfigureAwait(false);
        }

        await kit.AuditAsync(actor, AuditAction.View, AuditObject.AuditLog, "-", null, cancellationToken).ConfigureAwait(false);
        var people = await kit.PeopleAsync(cancellationToken).ConfigureAwait(false);
        var entries = await audit.ListAsync(kit.Now, kit.Options.AuditLines, cancellationToken).ConfigureAwait(false);
        return AuditLogCard.Build(new AuditLogView([.. entries.Select(e => new AuditLine(kit.Calendar.ToLocal(e.At), people.Name(e.Actor), e.Action, e.Object,
            e.ObjectId, e.Subject is { } s ? people.Name(s) : null))]), locale);
    }

    private LeadLine Line(Lead l, PeopleLookup people) => new(l.Id, people.Name(l.Subject), l.Source, l.Category, l.Summary, l.Status,
        kit.Calendar.ToLocal(l.RegisteredAt), [.. l.Dispositions.Select(d => LeadDesk.Line(d, people, kit.Calendar))]);

    private CaseLine Line(AdmonishmentCase c, PeopleLookup people) => new(c.Id, people.Name(c.Subject), c.Situation, c.Status, c.MinorViolation,
        kit.Calendar.ToLocal(c.OpenedAt), c.NextCheck,
        kit.CheckLines(c, people));
}
