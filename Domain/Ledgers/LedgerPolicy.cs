namespace TalkBot.Domain.Ledgers;

/// <summary>
/// The periods of the ledger's steps that the source documents leave open (section <c>Ledgers</c>). 002 §五7 asks the
/// talkee to verify the record (本人核实) and 002 §四2 the authority to approve a proposal, without a number of days;
/// the office sets them here, and the lights (<see cref="DeadlineLight"/>) follow.
/// </summary>
public sealed class LedgerPolicy
{
    public const string Section = "Ledgers";

    /// <summary>Working days a talkee has to verify a logged record; by default the 3 days of a rectification report (000 §四(一)5).</summary>
    public int VerificationWorkingDays { get; set; } = 3;

    /// <summary>Working days an approver has to decide a proposal.</summary>
    public int ApprovalWorkingDays { get; set; } = 5;
}
