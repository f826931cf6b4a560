using TalkBot.Cards.Records;
using TalkBot.Domain.Reminders;

namespace TalkBot.Bot.Features.Rectifications;

/// <summary>
/// 上报整改情况: the talkee reports the measures taken (000 §四(一)5); late reports are accepted and marked late. The
/// talkers and the organiser get the report to review (<see cref="RectificationNews"/>, planned with the save). A repeated
/// submit of one form is one report.
/// </summary>
public sealed class SubmitRectification(RectificationCards cards, RectificationStore store, FollowUps followUps, ReminderRules rules, TimeProvider time) : ICardAction
{
    public string Verb => Verbs.RectificationSubmit;

    public async Task<AdaptiveCard> ExecuteAsync(CardActionRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (actor, locale) = (request.Actor, request.Locale);
        return await Optimistic.RetryAsync<AdaptiveCard>(async () =>
        {
            if (await cards.FindAsync(request, cancellationToken).ConfigureAwait(false) is not { } found || found.Stored.Rectification.Talkee != actor.Id)
            {
                return RectificationCards.NotFound(locale);
            }

            var (talk, people, stored) = (found.Talk, found.People, found.Stored);
            var r = stored.Rectification;
            var parsed = RectificationInputParser.Parse(request.Data, r.Items.Count);
            if (parsed.Measures is not { } measures)
            {
                return cards.CardFor(actor, talk, r, people, locale, null, parsed.Values, [.. parsed.Problems.Select(p => p.Message(locale))], request.FormId);
            }

            var (reports, reviews) = (r.Reports.Count, r.Reviews.Count);
            var now = time.GetUtcNow();
            if (r.Submit(actor.Id, measures, request.FormId, rules.Calendar.LocalDate(now), now))
            {
                var reported = new RectificationReported(talk.Id, r.Talkee, r.Reports.Count);
                if (!await followUps.SaveAsync(reported, reported.Key, () => store.SaveAsync(stored, reports, reviews, cancellationToken), cancellationToken).ConfigureAwait(false))
                {
                    return Optimistic.Again;
                }
            }

            return RectificationCard.Build(cards.View(talk, r, people, RectificationCardMode.View, r.Reports[^1].Late
                ? locale.Pick("已上报（逾期上报），等待审核。", "Reported (late); awaiting review.")
                : locale.Pick("已上报，等待审核。", "Reported; awaiting review.")), locale);
        }, () => RectificationCards.Busy(locale)).ConfigureAwait(false);
    }

    public async Task<AdaptiveCard> RefusedAsync(CardActionRequest request, Refusal refusal, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(refusal);
        if (await cards.FindAsync(request, cancellationToken).ConfigureAwait(false) is not { } found)
        {
            return RectificationCards.NotFound(request.Locale);
        }

        var r = found.Stored.Rectification;
        var values = RectificationInputParser.Parse(request.Data, r.Items.Count).Values;
        return cards.CardFor(request.Actor, found.Talk, r, found.People, request.Locale, null, values, refusal.Messages, request.FormId);
    }
}
