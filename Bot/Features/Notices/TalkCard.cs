using System.Collections.Concurrent;
using TalkBot.Bot.Features.Talks;

namespace TalkBot.Bot.Features.Notices;

/// <summary>
/// The organiser's card for a talk, refreshed in place (an activity update of the card the talk was created from) as
/// its notices move: sent, acknowledged with the time, postponement asked with the reason, unreachable with why. It is
/// built when sent, from the notices then, so that a burst of acknowledgements within
/// <see cref="SenderOptions.CoalesceWindow"/> makes one update; the organiser gets no message per acknowledgement.
/// A build that may follow a crash — the refresh was queued by another instance, or this is the first build of the card
/// since this instance started — also writes again the 我的通知 lines of the notices changed lately, which mends a line
/// a crash left behind its notice (the click writes it right after the save).
/// </summary>
public sealed class TalkCard(TalkStore talks, PeopleDirectory directory, WorkingCalendar calendar, SenderOptions sender, OrganiserView organiser) : ICardRefresh
{
    private readonly ConcurrentDictionary<TalkId, bool> builtHere = new();

    public const string RefreshName = "Notices.TalkCard";

    // Lines of notices changed this long before a build are written again by it: the window plus a margin for a slow save.
    private static readonly TimeSpan MendMargin = TimeSpan.FromMinutes(1);
    private const int MaxRemembered = 50_000;

    public string Name => RefreshName;

    /// <summary>The refresh of <paramref name="talk"/>'s organiser card.</summary>
    public static CardRefreshOf Of(TalkId talk) => new(RefreshName, talk.Value);

    public async Task<RefreshedCard?> RenderAsync(CardRefreshRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var locale = request.Locale;
        if (!TalkId.TryParse(request.Subject, out var id))
        {
            return null;
        }

        var (stored, notices) = await talks.GetWithNoticesAsync(id, cancellationToken).ConfigureAwait(false);
        if (stored is not { OrganiserCard: { } card } || stored.Talk.Organiser != request.Person)
        {
            return null; // created without a card to update (or not by this person)
        }

        if (builtHere.Count > MaxRemembered)
        {
            builtHere.Clear(); // forgetting costs one mending build per card
        }

        if (builtHere.TryAdd(id, true) || !request.QueuedHere)
        {
            var since = sender.WireClock.GetUtcNow() - sender.CoalesceWindow - MendMargin;
            foreach (var changed in notices.Where(n => n.ChangedAt is not { } at || at >= since))
            {
                await talks.IndexNoticeAsync(stored.Talk, changed.Notice, cancellationToken).ConfigureAwait(false);
            }
        }

        var context = (await directory.CurrentAsync(cancellationToken).ConfigureAwait(false)).Context(calendar);
        return new RefreshedCard(organiser.Build(stored.Talk, notices.Select(n => n.Notice), context, locale), card.ActivityId, card.ConversationId);
    }
}
