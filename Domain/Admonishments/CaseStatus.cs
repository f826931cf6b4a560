namespace TalkBot.Domain.Admonishments;

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
