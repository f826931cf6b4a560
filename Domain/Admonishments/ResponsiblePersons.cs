using TalkBot.Domain.People;
using TalkBot.Domain.Plans;
using TalkBot.Domain.Rules;

namespace TalkBot.Domain.Admonishments;

/// <summary>
/// A person's 党风廉政建设责任人 (002 §一: 形成谁主管谁负责、一级抓一级…的党风廉政建设责任体系). Nothing in the directory
/// or the roles names them, so they are derived, first to last:
/// <list type="number">
/// <item>the talkers who have the person on a line of 000 §二 (TalkTiers): the secretaries and group leaders whose
/// 廉政谈话 covers them are those who answer for their integrity (000 §二 intro: 书记…全面从严治党“第一责任人”);</item>
/// <item>the person's manager in the directory (谁主管谁负责), which also covers 002 §一's 二级单位的党政主要负责人 for
/// the members of their unit's leadership.</item>
/// </list>
/// Inactive people are never responsible. The list may be empty when neither says anybody: the office then corrects the
/// roles or the reporting line before the talk.
/// </summary>
public static class ResponsiblePersons
{
    /// <param name="tiersOfSubject">The tier assignments whose talkee is the subject (others are ignored).</param>
    /// <param name="find">Finds a person of the directory by id.</param>
    public static IReadOnlyList<Person> Of(Person subject, IEnumerable<TierAssignment> tiersOfSubject, Func<PersonId, Person?> find)
    {
        ArgumentNullException.ThrowIfNull(subject);
        ArgumentNullException.ThrowIfNull(tiersOfSubject);
        ArgumentNullException.ThrowIfNull(find);
        var ids = tiersOfSubject.Where(a => a.Talkee == subject.Id).OrderBy(a => a.Tier).Select(a => a.Talker).ToList();
        if (subject.ManagerId is { } manager)
        {
            ids.Add(manager);
        }

        return [.. ids.Distinct().Where(id => id != subject.Id).Select(find).OfType<Person>().Where(p => p.Active)];
    }

    /// <summary>
    /// Null when <paramref name="leadTalker"/> may lead (主谈) an admonishment talk with the case's subject (002 §四2–3):
    /// <list type="bullet">
    /// <item>a responsible person always;</item>
    /// <item>for 正处级 without a violation also a member of the discipline office or the organisation department
    /// (002 §四2: 由党风廉政建设责任人或纪委办（监察处）、组织部门实施);</item>
    /// <item>for 副处级 and below only the responsible person (002 §四2: 由党风廉政责任人实施), and with a minor violation,
    /// whatever the rank, the responsible person leads (002 §四3: 由党风廉政责任人主谈).</item>
    /// </list>
    /// </summary>
    public static RuleViolation? CheckLeadTalker(Rank rank, bool minorViolation, Person leadTalker, IReadOnlyList<Person> responsible)
    {
        ArgumentNullException.ThrowIfNull(leadTalker);
        ArgumentNullException.ThrowIfNull(responsible);
        if (leadTalker.Active && responsible.Any(p => p.Id == leadTalker.Id))
        {
            return null;
        }

        if (rank == Rank.Division && !minorViolation && leadTalker.Active && leadTalker.HasAny(Role.DisciplineOffice, Role.OrganizationDept))
        {
            return null;
        }

        return new RuleViolation(RuleCode.LeadTalkerNotResponsible, RuleSources.AdmonishmentResponsible, Arguments: new Dictionary<string, string>
        {
            ["names"] = string.Join('、', responsible.Select(p => p.DisplayName)),
            ["rank"] = rank.ToString(),
            ["minor"] = minorViolation ? "true" : "false",
        });
    }
}
