using TalkBot.Domain.Rules;
using TalkBot.Domain.Talks;

namespace TalkBot.Domain.People;

/// <summary>Who may start which kind of talk (SPEC §1 and §7).</summary>
public static class Permissions
{
    // 000 §二: the talkers of the four tiers hold the monthly routine talks.
    private static readonly Role[] TierTalkers =
    [
        Role.BureauSecretary,
        Role.DisciplineGroupLeader,
        Role.UnitSecretary,
        Role.StationedDisciplineLeader,
    ];

    /// <summary>Null when <paramref name="actor"/> may create a talk of this kind, otherwise why not.</summary>
    public static RuleViolation? CheckCreate(Person actor, TalkKind kind)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!actor.Active)
        {
            return NotPermitted(RuleSources.Roles, kind);
        }

        // 000 §四(一): the discipline office (各级纪检监察机关) determines content and sends every notice,
        // so it may open any kind of talk.
        if (actor.Has(Role.DisciplineOffice))
        {
            return null;
        }

        return kind switch
        {
            TalkKind.Routine when actor.HasAny(TierTalkers) => null,
            TalkKind.Routine => NotPermitted(RuleSources.Tiers, kind),
            // 000 §三2–3: reminder talks follow from leads, which the discipline office handles.
            TalkKind.Reminder => NotPermitted("000 §三2–3", kind),
            // 002 §四1: the organisation department may also propose an admonishment talk.
            TalkKind.Admonishment when actor.Has(Role.OrganizationDept) => null,
            TalkKind.Admonishment => NotPermitted(RuleSources.AdmonishmentProposal, kind),
            _ => NotPermitted(RuleSources.Roles, kind),
        };
    }

    public static bool CanCreate(Person actor, TalkKind kind) => CheckCreate(actor, kind) is null;

    /// <summary>Whether to offer the "new talk" action at all.</summary>
    public static bool CanCreateTalks(Person actor) => Enum.GetValues<TalkKind>().Any(kind => CanCreate(actor, kind));

    /// <summary>The kinds of talk <paramref name="actor"/> may create, for the form's choices.</summary>
    public static IReadOnlyList<TalkKind> CreatableKinds(Person actor) =>
        [.. Enum.GetValues<TalkKind>().Where(kind => CanCreate(actor, kind))];

    /// <summary>Null when the person may be the talkee of a new talk; inactive people may not.</summary>
    public static RuleViolation? CheckTalkee(Person talkee)
    {
        ArgumentNullException.ThrowIfNull(talkee);
        return talkee.Active
            ? null
            : new RuleViolation(RuleCode.TalkeeInactive, RuleSources.Roles,
                Arguments: new Dictionary<string, string> { ["person"] = talkee.Id.Value, ["name"] = talkee.DisplayName });
    }

    private static RuleViolation NotPermitted(string source, TalkKind kind) =>
        new(RuleCode.NotPermitted, source, Arguments: new Dictionary<string, string> { ["kind"] = kind.ToString() });

    /// <summary>
    /// Sends that failed after every retry name people and what they were sent: for the discipline office (which owns the
    /// notices, 000 §四(一)) and administrators only.
    /// </summary>
    public static bool MaySeeFailedSends(Person person)
    {
        ArgumentNullException.ThrowIfNull(person);
        return person.Active && (person.Has(Role.DisciplineOffice) || person.Has(Role.Administrator));
    }
}
