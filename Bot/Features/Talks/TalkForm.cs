using TalkBot.Cards.CreateTalk;

namespace TalkBot.Bot.Features.Talks;

/// <summary>The one kind and talkee of a talk arranged for a lead or a case, and what the form says about it.</summary>
public sealed record TalkSetup(TalkKind Kind, PersonId Talkee, TalkFormContext Context);

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
        var kinds = setup is null ? Permissions.CreatableKinds(actor) : [.. Permissions.CreatableKinds(actor).Where(k => k == setup.Kind)];
        if (kinds.Count == 0)
        {
            return RefusalCard.Build(locale, locale.Pick("新建谈话", "create talks"));
        }

        var people = ((await directory.CurrentAsync(cancellationToken).ConfigureAwait(false)).All).Where(p => p.Active).ToList();
        var now = time.GetUtcNow();
        var earliest = rules.EarliestValidTalkDate(now);
        var view = new CreateTalkFormView(
            Talkees: people.Where(p => p.Id != actor.Id && (setup is null || p.Id == setup.Talkee)).Select(p => Choice(p, locale)).ToList(),
            Talkers: people.OrderByDescending(IsTalker).Select(p => Choice(p, locale)).ToList(),
            Recorders: people.Where(p => p.Has(Role.Recorder) || p.Has(Role.DisciplineOffice))
                .OrderByDescending(p => p.Has(Role.Recorder)).Select(p => Choice(p, locale)).ToList(),
            Kinds: kinds,
            DefaultDate: earliest,
            DefaultTime: DefaultTime,
            MinDate: earliest,
            ContentDeterminedDate: calendar.LocalDate(now),
            Previous: previous ?? (setup is null ? null : new CreateTalkDraft(Talkees: setup.Talkee.Value, Kind: setup.Kind.ToString())),
            Errors: errors,
            FormId: formId ?? TalkId.New(time).Value,
            Context: setup?.Context);
        return CreateTalkCard.Build(view, locale);
    }

    /// <summary>A person as a choice of a form: their name, with their post (or their first role) to tell namesakes apart.</summary>
    public static PersonChoice Choice(Person p, Locale locale)
    {
        ArgumentNullException.ThrowIfNull(p);
        return new(p.Id, p.DisplayName, p.JobTitle ?? (p.Roles.Count > 0 ? Labels.Of(p.Roles.Min(), locale) : null));
    }

    // The talkers of the four tiers (SPEC §2) come first in the list; anyone may still be chosen (joint talks, 002).
    private static bool IsTalker(Person p) => p.HasAny(
        Role.BureauSecretary, Role.DisciplineGroupLeader, Role.DeputyGroupLeader, Role.UnitSecretary, Role.StationedDisciplineLeader);
}
