using System.Globalization;
using TalkBot.Bot.Storage;
using TalkBot.Bot.Talks;
using TalkBot.Cards;
using TalkBot.Cards.AdaptiveCards;
using TalkBot.Cards.Builders;
using TalkBot.Cards.Localization;
using TalkBot.Cards.Records;
using TalkBot.Cards.Views;
using TalkBot.Domain;
using TalkBot.Domain.People;
using TalkBot.Domain.Records;
using TalkBot.Domain.Rectifications;
using TalkBot.Domain.Reminders;
using TalkBot.Domain.Rules;
using TalkBot.Domain.Talks;

namespace TalkBot.Bot.Handlers;

/// <summary>
/// What the rectification actions share: finding the talk and the rectification from the caller's identity, who may
/// review (the talk's talkers and the discipline office of that level), the card, and opening rectifications when a
/// record requires them.
/// </summary>
public sealed class RectificationDesk(
    TalkRepository talks,
    RectificationRepository rectifications,
    PeopleRepository peopleRepository,
    PersonMessenger messenger,
    ReminderRules rules,
    Scheduling.ReminderPlanner planner,
    TimeProvider time)
{
    public const int MaxAttempts = 3;

    public RectificationRepository Store => rectifications;
    public ReminderRules Rules => rules;

    /// <summary>
    /// The talk and the rectification the card names. The talkee is the caller, unless the card names one and the
    /// caller may review the talk; anyone else finds nothing.
    /// </summary>
    public async Task<(Talk Talk, PeopleLookup People, StoredRectification Stored, bool Reviewer)?> FindAsync(CardActionRequest request, CancellationToken cancellationToken)
    {
        if (!TalkId.TryParse(request.Text(DataKeys.TalkId), out var talkId)
            || await talks.GetAsync(talkId, cancellationToken).ConfigureAwait(false) is not { } talk)
        {
            return null;
        }

        var people = await PeopleLookup.LoadAsync(peopleRepository, cancellationToken).ConfigureAwait(false);
        var reviewer = CanReview(request.Actor, talk, people);
        var talkee = talk.IsTalkee(request.Actor.Id) ? request.Actor.Id
            : reviewer && request.Text(DataKeys.Talkee) is { Length: > 0 } named && talk.IsTalkee(new PersonId(named)) ? new PersonId(named)
            : (PersonId?)null;
        if (talkee is not { } who || await rectifications.GetAsync(talk.Id, who, cancellationToken).ConfigureAwait(false) is not { } stored)
        {
            return null;
        }

        return (talk, people, stored, reviewer && who != request.Actor.Id);
    }

    /// <summary>000 §四(一)5 reports go to 同级纪检监察机关; the talk's talkers review them too.</summary>
    public static bool CanReview(Person person, Talk talk, PeopleLookup people) =>
        talk.IsTalker(person.Id) || RecordAccess.IsDisciplineOfficeOf(person, talk, people.Find(talk.Organiser));

    public RectificationView View(Talk talk, Rectification r, PeopleLookup people, RectificationCardMode mode, string? notice = null,
        IReadOnlyDictionary<string, string?>? values = null, IReadOnlyList<string>? errors = null, string? formId = null) => new(
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
        notice);

    /// <summary>The card for <paramref name="viewer"/>: the talkee's form while a report is due, the reviewer's buttons while one waits.</summary>
    public AdaptiveCard CardFor(Person viewer, Talk talk, Rectification r, PeopleLookup people, Locale locale, string? notice = null)
    {
        var mode = viewer.Id == r.Talkee
            ? r.AwaitsReport ? RectificationCardMode.Report : RectificationCardMode.View
            : CanReview(viewer, talk, people) && r.Status == RectificationStatus.Submitted ? RectificationCardMode.Review : RectificationCardMode.View;
        return RectificationCard.Build(View(talk, r, people, mode, notice), locale);
    }

    /// <summary>
    /// Opens a rectification for every talkee whose part of the record requires one and who has none yet, due 3 days
    /// after the talk ended (000 §四(一)5), and gives the talkee the report form.
    /// </summary>
    public async Task<IReadOnlyList<Rectification>> OpenForRecordAsync(Talk talk, TalkRecord record, PeopleLookup people, CancellationToken cancellationToken)
    {
        var opened = new List<Rectification>();
        var content = record.Current.Content;
        foreach (var part in content.Parts.Where(p => p.RectificationRequired && p.RectificationItems.Count > 0))
        {
            if (await rectifications.GetAsync(talk.Id, part.Talkee, cancellationToken).ConfigureAwait(false) is not null)
            {
                continue;
            }

            var r = Rectification.Open(talk.Id, part.Talkee, part.RectificationItems, rules.RectificationDueDate(content.EndedAt!.Value), time.GetUtcNow());
            if (await rectifications.CreateAsync(r, cancellationToken).ConfigureAwait(false))
            {
                opened.Add(r);
                await planner.ForRectificationAsync(r, cancellationToken).ConfigureAwait(false);
                await messenger.TellAsync(part.Talkee, l => RectificationCard.Build(View(talk, r, people, RectificationCardMode.Report,
                    l.Pick($"请于{DateText.Date(r.DueDate, l)}前上报整改措施落实情况。", $"Please report the measures taken by {DateText.Date(r.DueDate, l)}.")), l),
                    cancellationToken).ConfigureAwait(false);
            }
        }

        return opened;
    }

    /// <summary>A returned report has a new due date, and with it a new reminder and escalation.</summary>
    public Task PlanAsync(Rectification rectification, CancellationToken cancellationToken) => planner.ForRectificationAsync(rectification, cancellationToken);

    public Task TellAsync(IEnumerable<PersonId> people, Func<PersonId, Locale, AdaptiveCard> build, CancellationToken cancellationToken) =>
        messenger.TellEachAsync(people, build, cancellationToken);

    public static AdaptiveCard NotFound(Locale locale) => ErrorCard.Build(
        locale.Pick("未找到整改事项", "Rectification not found"),
        [locale.Pick("没有找到与您有关的这项整改。它可能不存在，或并非您的。", "There is no such rectification of yours, or it is not yours to see.")],
        locale);
}

/// <summary>Shows a rectification: the talkee's report form, or the reviewer's card.</summary>
public sealed class ShowRectificationAction(RectificationDesk desk) : ICardAction
{
    public string Verb => Verbs.RectificationShow;

    public async Task<AdaptiveCard> ExecuteAsync(CardActionRequest request, CancellationToken cancellationToken) =>
        await desk.FindAsync(request, cancellationToken).ConfigureAwait(false) is var (talk, people, stored, _)
            ? desk.CardFor(request.Actor, talk, stored.Rectification, people, request.Locale)
            : RectificationDesk.NotFound(request.Locale);
}

/// <summary>
/// 上报整改情况: the talkee reports the measures taken; late reports are accepted and marked late. The talkers and the
/// organiser get the report to review. A repeated submit of one form is one report.
/// </summary>
public sealed class SubmitRectificationAction(RectificationDesk desk, TimeProvider time) : ICardAction
{
    public string Verb => Verbs.RectificationSubmit;

    public async Task<AdaptiveCard> ExecuteAsync(CardActionRequest request, CancellationToken cancellationToken)
    {
        var (actor, locale) = (request.Actor, request.Locale);
        var formId = request.FormId;
        for (var attempt = 1; attempt <= RectificationDesk.MaxAttempts; attempt++)
        {
            if (await desk.FindAsync(request, cancellationToken).ConfigureAwait(false) is not var (talk, people, stored, _) || stored.Rectification.Talkee != actor.Id)
            {
                return RectificationDesk.NotFound(locale);
            }

            var r = stored.Rectification;
            var parsed = RectificationInputParser.Parse(request.Data, r.Items.Count);
            AdaptiveCard Form(IReadOnlyList<string> errors) =>
                RectificationCard.Build(desk.View(talk, r, people, r.AwaitsReport ? RectificationCardMode.Report : RectificationCardMode.View, null, parsed.Values, errors, formId), locale);
            if (parsed.Measures is not { } measures)
            {
                return Form([.. parsed.Problems.Select(p => p.Message(locale))]);
            }

            var (reports, reviews) = (r.Reports.Count, r.Reviews.Count);
            bool changed;
            try
            {
                changed = r.Submit(actor.Id, measures, formId, desk.Rules.Calendar.LocalDate(time.GetUtcNow()), time.GetUtcNow());
            }
            catch (DomainRuleException e)
            {
                return Form(RecordDesk.Describe(e.Violations, people, locale));
            }

            if (changed && !await desk.Store.SaveAsync(stored, reports, reviews, cancellationToken).ConfigureAwait(false))
            {
                continue;
            }

            if (changed)
            {
                await desk.TellAsync(talk.Talkers.Append(talk.Organiser), (person, l) => RectificationCard.Build(
                    desk.View(talk, r, people, RectificationCardMode.Review, l.Pick($"{people.Name(r.Talkee)}已上报整改情况，请审核。", $"{people.Name(r.Talkee)} has reported; please review.")), l),
                    cancellationToken).ConfigureAwait(false);
            }

            var late = r.Reports[^1].Late;
            return RectificationCard.Build(desk.View(talk, r, people, RectificationCardMode.View, late
                ? locale.Pick("已上报（逾期上报），等待审核。", "Reported (late); awaiting review.")
                : locale.Pick("已上报，等待审核。", "Reported; awaiting review.")), locale);
        }

        return ErrorCard.Busy(locale, "该整改事项", "The rectification");
    }
}

/// <summary>审核通过 / 退回: the talker or the discipline office reviews the latest report; the talkee is told.</summary>
public abstract class ReviewRectificationAction(RectificationDesk desk, TimeProvider time) : ICardAction
{
    public abstract string Verb { get; }

    protected abstract bool Accept { get; }

    public async Task<AdaptiveCard> ExecuteAsync(CardActionRequest request, CancellationToken cancellationToken)
    {
        var (actor, locale) = (request.Actor, request.Locale);
        _ = int.TryParse(request.Text(DataKeys.Report), NumberStyles.None, CultureInfo.InvariantCulture, out var report);
        var newDue = request.Date(DataKeys.DueDate);
        for (var attempt = 1; attempt <= RectificationDesk.MaxAttempts; attempt++)
        {
            var found = await desk.FindAsync(request, cancellationToken).ConfigureAwait(false);
            if (found is not var (talk, people, stored, reviewer))
            {
                return RectificationDesk.NotFound(locale);
            }

            if (!reviewer)
            {
                return RefusalCard.Build(locale, locale.Pick("审核整改情况", "review rectification reports"));
            }

            var r = stored.Rectification;
            var (reports, reviews) = (r.Reports.Count, r.Reviews.Count);
            bool changed;
            try
            {
                var now = time.GetUtcNow();
                changed = r.Review(actor.Id, report, Accept, request.Text(DataKeys.Comment), newDue, desk.Rules.Calendar.LocalDate(now), now);
            }
            catch (DomainRuleException e)
            {
                return RectificationCard.Build(desk.View(talk, r, people, r.Status == RectificationStatus.Submitted ? RectificationCardMode.Review : RectificationCardMode.View,
                    null, null, RecordDesk.Describe(e.Violations, people, locale)), locale);
            }

            if (changed && !await desk.Store.SaveAsync(stored, reports, reviews, cancellationToken).ConfigureAwait(false))
            {
                continue;
            }

            if (changed && !Accept)
            {
                await desk.PlanAsync(r, cancellationToken).ConfigureAwait(false);
            }

            if (changed)
            {
                await desk.TellAsync([r.Talkee], (_, l) => RectificationCard.Build(desk.View(talk, r, people,
                    Accept ? RectificationCardMode.View : RectificationCardMode.Report,
                    Accept ? l.Pick("您的整改情况已审核通过。", "Your rectification report was accepted.")
                           : l.Pick($"您的整改情况被退回，请于{DateText.Date(r.DueDate, l)}前重新上报。", $"Your report was returned; report again by {DateText.Date(r.DueDate, l)}.")), l),
                    cancellationToken).ConfigureAwait(false);
            }

            return RectificationCard.Build(desk.View(talk, r, people, RectificationCardMode.View), locale);
        }

        return ErrorCard.Busy(locale, "该整改事项", "The rectification");
    }
}

public sealed class AcceptRectificationAction(RectificationDesk desk, TimeProvider time) : ReviewRectificationAction(desk, time)
{
    public override string Verb => Verbs.RectificationAccept;

    protected override bool Accept => true;
}

public sealed class ReturnRectificationAction(RectificationDesk desk, TimeProvider time) : ReviewRectificationAction(desk, time)
{
    public override string Verb => Verbs.RectificationReturn;

    protected override bool Accept => false;
}
