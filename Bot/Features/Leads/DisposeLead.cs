using TalkBot.Bot.Infrastructure.Audit;
using TalkBot.Domain.Audit;
using TalkBot.Domain.Leads;

namespace TalkBot.Bot.Features.Leads;

/// <summary>记录谈后处置 (lead.disposeForm): the dispositions form, once the latest talk has been held (000 §四(四)).</summary>
public sealed class DisposeForm(LeadCards cards, AuditLog audit) : ICardAction
{
    public string Verb => Verbs.LeadDisposeForm;

    public async Task<AdaptiveCard> ExecuteAsync(CardActionRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (actor, locale) = (request.Actor, request.Locale);
        if (await cards.FindAsync(request, cancellationToken).ConfigureAwait(false) is not { } stored)
        {
            return LeadCards.NotFound(locale);
        }

        var lead = stored.Lead;
        var latest = await cards.LatestTalkAsync(lead, cancellationToken).ConfigureAwait(false);
        if (!LeadAccess.CanDispose(actor, lead, LeadCards.Talkers(latest)))
        {
            return await audit.RefuseAsync(actor, locale, AuditObject.Lead, lead.Id.Value, lead.Subject, "记录谈后处置", "record dispositions", cancellationToken).ConfigureAwait(false);
        }

        if (lead.CheckDisposable(await cards.IsHeldAsync(latest, cancellationToken).ConfigureAwait(false)) is { } notYet)
        {
            return await cards.ShowAsync(actor, locale, lead, cancellationToken, errors: [RuleMessages.Describe(notYet, locale)]).ConfigureAwait(false);
        }

        // The form shows the problem: a view of the lead like any other (SPEC §6).
        await audit.WriteAsync(actor, AuditAction.View, AuditObject.Lead, lead.Id.Value, lead.Subject, cancellationToken).ConfigureAwait(false);
        return await cards.DispositionFormAsync(lead, Guid.NewGuid().ToString("N"), null, null, locale, cancellationToken).ConfigureAwait(false);
    }
}

/// <summary>
/// 记录谈后处置 submitted (lead.dispose): the dispositions are stored, and with them what follows each
/// (<see cref="DispositionsRecorded"/>: a task with a deadline, a word to the talkee, the admonishment proposal). A
/// repeated submit of one form records them once.
/// </summary>
public sealed class DisposeLead(LeadCards cards, LeadStore leads, FollowUps followUps, AuditLog audit, WorkingCalendar calendar, TimeProvider time) : ICardAction
{
    public string Verb => Verbs.LeadDispose;

    public async Task<AdaptiveCard> ExecuteAsync(CardActionRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (actor, locale) = (request.Actor, request.Locale);
        var formId = request.FormId ?? Guid.NewGuid().ToString("N");
        var drafts = Enum.GetValues<DispositionKind>().Where(k => request.Text(CaseFields.Chosen(k)) == "true")
            .Select(k => new DispositionDraft(k, request.Text(CaseFields.Note(k)), request.Date(CaseFields.Due(k)))).ToList();
        return await Optimistic.RetryAsync<AdaptiveCard>(async () =>
        {
            if (await cards.FindAsync(request, cancellationToken).ConfigureAwait(false) is not { } stored)
            {
                return LeadCards.NotFound(locale);
            }

            var lead = stored.Lead;
            var latest = await cards.LatestTalkAsync(lead, cancellationToken).ConfigureAwait(false);
            if (!LeadAccess.CanDispose(actor, lead, LeadCards.Talkers(latest)))
            {
                return await audit.RefuseAsync(actor, locale, AuditObject.Lead, lead.Id.Value, lead.Subject, "记录谈后处置", "record dispositions", cancellationToken)
                    .ConfigureAwait(false);
            }

            var before = lead.Dispositions.Count;
            var now = time.GetUtcNow();
            var added = lead.Dispose(actor.Id, drafts, formId, await cards.IsHeldAsync(latest, cancellationToken).ConfigureAwait(false), calendar.LocalDate(now), now);
            if (added.Count > 0)
            {
                var recorded = new DispositionsRecorded(lead.Id, [.. added.Select(d => d.Number)], actor.Id);
                if (!await followUps.SaveAsync(recorded, recorded.Key, () => leads.SaveAsync(stored, before, cancellationToken), cancellationToken).ConfigureAwait(false))
                {
                    return Optimistic.Again;
                }
            }

            return await cards.ShowAsync(actor, locale, lead, cancellationToken,
                locale.Pick("谈后处置已记录，后续事项已安排。", "Dispositions recorded; their follow-ons are under way.")).ConfigureAwait(false);
        }, () => ErrorCard.Busy(locale, "该问题线索", "The lead")).ConfigureAwait(false);
    }

    /// <summary>A refused choice (a closure with a finding, a reply without its due date): the form again with why.</summary>
    public async Task<AdaptiveCard> RefusedAsync(CardActionRequest request, Refusal refusal, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(refusal);
        return await cards.FindAsync(request, cancellationToken).ConfigureAwait(false) is { } stored
            ? await cards.DispositionFormAsync(stored.Lead, request.FormId ?? Guid.NewGuid().ToString("N"), LeadCards.DispositionValues(request), refusal.Messages,
                request.Locale, cancellationToken).ConfigureAwait(false)
            : LeadCards.NotFound(request.Locale);
    }
}
