using TalkBot.Domain.Calendar;
using TalkBot.Domain.Leads;
using TalkBot.Domain.People;
using TalkBot.Domain.Rules;
using TalkBot.Domain.Talks;
using ScheduledTalk = TalkBot.Domain.Talks.Talk;

namespace TalkBot.Domain.Admonishments;

/// <summary>An admonishment case. Same form as <see cref="TalkId"/>: 32 lower-case hex digits, made once per form.</summary>
public readonly record struct CaseId(string Value)
{
    public static CaseId New(TimeProvider time) => new(TalkId.New(time).Value);

    public static bool TryParse(string? text, out CaseId id)
    {
        var valid = TalkId.TryParse(text, out var parsed);
        id = valid ? new CaseId(parsed.Value) : default;
        return valid;
    }

    public override string ToString() => Value;
}

public enum CaseStatus
{
    /// <summary>A cadre asked for a talk (002 §五4); the office has not yet written the proposal.</summary>
    Requested,
    /// <summary>Proposed (002 §四1); waiting for the approver of the person's rank.</summary>
    Proposed,
    /// <summary>Not approved (002 §四2).</summary>
    Rejected,
    /// <summary>Approved; the talk is still to be arranged.</summary>
    Approved,
    /// <summary>The talk is arranged.</summary>
    TalkArranged,
    /// <summary>The talk is held; waiting for the follow-up check (002 §四5).</summary>
    FollowUp,
    /// <summary>Corrected: closed.</summary>
    Resolved,
    /// <summary>Handed to organisational handling (002 §四5): closed here.</summary>
    OrganisationalHandling,
}

/// <summary>What the proposer fills in (002 §四1).</summary>
public sealed record ProposalDraft(
    AdmonishmentSituation? Situation,
    string? Facts,
    bool MinorViolation,
    AdmonishmentOrigin? Origin,
    bool ForUnit = false,
    LeadId? Lead = null,
    IReadOnlyList<CaseId>? Earlier = null);

/// <summary>The approver's decision (002 §四2).</summary>
public sealed record ApprovalDecision(bool Approved, PersonId Approver, string? Comment, DateTimeOffset At);

/// <summary>One follow-up check (002 §四5).</summary>
public sealed record FollowUpCheck(int Number, FollowUpOutcome Outcome, string Note, DateOnly? NextCheck, PersonId By, DateTimeOffset At, string? FormId);

/// <summary>
/// An admonishment (诫勉谈话, 002): proposed by the discipline office or the organisation department with one of the
/// seven situations of 002 §二, the facts and whether there is a minor violation (002 §四1); approved by the authority
/// for the person's rank (002 §四2); talked with the right number of talkers (002 §四3); followed by a written
/// self-examination or, for a unit, a collective analysis (002 §四4, a <c>CaseTask</c>); and checked again later until
/// the problem is corrected (002 §四5). A repeat talk on the same problem links to the earlier cases (002 §五5).
/// </summary>
public sealed class AdmonishmentCase
{
    private readonly List<TalkId> talks;
    private readonly List<FollowUpCheck> checks;

    private AdmonishmentCase(CaseId id, PersonId subject, Rank subjectRank, CaseStatus status, string? request,
        AdmonishmentSituation? situation, string? facts, bool minorViolation, AdmonishmentOrigin origin, bool forUnit, LeadId? lead,
        IReadOnlyList<CaseId> earlier, PersonId? proposedBy, UnitId? officeUnit, DateTimeOffset openedAt, DateTimeOffset? proposedAt,
        ApprovalDecision? decision, IEnumerable<TalkId> talks, DateOnly? nextCheck, IEnumerable<FollowUpCheck> checks)
    {
        Id = id;
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

    public bool IsClosed => Status is CaseStatus.Rejected or CaseStatus.Resolved or CaseStatus.OrganisationalHandling;

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
    public static AdmonishmentCase RequestedBy(CaseId id, Person cadre, string? reason, DateTimeOffset now)
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

        return new AdmonishmentCase(id, cadre.Id, cadre.Rank, CaseStatus.Requested, reason.Trim(), null, null, false,
            AdmonishmentOrigin.SelfInitiated, false, null, [], null, cadre.UnitId, now, null, null, [], null, []);
    }

    public static AdmonishmentCase Restore(CaseId id, PersonId subject, Rank subjectRank, CaseStatus status, string? request,
        AdmonishmentSituation? situation, string? facts, bool minorViolation, AdmonishmentOrigin origin, bool forUnit, LeadId? lead,
        IReadOnlyList<CaseId> earlier, PersonId? proposedBy, UnitId? officeUnit, DateTimeOffset openedAt, DateTimeOffset? proposedAt,
        ApprovalDecision? decision, IEnumerable<TalkId> talks, DateOnly? nextCheck, IEnumerable<FollowUpCheck> checks) =>
        new(id, subject, subjectRank, status, request, situation, facts, minorViolation, origin, forUnit, lead, earlier, proposedBy,
            officeUnit, openedAt, proposedAt, decision, talks, nextCheck, checks);

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

    /// <summary>
    /// Schedules the admonishment talk: only once approved, with the case's subject as the only talkee, and with at least
    /// two talkers and a recorder when there is a minor violation (002 §四3); the common rules of <see cref="ScheduledTalk"/>
    /// apply as well. A repeat talk (002 §五5) is allowed while the case is being followed up.
    /// </summary>
    /// <exception cref="DomainRuleException">Carries every rule broken, the case's and the talk's.</exception>
    public ScheduledTalk ScheduleTalk(TalkId id, TalkDraft draft, Person organiser, WorkingCalendar calendar, NoticePolicy policy, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(draft);
        if (Status is not (CaseStatus.Approved or CaseStatus.FollowUp))
        {
            throw new DomainRuleException(new RuleViolation(RuleCode.NotApproved, RuleSources.AdmonishmentApproval,
                Arguments: new Dictionary<string, string> { ["state"] = Status.ToString() }));
        }

        var violations = new List<RuleViolation>();
        violations.AddRange(AdmonishmentRules.CheckTalkee(draft with { Kind = draft.Kind ?? TalkKind.Admonishment }, Subject));
        violations.AddRange(AdmonishmentRules.CheckTalkers(MinorViolation, [.. draft.Talkers.Select(p => p.Id)], draft.Recorder));
        ScheduledTalk? talk = null;
        try
        {
            talk = ScheduledTalk.Schedule(id, draft with { Kind = TalkKind.Admonishment }, organiser, calendar, policy, time);
        }
        catch (DomainRuleException e)
        {
            violations.AddRange(e.Violations);
        }

        if (violations.Count > 0)
        {
            throw new DomainRuleException(violations);
        }

        return talk!;
    }

    /// <summary>The scheduled talk is attached to the case. The same talk again changes nothing.</summary>
    public bool AttachTalk(TalkId talk)
    {
        if (talks.Contains(talk))
        {
            return false;
        }

        if (Status is not (CaseStatus.Approved or CaseStatus.FollowUp))
        {
            throw new DomainRuleException(RuleViolation.InvalidState(Status.ToString(), RuleSources.AdmonishmentApproval));
        }

        talks.Add(talk);
        Status = CaseStatus.TalkArranged;
        return true;
    }

    /// <summary>
    /// The talk was held (its record is logged): the follow-up check is due after <paramref name="followUpDays"/> days
    /// (002 §四5). Repeating it changes nothing.
    /// </summary>
    public bool MarkTalkHeld(DateOnly heldOn, int followUpDays)
    {
        if (Status == CaseStatus.FollowUp)
        {
            return false;
        }

        if (Status != CaseStatus.TalkArranged)
        {
            throw new DomainRuleException(RuleViolation.InvalidState(Status.ToString(), RuleSources.AdmonishmentFollowUp));
        }

        Status = CaseStatus.FollowUp;
        NextCheck = heldOn.AddDays(followUpDays);
        return true;
    }

    /// <summary>
    /// The office or the organisation department records what the check found (002 §四5): corrected (closed), not
    /// corrected (criticised again and checked again on a later date), or handed to organisational handling (closed).
    /// A repeated form changes nothing.
    /// </summary>
    public bool RecordFollowUp(Person by, FollowUpOutcome outcome, string? note, DateOnly? nextCheck, string? formId, DateOnly today, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(by);
        if (formId is not null && checks.Any(c => c.FormId == formId))
        {
            return false;
        }

        // The person admonished does not check their own improvement, even as a member of the office.
        if (!AdmonishmentRules.MayFollowUp(by) || by.Id == Subject)
        {
            throw new DomainRuleException(new RuleViolation(RuleCode.NotPermitted, RuleSources.AdmonishmentFollowUp));
        }

        if (Status != CaseStatus.FollowUp)
        {
            throw new DomainRuleException(RuleViolation.InvalidState(Status.ToString(), RuleSources.AdmonishmentFollowUp));
        }

        var violations = new List<RuleViolation>();
        if (string.IsNullOrWhiteSpace(note))
        {
            violations.Add(RuleViolation.Required(Fields.FollowUpNote, RuleSources.AdmonishmentFollowUp));
        }

        if (outcome == FollowUpOutcome.FurtherCriticism && (nextCheck is not { } next || next <= today))
        {
            violations.Add(new RuleViolation(RuleCode.NextCheckRequired, RuleSources.AdmonishmentFollowUp));
        }

        if (violations.Count > 0)
        {
            throw new DomainRuleException(violations);
        }

        var again = outcome == FollowUpOutcome.FurtherCriticism ? nextCheck : null;
        checks.Add(new FollowUpCheck(checks.Count + 1, outcome, note!.Trim(), again, by.Id, now, formId));
        NextCheck = again;
        Status = outcome switch
        {
            FollowUpOutcome.Resolved => CaseStatus.Resolved,
            FollowUpOutcome.OrganisationalHandling => CaseStatus.OrganisationalHandling,
            _ => CaseStatus.FollowUp,
        };
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
