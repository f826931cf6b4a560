using TalkBot.Domain.People;
using TalkBot.Domain.Rules;

namespace TalkBot.Domain.Leads;

/// <summary>
/// Who may see a lead and its reporter (SPEC §6; 002 §五8: 不准泄漏反映人姓名、单位等内容; 000 §四(五)3). The reporter is
/// for the discipline office of the lead's level only: the office in the unit that registered it. The talkers of the
/// reminder talk are told the problem (002 §五1: 谈话前…将有关问题的详细情况告诉责任人), never who reported it; the talkee
/// is told neither by TalkBot.
/// </summary>
public static class LeadAccess
{
    public static bool IsDisciplineOffice(Person person)
    {
        ArgumentNullException.ThrowIfNull(person);
        return person.Active && person.Has(Role.DisciplineOffice);
    }

    /// <summary>
    /// The discipline office of the lead's level: the office's role in the unit that registered it. Never the lead's
    /// subject, even a member of that office: the talkee is not shown the reporter (SPEC §6).
    /// </summary>
    public static bool IsOfficeOf(Person person, Lead lead)
    {
        ArgumentNullException.ThrowIfNull(lead);
        // A lead registered by an office member without a unit belongs to that member alone, not to every unit-less one.
        return IsDisciplineOffice(person) && person.Id != lead.Subject
            && (lead.OfficeUnit is null ? person.Id == lead.RegisteredBy : person.UnitId == lead.OfficeUnit);
    }

    /// <summary>The whole lead, reporter included.</summary>
    public static bool CanView(Person person, Lead lead) => IsOfficeOf(person, lead);

    public static bool CanSeeReporter(Person person, Lead lead) => IsOfficeOf(person, lead);

    /// <summary>The problem without the reporter: for the talkers of a reminder talk on the lead.</summary>
    public static bool CanBeBriefed(Person person, Lead lead, IReadOnlyCollection<PersonId> talkers)
    {
        ArgumentNullException.ThrowIfNull(talkers);
        return IsOfficeOf(person, lead) || (person.Active && talkers.Contains(person.Id) && person.Id != lead.Subject);
    }

    /// <summary>Dispositions are recorded by the office of that level or by a talker of the latest talk (SPEC §7).</summary>
    public static bool CanDispose(Person person, Lead lead, IReadOnlyCollection<PersonId> latestTalkers) =>
        CanBeBriefed(person, lead, latestTalkers);

    /// <summary>
    /// Whether the person may record the dispositions now: they may record them (<see cref="CanDispose"/>) and the lead
    /// awaits them (<see cref="Lead.AwaitsDisposition"/>, 000 §四(四)).
    /// </summary>
    public static bool CanDisposeNow(Person person, Lead lead, IReadOnlyCollection<PersonId> latestTalkers, bool latestTalkHeld)
    {
        ArgumentNullException.ThrowIfNull(lead);
        return CanDispose(person, lead, latestTalkers) && lead.AwaitsDisposition(latestTalkHeld);
    }

    /// <summary>
    /// The office of the lead's level arranges its reminder talks (000 §四(一)1–3: 各级纪检监察机关 determine the content
    /// and send the notice), when the lead takes one (<see cref="Lead.CanArrangeTalk"/>).
    /// </summary>
    public static bool CanArrangeTalk(Person person, Lead lead) => IsOfficeOf(person, lead) && lead.CanArrangeTalk;

    /// <summary>The personal integrity archive (000 §四(一)6) and the audit log are the discipline office's.</summary>
    public static bool CanReadArchive(Person person) => IsDisciplineOffice(person);

    public static RuleViolation Refusal { get; } = new(RuleCode.NotPermitted, RuleSources.Confidentiality);
}
