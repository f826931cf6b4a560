using TalkBot.Bot.Features.Records;
using TalkBot.Bot.Features.Talks;
using TalkBot.Bot.Features.Tasks;
using TalkBot.Bot.Infrastructure.Audit;
using TalkBot.Domain.Admonishments;
using TalkBot.Domain.Audit;
using TalkBot.Domain.Leads;

namespace TalkBot.Bot.Features.Leads;

/// <summary>
/// What the lead actions share: finding the lead and its latest talk, and the lead as each viewer may see it (SPEC §6:
/// the whole lead, reporter included, for the office of its level; the problem alone for the talkers; anyone else is
/// refused, and every view and refusal is audited).
/// </summary>
public sealed class LeadCards(
    LeadStore leads, TalkStore talks, TalkLines talkLines, TaskStore tasks, TaskCards taskCards, MatterIndex index, PeopleDirectory directory, AuditLog audit,
    WorkingCalendar calendar, TimeProvider time)
{
    public async Task<StoredLead?> FindAsync(CardActionRequest request, CancellationToken cancellationToken) =>
        LeadId.TryParse(request?.Text(DataKeys.LeadId), out var id) ? await leads.GetAsync(id, cancellationToken).ConfigureAwait(false) : null;

    /// <summary>The latest reminder talk on the lead, read once per request: its talkers are briefed and may decide what follows it.</summary>
    public async Task<Talk?> LatestTalkAsync(Lead lead, CancellationToken cancellationToken) =>
        lead?.Talks.Count > 0 ? await talks.GetAsync(lead.Talks[^1], cancellationToken).ConfigureAwait(false) : null;

    public static IReadOnlyCollection<PersonId> Talkers(Talk? talk) => talk?.Talkers ?? [];

    public Task<bool> IsHeldAsync(Talk? talk, CancellationToken cancellationToken) => talkLines.IsHeldAsync(talk, cancellationToken);

    public async Task<AdaptiveCard> ShowAsync(Person actor, Locale locale, Lead lead, CancellationToken cancellationToken, string? notice = null,
        IReadOnlyList<string>? errors = null)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(lead);
        var latest = await LatestTalkAsync(lead, cancellationToken).ConfigureAwait(false);
        if (!LeadAccess.CanBeBriefed(actor, lead, Talkers(latest)))
        {
            return await audit.RefuseAsync(actor, locale, AuditObject.Lead, lead.Id.Value, lead.Subject, "查看这条问题线索", "view this lead", cancellationToken).ConfigureAwait(false);
        }

        await audit.WriteAsync(actor, AuditAction.View, AuditObject.Lead, lead.Id.Value, lead.Subject, cancellationToken).ConfigureAwait(false);
        var people = await directory.CurrentAsync(cancellationToken).ConfigureAwait(false);
        var context = people.Context(calendar);
        var canDispose = LeadAccess.CanDisposeNow(actor, lead, Talkers(latest), await IsHeldAsync(latest, cancellationToken).ConfigureAwait(false));
        if (!LeadAccess.IsOfficeOf(actor, lead))
        {
            return LeadCard.Build(LeadViews.Briefing(lead, context, notice) with { CanDispose = canDispose, Errors = errors }, locale);
        }

        var lines = await talkLines.ForAsync(lead.Talks, context, cancellationToken).ConfigureAwait(false);
        var taskLines = (await tasks.ListAsync(lead.Id.Value, cancellationToken).ConfigureAwait(false)).Select(t => taskCards.Line(t, context)).ToList();
        var unit = people.UnitName(people.Find(lead.Subject)?.UnitId);
        var admonishment = (await index.ListAsync(MatterIndex.Lead(lead.Id.Value), cancellationToken).ConfigureAwait(false)).FirstOrDefault(m => m.Type == "case");
        return LeadCard.Build(LeadViews.Lead(lead, actor, context, unit, lines, taskLines, notice) with
        {
            CanDispose = canDispose,
            Admonishment = admonishment is null ? null : new CaseId(admonishment.Id),
            Errors = errors,
        }, locale);
    }

    /// <summary>记录谈后处置: the dispositions form (000 §四(四)).</summary>
    public async Task<AdaptiveCard> DispositionFormAsync(Lead lead, string formId, IReadOnlyDictionary<string, string?>? values, IReadOnlyList<string>? errors, Locale locale,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(lead);
        var subject = (await directory.FindAsync(lead.Subject, cancellationToken).ConfigureAwait(false))?.DisplayName ?? lead.Subject.Value;
        var today = calendar.LocalDate(time.GetUtcNow());
        return DispositionFormCard.Build(new DispositionFormView(lead.Id, formId, subject, lead.Summary, today.AddDays(1), values, errors), locale);
    }

    /// <summary>The inputs of the dispositions form, to show it again with what was entered.</summary>
    public static IReadOnlyDictionary<string, string?> DispositionValues(CardActionRequest request) =>
        request.Values([.. Enum.GetValues<DispositionKind>().SelectMany(k => new[] { CaseFields.Chosen(k), CaseFields.Note(k), CaseFields.Due(k) })]);

    public static AdaptiveCard NotFound(Locale locale) => ErrorCard.NotFound(locale, "问题线索", "Lead");

    public static string Expired(Locale locale) => locale.Pick("表单已失效，请重新打开。", "This form has expired; please open it again.");
}
