using TalkBot.Bot.Features.Talks;
using TalkBot.Bot.Infrastructure.Hosting;
using TalkBot.Cards.CreateTalk;

namespace TalkBot.Bot.Features.TalkChanges;

/// <summary>
/// What a change of a talk reads and saves, once for every handler: the talk with its notices (one query), the units of
/// its talkees from the directory snapshot (for the office that may act, <see cref="TalkAccess"/>), and the save of the
/// talk with the notices changed, guarded by their ETags, with the follow-ups of the change planned before it.
/// </summary>
public sealed class TalkChangeStore(TalkStore talks, PeopleDirectory directory, FollowUps followUps)
{
    public sealed record Loaded(StoredTalk Stored, IReadOnlyList<StoredNotice> Notices, PeopleLookup People)
    {
        public Talk Talk => Stored.Talk;

        /// <summary>The discipline office of each talkee's unit (000 §四(一)), who may act on the talk besides its organiser.</summary>
        public IReadOnlyList<PersonId> TalkeeOffices =>
            [.. Talk.Talkees.SelectMany(t => DisciplineOffices.Of(People.Find(t)?.UnitId, People.WithRole(Role.DisciplineOffice))).Distinct()];

        public StoredNotice? NoticeOf(PersonId talkee) => Notices.FirstOrDefault(n => n.Notice.Talkee == talkee);
    }

    public async Task<Loaded?> LoadAsync(CardActionRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!TalkId.TryParse(request.Text(DataKeys.TalkId), out var id))
        {
            return null;
        }

        var (stored, notices) = await talks.GetWithNoticesAsync(id, cancellationToken).ConfigureAwait(false);
        return stored is null ? null : new Loaded(stored, notices, await directory.CurrentAsync(cancellationToken).ConfigureAwait(false));
    }

    /// <summary>Saves the change with its follow-ups planned first; false when another writer saved first (read again).</summary>
    public Task<bool> SaveAsync<TEvent>(TEvent change, string key, Loaded loaded, IEnumerable<StoredNotice> changed, CancellationToken cancellationToken)
        where TEvent : notnull
    {
        ArgumentNullException.ThrowIfNull(loaded);
        var notices = changed.ToList();
        return followUps.SaveAsync(change, key, () => talks.SaveChangeAsync(loaded.Stored, notices, cancellationToken), cancellationToken);
    }

    public static AdaptiveCard NotFound(Locale locale) => ErrorCard.Build(
        locale.Pick("未找到该谈话", "Talk not found"),
        [locale.Pick("没有找到这次谈话。", "There is no such talk.")], locale);

    /// <summary>A person named in the card data, when it is a plausible id (a crafted long value is none).</summary>
    public static PersonId? Person(CardActionRequest request, string key) =>
        request?.Text(key) is { Length: > 0 and <= 64 } id ? new PersonId(id) : null;

    /// <summary>The new time of a move, from its date and time inputs; each missing one is a required field.</summary>
    public static DateTimeOffset NewTime(CardActionRequest request, WorkingCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(calendar);
        var hasDate = CreateTalkInputParser.TryParseDate(request.Text(DataKeys.NewDate), out var date);
        var hasTime = CreateTalkInputParser.TryParseTime(request.Text(DataKeys.NewTime), out var clock);
        if (!hasDate || !hasTime)
        {
            throw new DomainRuleException([
                .. hasDate ? Array.Empty<RuleViolation>() : [RuleViolation.Required(CreateTalkFields.Date, RuleSources.TalkChange)],
                .. hasTime ? Array.Empty<RuleViolation>() : [RuleViolation.Required(CreateTalkFields.Time, RuleSources.TalkChange)]]);
        }

        return calendar.ToInstant(date, clock);
    }
}

/// <summary>
/// 改期 and 撤销谈话 on the organiser's card for a talk: Domain checks who may (the organiser, or the office of a talkee's
/// unit) and the rules; the talk and its notices, issued again for a move, are saved in one transaction with
/// <see cref="TalkChanged"/>, whose follow-ups tell everyone involved and move or cancel every reminder. A repeated click
/// finds the change made and answers with the card as it stands.
/// </summary>
public abstract class ChangeTalk(TalkChangeStore store, OrganiserView organiser, WorkingCalendar calendar, TimeProvider time) : ICardAction
{
    public abstract string Verb { get; }

    /// <summary>Makes the change through Domain; false when it was made already.</summary>
    protected abstract bool Change(TalkChangeStore.Loaded loaded, CardActionRequest request);

    public async Task<AdaptiveCard> ExecuteAsync(CardActionRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return await Optimistic.RetryAsync<AdaptiveCard>(async () =>
        {
            if (await store.LoadAsync(request, cancellationToken).ConfigureAwait(false) is not { } loaded)
            {
                return TalkChangeStore.NotFound(request.Locale);
            }

            if (Change(loaded, request))
            {
                var talk = loaded.Talk;
                if (talk.Status == TalkStatus.Scheduled)
                {
                    foreach (var notice in loaded.Notices)
                    {
                        notice.Notice.Reissue(Time); // 000 §四(一)3: a new time is a new notice
                    }
                }

                var change = new TalkChanged(talk.Id, talk.Revision, talk.Status == TalkStatus.Cancelled);
                var changed = talk.Status == TalkStatus.Scheduled ? loaded.Notices : [];
                if (!await store.SaveAsync(change, change.Key, loaded, changed, cancellationToken).ConfigureAwait(false))
                {
                    return Optimistic.Again;
                }
            }

            return organiser.Build(loaded.Talk, loaded.Notices.Select(n => n.Notice), loaded.People.Context(calendar), request.Locale);
        }, () => ErrorCard.Busy(request.Locale, "该谈话", "The talk")).ConfigureAwait(false);
    }

    /// <summary>The card as it stands, with why the change was refused on top; nothing was saved.</summary>
    public async Task<AdaptiveCard> RefusedAsync(CardActionRequest request, Refusal refusal, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(refusal);
        if (await store.LoadAsync(request, cancellationToken).ConfigureAwait(false) is not { } loaded)
        {
            return TalkChangeStore.NotFound(request.Locale);
        }

        // Someone who may not change the talk sees why, not the talk.
        return refusal.Violations.Any(v => v.Code == RuleCode.NotPermitted)
            ? RuleViolationCard.Build(refusal.Violations, request.Locale)
            : organiser.Build(loaded.Talk, loaded.Notices.Select(n => n.Notice), loaded.People.Context(calendar), request.Locale, refusal.Messages);
    }

    protected WorkingCalendar Calendar => calendar;

    protected TimeProvider Time => time;
}

/// <summary>改期: the talk moves to the new date and time, with a reason (000 §四(一)2–3 apply again).</summary>
public sealed class RescheduleTalk(TalkChangeStore store, OrganiserView organiser, WorkingCalendar calendar, TalkOptions options, TimeProvider time)
    : ChangeTalk(store, organiser, calendar, time)
{
    public override string Verb => Verbs.TalkReschedule;

    protected override bool Change(TalkChangeStore.Loaded loaded, CardActionRequest request)
    {
        ArgumentNullException.ThrowIfNull(loaded);
        // Who may comes first: a crafted invoke by someone else learns nothing about the form.
        if (TalkAccess.CheckManage(request.Actor, loaded.Talk, loaded.TalkeeOffices) is { } refusal)
        {
            throw new DomainRuleException(refusal);
        }

        return loaded.Talk.Reschedule(request.Actor, loaded.TalkeeOffices, TalkChangeStore.NewTime(request, Calendar), request.Text(DataKeys.Reason),
            Calendar, options.Policy, Time);
    }
}

/// <summary>撤销谈话: the talk is cancelled, with a reason; its notices say so and nothing of it is reminded any more.</summary>
public sealed class CancelTalk(TalkChangeStore store, OrganiserView organiser, WorkingCalendar calendar, TimeProvider time)
    : ChangeTalk(store, organiser, calendar, time)
{
    public override string Verb => Verbs.TalkCancel;

    protected override bool Change(TalkChangeStore.Loaded loaded, CardActionRequest request)
    {
        ArgumentNullException.ThrowIfNull(loaded);
        return loaded.Talk.Cancel(request.Actor, loaded.TalkeeOffices, request.Text(DataKeys.CancelReason), Time);
    }
}
