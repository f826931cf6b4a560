using TalkBot.Domain.Calendar;
using TalkBot.Domain.People;
using TalkBot.Domain.Rules;
using TalkBot.Domain.Talks;

namespace TalkBot.Domain.Plans;

/// <summary>Where one talk of a talker's monthly plan stands. "Scheduled" is not stored: a talk in the store says it.</summary>
public enum PlanItemStatus
{
    /// <summary>On the talker's list, to be scheduled.</summary>
    Planned,
    /// <summary>Delegated (委托) to another talker along the line of 000 §二.</summary>
    Delegated,
    /// <summary>The talker recused (回避, 000 §四(五)3); reassigned along the delegation line, or to the discipline office.</summary>
    Recused,
}

/// <summary>Why a delegation or a recusal was refused.</summary>
public enum PlanRefusal
{
    /// <summary>The item is not on the caller's plan.</summary>
    NotOnYourPlan,
    /// <summary>The chosen person is not on the delegation line of this tier (000 §二).</summary>
    NotADelegate,
    /// <summary>Already delegated or recused: the talk is someone else's now.</summary>
    AlreadyHandedOver,
    /// <summary>Only the discipline office of the recused talker's level names another talker (000 §四(五)3, §四(一)).</summary>
    NotTheOffice,
    /// <summary>The person named is not one the office may name for the talk (<see cref="RecusedTalks.MayTake"/>).</summary>
    NotAssignable,
    /// <summary>The talk is not a recused one waiting for the office, or the office named someone else for it already.</summary>
    NotWaitingForOffice,
}

/// <summary>
/// One talkee on a talker's plan for a month: the tier and line that put them there (the plan card says why), and,
/// once handed over, to whom. A talk handed to someone appears on their plan with <see cref="HandedFrom"/>;
/// <see cref="AssignedBy"/> names the office member who named its talker after a recusal nobody on the tier could take.
/// </summary>
public sealed record PlanItem(
    PersonId Talkee, Tier Tier, TalkeeLine Line, UnitId? Unit, PlanItemStatus Status = PlanItemStatus.Planned,
    PersonId? HandedTo = null, PersonId? HandedFrom = null, PersonId? AssignedBy = null)
{
    public static PlanItem From(TierAssignment assignment)
    {
        ArgumentNullException.ThrowIfNull(assignment);
        return new(assignment.Talkee, assignment.Tier, assignment.Line, assignment.Unit);
    }

    /// <summary>Whether the talk is still the holder's to schedule.</summary>
    public bool IsOpen => Status == PlanItemStatus.Planned;

    /// <summary>Whether the talk came to its holder by 委托 or 回避 from the talker of its tier.</summary>
    public bool IsHandedToHolder => HandedFrom is not null;

    /// <summary>
    /// 委托 (000 §二: …可以委托…进行谈话): the holder of a talk handed to them arranges it although their roles alone would
    /// not let them create talks — exactly this one: a routine talk (000 §三1) with this talkee alone, the holder leading
    /// it. The other talkers are those the tier allows (<paramref name="line"/>, the line handed over: its assistant, or
    /// on tiers 2 and 4 those its talker may invite); the tier's assistants are added when the holder is not one of them
    /// (RoutineTalks). The common rules of <see cref="Talk"/> apply as well. The caller passes an item of the organiser's own plan.
    /// </summary>
    /// <param name="line">The line this item came from (the talker who handed it over, its talkee and tier); null when the directory no longer has it.</param>
    /// <param name="find">Finds an assistant in the directory.</param>
    /// <exception cref="DomainRuleException">The item is not handed to the holder or no longer open, or any rule is broken.</exception>
    public Talk ScheduleHandedTalk(
        TalkId id, TalkDraft draft, Person organiser, TierAssignment? line, Func<PersonId, Person?> find, WorkingCalendar calendar, NoticePolicy policy, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(draft);
        ArgumentNullException.ThrowIfNull(organiser);
        ArgumentNullException.ThrowIfNull(find);
        if (!IsHandedToHolder || !IsOpen)
        {
            throw new DomainRuleException(new RuleViolation(RuleCode.DelegationInvalid, RuleSources.Tiers));
        }

        var violations = new List<RuleViolation>();
        foreach (var other in draft.Talkees.Where(p => p is not null && p.Id != Talkee).DistinctBy(p => p.Id))
        {
            violations.Add(new RuleViolation(RuleCode.TalkeeNotOnPlan, RuleSources.Tiers,
                Arguments: new Dictionary<string, string> { ["person"] = other.Id.Value, ["name"] = other.DisplayName }));
        }

        var talkers = draft.Talkers;
        if (draft.Talkers.Count > 0 && draft.Talkers.All(p => p?.Id != organiser.Id))
        {
            violations.Add(new RuleViolation(RuleCode.DelegateMustTalk, RuleSources.Tiers));
        }
        else if (draft.Talkers.Count > 0)
        {
            // The holder leads the talk handed to him; the others are checked against the line's tier.
            talkers = RoutineTalks.WithAssistants(organiser, draft.Talkers, draft.Talkees, line is null ? [] : [line], find, violations);
        }

        return RoutineTalks.Collect(violations,
            () => Talk.Arrange(id, draft with { Kind = TalkKind.Routine, Talkers = talkers }, organiser, calendar, policy, time, delegated: true));
    }

    /// <summary>
    /// 委托: hands the talk to <paramref name="to"/>, who must be on the tier's delegation line (000 §二). Delegating
    /// again to the same person is a no-op.
    /// </summary>
    public (PlanItem? Item, PlanRefusal? Refusal) Delegate(TierAssignment assignment, PersonId to)
    {
        ArgumentNullException.ThrowIfNull(assignment);
        if (Status == PlanItemStatus.Delegated && HandedTo == to)
        {
            return (this, null);
        }

        if (!IsOpen)
        {
            return (null, PlanRefusal.AlreadyHandedOver);
        }

        return TalkTiers.MayDelegateTo(assignment, to)
            ? (this with { Status = PlanItemStatus.Delegated, HandedTo = to }, null)
            : (null, PlanRefusal.NotADelegate);
    }

    /// <summary>
    /// 回避 (000 §四(五)3): the talker steps aside; the talk goes along the delegation line (<see cref="TalkTiers.Reassign"/>),
    /// or to nobody, for the discipline office to assign. Recusing twice is a no-op.
    /// </summary>
    public (PlanItem? Item, PlanRefusal? Refusal) Recuse(TierAssignment assignment)
    {
        ArgumentNullException.ThrowIfNull(assignment);
        if (Status == PlanItemStatus.Recused)
        {
            return (this, null);
        }

        return IsOpen
            ? (this with { Status = PlanItemStatus.Recused, HandedTo = TalkTiers.Reassign(assignment) }, null)
            : (null, PlanRefusal.AlreadyHandedOver);
    }

    /// <summary>Whether the talker recused and the tier had nobody to take the talk: the discipline office names a talker.</summary>
    public bool WaitsForOffice => Status == PlanItemStatus.Recused && HandedTo is null;

    /// <summary>
    /// The discipline office names <paramref name="talker"/> for a talk its talker recused from with nobody on the tier to
    /// take it (000 §二4 names no delegate; 000 §四(五)3). Only a member of the office of the recused talker's level
    /// (<see cref="RecusedTalks.IsOfficeFor"/>), and only someone who may take it (<see cref="RecusedTalks.MayTake"/>).
    /// Naming the same person again is a no-op; once named, the talk is that person's.
    /// </summary>
    /// <param name="offices">The active discipline office members (<see cref="DisciplineOffices.Of"/> is taken of them).</param>
    public (PlanItem? Item, PlanRefusal? Refusal) AssignByOffice(Person actor, Person recused, Person? talker, IEnumerable<Person> offices)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(recused);
        if (!RecusedTalks.IsOfficeFor(actor, recused, offices))
        {
            return (null, PlanRefusal.NotTheOffice);
        }

        if (Status == PlanItemStatus.Recused && AssignedBy is not null && HandedTo == talker?.Id)
        {
            return (this, null);
        }

        if (!WaitsForOffice)
        {
            return (null, PlanRefusal.NotWaitingForOffice);
        }

        return talker is not null && RecusedTalks.MayTake(talker, recused, Talkee)
            ? (this with { HandedTo = talker.Id, AssignedBy = actor.Id }, null)
            : (null, PlanRefusal.NotAssignable);
    }
}
