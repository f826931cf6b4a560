using TalkBot.Domain.Leads;
using TalkBot.Domain.People;
using TalkBot.Domain.Rules;

namespace TalkBot.Domain.Admonishments;

/// <summary>
/// An admonishment (诫勉谈话, 002): proposed by the discipline office or the organisation department with one of the
/// seven situations of 002 §二, the facts and whether there is a minor violation (002 §四1); approved by the authority
/// for the person's rank (002 §四2); talked with the right number of talkers (002 §四3); followed by a written
/// self-examination or, for a unit, a collective analysis (002 §四4, a <c>CaseTask</c>); and checked again later until
/// the problem is corrected (002 §四5). A repeat talk on the same problem links to the earlier cases (002 §五5).
/// </summary>
public sealed partial class AdmonishmentCase
{
    private readonly List<TalkId> talks;
    private readonly List<FollowUpCheck> checks;

    private AdmonishmentCase(CaseId id, PersonId subject, Rank subjectRank, CaseStatus status, string? request,
        AdmonishmentSituation? situation, string? facts, bool minorViolation, AdmonishmentOrigin origin, bool forUnit, LeadId? lead,
        IReadOnlyList<CaseId> earlier, PersonId? proposedBy, UnitId? officeUnit, DateTimeOffset openedAt, DateTimeOffset? proposedAt,
        ApprovalDecision? decision, IEnumerable<TalkId> talks, DateOnly? nextCheck, IEnumerable<FollowUpCheck> checks, RequestRouting? routing = null)
    {
        Id = id;
        Routing = routing;
        Subject = subject;
        SubjectRank = subjectRank;
        Status = status;
        Request = request;
        Situation = situation;
        Facts = facts;
        MinorViolation = minorViolation;
        Origin = origin;
        ForUnit = forUnit;
        Lead = lead;
        Earlier = earlier;
        ProposedBy = proposedBy;
        OfficeUnit = officeUnit;
        OpenedAt = openedAt;
        ProposedAt = proposedAt;
        Decision = decision;
        this.talks = [.. talks];
        NextCheck = nextCheck;
        this.checks = [.. checks.OrderBy(c => c.Number)];
    }

    public CaseId Id { get; }
    public PersonId Subject { get; }

    /// <summary>The rank when proposed: it decides the approver (002 §四2).</summary>
    public Rank SubjectRank { get; private set; }

    public CaseStatus Status { get; private set; }

    /// <summary>What a cadre wrote when asking for a talk themselves (002 §五4).</summary>
    public string? Request { get; }

    public AdmonishmentSituation? Situation { get; private set; }
    public string? Facts { get; private set; }

    /// <summary>经初核虽有轻微违纪行为 (002 §一): two talkers and a written self-examination.</summary>
    public bool MinorViolation { get; private set; }

    public AdmonishmentOrigin Origin { get; private set; }

    /// <summary>The person is talked to as the head of a unit with a minor violation: a collective analysis follows (002 §四4).</summary>
    public bool ForUnit { get; private set; }

    public LeadId? Lead { get; private set; }

    /// <summary>Earlier cases on the same problem (002 §五5: 针对同一问题，进行多次诫勉谈话教育).</summary>
    public IReadOnlyList<CaseId> Earlier { get; private set; }

    public PersonId? ProposedBy { get; private set; }

    /// <summary>The proposer's unit: the office "of that level" for this case.</summary>
    public UnitId? OfficeUnit { get; private set; }

    public DateTimeOffset OpenedAt { get; }
    public DateTimeOffset? ProposedAt { get; private set; }
    public ApprovalDecision? Decision { get; private set; }
    public IReadOnlyList<TalkId> Talks => talks;
    public TalkId? Talk => talks.Count > 0 ? talks[^1] : null;

    /// <summary>When the next follow-up check is due.</summary>
    public DateOnly? NextCheck { get; private set; }

    public IReadOnlyList<FollowUpCheck> Checks => checks;

    public bool IsClosed => IsClosedStatus(Status);

    /// <summary>Rejected (002 §四2), resolved, or handed to organisational handling (002 §四5): nothing more is done here.</summary>
    public static bool IsClosedStatus(CaseStatus status) => status is CaseStatus.Rejected or CaseStatus.Resolved or CaseStatus.OrganisationalHandling;

    /// <summary>The case as a list shows it.</summary>
    public CaseListing Listing => new(Id, Subject, SubjectRank, ProposedBy, Situation, Status, MinorViolation, OpenedAt, NextCheck, [.. checks]);

    /// <summary>002 §四4: a written self-examination, or for a unit a collective analysis, after a talk with a minor violation.</summary>
    public bool RequiresWrittenMaterial => MinorViolation;

    /// <summary>The office or the organisation department proposes an admonishment talk (002 §四1).</summary>
    public static AdmonishmentCase Propose(CaseId id, ProposalDraft draft, Person proposer, Person? subject, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(draft);
        ArgumentNullException.ThrowIfNull(proposer);
        if (!AdmonishmentRules.MayPropose(proposer))
        {
            throw new DomainRuleException(new RuleViolation(RuleCode.NotPermitted, RuleSources.AdmonishmentProposal));
        }

        var violations = new List<RuleViolation>();
        if (subject is null)
        {
            violations.Add(RuleViolation.Required(Fields.Subject, RuleSources.AdmonishmentProposal));
        }
        else if (Permissions.CheckTalkee(subject) is { } inactive)
        {
            violations.Add(inactive);
        }
        else if (subject.Id == proposer.Id)
        {
            violations.Add(new RuleViolation(RuleCode.SubjectIsActor, RuleSources.AdmonishmentProposal));
        }

        violations.AddRange(CheckDraft(draft));
        if (violations.Count > 0)
        {
            throw new DomainRuleException(violations);
        }

        return new AdmonishmentCase(id, subject!.Id, subject.Rank, CaseStatus.Proposed, null, draft.Situation, draft.Facts!.Trim(),
            draft.MinorViolation, draft.Origin!.Value, draft.ForUnit, draft.Lead, [.. draft.Earlier ?? []], proposer.Id, proposer.UnitId,
            now, now, null, [], null, []);
    }

    /// <summary>
    /// A cadre asks for an admonishment talk themselves (002 §五4: 应提倡鼓励责任对象…主动找责任人接受诫勉谈话教育).
    /// The office then writes the proposal with <see cref="CompleteRequest"/>; the approval is the same as for any other.
    /// </summary>
    /// <param name="responsible">The cadre's 党风廉政建设责任人 (<see cref="ResponsiblePersons.Of"/>): the request goes to them first.</param>
    public static AdmonishmentCase RequestedBy(CaseId id, Person cadre, string? reason, DateTimeOffset now, IReadOnlyList<PersonId> responsible)
    {
        ArgumentNullException.ThrowIfNull(cadre);
        if (!cadre.Active)
        {
            throw new DomainRuleException(new RuleViolation(RuleCode.NotPermitted, RuleSources.SelfInitiated));
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new DomainRuleException(RuleViolation.Required(Fields.Request, RuleSources.SelfInitiated));
        }

        ArgumentNullException.ThrowIfNull(responsible);
        return new AdmonishmentCase(id, cadre.Id, cadre.Rank, CaseStatus.Requested, reason.Trim(), null, null, false,
            AdmonishmentOrigin.SelfInitiated, false, null, [], null, cadre.UnitId, now, null, null, [], null, [],
            new RequestRouting([.. responsible.Where(r => r != cadre.Id).Distinct()], null, null));
    }

    public static AdmonishmentCase Restore(CaseId id, PersonId subject, Rank subjectRank, CaseStatus status, string? request,
        AdmonishmentSituation? situation, string? facts, bool minorViolation, AdmonishmentOrigin origin, bool forUnit, LeadId? lead,
        IReadOnlyList<CaseId> earlier, PersonId? proposedBy, UnitId? officeUnit, DateTimeOffset openedAt, DateTimeOffset? proposedAt,
        ApprovalDecision? decision, IEnumerable<TalkId> talks, DateOnly? nextCheck, IEnumerable<FollowUpCheck> checks, RequestRouting? routing = null) =>
        new(id, subject, subjectRank, status, request, situation, facts, minorViolation, origin, forUnit, lead, earlier, proposedBy,
            officeUnit, openedAt, proposedAt, decision, talks, nextCheck, checks, routing);

    /// <summary>The office turns a cadre's own request into a proposal (002 §四1 and §五4). Repeating it changes nothing.</summary>
    /// <returns>Whether anything changed.</returns>
    public bool CompleteRequest(ProposalDraft draft, Person proposer, Rank currentRank, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(draft);
        ArgumentNullException.ThrowIfNull(proposer);
        if (Status != CaseStatus.Requested)
        {
            return Status == CaseStatus.Proposed && ProposedBy == proposer.Id
                ? false
                : throw new DomainRuleException(RuleViolation.InvalidState(Status.ToString(), RuleSources.AdmonishmentProposal));
        }

        if (!AdmonishmentRules.MayPropose(proposer) || proposer.Id == Subject)
        {
            throw new DomainRuleException(new RuleViolation(RuleCode.NotPermitted, RuleSources.AdmonishmentProposal));
        }

        // 002 §五4: the request is the responsible person's until they hand it to the office.
        if (!IsWithOffice)
        {
            throw new DomainRuleException(new RuleViolation(RuleCode.RequestNotHandedToOffice, RuleSources.SelfInitiated));
        }

        var violations = CheckDraft(draft with { Origin = AdmonishmentOrigin.SelfInitiated });
        if (violations.Count > 0)
        {
            throw new DomainRuleException(violations);
        }

        (Situation, Facts, MinorViolation, ForUnit, Earlier) = (draft.Situation, draft.Facts!.Trim(), draft.MinorViolation, draft.ForUnit, [.. draft.Earlier ?? []]);
        (ProposedBy, OfficeUnit, ProposedAt, SubjectRank, Status) = (proposer.Id, proposer.UnitId, now, currentRank, CaseStatus.Proposed);
        return true;
    }

    /// <summary>
    /// The approver for the person's rank approves, or rejects with a comment (002 §四2). Anyone else is refused, and the
    /// caller records the attempt. The same decision again changes nothing.
    /// </summary>
    /// <returns>Whether anything changed.</returns>
    public bool Decide(Person approver, bool approve, string? comment, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(approver);
        if (AdmonishmentRules.CheckApprover(approver, SubjectRank, Subject) is { } refusal)
        {
            throw new DomainRuleException(refusal);
        }

        // 002 §四2 puts the proposal before someone else for approval: whoever proposed it does not approve it too.
        if (ProposedBy == approver.Id)
        {
            throw new DomainRuleException(new RuleViolation(RuleCode.ProposerCannotApprove, RuleSources.AdmonishmentApproval));
        }

        if (Decision is { } made)
        {
            return made.Approved == approve
                ? false
                : throw new DomainRuleException(RuleViolation.InvalidState(Status.ToString(), RuleSources.AdmonishmentApproval));
        }

        if (Status != CaseStatus.Proposed)
        {
            throw new DomainRuleException(RuleViolation.InvalidState(Status.ToString(), RuleSources.AdmonishmentApproval));
        }

        comment = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim();
        if (!approve && comment is null)
        {
            throw new DomainRuleException(new RuleViolation(RuleCode.RejectionCommentRequired, RuleSources.AdmonishmentApproval));
        }

        Decision = new ApprovalDecision(approve, approver.Id, comment, now);
        Status = approve ? CaseStatus.Approved : CaseStatus.Rejected;
        return true;
    }

    private static List<RuleViolation> CheckDraft(ProposalDraft draft)
    {
        var violations = new List<RuleViolation>();
        if (draft.Situation is not { } situation || !Enum.IsDefined(situation))
        {
            violations.Add(RuleViolation.Required(Fields.Situation, RuleSources.AdmonishmentSituations));
        }

        if (string.IsNullOrWhiteSpace(draft.Facts))
        {
            violations.Add(RuleViolation.Required(Fields.Facts, RuleSources.AdmonishmentProposal));
        }

        if (draft.Origin is null)
        {
            violations.Add(RuleViolation.Required(Fields.Origin, RuleSources.AdmonishmentProposal));
        }

        return violations;
    }

    /// <summary>The names of the proposal's fields, as used in the "field" argument of a Required violation.</summary>
    public static class Fields
    {
        public const string Subject = "subject";
        public const string Situation = "situation";
        public const string Facts = "facts";
        public const string Origin = "origin";
        public const string Request = "request";
        public const string FollowUpNote = "followUpNote";
    }
}
