using TalkBot.Domain.Calendar;
using TalkBot.Domain.People;
using TalkBot.Domain.Rules;

namespace TalkBot.Domain.Talks;

public enum TalkStatus
{
    Scheduled,
    Cancelled,
    Held,
}

/// <summary>
/// What the organiser filled in to schedule a talk. Fields are nullable because a form may leave them empty;
/// <see cref="Talk.Schedule"/> reports each missing one. When <see cref="ContentDeterminedOn"/> is empty the
/// content counts as determined today.
/// </summary>
public sealed record TalkDraft(
    TalkKind? Kind,
    IReadOnlyList<Person> Talkees,
    IReadOnlyList<Person> Talkers,
    DateTimeOffset? ScheduledAt,
    string? Place,
    Person? Recorder = null,
    DateOnly? ContentDeterminedOn = null,
    string? Preparation = null);

/// <summary>A talk: who talks to whom, when and where (000 §四(一)).</summary>
public sealed partial class Talk
{
    /// <summary>The names of the draft's fields, as used in the "field" argument of a Required violation.</summary>
    public static class Fields
    {
        public const string Kind = "kind";
        public const string Talkees = "talkees";
        public const string Talkers = "talkers";
        public const string ScheduledAt = "scheduledAt";
        public const string Place = "place";
    }

    private Talk(
        TalkId id,
        TalkKind kind,
        IReadOnlyList<PersonId> talkees,
        IReadOnlyList<PersonId> talkers,
        PersonId? recorder,
        PersonId organiser,
        DateTimeOffset scheduledAt,
        string place,
        DateOnly contentDeterminedOn,
        string? preparation,
        DateTimeOffset createdAt,
        TalkStatus status)
    {
        Id = id;
        Kind = kind;
        Talkees = talkees;
        Talkers = talkers;
        Recorder = recorder;
        Organiser = organiser;
        ScheduledAt = scheduledAt;
        Place = place;
        ContentDeterminedOn = contentDeterminedOn;
        Preparation = preparation;
        CreatedAt = createdAt;
        Status = status;
    }

    public TalkId Id { get; }
    public TalkKind Kind { get; }

    /// <summary>000 §二, last paragraph: individual by default, collective when it covers several talkees.</summary>
    public TalkFormat Format => Talkees.Count > 1 ? TalkFormat.Collective : TalkFormat.Individual;

    public IReadOnlyList<PersonId> Talkees { get; }

    /// <summary>The talkers; the first leads the talk (主谈), the others join it (共同谈话).</summary>
    public IReadOnlyList<PersonId> Talkers { get; }

    public PersonId LeadTalker => Talkers[0];

    /// <summary>000 §四(一)4: the person who keeps the record (专人记录).</summary>
    public PersonId? Recorder { get; }

    public PersonId Organiser { get; }
    public DateTimeOffset ScheduledAt { get; private set; }
    public string Place { get; }
    public DateOnly ContentDeterminedOn { get; }
    public string? Preparation { get; }
    public DateTimeOffset CreatedAt { get; }
    public TalkStatus Status { get; private set; }

    /// <summary>
    /// Schedules a talk of any kind after the common rules (<see cref="Schedule"/>); for a lead's or a case's talk,
    /// whose own rules are checked by the lead or the case.
    /// </summary>
    internal static Talk Arrange(
        TalkId id,
        TalkDraft draft,
        Person organiser,
        WorkingCalendar calendar,
        NoticePolicy policy,
        TimeProvider time,
        bool delegated = false)
    {
        ArgumentNullException.ThrowIfNull(draft);
        ArgumentNullException.ThrowIfNull(organiser);
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(time);
        if (string.IsNullOrWhiteSpace(id.Value))
        {
            throw new ArgumentException("A talk needs an id.", nameof(id));
        }

        var now = time.GetUtcNow();
        var talkees = Distinct(draft.Talkees);
        var talkers = Distinct(draft.Talkers);
        var violations = new List<RuleViolation>();

        if (draft.Kind is null)
        {
            violations.Add(RuleViolation.Required(Fields.Kind));
        }

        if (talkees.Count == 0)
        {
            violations.Add(RuleViolation.Required(Fields.Talkees));
        }

        if (talkers.Count == 0)
        {
            violations.Add(RuleViolation.Required(Fields.Talkers));
        }

        if (draft.ScheduledAt is null)
        {
            violations.Add(RuleViolation.Required(Fields.ScheduledAt));
        }

        if (string.IsNullOrWhiteSpace(draft.Place))
        {
            // 000 §四(一)3: the notice states the time, place and talkers.
            violations.Add(RuleViolation.Required(Fields.Place, RuleSources.Notice));
        }

        var talkerIds = talkers.Select(p => p.Id).ToHashSet();
        foreach (var talkee in talkees.Where(t => talkerIds.Contains(t.Id)))
        {
            violations.Add(new RuleViolation(RuleCode.TalkeeIsTalker, RuleSources.Tiers,
                Arguments: new Dictionary<string, string> { ["person"] = talkee.Id.Value, ["name"] = talkee.DisplayName }));
        }

        violations.AddRange(talkees.Select(Permissions.CheckTalkee).OfType<RuleViolation>());

        // A talk delegated to the organiser (委托, 000 §二) is checked by its plan item, not by the organiser's roles.
        if (!delegated && draft.Kind is { } kind && Permissions.CheckCreate(organiser, kind) is { } refusal)
        {
            violations.Add(refusal);
        }

        var contentDate = draft.ContentDeterminedOn ?? calendar.LocalDate(now);
        if (draft.ScheduledAt is { } at)
        {
            violations.AddRange(CheckClocks(draft.Kind, at, contentDate, now, calendar, policy));
        }

        if (violations.Count > 0)
        {
            throw new DomainRuleException(violations);
        }

        return new Talk(
            id,
            draft.Kind!.Value,
            [.. talkees.Select(p => p.Id)],
            [.. talkers.Select(p => p.Id)],
            draft.Recorder?.Id,
            organiser.Id,
            draft.ScheduledAt!.Value,
            draft.Place!.Trim(),
            contentDate,
            string.IsNullOrWhiteSpace(draft.Preparation) ? null : draft.Preparation.Trim(),
            now,
            TalkStatus.Scheduled);
    }

    /// <summary>Rebuilds a stored talk as it was; no rule is checked again.</summary>
    public static Talk Restore(
        TalkId id,
        TalkKind kind,
        IReadOnlyList<PersonId> talkees,
        IReadOnlyList<PersonId> talkers,
        PersonId? recorder,
        PersonId organiser,
        DateTimeOffset scheduledAt,
        string place,
        DateOnly contentDeterminedOn,
        string? preparation,
        DateTimeOffset createdAt,
        TalkStatus status,
        TalkHistory? history = null)
    {
        ArgumentNullException.ThrowIfNull(talkees);
        ArgumentNullException.ThrowIfNull(talkers);
        if (talkees.Count == 0 || talkers.Count == 0)
        {
            throw new ArgumentException("A stored talk has at least one talkee and one talker.");
        }

        var talk = new Talk(id, kind, [.. talkees], [.. talkers], recorder, organiser, scheduledAt, place,
            contentDeterminedOn, preparation, createdAt, status);
        if (history is not null)
        {
            talk.Revision = history.Revision;
            talk.LastChange = history.LastChange;
            talk.absences.AddRange(history.Absences);
        }

        return talk;
    }

    public bool IsTalkee(PersonId person) => Talkees.Contains(person);

    public bool IsTalker(PersonId person) => Talkers.Contains(person);

    /// <summary>Records that the talk took place (000 §四(一)4). Repeating it changes nothing.</summary>
    /// <returns>Whether anything changed.</returns>
    public bool MarkHeld() => MoveTo(TalkStatus.Held);

    private bool MoveTo(TalkStatus target)
    {
        if (Status == target)
        {
            return false;
        }

        if (Status != TalkStatus.Scheduled)
        {
            throw new DomainRuleException(RuleViolation.InvalidState(Status.ToString(), RuleSources.Procedure));
        }

        Status = target;
        return true;
    }

    // 000 §四(一)2–3 set the clocks of the monthly talks (routine and reminder). The admonishment procedure
    // (002 §四) sets no notice period or window, so only the common-sense checks apply to it.
    private static IEnumerable<RuleViolation> CheckClocks(
        TalkKind? kind, DateTimeOffset at, DateOnly contentDate, DateTimeOffset now,
        WorkingCalendar calendar, NoticePolicy policy)
    {
        var rules = new TalkSchedulingRules(calendar, policy);
        if (kind is not TalkKind.Admonishment)
        {
            return rules.Check(at, contentDate, now);
        }

        var violations = new List<RuleViolation>();
        if (at <= now)
        {
            violations.Add(new RuleViolation(RuleCode.TalkInPast, RuleSources.Procedure, calendar.NextWorkingDay(calendar.LocalDate(now))));
        }

        if (contentDate > calendar.LocalDate(now))
        {
            violations.Add(new RuleViolation(RuleCode.ContentDateInFuture, RuleSources.ContentDetermined));
        }

        return violations;
    }

    private static List<Person> Distinct(IReadOnlyList<Person>? people) =>
        people is null ? [] : [.. people.Where(p => p is not null).DistinctBy(p => p.Id)];
}
