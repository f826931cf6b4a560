using TalkBot.Bot.Features.Leads;
using TalkBot.Domain.Admonishments;

namespace TalkBot.Bot.Features.Admonishments;

/// <summary>申请谈话 / request talk (and case.requestForm): a cadre's own request for an admonishment talk (002 §五4), the form.</summary>
public sealed class RequestTalkForm : ICommand, ICardAction
{
    public IReadOnlyList<string> Names { get; } = ["申请谈话", "request talk"];

    public string Verb => Verbs.CaseRequestForm;

    public Task<AdaptiveCard> ExecuteAsync(CommandRequest request, CancellationToken cancellationToken) => Task.FromResult(Form(request!.Locale));

    public Task<AdaptiveCard> ExecuteAsync(CardActionRequest request, CancellationToken cancellationToken) => Task.FromResult(Form(request!.Locale));

    public static AdaptiveCard Form(Locale locale, string? formId = null, string? reason = null, IReadOnlyList<string>? errors = null) =>
        SelfRequestCard.Build(new SelfRequestView(formId ?? Guid.NewGuid().ToString("N"), false, reason, errors), locale);
}

/// <summary>
/// The request submitted (case.request): stored under the form's id; with it, the discipline office of the cadre's unit
/// is told (<see cref="TalkRequested"/>). A repeated submit shows the request sent by the first.
/// </summary>
public sealed class SubmitTalkRequest(CaseStore cases, FollowUps followUps, TimeProvider time) : ICardAction
{
    public string Verb => Verbs.CaseRequest;

    public async Task<AdaptiveCard> ExecuteAsync(CardActionRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (actor, locale) = (request.Actor, request.Locale);
        var reason = request.Text(CaseFields.Request);
        if (!CaseId.TryParse(request.Text(Cards.DataKeys.FormId), out var id))
        {
            return RequestTalkForm.Form(locale, null, reason, [LeadCards.Expired(locale)]);
        }

        if (await cases.GetAsync(id, cancellationToken).ConfigureAwait(false) is { } existing)
        {
            return existing.Case.Subject == actor.Id
                ? SelfRequestCard.Build(new SelfRequestView(id.Value, true, existing.Case.Request), locale)
                : ErrorCard.NotFound(locale, "申请", "Request");
        }

        var c = AdmonishmentCase.RequestedBy(id, actor, reason, time.GetUtcNow());
        var requested = new TalkRequested(c.Id);
        await followUps.SaveAsync(requested, requested.Key, () => cases.CreateAsync(c, cancellationToken), cancellationToken).ConfigureAwait(false);
        return SelfRequestCard.Build(new SelfRequestView(id.Value, true, c.Request), locale);
    }

    public Task<AdaptiveCard> RefusedAsync(CardActionRequest request, Refusal refusal, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(refusal);
        return Task.FromResult(RequestTalkForm.Form(request.Locale, request.Text(Cards.DataKeys.FormId), request.Text(CaseFields.Request), refusal.Messages));
    }
}
