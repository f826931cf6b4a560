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
/// The request submitted (case.request): stored under the form's id; with it, the cadre's responsible persons are told
/// (002 §五4: 主动找责任人, <see cref="TalkRequested"/>), or the discipline office of the cadre's unit when none is known. A
/// repeated submit shows the request sent by the first.
/// </summary>
public sealed class SubmitTalkRequest(CaseStore cases, FollowUps followUps, PeopleDirectory directory, TimeProvider time) : ICardAction
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

        var people = await directory.CurrentAsync(cancellationToken).ConfigureAwait(false);
        var responsible = ResponsiblePersons.Of(actor, people.TiersOf(actor.Id), people.Find).Select(p => p.Id).ToList();
        var c = AdmonishmentCase.RequestedBy(id, actor, reason, time.GetUtcNow(), responsible);
        var requested = new TalkRequested(c.Id, ToResponsible: !c.IsWithOffice);
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

/// <summary>
/// 交纪委办 (case.request.forward): the responsible person a cadre's own request went to hands it to the discipline office
/// (002 §五4), which is told with the save (<see cref="TalkRequested"/>) and then writes the proposal. Anyone else is refused.
/// </summary>
public sealed class ForwardTalkRequest(CaseCards cards, CaseStore cases, FollowUps followUps, TimeProvider time) : ICardAction
{
    public string Verb => Verbs.CaseRequestForward;

    public async Task<AdaptiveCard> ExecuteAsync(CardActionRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (actor, locale) = (request.Actor, request.Locale);
        return await Optimistic.RetryAsync<AdaptiveCard>(async () =>
        {
            if (await cards.FindAsync(request, cancellationToken).ConfigureAwait(false) is not { } stored)
            {
                return CaseCards.NotFound(locale);
            }

            var c = stored.Case;
            if (!c.IsRequestedOf(actor))
            {
                return RefusalCard.Build(locale, locale.Pick("转交这项谈话申请", "hand this request on"));
            }

            var handed = new TalkRequested(c.Id);
            if (c.HandToOffice(actor, time.GetUtcNow())
                && !await followUps.SaveAsync(handed, handed.Key, () => cases.SaveAsync(stored, c.Checks.Count, cancellationToken), cancellationToken).ConfigureAwait(false))
            {
                return Optimistic.Again;
            }

            return await cards.CardForAsync(actor, c, locale, cancellationToken, locale.Pick("已交纪委办（监察处）。", "Handed to the discipline office.")).ConfigureAwait(false);
        }, () => CaseCards.Busy(locale)).ConfigureAwait(false);
    }
}
