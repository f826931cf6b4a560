using TalkBot.Domain.FollowUps;
using TalkBot.Domain.Leads;

namespace TalkBot.Domain.Admonishments;

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
/// What a held admonishment talk leads to, for the caller to store with the case: the date of the follow-up check
/// (002 §四5) and, with a minor violation, the written material the person owes (002 §四4).
/// </summary>
public sealed record TalkHeldOutcome(DateOnly NextCheck, CaseTask? WrittenMaterial);
