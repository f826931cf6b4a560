using TalkBot.Cards.CreateTalk;

namespace TalkBot.Bot.Features.Talks;

/// <summary>The one kind and talkee of a talk arranged for a lead, a case or a plan item, and what the form says about it.</summary>
/// <param name="Talker">The talker the form starts with: an admonishment's responsible person (002 §四2–3), or the delegate.</param>
/// <param name="Handed">A talk handed to the organiser by 委托 (000 §二): theirs to arrange whatever their roles.</param>
public sealed record TalkSetup(TalkKind Kind, PersonId Talkee, TalkFormContext Context, PersonId? Talker = null, bool Handed = false);

/// <summary>The create-talk form for someone allowed to create talks (SPEC §1), prefilled with the earliest date the rules allow.</summary>
public sealed class TalkForm(PeopleDirectory directory, WorkingCalendar calendar, TalkSchedulingRules rules, TimeProvider time)
{
    private static readonly TimeOnly DefaultTime = new(9, 0);

    /// <param name="setup">A talk for a lead or an admonishment case: its one kind and talkee, and the ids the submit carries.</param>
    public async Task<AdaptiveCard> BuildAsync(
        Person actor, Locale locale, string? formId, CreateTalkDraft? previous, IReadOnlyList<string>? errors, CancellationToken cancellationToken,
        TalkSetup? setup = null)
    {
        ArgumentNullException.ThrowIfNull(actor);
        // 新建谈话 offers the ordinary kinds only: reminder and admonishment talks come from a lead or a case (Talk.Schedule).
        var kinds = setup is null ? [.. Permissions.CreatableKinds(actor).Where(Talk.IsOrdinaryKind)]
            : setup.Handed ? [setup.Kind] : Permissions.CreatableKinds(actor).Where(k => k == setup.Kind).ToList();
        var handed = setup?.Handed == true;
        if (kinds.Count == 0)
        {
            return RefusalCard.Build(locale, locale.Pick("新建谈话", "create talks"));
        }

        var people = await directory.CurrentAsync(cancellationToken).ConfigureAwait(false);
        var draft = previous ?? (setup is null ? null : new CreateTalkDraft(Talkees: setup.Talkee.Value, Kind: setup.Kind.ToString(), Talkers: setup.Talker?.Value));
        var talkees = PersonScopes.Talkees(actor, handed);
        var now = time.GetUtcNow();
        var earliest = rules.EarliestValidTalkDate(now);
        // A date in a year without official holidays is flagged: the one the form offers, or the one entered before.
        var entered = CreateTalkInputParser.TryParseDate(draft?.Date, out var date) ? date : (DateOnly?)null;
        // 000 §二2, §二4: a plan talk of tier 2 or 4 may invite others to talk jointly; the field is offered there only.
        var joint = setup is { Kind: TalkKind.Routine } ? PersonScopes.JointTalkers(actor, people.TiersOf(setup.Talkee)) : null;
        var view = new CreateTalkFormView(
            // A talk for a lead or a case is about its subject alone (000 §三2–3, 002 §四3).
            Talkees: setup is null
                ? people.ShortList(talkees, actor, locale, [draft?.Talkees])
                : people.Find(setup.Talkee) is { } subject && talkees.Includes(subject) ? [people.Choice(subject, locale)] : [],
            Talkers: people.ShortList(PersonScopes.Talkers(actor, handed), actor, locale, [draft?.Talkers]),
            Recorders: people.ShortList(PersonScopes.Recorders(actor, handed), actor, locale, [draft?.Recorder]),
            Kinds: kinds,
            DefaultDate: earliest,
            DefaultTime: DefaultTime,
            MinDate: earliest,
            ContentDeterminedDate: calendar.LocalDate(now),
            Previous: draft,
            Errors: errors,
            FormId: formId ?? TalkId.New(time).Value,
            Context: setup?.Context,
            UncoveredYears: CalendarCoverage.YearsNotCovered(calendar, earliest, entered),
            Joint: joint is { IsOpen: true } ? people.ShortList(joint, actor, locale, [draft?.Joint]) : null,
            JointDataset: setup is null ? null : Datasets.About(Datasets.JointTalkers, setup.Talkee.Value));
        return CreateTalkCard.Build(view, locale);
    }
}
