using TalkBot.Bot.Features.Leads;
using TalkBot.Domain.Admonishments;
using TalkBot.Domain.Leads;

namespace TalkBot.Bot.Features.Admonishments;

/// <summary>
/// Submits a proposal (002 §四1): a new case (its id is the form's), or a cadre's request completed (002 §五4). With it,
/// the approvers for the person's rank (002 §四2) are asked (<see cref="CaseProposed"/>).
/// </summary>
public sealed class ProposeCase(ProposalForm form, CaseStore cases, CaseCards cards, LeadStore leads, PeopleDirectory directory, FollowUps followUps, TimeProvider time)
    : ICardAction
{
    private static readonly string[] Inputs =
        [CaseFields.Subject, CaseFields.Situation, CaseFields.Facts, CaseFields.MinorViolation, CaseFields.Origin, CaseFields.ForUnit, CaseFields.Earlier];

    public string Verb => Verbs.CasePropose;

    public async Task<AdaptiveCard> ExecuteAsync(CardActionRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (actor, locale) = (request.Actor, request.Locale);
        if (!AdmonishmentRules.MayPropose(actor))
        {
            return ProposeForm.Refused(locale);
        }

        var draft = Draft(request);
        if (CaseId.TryParse(request.Text(DataKeys.CaseId), out var requested))
        {
            return await CompleteRequestAsync(request, requested, draft, cancellationToken).ConfigureAwait(false);
        }

        if (!CaseId.TryParse(request.Text(DataKeys.FormId), out var id))
        {
            return await form.BuildAsync(actor, locale, form.NewId(), null, null, draft.Lead, request.Values(Inputs), [LeadCards.Expired(locale)], cancellationToken)
                .ConfigureAwait(false);
        }

        if (await cases.GetAsync(id, cancellationToken).ConfigureAwait(false) is { } existing)
        {
            return await cards.CardForAsync(actor, existing.Case, locale, cancellationToken).ConfigureAwait(false);
        }

        var subject = request.Text(CaseFields.Subject) is { Length: > 0 } s ? await directory.FindAsync(new PersonId(s), cancellationToken).ConfigureAwait(false) : null;
        await CheckLinksAsync(actor, subject?.Id, draft, cancellationToken).ConfigureAwait(false);
        var c = AdmonishmentCase.Propose(id, draft, actor, subject, time.GetUtcNow());
        var proposed = new CaseProposed(c.Id);
        if (!await followUps.SaveAsync(proposed, proposed.Key, () => cases.CreateAsync(c, cancellationToken), cancellationToken).ConfigureAwait(false))
        {
            return await cards.CardForAsync(actor, (await cases.GetAsync(id, cancellationToken).ConfigureAwait(false))!.Case, locale, cancellationToken).ConfigureAwait(false);
        }

        return await SentAsync(c, locale, cancellationToken).ConfigureAwait(false);
    }

    private async Task<AdaptiveCard> CompleteRequestAsync(CardActionRequest request, CaseId id, ProposalDraft draft, CancellationToken cancellationToken)
    {
        var (actor, locale) = (request.Actor, request.Locale);
        return await Optimistic.RetryAsync<AdaptiveCard>(async () =>
        {
            if (await cases.GetAsync(id, cancellationToken).ConfigureAwait(false) is not { } stored || !AdmonishmentAccess.IsOfficeOf(actor, stored.Case))
            {
                return CaseCards.NotFound(locale);
            }

            var c = stored.Case;
            await CheckLinksAsync(actor, c.Subject, draft, cancellationToken).ConfigureAwait(false);
            var rank = (await directory.FindAsync(c.Subject, cancellationToken).ConfigureAwait(false))?.Rank ?? c.SubjectRank;
            if (!c.CompleteRequest(draft, actor, rank, time.GetUtcNow()))
            {
                return await cards.CardForAsync(actor, c, locale, cancellationToken).ConfigureAwait(false);
            }

            var proposed = new CaseProposed(c.Id);
            if (!await followUps.SaveAsync(proposed, proposed.Key, () => cases.SaveAsync(stored, c.Checks.Count, cancellationToken), cancellationToken).ConfigureAwait(false))
            {
                return Optimistic.Again;
            }

            return await SentAsync(c, locale, cancellationToken).ConfigureAwait(false);
        }, () => CaseCards.Busy(locale)).ConfigureAwait(false);
    }

    public async Task<AdaptiveCard> RefusedAsync(CardActionRequest request, Refusal refusal, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(refusal);
        var (actor, locale) = (request.Actor, request.Locale);
        var values = request.Values(Inputs);
        if (CaseId.TryParse(request.Text(DataKeys.CaseId), out var requested))
        {
            return await cases.GetAsync(requested, cancellationToken).ConfigureAwait(false) is { } stored
                ? await form.BuildAsync(actor, locale, request.Text(DataKeys.FormId) ?? Guid.NewGuid().ToString("N"), stored.Case.Subject, stored.Case, null, values,
                    refusal.Messages, cancellationToken).ConfigureAwait(false)
                : CaseCards.NotFound(locale);
        }

        var lead = Draft(request).Lead;
        var subject = request.Text(CaseFields.Subject) is { Length: > 0 } s ? new PersonId(s) : (PersonId?)null;
        return await form.BuildAsync(actor, locale, request.Text(DataKeys.FormId) ?? form.NewId(), lead is null ? null : subject, null, lead, values, refusal.Messages,
            cancellationToken).ConfigureAwait(false);
    }

    // 002 §五5: the lead named must be the office's and about the same person; earlier cases must be about the same person.
    private async Task CheckLinksAsync(Person actor, PersonId? subject, ProposalDraft draft, CancellationToken cancellationToken)
    {
        var lead = draft.Lead is { } leadId ? (await leads.GetAsync(leadId, cancellationToken).ConfigureAwait(false))?.Lead : null;
        var earlier = new List<AdmonishmentCase>();
        foreach (var e in draft.Earlier ?? [])
        {
            if (await cases.GetAsync(e, cancellationToken).ConfigureAwait(false) is { } found)
            {
                earlier.Add(found.Case);
            }
        }

        if (AdmonishmentRules.CheckLinks(actor, subject, draft, lead, earlier) is { Count: > 0 } problems)
        {
            throw new DomainRuleException(problems);
        }
    }

    private async Task<AdaptiveCard> SentAsync(AdmonishmentCase c, Locale locale, CancellationToken cancellationToken)
    {
        var people = await directory.CurrentAsync(cancellationToken).ConfigureAwait(false);
        var approvers = AdmonishmentRules.Approvers(c, people.All);
        var notice = approvers.Count > 0
            ? locale.Pick($"已报送审批：{CardParts.Names(approvers.Select(people.Name), locale)}。", $"Sent for approval to {CardParts.Names(approvers.Select(people.Name), locale)}.")
            : locale.Pick("尚无有权审批此职级的人员，请管理员在“角色管理”中指定（002 §四2）。", "Nobody holds the authority to approve for this rank yet; an administrator assigns it in Roles (002 §四2).");
        return CaseCard.Build(Cards.Views.AdmonishmentViews.Case(c, people.Context(cards.Calendar), Cards.Views.CaseCardMode.View, notice), locale);
    }

    private static ProposalDraft Draft(CardActionRequest request) => new(
        Enum.TryParse<AdmonishmentSituation>(request.Text(CaseFields.Situation), out var situation) && Enum.IsDefined(situation) ? situation : null,
        request.Text(CaseFields.Facts),
        request.Text(CaseFields.MinorViolation) == "true",
        Enum.TryParse<AdmonishmentOrigin>(request.Text(CaseFields.Origin), out var origin) && Enum.IsDefined(origin) ? origin : null,
        request.Text(CaseFields.ForUnit) == "true",
        LeadId.TryParse(request.Text(DataKeys.LeadId), out var l) ? l : null,
        [.. (request.Text(CaseFields.Earlier) ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(e => CaseId.TryParse(e, out var c) ? c : default).Where(c => c.Value is not null)]);
}
