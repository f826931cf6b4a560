using TalkBot.Domain.Talks;
using TalkBot.Domain.Admonishments;
using TalkBot.Domain.Leads;
using TalkBot.Domain.Plans;
using TalkBot.Domain.Records;
using TalkBot.Domain.Rectifications;

namespace TalkBot.Domain.Statistics;

/// <summary>One talkee of a talk as the statistics see them: where they are counted and how far they got.</summary>
/// <param name="Unit">The talkee's unit in the directory.</param>
/// <param name="Tier">The tier of the talk with them (<see cref="StatisticsRules.TierOf"/>).</param>
/// <param name="QuizScore">The score of their latest submitted quiz, or null when they took none.</param>
public sealed record TalkeeProgress(PersonId Talkee, UnitId? Unit, Tier? Tier, NoticeStatus? Notice, Rectification? Rectification, int? QuizScore);

/// <summary>
/// What one item adds to the statistics, from its whole stored state: counting an item again gives the same tallies,
/// so that the counters hold the difference between what an item adds now and what it added when last counted —
/// exactly once, however often it is counted.
/// </summary>
public static class Counting
{
    /// <summary>A talk's tallies, per talkee (谈话人次), in the talkee's unit.</summary>
    public static IReadOnlyList<Tally> Talk(Talk talk, RecordStatus? record, IReadOnlyList<TalkeeProgress> talkees)
    {
        ArgumentNullException.ThrowIfNull(talk);
        ArgumentNullException.ThrowIfNull(talkees);
        var tallies = new List<Tally>();
        foreach (var t in talkees)
        {
            var cell = new StatCell(t.Unit, t.Tier, talk.LeadTalker, talk.Kind);
            void Add(string figure, long amount = 1) => tallies.Add(new Tally(cell, figure, amount));
            if (talk.Status == TalkStatus.Cancelled)
            {
                Add(Figures.Cancelled);
                continue;
            }

            Add(Figures.Scheduled);
            if (StatisticsRules.IsNotified(t.Notice))
            {
                Add(Figures.Notified);
            }

            if (t.Notice is NoticeStatus.Acknowledged)
            {
                Add(Figures.Acknowledged);
            }

            if (talk.Status == TalkStatus.Held)
            {
                Add(Figures.Held);
            }

            if (record is not null)
            {
                Add(Figures.Recorded);
            }

            if (record is RecordStatus.Verified)
            {
                Add(Figures.Verified);
            }

            if (StatisticsRules.IsCompleted(talk, record))
            {
                Add(Figures.Completed);
            }

            if (t.Rectification is { } rectification)
            {
                Add(StatisticsRules.Rectification(rectification) switch
                {
                    RectificationOutcome.OnTime => Figures.RectificationOnTime,
                    RectificationOutcome.Late => Figures.RectificationLate,
                    _ => Figures.RectificationOpen,
                });
            }

            if (t.QuizScore is { } score)
            {
                Add(Figures.QuizTaken);
                Add(Figures.QuizScore, score);
            }
        }

        return tallies;
    }

    /// <summary>
    /// A lead's tallies, in the unit of the office that registered it (000 §三2–3, §四(四)); never its reporter, who is
    /// not counted anywhere (SPEC §6).
    /// </summary>
    public static IReadOnlyList<Tally> Lead(Lead lead)
    {
        ArgumentNullException.ThrowIfNull(lead);
        var cell = new StatCell(lead.OfficeUnit, null, null, TalkKind.Reminder);
        return
        [
            new(cell, Figures.Leads),
            new(cell, Figures.LeadSource(lead.Source)),
            new(cell, Figures.LeadCategory(lead.Category)),
            .. lead.Dispositions.Select(d => new Tally(cell, Figures.LeadDisposition(d.Kind))),
        ];
    }

    /// <summary>An admonishment case's tallies (002 §二, §四), in the unit of its office.</summary>
    public static IReadOnlyList<Tally> Case(AdmonishmentCase c)
    {
        ArgumentNullException.ThrowIfNull(c);
        var cell = new StatCell(c.OfficeUnit, null, null, TalkKind.Admonishment);
        var tallies = new List<Tally> { new(cell, Figures.Cases), new(cell, Figures.CaseStatus(c.Status)) };
        if (c.Situation is { } situation)
        {
            tallies.Add(new(cell, Figures.CaseSituation(situation)));
        }

        return tallies;
    }

    /// <summary>
    /// A talker's monthly plan (000 §三1): one plan in each tier it holds talks of, in the talker's unit, and each talkee
    /// planned in the talkee's unit (<paramref name="unitOf"/>: the directory's, else the unit the item's line runs through).
    /// </summary>
    public static IReadOnlyList<Tally> Plan(PersonId talker, UnitId? talkerUnit, IReadOnlyList<PlanItem> items, Func<PersonId, UnitId?> unitOf)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(unitOf);
        var own = items.Where(i => i.HandedFrom is null).ToList();
        return
        [
            .. own.Select(i => i.Tier).Distinct().Select(tier => new Tally(new StatCell(talkerUnit, tier, talker, TalkKind.Routine), Figures.Plans)),
            .. own.Select(i => new Tally(new StatCell(unitOf(i.Talkee) ?? i.Unit, i.Tier, talker, TalkKind.Routine), Figures.Planned)),
        ];
    }
}
