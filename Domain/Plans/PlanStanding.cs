using TalkBot.Domain.Statistics;

namespace TalkBot.Domain.Plans;

/// <summary>Where a talk of a monthly plan stands, as the plans ledger (谈话方案台账) shows it.</summary>
public enum PlanStanding
{
    /// <summary>待安排: still the talker's to schedule (000 §三1).</summary>
    Waiting,
    /// <summary>已安排: whoever holds the talk now has a talk with the talkee in the plan's month.</summary>
    Scheduled,
    /// <summary>已委托: handed to the tier's delegate (000 §二), who has not scheduled it yet.</summary>
    Delegated,
    /// <summary>已回避: the talker recused (000 §四(五)3) and the tier's delegate took it over, not scheduled yet.</summary>
    Recused,
    /// <summary>已回避，待纪委办指定: nobody on the tier may take it (000 §二4); the office of the level names a talker.</summary>
    AwaitingOffice,
}

/// <summary>
/// One talk of a talker's monthly plan as its ledger line shows it: where it stands, the figures of the statistics it
/// stands behind, and whether it still waits to be scheduled (for its light, <see cref="MonthlyPlanRules.ArrangeBy"/>).
/// </summary>
public static class PlanLedger
{
    /// <summary>
    /// Where <paramref name="item"/> of the talker's own plan stands, given whether its current holder (the talker, or
    /// the person it was handed to) has a talk with the talkee in the month.
    /// </summary>
    public static PlanStanding Standing(PlanItem item, bool scheduled)
    {
        ArgumentNullException.ThrowIfNull(item);
        if (scheduled)
        {
            return PlanStanding.Scheduled;
        }

        return item.Status switch
        {
            PlanItemStatus.Delegated => PlanStanding.Delegated,
            PlanItemStatus.Recused when item.HandedTo is null => PlanStanding.AwaitingOffice,
            PlanItemStatus.Recused => PlanStanding.Recused,
            _ => PlanStanding.Waiting,
        };
    }

    /// <summary>Whether the talk still waits to be scheduled by someone: its deadline runs until it is.</summary>
    public static bool AwaitsScheduling(PlanStanding standing) => standing != PlanStanding.Scheduled;

    /// <summary>
    /// Who holds the talk now: the talker, the person it was delegated or handed to, or nobody while the office has
    /// to name a talker.
    /// </summary>
    public static PersonId? Holder(PlanItem item, PersonId talker)
    {
        ArgumentNullException.ThrowIfNull(item);
        return item.Status == PlanItemStatus.Planned ? talker : item.HandedTo;
    }
}
