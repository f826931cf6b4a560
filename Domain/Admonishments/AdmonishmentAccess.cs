using TalkBot.Domain.People;
using TalkBot.Domain.Rules;

namespace TalkBot.Domain.Admonishments;

/// <summary>What a viewer of a case may do on its card now.</summary>
public enum CaseStep
{
    /// <summary>Nothing: the viewer reads the case.</summary>
    None,
    /// <summary>The approver for the rank approves or rejects the proposal (002 §四2).</summary>
    Decide,
    /// <summary>The office turns a cadre's own request into a proposal (002 §四1, §五4).</summary>
    CompleteRequest,
    /// <summary>The office arranges the approved talk (002 §四2–3).</summary>
    Arrange,
    /// <summary>The office records a follow-up check (002 §四5).</summary>
    FollowUp,
    /// <summary>The responsible person a cadre's own request went to hands it to the office (002 §五4).</summary>
    HandToOffice,
}

/// <summary>
/// Who may see an admonishment case and what they may do with it (002 §四1–5, §五1, §五8; SPEC §6): the office of its
/// level, the approvers for the person's rank, and the talkers of its talks. The person it is about is not shown the
/// case: they get the notice, the record to verify and the written material they owe.
/// </summary>
public static class AdmonishmentAccess
{
    /// <summary>
    /// The office "of that level" for a case: whoever proposed it and their colleagues of the same unit who may propose
    /// (002 §四1: 纪委办 or 组织部门); for a cadre's own request not yet proposed, any discipline office member once the
    /// cadre's responsible person handed it on (002 §五4: the request goes to the 责任人 first). Never the person it is about.
    /// </summary>
    public static bool IsOfficeOf(Person person, AdmonishmentCase c)
    {
        ArgumentNullException.ThrowIfNull(person);
        ArgumentNullException.ThrowIfNull(c);
        if (!AdmonishmentRules.MayPropose(person) || person.Id == c.Subject)
        {
            return false;
        }

        return c.Status == CaseStatus.Requested
            ? c.IsWithOffice && (person.Has(Role.DisciplineOffice) || person.UnitId == c.OfficeUnit)
            : person.UnitId == c.OfficeUnit || person.Id == c.ProposedBy;
    }

    /// <summary>
    /// 002 §四2: someone holding the authority for the person's rank, other than whoever proposed the case (the proposal
    /// goes to someone else for approval).
    /// </summary>
    public static bool IsApproverOf(Person person, AdmonishmentCase c)
    {
        ArgumentNullException.ThrowIfNull(c);
        return IsApproverOf(person, c.Listing);
    }

    /// <inheritdoc cref="IsApproverOf(Person, AdmonishmentCase)"/>
    public static bool IsApproverOf(Person person, CaseListing c)
    {
        ArgumentNullException.ThrowIfNull(person);
        ArgumentNullException.ThrowIfNull(c);
        return AdmonishmentRules.MayApprove(person, c.SubjectRank, c.Subject) && person.Id != c.ProposedBy;
    }

    /// <summary>
    /// The case: for its office, for the approvers for the rank, for the responsible persons a cadre's own request went to
    /// (002 §五4), and for the active talkers of its talks, who are told the details of the problem before the talk
    /// (002 §五1). Never for the person it is about, even as one of these.
    /// </summary>
    /// <param name="talkersOfItsTalks">The talkers of every talk of the case.</param>
    public static bool CanView(Person viewer, AdmonishmentCase c, IReadOnlyCollection<PersonId> talkersOfItsTalks)
    {
        ArgumentNullException.ThrowIfNull(talkersOfItsTalks);
        return IsOfficeOf(viewer, c) || IsApproverOf(viewer, c) || c.IsRequestedOf(viewer)
            || (viewer.Active && talkersOfItsTalks.Contains(viewer.Id) && viewer.Id != c.Subject);
    }

    /// <summary>The step the viewer may take on the case as it stands.</summary>
    public static CaseStep StepFor(Person viewer, AdmonishmentCase c)
    {
        ArgumentNullException.ThrowIfNull(c);
        if (c.Status == CaseStatus.Proposed)
        {
            return IsApproverOf(viewer, c) ? CaseStep.Decide : CaseStep.None;
        }

        if (c.Status == CaseStatus.Requested && !c.IsWithOffice)
        {
            return c.IsRequestedOf(viewer) ? CaseStep.HandToOffice : CaseStep.None;
        }

        if (!IsOfficeOf(viewer, c))
        {
            return CaseStep.None;
        }

        return c.Status switch
        {
            CaseStatus.Requested => CaseStep.CompleteRequest,
            CaseStatus.Approved => CaseStep.Arrange,
            CaseStatus.FollowUp => CaseStep.FollowUp,
            _ => CaseStep.None,
        };
    }

    /// <summary>
    /// Null when <paramref name="actor"/> may arrange the case's talk now: the office of its level (002 §四2: 由…纪委办
    /// （监察处）、组织部门实施), once the case is approved or while it is followed up (002 §五5). Anyone else is refused
    /// without being told the state of the case.
    /// </summary>
    public static RuleViolation? CheckArrangeTalk(Person actor, AdmonishmentCase c)
    {
        ArgumentNullException.ThrowIfNull(c);
        return IsOfficeOf(actor, c) ? c.CheckTalkMayBeArranged() : ArrangeRefusal;
    }

    /// <summary>The proposal waits for <paramref name="actor"/>'s decision (002 §四2): for their desk.</summary>
    public static bool AwaitsDecisionBy(CaseListing c, Person actor)
    {
        ArgumentNullException.ThrowIfNull(c);
        return c.Status == CaseStatus.Proposed && IsApproverOf(actor, c);
    }

    /// <summary>Refusing to show a case (002 §五8: 诫勉谈话…内容要严格保密; SPEC §6).</summary>
    public static RuleViolation Refusal { get; } = new(RuleCode.NotPermitted, RuleSources.Confidentiality);

    /// <summary>Refusing to arrange a case's talk to someone outside its office (002 §四2).</summary>
    public static RuleViolation ArrangeRefusal { get; } = new(RuleCode.NotPermitted, RuleSources.AdmonishmentApproval);
}
