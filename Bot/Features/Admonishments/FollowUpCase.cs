using TalkBot.Domain.Admonishments;

namespace TalkBot.Bot.Features.Admonishments;

/// <summary>
/// 跟踪了解 (case.followup): records a follow-up check (002 §四5); when the person has not corrected the problem, the next
/// check is scheduled.
/// </summary>
public sealed class FollowUpCase(CaseCards cards, CaseStore cases, CaseFollowUps followUps, WorkingCalendar calendar, TimeProvider time) : ICardAction
{
    private static readonly string[] Inputs =
        [CaseFields.Outcome, CaseFields.FollowUpNote, CaseFields.NextCheck, CaseFields.OpinionBy, CaseFields.OpinionOn, CaseFields.Opinion];

    public string Verb => Verbs.CaseFollowUp;

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
            if (!AdmonishmentAccess.IsOfficeOf(actor, c))
            {
                return RefusalCard.Build(locale, locale.Pick("记录诫勉后的跟踪了解情况", "record follow-up checks"));
            }

            var outcome = Enum.TryParse<FollowUpOutcome>(request.Text(CaseFields.Outcome), out var o) && Enum.IsDefined(o) ? o
                : throw new DomainRuleException(RuleViolation.Required(CaseFields.Outcome, RuleSources.AdmonishmentFollowUp));
            var before = c.Checks.Count;
            var now = time.GetUtcNow();
            var opinion = new CommitteeOpinionDraft(request.Text(CaseFields.OpinionBy), request.Date(CaseFields.OpinionOn), request.Text(CaseFields.Opinion));
            if (c.RecordFollowUp(actor, outcome, request.Text(CaseFields.FollowUpNote), request.Date(CaseFields.NextCheck), request.FormId, calendar.LocalDate(now), now,
                    opinion))
            {
                // Planned before the save, so that a crash after it loses no check; a check whose date the stored case
                // does not name finds nothing to do.
                if (c.NextCheck is { } again)
                {
                    await followUps.PlanCheckAsync(c, again, cancellationToken).ConfigureAwait(false);
                }

                if (!await cases.SaveAsync(stored, before, cancellationToken).ConfigureAwait(false))
                {
                    return Optimistic.Again;
                }
            }

            return await cards.CardForAsync(actor, c, locale, cancellationToken, locale.Pick("跟踪了解情况已记录。", "Follow-up recorded.")).ConfigureAwait(false);
        }, () => CaseCards.Busy(locale)).ConfigureAwait(false);
    }

    public async Task<AdaptiveCard> RefusedAsync(CardActionRequest request, Refusal refusal, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(refusal);
        return await cards.FindAsync(request, cancellationToken).ConfigureAwait(false) is { } stored
            ? await cards.CardForAsync(request.Actor, stored.Case, request.Locale, cancellationToken, null, refusal.Messages, request.Values(Inputs)).ConfigureAwait(false)
            : CaseCards.NotFound(request.Locale);
    }
}
