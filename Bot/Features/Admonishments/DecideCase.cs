using TalkBot.Bot.Infrastructure.Audit;
using TalkBot.Domain.Admonishments;
using TalkBot.Domain.Audit;

namespace TalkBot.Bot.Features.Admonishments;

/// <summary>查看诫勉谈话 (case.show): the case for whoever may see it.</summary>
public sealed class ShowCase(CaseCards cards) : ICardAction
{
    public string Verb => Verbs.CaseShow;

    public async Task<AdaptiveCard> ExecuteAsync(CardActionRequest request, CancellationToken cancellationToken) =>
        await cards.FindAsync(request, cancellationToken).ConfigureAwait(false) is { } stored
            ? await cards.CardForAsync(request.Actor, stored.Case, request.Locale, cancellationToken).ConfigureAwait(false)
            : CaseCards.NotFound(request.Locale);
}

/// <summary>
/// 批准 / 不批准 (002 §四2). Someone without the authority for the person's rank is refused, and the attempt is written to
/// the audit log. With the decision, the proposer hears it, and an approved case comes back to arrange the talk
/// (<see cref="CaseDecided"/>).
/// </summary>
public abstract class DecideCase(CaseCards cards, CaseStore cases, FollowUps followUps, AuditLog audit, TimeProvider time) : ICardAction
{
    public abstract string Verb { get; }

    protected abstract bool Approve { get; }

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
            bool changed;
            try
            {
                changed = c.Decide(actor, Approve, request.Text(CaseFields.ApprovalComment), time.GetUtcNow());
            }
            catch (DomainRuleException e) when (e.Violations.Any(v => v.Code is RuleCode.NotAuthorisedForRank or RuleCode.ProposerCannotApprove))
            {
                // Not theirs to decide: refused like any rule, and written down (SPEC §6).
                await audit.WriteAsync(actor, AuditAction.ApprovalRefused, AuditObject.Admonishment, c.Id.Value, c.Subject, cancellationToken).ConfigureAwait(false);
                return RuleViolationCard.Build(e.Violations, locale);
            }

            var decided = new CaseDecided(c.Id, actor.Id);
            if (changed && !await followUps.SaveAsync(decided, decided.Key, () => cases.SaveAsync(stored, c.Checks.Count, cancellationToken), cancellationToken)
                .ConfigureAwait(false))
            {
                return Optimistic.Again;
            }

            var context = await cards.ContextAsync(cancellationToken).ConfigureAwait(false);
            return CaseCard.Build(AdmonishmentViews.Case(c, context, CaseCardMode.View, Approve
                ? locale.Pick("已批准。", "Approved.") : locale.Pick("已不予批准。", "Not approved.")), locale);
        }, () => CaseCards.Busy(locale)).ConfigureAwait(false);
    }

    /// <summary>A decision refused (not approved without a reason, decided already): the case with why, the comment kept.</summary>
    public async Task<AdaptiveCard> RefusedAsync(CardActionRequest request, Refusal refusal, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(refusal);
        if (await cards.FindAsync(request, cancellationToken).ConfigureAwait(false) is not { } stored)
        {
            return CaseCards.NotFound(request.Locale);
        }

        var c = stored.Case;
        var context = await cards.ContextAsync(cancellationToken).ConfigureAwait(false);
        return CaseCard.Build(AdmonishmentViews.Case(c, context, c.Status == CaseStatus.Proposed ? CaseCardMode.Decide : CaseCardMode.View) with
        {
            Errors = refusal.Messages,
            Values = request.Values(CaseFields.ApprovalComment),
        }, request.Locale);
    }
}

public sealed class ApproveCase(CaseCards cards, CaseStore cases, FollowUps followUps, AuditLog audit, TimeProvider time) : DecideCase(cards, cases, followUps, audit, time)
{
    public override string Verb => Verbs.CaseApprove;

    protected override bool Approve => true;
}

public sealed class RejectCase(CaseCards cards, CaseStore cases, FollowUps followUps, AuditLog audit, TimeProvider time) : DecideCase(cards, cases, followUps, audit, time)
{
    public override string Verb => Verbs.CaseReject;

    protected override bool Approve => false;
}
