using TalkBot.Bot.Features.Leads;
using TalkBot.Bot.Features.Talks;
using TalkBot.Domain.Admonishments;
using TalkBot.Domain.Leads;

namespace TalkBot.Bot.Features.Admonishments;

/// <summary>The proposal form (提出诫勉建议, 002 §四1), with the earlier cases on the same person to link (002 §五5).</summary>
public sealed class ProposalForm(CaseStore cases, PeopleDirectory directory, WorkingCalendar calendar, TimeProvider time)
{
    /// <param name="subject">Fixed when the form is for a lead's subject, a cadre's request or a repeat; otherwise anyone is offered.</param>
    public async Task<AdaptiveCard> BuildAsync(Person actor, Locale locale, string formId, PersonId? subject, AdmonishmentCase? request, LeadId? lead,
        IReadOnlyDictionary<string, string?>? values, IReadOnlyList<string>? errors, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var people = await directory.CurrentAsync(cancellationToken).ConfigureAwait(false);
        var earlier = new List<CaseChoice>();
        if (subject is { } s)
        {
            earlier.AddRange((await cases.ListingsAsync(MatterIndex.Person(s), ListScope.AboutPerson(s), cancellationToken).ConfigureAwait(false))
                .Where(c => c.Id != request?.Id && c.Status != CaseStatus.Requested).OrderBy(c => c.OpenedAt).Select(c => new CaseChoice(c.Id,
                    $"{DateText.Date(calendar.LocalDate(c.OpenedAt), locale)} {(c.Situation is { } sit ? Labels.Of(sit, locale) : "")} {Labels.Of(c.Status, locale)}".Trim())));
        }

        return ProposalFormCard.Build(new ProposalFormView(
            formId,
            subject is null ? people.ShortList(PersonScopes.CaseSubjects(actor), actor, locale, [values?.GetValueOrDefault(CaseFields.Subject)]) : [],
            earlier,
            subject is { } fixedSubject ? people.Name(fixedSubject) : null,
            subject,
            request?.Id,
            lead,
            request?.Request,
            values,
            errors), locale);
    }

    public string NewId() => CaseId.New(time).Value;
}

/// <summary>
/// 诫勉建议 / propose (and case.new): the proposal form, empty, or for a lead's subject (leadId), a cadre's request
/// (caseId) or a repeat talk on the same problem (earlierCases), for whoever may propose (002 §四1).
/// </summary>
public sealed class ProposeForm(ProposalForm form, CaseStore cases, LeadStore leads) : ICommand, ICardAction
{
    public IReadOnlyList<string> Names { get; } = ["诫勉建议", "propose"];

    public string Verb => Verbs.CaseNew;

    public Task<AdaptiveCard> ExecuteAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return AdmonishmentRules.MayPropose(request.Actor)
            ? form.BuildAsync(request.Actor, request.Locale, form.NewId(), null, null, null, null, null, cancellationToken)
            : Task.FromResult(Refused(request.Locale));
    }

    public async Task<AdaptiveCard> ExecuteAsync(CardActionRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (actor, locale) = (request.Actor, request.Locale);
        if (!AdmonishmentRules.MayPropose(actor))
        {
            return Refused(locale);
        }

        if (request.Text(DataKeys.LeadId) is { } leadText)
        {
            return LeadId.TryParse(leadText, out var leadId) && await leads.GetAsync(leadId, cancellationToken).ConfigureAwait(false) is { } lead
                && LeadAccess.IsOfficeOf(actor, lead.Lead)
                ? await form.BuildAsync(actor, locale, form.NewId(), lead.Lead.Subject, null, lead.Lead.Id, null, null, cancellationToken).ConfigureAwait(false)
                : LeadCards.NotFound(locale);
        }

        if (request.Text(DataKeys.CaseId) is { } requestText)
        {
            return CaseId.TryParse(requestText, out var requestId) && await cases.GetAsync(requestId, cancellationToken).ConfigureAwait(false) is { } asked
                && asked.Case.Status == CaseStatus.Requested && AdmonishmentAccess.IsOfficeOf(actor, asked.Case)
                ? await form.BuildAsync(actor, locale, Guid.NewGuid().ToString("N"), asked.Case.Subject, asked.Case, null, null, null, cancellationToken).ConfigureAwait(false)
                : CaseCards.NotFound(locale);
        }

        if (request.Text(DataKeys.EarlierCases) is { } earlierText)
        {
            // 002 §五5: another talk on the same problem links to the case it repeats.
            return CaseId.TryParse(earlierText, out var earlierId) && await cases.GetAsync(earlierId, cancellationToken).ConfigureAwait(false) is { } earlier
                && AdmonishmentAccess.IsOfficeOf(actor, earlier.Case)
                ? await form.BuildAsync(actor, locale, form.NewId(), earlier.Case.Subject, null, null,
                    new Dictionary<string, string?> { [CaseFields.Earlier] = earlier.Case.Id.Value, [CaseFields.Situation] = earlier.Case.Situation?.ToString() }, null,
                    cancellationToken).ConfigureAwait(false)
                : CaseCards.NotFound(locale);
        }

        return await form.BuildAsync(actor, locale, form.NewId(), null, null, null, null, null, cancellationToken).ConfigureAwait(false);
    }

    public static AdaptiveCard Refused(Locale locale) => RefusalCard.Build(locale, locale.Pick("提出诫勉谈话建议", "propose admonishment talks"));
}
