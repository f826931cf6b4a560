using TalkBot.Domain.Leads;
using TalkBot.Domain.People;
using TalkBot.Domain.Rules;
using TalkBot.Domain.Talks;

namespace TalkBot.Domain.Admonishments;

/// <summary>The situations that call for an admonishment talk (002 §二(一)–(七)).</summary>
public enum AdmonishmentSituation
{
    /// <summary>(一) 不严格遵守党的政治纪律，贯彻落实…不力</summary>
    PoliticalDiscipline = 1,
    /// <summary>(二) 不认真执行民主集中制，作风专断，或者闹无原则纠纷</summary>
    DemocraticCentralism = 2,
    /// <summary>(三) 不认真履行职责，给工作造成一定损失</summary>
    DutyNeglect = 3,
    /// <summary>(四) 搞“形象工程”“政绩工程”，铺张浪费</summary>
    VanityProjects = 4,
    /// <summary>(五) 不严格执行《党政领导干部选拔任用工作条例》，用人失察失误</summary>
    CadreSelection = 5,
    /// <summary>(六) 不严格执行廉洁自律规定，造成不良影响</summary>
    IntegritySelfDiscipline = 6,
    /// <summary>(七) 其他需要进行诫勉谈话的</summary>
    Other = 7,
}

/// <summary>Where the problem came to light (002 §四1), or that the cadre asked for the talk (002 §五4).</summary>
public enum AdmonishmentOrigin
{
    /// <summary>群众来信来访</summary>
    Petition,
    /// <summary>党风廉政考核</summary>
    IntegrityAssessment,
    /// <summary>执纪监察</summary>
    DisciplinaryReview,
    /// <summary>各类专项检查</summary>
    SpecialInspection,
    /// <summary>A reminder talk's disposition (000 §四(四)4).</summary>
    Lead,
    /// <summary>主动找责任人接受诫勉谈话教育 (002 §五4).</summary>
    SelfInitiated,
}

/// <summary>What the follow-up check found (002 §四5).</summary>
public enum FollowUpOutcome
{
    /// <summary>Corrected: the matter is closed.</summary>
    Resolved,
    /// <summary>没有改正或改正不明显: 批评教育并督促改正, and checked again.</summary>
    FurtherCriticism,
    /// <summary>没有改正: 作出组织处理, per the Party committee's opinion; the matter leaves TalkBot's procedure.</summary>
    OrganisationalHandling,
}

/// <summary>The rules of 002 §四: who approves, and who talks.</summary>
public static class AdmonishmentRules
{
    /// <summary>
    /// 002 §四2: 对正处级干部的诫勉谈话，经分管干部的党委副书记或纪委书记批准；副处级及以下干部的诫勉谈话，经纪委办(监察处)或组织部负责人批准.
    /// </summary>
    public static IReadOnlyList<Role> ApproverRoles(Rank rank) => rank == Rank.Division
        ? [Role.CadreDeputySecretary, Role.DisciplineSecretary]
        : [Role.DisciplineOfficeHead, Role.OrganizationDeptHead];

    /// <summary>Null when <paramref name="approver"/> holds the authority for a cadre of <paramref name="rank"/>; otherwise why not.</summary>
    public static RuleViolation? CheckApprover(Person approver, Rank rank, PersonId subject)
    {
        ArgumentNullException.ThrowIfNull(approver);
        if (approver.Active && approver.Id != subject && approver.HasAny([.. ApproverRoles(rank)]))
        {
            return null;
        }

        return new RuleViolation(RuleCode.NotAuthorisedForRank, RuleSources.AdmonishmentApproval,
            Arguments: new Dictionary<string, string> { ["rank"] = rank.ToString() });
    }

    public static bool MayApprove(Person approver, Rank rank, PersonId subject) => CheckApprover(approver, rank, subject) is null;

    /// <summary>Whether <paramref name="person"/> holds the authority for some rank (002 §四2): proposals may wait for them.</summary>
    public static bool MayApproveSome(Person person)
    {
        ArgumentNullException.ThrowIfNull(person);
        return person.Active && Enum.GetValues<Rank>().Any(rank => person.HasAny([.. ApproverRoles(rank)]));
    }

    /// <summary>
    /// 002 §四2: of <paramref name="candidates"/>, those who hold the authority for the subject's rank, other than the
    /// proposer; the proposal is sent to them.
    /// </summary>
    public static IReadOnlyList<PersonId> Approvers(AdmonishmentCase c, IEnumerable<Person> candidates)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        return [.. candidates.Where(p => AdmonishmentAccess.IsApproverOf(p, c)).Select(p => p.Id).Distinct()];
    }

    /// <summary>
    /// Whether the links of a proposal hold (002 §五5: 针对同一问题，进行多次诫勉谈话教育; 000 §四(四)4): the lead it
    /// names exists, is the actor's office's and is about the same person; each earlier case it names exists and is
    /// about the same person. One LinkNotSamePerson for the lead and one for the earlier cases at most.
    /// </summary>
    /// <param name="subject">The person the proposal is about (null while none is chosen: then no link holds).</param>
    /// <param name="draft">The proposal: which lead and earlier cases it names.</param>
    /// <param name="lead">The lead <paramref name="draft"/> names, as found; null when it names none or none was found.</param>
    /// <param name="earlier">The earlier cases <paramref name="draft"/> names, as found; those not found are absent.</param>
    public static IReadOnlyList<RuleViolation> CheckLinks(Person actor, PersonId? subject, ProposalDraft draft, Lead? lead,
        IReadOnlyCollection<AdmonishmentCase> earlier)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(draft);
        ArgumentNullException.ThrowIfNull(earlier);
        var violations = new List<RuleViolation>();
        if (draft.Lead is { } named && (lead is null || lead.Id != named || lead.Subject != subject || !LeadAccess.IsOfficeOf(actor, lead)))
        {
            violations.Add(new RuleViolation(RuleCode.LinkNotSamePerson, RuleSources.AdmonishmentRepeat));
        }

        var found = earlier.DistinctBy(c => c.Id).ToDictionary(c => c.Id);
        if ((draft.Earlier ?? []).Any(id => !found.TryGetValue(id, out var c) || c.Subject != subject))
        {
            violations.Add(new RuleViolation(RuleCode.LinkNotSamePerson, RuleSources.AdmonishmentRepeat));
        }

        return violations;
    }

    /// <summary>002 §四1: the discipline office (纪委办) or the organisation department proposes.</summary>
    public static bool MayPropose(Person person)
    {
        ArgumentNullException.ThrowIfNull(person);
        return person.Active && person.HasAny(Role.DisciplineOffice, Role.OrganizationDept);
    }

    /// <summary>002 §四5: 纪委办（监察处）和组织部门 check the improvement afterwards.</summary>
    public static bool MayFollowUp(Person person) => MayPropose(person);

    /// <summary>
    /// 002 §四3: without a violation the responsible person may talk alone; with a minor violation at least two talk,
    /// the responsible person leading, and the discipline office provides someone who keeps the record.
    /// </summary>
    /// <param name="recorder">The recorder; with a minor violation someone the discipline office provides: a Recorder or one of its own.</param>
    public static IReadOnlyList<RuleViolation> CheckTalkers(bool minorViolation, IReadOnlyList<PersonId> talkers, Person? recorder)
    {
        ArgumentNullException.ThrowIfNull(talkers);
        var violations = new List<RuleViolation>();
        if (!minorViolation)
        {
            return violations;
        }

        if (talkers.Distinct().Count() < 2)
        {
            violations.Add(new RuleViolation(RuleCode.TwoTalkersRequired, RuleSources.AdmonishmentTalkers));
        }

        if (recorder is null || !recorder.HasAny(Role.Recorder, Role.DisciplineOffice))
        {
            violations.Add(new RuleViolation(RuleCode.AdmonishmentRecorderRequired, RuleSources.AdmonishmentTalkers));
        }

        return violations;
    }

    /// <summary>Whether a talk draft's kind and talkee fit the case: an admonishment talk with the case's subject alone.</summary>
    public static IReadOnlyList<RuleViolation> CheckTalkee(TalkDraft draft, PersonId subject)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var talkees = draft.Talkees.Select(p => p.Id).Distinct().ToList();
        return talkees.Count == 1 && talkees[0] == subject && draft.Kind is TalkKind.Admonishment
            ? []
            : [new RuleViolation(RuleCode.TalkeeNotSubject, RuleSources.AdmonishmentProposal)];
    }
}
