using TalkBot.Bot.Features.Talks;
using TalkBot.Domain.Rectifications;
using TalkBot.Domain.Reminders;

namespace TalkBot.Bot.Features.Rectifications;

/// <summary>A rectification found for a request, with its talk, the directory, and whether the caller reviews it.</summary>
public sealed record FoundRectification(Talk Talk, PeopleLookup People, StoredRectification Stored, bool Reviewer);

/// <summary>
/// What the rectification actions share: finding the talk and the rectification from the caller's identity (the
/// talkee is the caller, unless the card names one and the caller reviews the talk; anyone else finds nothing), and the
/// card as each viewer sees it.
/// </summary>
public sealed class RectificationCards(TalkStore talks, RectificationStore rectifications, PeopleDirectory directory, ReminderRules rules, TimeProvider time)
{
    public async Task<FoundRectification?> FindAsync(CardActionRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!TalkId.TryParse(request.Text(DataKeys.TalkId), out var talkId)
            || await talks.GetAsync(talkId, cancellationToken).ConfigureAwait(false) is not { } talk)
        {
            return null;
        }

        var people = await directory.CurrentAsync(cancellationToken).ConfigureAwait(false);
        var reviewer = RectificationAccess.CanReview(request.Actor, talk, people.Find(talk.Organiser));
        var talkee = talk.IsTalkee(request.Actor.Id) ? request.Actor.Id
            : reviewer && request.Text(DataKeys.Talkee) is { Length: > 0 } named && talk.IsTalkee(new PersonId(named)) ? new PersonId(named)
            : (PersonId?)null;
        if (talkee is not { } who || await rectifications.GetAsync(talk.Id, who, cancellationToken).ConfigureAwait(false) is not { } stored)
        {
            return null;
        }

        return new(talk, people, stored, reviewer && who != request.Actor.Id);
    }

    public RectificationView View(Talk talk, Rectification r, PeopleLookup people, RectificationCardMode mode, string? notice = null,
        IReadOnlyDictionary<string, string?>? values = null, IReadOnlyList<string>? errors = null, string? formId = null)
    {
        ArgumentNullException.ThrowIfNull(talk);
        ArgumentNullException.ThrowIfNull(r);
        ArgumentNullException.ThrowIfNull(people);
        return new(
            talk.Id,
            r.Talkee,
            people.Name(r.Talkee),
            talk.Kind,
            rules.Calendar.ToLocal(talk.ScheduledAt),
            r.Items,
            r.DueDate,
            r.AwaitsReport && rules.IsOverdue(r.DueDate, time.GetUtcNow()),
            r.Status,
            [.. r.Reports.Select(report =>
            {
                var review = r.Reviews.LastOrDefault(v => v.Report == report.Number);
                return new RectificationReportView(report.Number, rules.Calendar.ToLocal(report.SubmittedAt), report.Late,
                    [.. report.Measures.Select(m => new MeasureView(m.Item, m.Measure ?? "", m.Status, m.CompletedOn))],
                    review?.Accepted, review?.Comment, review is null ? null : people.Name(review.Reviewer), review?.NewDueDate);
            })],
            mode,
            formId ?? (mode == RectificationCardMode.Report ? Guid.NewGuid().ToString("N") : null),
            values,
            errors,
            notice,
            CalendarCoverage.YearsNotCovered(rules.Calendar, r.DueDate));
    }

    /// <summary>The card for <paramref name="viewer"/>: the talkee's form while a report is due, the reviewer's buttons while one waits.</summary>
    public AdaptiveCard CardFor(Person viewer, Talk talk, Rectification r, PeopleLookup people, Locale locale, string? notice = null,
        IReadOnlyDictionary<string, string?>? values = null, IReadOnlyList<string>? errors = null, string? formId = null)
    {
        ArgumentNullException.ThrowIfNull(people);
        var mode = RectificationAccess.StepFor(viewer, talk, r, people.Find(talk.Organiser)) switch
        {
            RectificationStep.Report => RectificationCardMode.Report,
            RectificationStep.Review => RectificationCardMode.Review,
            _ => RectificationCardMode.View,
        };
        return RectificationCard.Build(View(talk, r, people, mode, notice, values, errors, formId), locale);
    }

    public static AdaptiveCard NotFound(Locale locale) => ErrorCard.Build(
        locale.Pick("未找到整改事项", "Rectification not found"),
        [locale.Pick("没有找到与您有关的这项整改。它可能不存在，或并非您的。", "There is no such rectification of yours, or it is not yours to see.")],
        locale);

    public static AdaptiveCard Busy(Locale locale) => ErrorCard.Busy(locale, "该整改事项", "The rectification");
}

/// <summary>Shows a rectification: the talkee's report form, or the reviewer's card.</summary>
public sealed class ShowRectification(RectificationCards cards) : ICardAction
{
    public string Verb => Verbs.RectificationShow;

    public async Task<AdaptiveCard> ExecuteAsync(CardActionRequest request, CancellationToken cancellationToken) =>
        await cards.FindAsync(request, cancellationToken).ConfigureAwait(false) is { } found
            ? cards.CardFor(request.Actor, found.Talk, found.Stored.Rectification, found.People, request.Locale)
            : RectificationCards.NotFound(request.Locale);
}
