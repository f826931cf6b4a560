namespace TalkBot.Domain.Leads;

/// <summary>
/// A lead as a list shows it (线索台账, 个人廉政档案): what it is about, where it stands and what was decided after its
/// talks. Never the reporter (002 §五8; SPEC §6): a list row carries nothing a list must not show.
/// </summary>
public sealed record LeadListing(LeadId Id, PersonId Subject, LeadSource Source, DisciplineCategory Category, string Summary, LeadStatus Status,
    DateTimeOffset RegisteredAt, IReadOnlyList<Disposition> Dispositions)
{
    /// <summary>Still to be worked on: not closed as unfounded (000 §四(四)3).</summary>
    public bool IsOpen => Status != LeadStatus.Closed;
}
