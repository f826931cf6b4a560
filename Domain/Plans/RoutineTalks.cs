using System.Globalization;
using TalkBot.Domain.Calendar;
using TalkBot.Domain.People;
using TalkBot.Domain.Rules;
using TalkBot.Domain.Talks;

namespace TalkBot.Domain.Plans;

/// <summary>
/// What the tiers of 000 §二 say about one routine talk: every line that names one of its talkees, whoever talks on it,
/// and the lead talker's plan for the month (what was handed to him, what he handed over). Either may be empty: no line
/// names the talkee, or no plan was made for the month.
/// </summary>
public sealed record TalkeeTiers(IReadOnlyList<TierAssignment> Lines, IReadOnlyList<PlanItem> LeadPlan);

/// <summary>How one talker takes part in a routine talk (000 §二): leads it, assists its tier's talker (配合), or was invited (共同谈话).</summary>
public enum TalkerPart
{
    Lead,
    Assistant,
    Joint,
}

/// <summary>
/// 000 §二: a routine talk (日常廉政谈话) is held along the tier lines. Its lead talker (主谈) has each talkee on one of his
/// lines, or holds a line handed to him (委托, or 回避 along the delegation column); the tier's assistant (配合: 组长 on
/// tier 1, 副组长 on tier 2, 派驻组组长 on tier 3) joins the talk as a talker and is told like the others; besides them only
/// the people a tier-2 or tier-4 talker may invite (共同谈话) talk. Reminder and admonishment talks have their own rules
/// (a lead, a case) and are not held along these lines.
/// </summary>
public static class RoutineTalks
{
    /// <summary>The line of 000 §二 a tier is (000 §二1 … 000 §二4), cited by the rules of that tier.</summary>
    public static string Source(Tier tier) => RuleSources.Tiers + ((int)tier).ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// Schedules a talk of 新建谈话 (<see cref="Talk.Schedule"/>), a routine one on the tier lines: a talkee on none of the
    /// lead talker's lines, or a talker who is neither the line's assistant nor one its talker may invite, is refused with
    /// its rule, together with whatever else the form gets wrong; the lines' assistants are added as talkers.
    /// </summary>
    /// <param name="find">Finds an assistant in the directory.</param>
    /// <exception cref="DomainRuleException">Any rule is broken; it carries all of them.</exception>
    public static Talk Schedule(
        TalkId id, TalkDraft draft, Person organiser, TalkeeTiers tiers, Func<PersonId, Person?> find, WorkingCalendar calendar, NoticePolicy policy, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(draft);
        ArgumentNullException.ThrowIfNull(tiers);
        ArgumentNullException.ThrowIfNull(find);
        if (draft.Kind != TalkKind.Routine || draft.Talkers.FirstOrDefault(p => p is not null) is not { } lead)
        {
            return Talk.Schedule(id, draft, organiser, calendar, policy, time);
        }

        var violations = new List<RuleViolation>();
        var lines = new List<TierAssignment>();
        foreach (var talkee in draft.Talkees.Where(p => p is not null && p.Id != lead.Id).DistinctBy(p => p.Id))
        {
            if (LineOf(lead.Id, talkee.Id, tiers) is { } line)
            {
                lines.Add(line);
            }
            else
            {
                var handed = tiers.Lines.Any(a => a.Talkee == talkee.Id && a.Talker == lead.Id);
                violations.Add(new RuleViolation(RuleCode.TalkeeNotOnTierLine, RuleSources.Tiers, Arguments: new Dictionary<string, string>
                {
                    ["person"] = talkee.Id.Value, ["name"] = talkee.DisplayName, ["talker"] = lead.DisplayName, ["handed"] = handed ? "true" : "false",
                }));
            }
        }

        var talkers = WithAssistants(lead, draft.Talkers, draft.Talkees, lines, find, violations);
        return Collect(violations, () => Talk.Schedule(id, draft with { Talkers = talkers }, organiser, calendar, policy, time));
    }

    /// <summary>
    /// The talkers of a talk on <paramref name="lines"/>: the lead first, then the others chosen, each of them the tier's
    /// assistant or one the tier's talker may invite (000 §二2, §二4), then the assistants not chosen, who 配合 the talk.
    /// A talker the tier does not allow adds a JointTalkerNotAllowed to <paramref name="violations"/>.
    /// </summary>
    internal static IReadOnlyList<Person> WithAssistants(
        Person lead, IReadOnlyList<Person> chosen, IReadOnlyList<Person> talkees, IReadOnlyList<TierAssignment> lines, Func<PersonId, Person?> find,
        ICollection<RuleViolation> violations)
    {
        var talkers = new List<Person> { lead };
        foreach (var other in chosen.Where(p => p is not null && p.Id != lead.Id).DistinctBy(p => p.Id))
        {
            talkers.Add(other);
            if (lines.FirstOrDefault(l => PartOf(l, other.Id) is null) is { } refusing)
            {
                violations.Add(new RuleViolation(RuleCode.JointTalkerNotAllowed, Source(refusing.Tier), Arguments: new Dictionary<string, string>
                {
                    ["person"] = other.Id.Value, ["name"] = other.DisplayName, ["tier"] = ((int)refusing.Tier).ToString(CultureInfo.InvariantCulture),
                }));
            }
        }

        var taken = talkers.Select(p => p.Id).Concat(talkees.Where(p => p is not null).Select(p => p.Id)).ToHashSet();
        talkers.AddRange(lines.SelectMany(l => l.Assistants).Distinct().Where(a => !taken.Contains(a)).Select(find).OfType<Person>().Where(p => p.Active));
        return talkers;
    }

    /// <summary>
    /// The line that lets <paramref name="lead"/> hold a routine talk with <paramref name="talkee"/>: one of his own he has
    /// not handed over, or one handed to him and still open; null when there is none.
    /// </summary>
    public static TierAssignment? LineOf(PersonId lead, PersonId talkee, TalkeeTiers tiers)
    {
        ArgumentNullException.ThrowIfNull(tiers);
        var own = tiers.Lines.Where(a => a.Talkee == talkee && a.Talker == lead)
            .Where(a => !tiers.LeadPlan.Any(i => i.HandedFrom is null && i.Talkee == talkee && i.Tier == a.Tier && !i.IsOpen))
            .OrderBy(a => a.Tier).FirstOrDefault();
        return own ?? tiers.LeadPlan.Where(i => i.HandedFrom is not null && i.IsOpen && i.Talkee == talkee)
            .Select(i => tiers.Lines.FirstOrDefault(a => a.Talker == i.HandedFrom && a.Talkee == talkee && a.Tier == i.Tier))
            .OfType<TierAssignment>().FirstOrDefault();
    }

    /// <summary>
    /// The line each talkee of a stored routine talk is on, as the cards say it: the lead talker's own, or else one he is
    /// the delegate of (委托); talkees on none (a talk stored before the rule, or a directory changed since) are left out.
    /// </summary>
    public static IReadOnlyList<TierAssignment> LinesOf(Talk talk, Func<PersonId, IEnumerable<TierAssignment>> tiersOf)
    {
        ArgumentNullException.ThrowIfNull(talk);
        ArgumentNullException.ThrowIfNull(tiersOf);
        if (talk.Kind != TalkKind.Routine)
        {
            return [];
        }

        return [.. talk.Talkees.Select(t =>
        {
            var lines = tiersOf(t).Where(a => a.Talkee == t).OrderBy(a => a.Tier).ToList();
            return lines.FirstOrDefault(a => a.Talker == talk.LeadTalker) ?? lines.FirstOrDefault(a => a.DelegateTo.Contains(talk.LeadTalker));
        }).OfType<TierAssignment>()];
    }

    /// <summary>How <paramref name="person"/> takes part in a talk on <paramref name="line"/>; null when the tier does not let them.</summary>
    public static TalkerPart? PartOf(TierAssignment line, PersonId person)
    {
        ArgumentNullException.ThrowIfNull(line);
        return person == line.Talkee ? null
            : person == line.Talker ? TalkerPart.Lead
            : line.Assistants.Contains(person) ? TalkerPart.Assistant
            : TalkTiers.MayInviteJointly(line, person) ? TalkerPart.Joint
            : null;
    }

    internal static Talk Collect(List<RuleViolation> violations, Func<Talk> schedule)
    {
        Talk? talk = null;
        try
        {
            talk = schedule();
        }
        catch (DomainRuleException e)
        {
            violations.AddRange(e.Violations);
        }

        return violations.Count > 0 ? throw new DomainRuleException(violations) : talk!;
    }
}
