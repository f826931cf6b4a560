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

/// <summary>One follow-up check (002 §四5); a check that hands the case to organisational handling carries the Party committee's opinion.</summary>
public sealed record FollowUpCheck(int Number, FollowUpOutcome Outcome, string Note, DateOnly? NextCheck, PersonId By, DateTimeOffset At, string? FormId,
    CommitteeOpinion? Opinion = null);

/// <summary>
/// 002 §四5: 应根据党委的意见…作出组织处理: which Party committee (or meeting) gave its opinion, on which day, and what it
/// says, as the office records it from the committee's minutes.
/// </summary>
public sealed record CommitteeOpinion(string GivenBy, DateOnly GivenOn, string Text)
{
    /// <summary>The names of the opinion's fields, as listed in the "fields" argument of CommitteeOpinionRequired.</summary>
    public static class Fields
    {
        public const string GivenBy = "opinionBy";
        public const string GivenOn = "opinionOn";
        public const string Text = "opinion";
    }
}

/// <summary>
/// What a held admonishment talk leads to, for the caller to store with the case: the date of the follow-up check
/// (002 §四5) and, with a minor violation, the written material the person owes (002 §四4).
/// </summary>
public sealed record TalkHeldOutcome(DateOnly NextCheck, CaseTask? WrittenMaterial);

/// <summary>The Party committee's opinion as the follow-up form gives it; fields may be empty (002 §四5).</summary>
public sealed record CommitteeOpinionDraft(string? GivenBy, DateOnly? GivenOn, string? Text)
{
    /// <summary>The fields missing or wrong: empty, or a date after <paramref name="today"/> (an opinion not given yet).</summary>
    public IReadOnlyList<string> Missing(DateOnly today)
    {
        var missing = new List<string>();
        if (string.IsNullOrWhiteSpace(GivenBy))
        {
            missing.Add(CommitteeOpinion.Fields.GivenBy);
        }

        if (GivenOn is not { } on || on > today)
        {
            missing.Add(CommitteeOpinion.Fields.GivenOn);
        }

        if (string.IsNullOrWhiteSpace(Text))
        {
            missing.Add(CommitteeOpinion.Fields.Text);
        }

        return missing;
    }
}
