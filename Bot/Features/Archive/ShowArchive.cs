using TalkBot.Bot.Infrastructure.Audit;
using TalkBot.Domain.Audit;
using TalkBot.Domain.Leads;

namespace TalkBot.Bot.Features.Archive;

/// <summary>Archive configuration (section <c>Cases</c>).</summary>
public sealed class ArchiveOptions
{
    public const string Section = "Cases";

    /// <summary>How many lines the audit log card shows.</summary>
    public int AuditLines { get; set; } = 50;
}

/// <summary>
/// 廉政档案 / archive [name] (and archive.show): a person's archive, for the discipline office, each section a page at a
/// time (下一页 comes back here with the person and where each section starts); the picker alone when nobody is chosen.
/// </summary>
public sealed class ShowArchive(ArchiveViews archives, PeopleDirectory directory, AuditLog audit) : ICommand, ICardAction
{
    public IReadOnlyList<string> Names { get; } = ["廉政档案", "archive"];

    public string Verb => Verbs.ArchiveShow;

    public Task<AdaptiveCard> ExecuteAsync(CommandRequest request, CancellationToken cancellationToken) =>
        ShowAsync(request?.Actor!, request!.Locale, request.Arguments, default, cancellationToken);

    public Task<AdaptiveCard> ExecuteAsync(CardActionRequest request, CancellationToken cancellationToken) =>
        ShowAsync(request?.Actor!, request!.Locale, request.Text(CaseFields.Person),
            (request.Start(DataKeys.TalksFrom), request.Start(DataKeys.LeadsFrom), request.Start(DataKeys.CasesFrom), request.Start(DataKeys.TasksFrom)),
            cancellationToken);

    private async Task<AdaptiveCard> ShowAsync(Person actor, Locale locale, string? personText, (int Talks, int Leads, int Cases, int Tasks) from,
        CancellationToken cancellationToken)
    {
        var people = await directory.CurrentAsync(cancellationToken).ConfigureAwait(false);
        var person = ArchiveViews.Find(people, personText);
        if (!LeadAccess.CanReadArchive(actor))
        {
            return await audit.RefuseAsync(actor, locale, AuditObject.Archive, person?.Id.Value ?? "-", person?.Id, "查看个人廉政档案", "read integrity archives",
                cancellationToken).ConfigureAwait(false);
        }

        var choices = people.ShortList(PersonScopes.ArchiveSubjects(actor), actor, locale, [person?.Id.Value]);
        if (person is null)
        {
            return ArchiveCard.Build(new ArchiveView(null, null, null, [], [], [], [], choices), locale);
        }

        // "That level" (000 §四(一)6, 002 §五8): the office's own unit and the units below it.
        if (!OfficeLevels.MayReadArchiveOf(actor, person, u => people.FindUnit(u)))
        {
            return await audit.RefuseAsync(actor, locale, AuditObject.Archive, person.Id.Value, person.Id, "查看其他层级人员的个人廉政档案",
                "read the archive of someone outside your office's level", cancellationToken).ConfigureAwait(false);
        }

        await audit.WriteAsync(actor, AuditAction.View, AuditObject.Archive, person.Id.Value, person.Id, cancellationToken).ConfigureAwait(false);
        var whole = await archives.ViewAsync(person, people, cancellationToken).ConfigureAwait(false);
        return ArchiveCard.Build(ArchivePaging.Page(whole, from.Talks, from.Leads, from.Cases, from.Tasks) with { People = choices }, locale);
    }
}

/// <summary>
/// 审计日志 / audit (and audit.show): the newest lines about people of the office's level (OfficeLevels, 002 §五8), for the
/// discipline office; reading it is itself audited.
/// </summary>
public sealed class ShowAudit(AuditLog audit, PeopleDirectory directory, ArchiveOptions options, WorkingCalendar calendar, TimeProvider time) : ICommand, ICardAction
{
    public IReadOnlyList<string> Names { get; } = ["审计日志", "audit"];

    public string Verb => Verbs.AuditShow;

    public Task<AdaptiveCard> ExecuteAsync(CommandRequest request, CancellationToken cancellationToken) => ShowAsync(request?.Actor!, request!.Locale, cancellationToken);

    public Task<AdaptiveCard> ExecuteAsync(CardActionRequest request, CancellationToken cancellationToken) => ShowAsync(request?.Actor!, request!.Locale, cancellationToken);

    private async Task<AdaptiveCard> ShowAsync(Person actor, Locale locale, CancellationToken cancellationToken)
    {
        if (!LeadAccess.CanReadArchive(actor))
        {
            return await audit.RefuseAsync(actor, locale, AuditObject.AuditLog, "-", null, "查看审计日志", "read the audit log", cancellationToken).ConfigureAwait(false);
        }

        await audit.WriteAsync(actor, AuditAction.View, AuditObject.AuditLog, "-", null, cancellationToken).ConfigureAwait(false);
        var people = await directory.CurrentAsync(cancellationToken).ConfigureAwait(false);
        // "That level" (000 §四(一)6, 002 §五8): lines about people of the office's unit and the units below it.
        var entries = (await audit.ListAsync(time.GetUtcNow(), options.AuditLines, cancellationToken).ConfigureAwait(false))
            .Where(e => OfficeLevels.MaySeeAuditLine(actor, people.Find(e.Actor), e.Subject is { } s ? people.Find(s) : null, u => people.FindUnit(u)));
        return AuditLogCard.Build(new AuditLogView([.. entries.Select(e => new AuditLine(calendar.ToLocal(e.At), people.Name(e.Actor), e.Action, e.Object,
            e.ObjectId, e.Subject is { } s ? people.Name(s) : null))]), locale);
    }
}
