using TalkBot.Domain.People;

namespace TalkBot.Domain.Admonishments;

/// <summary>
/// An admonishment as a list shows it (线索台账, 个人廉政档案), with what deciding who it waits for needs: the person's
/// rank and the proposer (002 §四2). Never the facts or a cadre's request: those are read on the case itself.
/// </summary>
public sealed record CaseListing(CaseId Id, PersonId Subject, Rank SubjectRank, PersonId? ProposedBy, AdmonishmentSituation? Situation, CaseStatus Status,
    bool MinorViolation, DateTimeOffset OpenedAt, DateOnly? NextCheck, IReadOnlyList<FollowUpCheck> Checks)
{
    public bool IsClosed => AdmonishmentCase.IsClosedStatus(Status);
}
