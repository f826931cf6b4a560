using TalkBot.Cards.CreateTalk;
using TalkBot.Domain.Admonishments;
using TalkBot.Domain.Leads;

namespace TalkBot.Bot.Features.Talks;

/// <summary>
/// What a create-talk submit is for: an ordinary talk, or one fixed by a lead or a case to its kind and talkee
/// (<see cref="Setup"/>), scheduled by Domain under that lead's or case's rules (<see cref="Schedule"/>).
/// </summary>
/// <remarks>Scheduling may read what the rules need beyond the form (the lead talker's plan, for the tiers of 000 §二).</remarks>
public sealed record TalkArrangement(Func<TalkId, TalkDraft, CancellationToken, Task<Talk>> Schedule, TalkSetup? Setup = null, LeadId? Lead = null, CaseId? Case = null)
{
    /// <summary>An arrangement whose rules need nothing but the form.</summary>
    public static TalkArrangement Of(Func<TalkId, TalkDraft, Talk> schedule, TalkSetup? setup = null, LeadId? lead = null, CaseId? @case = null) =>
        new((id, draft, _) => Task.FromResult(schedule(id, draft)), setup, lead, @case);
}

/// <summary>
/// Submitting a create-talk form: checks the input, lets Domain apply the rules (000 §四(一)2–3, SPEC §1), stores the
/// talk with its notices in one transaction and, with it, what follows (notices delivered, reminders, the lead's or
/// case's step: <see cref="TalkScheduled"/>). The form id becomes the talk id: a repeated click or a Teams retry finds
/// the talk the first one made. A refused submission stores nothing and shows the form again with every problem.
/// </summary>
public sealed class TalkArranger(TalkForm form, PeopleDirectory directory, TalkStore talks, FollowUps followUps, WorkingCalendar calendar, OrganiserView organiser, TimeProvider time)
{
    public async Task<AdaptiveCard> CreateAsync(CardActionRequest request, TalkArrangement arrangement, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(arrangement);
        var (actor, locale) = (request.Actor, request.Locale);
        var handed = arrangement.Setup?.Handed == true;
        if (!handed && !Permissions.CanCreateTalks(actor))
        {
            return RefusalCard.Build(locale, locale.Pick("新建谈话", "create talks"));
        }

        var formId = request.Text(DataKeys.FormId);
        if (!TalkId.TryParse(formId, out var talkId))
        {
            return await form.BuildAsync(actor, locale, null, null,
                [locale.Pick("表单已失效，请重新填写。", "This form has expired; please fill it in again.")], cancellationToken, arrangement.Setup).ConfigureAwait(false);
        }

        if (await talks.GetAsync(talkId, cancellationToken).ConfigureAwait(false) is { } existing)
        {
            // A repeat of this very form shows its talk; another talk's id (crafted) is refused and attaches nothing.
            return existing.CheckSameForm(actor, arrangement.Setup?.Kind ?? TalkKind.Routine, arrangement.Setup?.Talkee) is { } other
                ? throw new DomainRuleException(other)
                : await CreatedAsync(existing, locale, cancellationToken).ConfigureAwait(false);
        }

        var parsed = CreateTalkInputParser.Parse(request.Data);
        if (parsed.Input is not { } input)
        {
            return await form.BuildAsync(actor, locale, formId, parsed.Draft,
                parsed.Problems.Select(p => p.Message(locale)).ToList(), cancellationToken, arrangement.Setup).ConfigureAwait(false);
        }

        var chosen = new Dictionary<PersonId, Person?>();
        // Those invited to talk jointly (000 §二2, §二4) talk after the talkers chosen; Domain checks the tier allows them.
        var talkerIds = input.Talkers.Concat(input.Joint).Distinct().ToList();
        foreach (var id in input.Talkees.Concat(talkerIds).Append(input.Recorder).Distinct())
        {
            chosen[id] = await directory.FindAsync(id, cancellationToken).ConfigureAwait(false);
        }

        // Each person chosen must be in the directory and one the actor may choose in that field; a refusal shows the
        // form again with every problem (RefusedAsync), and nothing is stored.
        var (talkees, talkers, recorders) = (PersonScopes.Talkees(actor, handed), PersonScopes.Talkers(actor, handed), PersonScopes.Recorders(actor, handed));
        var outOfScope = input.Talkees.Select(id => talkees.Check(id, chosen[id]))
            .Concat(talkerIds.Select(id => talkers.Check(id, chosen[id])))
            .Append(recorders.Check(input.Recorder, chosen[input.Recorder]))
            .OfType<RuleViolation>().ToList();
        if (outOfScope.Count > 0)
        {
            throw new DomainRuleException(outOfScope);
        }

        var draft = new TalkDraft(
            input.Kind,
            [.. input.Talkees.Select(id => chosen[id]!)],
            [.. talkerIds.Select(id => chosen[id]!)],
            calendar.ToInstant(input.Date, input.Time),
            input.Place,
            chosen[input.Recorder],
            input.ContentDeterminedDate,
            input.Preparation);
        var talk = await arrangement.Schedule(talkId, draft, cancellationToken).ConfigureAwait(false); // a refusal goes back to the form (RefusedAsync)
        var notices = Notice.For(talk, time);
        var scheduled = new TalkScheduled(talk.Id, arrangement.Lead, arrangement.Case);
        // The card this submit came from becomes the organiser's card for the talk, kept up to date with its notices.
        var activity = request.Turn.Activity;
        var organiserCard = activity is { ReplyToId: { Length: > 0 } card, Conversation.Id: { Length: > 0 } conversation } ? new CardLocation(conversation, card) : null;
        if (!await followUps.SaveAsync(scheduled, scheduled.Key, () => talks.CreateAsync(talk, notices, organiserCard, cancellationToken), cancellationToken).ConfigureAwait(false))
        {
            // A concurrent retry of this very submit stored it first.
            return await CreatedAsync(talk, locale, cancellationToken).ConfigureAwait(false);
        }

        return await CreatedAsync(talk, locale, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The form again, with what was entered and why Domain refused it.</summary>
    public Task<AdaptiveCard> RefusedAsync(CardActionRequest request, TalkSetup? setup, Refusal refusal, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(refusal);
        return form.BuildAsync(request.Actor, request.Locale, request.Text(DataKeys.FormId), CreateTalkInputParser.Parse(request.Data).Draft, refusal.Messages,
            cancellationToken, setup);
    }

    private async Task<AdaptiveCard> CreatedAsync(Talk talk, Locale locale, CancellationToken cancellationToken)
    {
        var notices = await talks.ListNoticesAsync(talk.Id, cancellationToken).ConfigureAwait(false);
        var people = await directory.CurrentAsync(cancellationToken).ConfigureAwait(false);
        return organiser.Build(talk, notices.Select(n => n.Notice), people.Context(calendar), locale);
    }
}
