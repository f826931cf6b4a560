using TalkBot.Bot.Features.Talks;

namespace TalkBot.Bot.Features.Rectifications;

/// <summary>
/// Who hears of a rectification's report and review, once each is stored (000 §四(一)5): the talkers and the organiser
/// get a report to review; the talkee gets the review, and a returned report its new reminders. Run after the save
/// (or by the scheduler after a crash), each reads the stored rectification and finds nothing to do for a save that did
/// not happen; each message is keyed by its change, so a re-run sends nothing twice.
/// </summary>
public sealed class RectificationNews(
    TalkStore talks, RectificationStore store, RectificationCards cards, RectificationReminders reminders, PeopleDirectory directory, Messenger messenger)
    : IFollowUp<RectificationReported>, IFollowUp<RectificationReviewed>
{
    public async Task RunAsync(RectificationReported change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        if (await FindAsync(change.Talk, change.Talkee, cancellationToken).ConfigureAwait(false) is not var (talk, r, people) || r.Reports.Count < change.Report)
        {
            return;
        }

        await messenger.TellEachAsync(talk.Talkers.Append(talk.Organiser), (_, l) => RectificationCard.Build(cards.View(talk, r, people, RectificationCardMode.Review,
            l.Pick($"{people.Name(r.Talkee)}已上报整改情况，请审核。", $"{people.Name(r.Talkee)} has reported; please review.")), l),
            cancellationToken, change.Key).ConfigureAwait(false);
    }

    public async Task RunAsync(RectificationReviewed change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        if (await FindAsync(change.Talk, change.Talkee, cancellationToken).ConfigureAwait(false) is not var (talk, r, people) || r.Reviews.Count < change.Review)
        {
            return;
        }

        var accepted = r.Reviews[change.Review - 1].Accepted;
        if (!accepted)
        {
            await reminders.PlanAsync(r, cancellationToken).ConfigureAwait(false);
        }

        await messenger.TellAsync(r.Talkee, l => RectificationCard.Build(cards.View(talk, r, people,
            accepted ? RectificationCardMode.View : RectificationCardMode.Report,
            accepted ? l.Pick("您的整改情况已审核通过。", "Your rectification report was accepted.")
                     : l.Pick($"您的整改情况被退回，请于{DateText.Date(r.DueDate, l)}前重新上报。", $"Your report was returned; report again by {DateText.Date(r.DueDate, l)}.")), l),
            cancellationToken, change.Key).ConfigureAwait(false);
    }

    private async Task<(Talk Talk, Domain.Rectifications.Rectification Rectification, PeopleLookup People)?> FindAsync(
        TalkId talkId, PersonId talkee, CancellationToken cancellationToken) =>
        await talks.GetAsync(talkId, cancellationToken).ConfigureAwait(false) is { } talk
        && await store.GetAsync(talkId, talkee, cancellationToken).ConfigureAwait(false) is { } stored
            ? (talk, stored.Rectification, await directory.CurrentAsync(cancellationToken).ConfigureAwait(false))
            : null;
}
