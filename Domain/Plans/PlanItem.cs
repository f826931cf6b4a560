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
}

/// <summary>
/// One talkee on a talker's plan for a month: the tier and line that put them there (the plan card says why), and,
/// once handed over, to whom. A talk handed to someone appears on their plan with <see cref="HandedFrom"/>.
/// </summary>
public sealed record PlanItem(
    PersonId Talkee, Tier Tier, TalkeeLine Line, UnitId? Unit, PlanItemStatus Status = PlanItemStatus.Planned,
    PersonId? HandedTo = null, PersonId? HandedFrom = null)
{
    public static PlanItem From(TierAssignment assignment)
    {
        ArgumentNullException.ThrowIfNull(assignment);
        return new(assignment.Talkee, assignment.Tier, assignment.Line, assignment.Unit);
    }

    /// <summary>Whether the talk is still the holder's to schedule.</summary>
    public bool IsOpen => Status == PlanItemStatus.Planned;

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
}
