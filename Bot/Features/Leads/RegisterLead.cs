using TalkBot.Bot.Features.Talks;
using TalkBot.Domain.Leads;

namespace TalkBot.Bot.Features.Leads;

/// <summary>登记线索 / new lead (and lead.new): the form to register a lead (000 §三2–3), for the discipline office only.</summary>
public sealed class NewLead(PeopleDirectory directory, TimeProvider time) : ICommand, ICardAction
{
    public IReadOnlyList<string> Names { get; } = ["登记线索", "new lead"];

    public string Verb => Verbs.LeadNew;

    public Task<AdaptiveCard> ExecuteAsync(CommandRequest request, CancellationToken cancellationToken) =>
        FormAsync(request?.Actor!, request!.Locale, cancellationToken);

    public Task<AdaptiveCard> ExecuteAsync(CardActionRequest request, CancellationToken cancellationToken) =>
        FormAsync(request?.Actor!, request!.Locale, cancellationToken);

    public async Task<AdaptiveCard> FormAsync(Person actor, Locale locale, CancellationToken cancellationToken,
        string? formId = null, IReadOnlyDictionary<string, string?>? values = null, IReadOnlyList<string>? errors = null)
    {
        if (!LeadAccess.IsDisciplineOffice(actor))
        {
            return RefusalCard.Build(locale, locale.Pick("登记问题线索", "register leads"));
        }

        var people = await directory.CurrentAsync(cancellationToken).ConfigureAwait(false);
        return LeadFormCard.Build(new LeadFormView(formId ?? LeadId.New(time).Value,
            people.ShortList(PersonScopes.LeadSubjects(actor), actor, locale, [values?.GetValueOrDefault(CaseFields.Subject)]), values, errors), locale);
    }
}

/// <summary>Registers the lead; the form id is its id, so a repeated submit shows the lead registered by the first.</summary>
public sealed class CreateLead(NewLead form, LeadStore leads, LeadCards cards, PeopleDirectory directory, TimeProvider time) : ICardAction
{
    private static readonly string[] Inputs = [CaseFields.Subject, CaseFields.Source, CaseFields.Category, CaseFields.Summary, CaseFields.ReporterName, CaseFields.ReporterUnit];

    public string Verb => Verbs.LeadCreate;

    public async Task<AdaptiveCard> ExecuteAsync(CardActionRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (actor, locale) = (request.Actor, request.Locale);
        if (!LeadAccess.IsDisciplineOffice(actor))
        {
            return RefusalCard.Build(locale, locale.Pick("登记问题线索", "register leads"));
        }

        if (!LeadId.TryParse(request.Text(DataKeys.FormId), out var id))
        {
            return await form.FormAsync(actor, locale, cancellationToken, errors: [LeadCards.Expired(locale)]).ConfigureAwait(false);
        }

        if (await leads.GetAsync(id, cancellationToken).ConfigureAwait(false) is { } existing)
        {
            return await cards.ShowAsync(actor, locale, existing.Lead, cancellationToken).ConfigureAwait(false);
        }

        var draft = new LeadDraft(
            Enum.TryParse<LeadSource>(request.Text(CaseFields.Source), out var source) && Enum.IsDefined(source) ? source : null,
            Enum.TryParse<DisciplineCategory>(request.Text(CaseFields.Category), out var category) && Enum.IsDefined(category) ? category : null,
            request.Text(CaseFields.Summary),
            new Reporter(request.Text(CaseFields.ReporterName), request.Text(CaseFields.ReporterUnit)));
        var subject = request.Text(CaseFields.Subject) is { Length: > 0 } s ? await directory.FindAsync(new PersonId(s), cancellationToken).ConfigureAwait(false) : null;
        var lead = Lead.Register(id, draft, actor, subject, time.GetUtcNow());
        if (!await leads.CreateAsync(lead, cancellationToken).ConfigureAwait(false) && await leads.GetAsync(id, cancellationToken).ConfigureAwait(false) is { } raced)
        {
            lead = raced.Lead;
        }

        return await cards.ShowAsync(actor, locale, lead, cancellationToken,
            locale.Pick("问题线索已登记。下一步：安排廉政提醒谈话。", "Lead registered. Next: arrange the reminder talk.")).ConfigureAwait(false);
    }

    public Task<AdaptiveCard> RefusedAsync(CardActionRequest request, Refusal refusal, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(refusal);
        return form.FormAsync(request.Actor, request.Locale, cancellationToken, request.Text(DataKeys.FormId), request.Values(Inputs), refusal.Messages);
    }
}

/// <summary>查看线索: the whole lead for its office, the problem alone for a talker; anyone else is refused. Every view is audited.</summary>
public sealed class ShowLead(LeadCards cards) : ICardAction
{
    public string Verb => Verbs.LeadShow;

    public async Task<AdaptiveCard> ExecuteAsync(CardActionRequest request, CancellationToken cancellationToken) =>
        await cards.FindAsync(request, cancellationToken).ConfigureAwait(false) is { } stored
            ? await cards.ShowAsync(request.Actor, request.Locale, stored.Lead, cancellationToken).ConfigureAwait(false)
            : LeadCards.NotFound(request.Locale);
}
