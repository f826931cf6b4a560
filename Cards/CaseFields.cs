using TalkBot.Domain.Leads;

namespace TalkBot.Cards;

/// <summary>Input ids of the lead, disposition, proposal, follow-up and task forms, read back by the Bot's handlers.</summary>
public static class CaseFields
{
    // Lead form (000 §三2–3); the names of Lead.Fields so that a Required violation names the input.
    public const string Subject = "subject";
    public const string Source = "source";
    public const string Category = "category";
    public const string Summary = "summary";
    public const string ReporterName = "reporterName";
    public const string ReporterUnit = "reporterUnit";

    // Proposal form (002 §四1); the names of AdmonishmentCase.Fields.
    public const string Situation = "situation";
    public const string Facts = "facts";
    public const string MinorViolation = "minorViolation";
    public const string Origin = "origin";
    public const string ForUnit = "forUnit";
    public const string Earlier = "earlier";
    public const string Request = "request";

    // Approval (002 §四2).
    public const string ApprovalComment = "approvalComment";

    // Follow-up (002 §四5).
    public const string Outcome = "outcome";
    public const string FollowUpNote = "followUpNote";
    public const string NextCheck = "nextCheck";

    // The Party committee's opinion behind organisational handling (002 §四5); the same names as CommitteeOpinion.Fields.
    public const string OpinionBy = Domain.Admonishments.CommitteeOpinion.Fields.GivenBy;
    public const string OpinionOn = Domain.Admonishments.CommitteeOpinion.Fields.GivenOn;
    public const string Opinion = Domain.Admonishments.CommitteeOpinion.Fields.Text;

    // Task (written reply, self-examination, …).
    public const string TaskText = "taskText";

    /// <summary>The archive's person picker.</summary>
    public const string Person = "person";

    /// <summary>Disposition toggles: "true" when chosen (000 §四(四)).</summary>
    public static string Chosen(DispositionKind kind) => "d." + kind;

    public static string Note(DispositionKind kind) => "n." + kind;

    public static string Due(DispositionKind kind) => "due." + kind;
}
