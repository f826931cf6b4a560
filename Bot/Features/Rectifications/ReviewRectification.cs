using System.Globalization;
using TalkBot.Domain.Reminders;

namespace TalkBot.Bot.Features.Rectifications;

/// <summary>
/// 审核通过 / 退回: the talker or the discipline office reviews the latest report; the talkee is told. A returned report
/// has a new due date, and with it a new reminder and escalation (<see cref="RectificationNews"/>, planned with the save).
/// </summary>
public abstract class ReviewRectification(RectificationCards cards, RectificationStore store, FollowUps followUps, ReminderRules rules, TimeProvider time) : ICardAction
{
    public abstract string Verb { get; }

    protected abstract bool Accept { get; }

    public async Task<AdaptiveCard> ExecuteAsync(CardActionRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (actor, locale) = (request.Actor, request.Locale);
        _ = int.TryParse(request.Text(DataKeys.Report), NumberStyles.None, CultureInfo.InvariantCulture, out var report);
        var newDue = request.Date(DataKeys.DueDate);
        return await Optimistic.RetryAsync<AdaptiveCard>(async () =>
        {
            if (await cards.FindAsync(request, cancellationToken).ConfigureAwait(false) is not { } found)
            {
                return RectificationCards.NotFound(locale);
            }

            if (!found.Reviewer)
            {
                return RefusalCard.Build(locale, locale.Pick("审核整改情况", "review rectification reports"));
            }

            var (talk, people, stored) = (found.Talk, found.People, found.Stored);
            var r = stored.Rectification;
            var (reports, reviews) = (r.Reports.Count, r.Reviews.Count);
            var now = time.GetUtcNow();
            if (r.Review(actor.Id, report, Accept, request.Text(DataKeys.Comment), newDue, rules.Calendar.LocalDate(now), now))
            {
                var reviewed = new RectificationReviewed(talk.Id, r.Talkee, r.Reviews.Count);
                if (!await followUps.SaveAsync(reviewed, reviewed.Key, () => store.SaveAsync(stored, reports, reviews, cancellationToken), cancellationToken).ConfigureAwait(false))
                {
                    return Optimistic.Again;
                }
            }

            return RectificationCard.Build(cards.View(talk, r, people, RectificationCardMode.View), locale);
        }, () => RectificationCards.Busy(locale)).ConfigureAwait(false);
    }

    public async Task<AdaptiveCard> RefusedAsync(CardActionRequest request, Refusal refusal, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(refusal);
        return await cards.FindAsync(request, cancellationToken).ConfigureAwait(false) is { } found
            ? cards.CardFor(request.Actor, found.Talk, found.Stored.Rectification, found.People, request.Locale, errors: refusal.Messages)
            : RectificationCards.NotFound(request.Locale);
    }
}

public sealed class AcceptRectification(RectificationCards cards, RectificationStore store, FollowUps followUps, ReminderRules rules, TimeProvider time)
    : ReviewRectification(cards, store, followUps, rules, time)
{
    public override string Verb => Verbs.RectificationAccept;

    protected override bool Accept => true;
}

public sealed class ReturnRectification(RectificationCards cards, RectificationStore store, FollowUps followUps, ReminderRules rules, TimeProvider time)
    : ReviewRectification(cards, store, followUps, rules, time)
{
    public override string Verb => Verbs.RectificationReturn;

    protected override bool Accept => false;
}
