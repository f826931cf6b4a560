namespace TalkBot.Domain.Leads;

/// <summary>Where a lead came from (000 §三3: 信访举报、审计监督、组织考察、执纪审查、巡察).</summary>
public enum LeadSource
{
    /// <summary>信访举报</summary>
    Petition,
    /// <summary>审计监督</summary>
    Audit,
    /// <summary>组织考察</summary>
    OrganisationalInspection,
    /// <summary>执纪审查</summary>
    DisciplinaryReview,
    /// <summary>巡察</summary>
    Patrol,
}

/// <summary>The 六项纪律 a lead's problem falls under (000 §三3).</summary>
public enum DisciplineCategory
{
    /// <summary>政治纪律</summary>
    Political,
    /// <summary>组织纪律</summary>
    Organisational,
    /// <summary>廉洁纪律</summary>
    Integrity,
    /// <summary>群众纪律</summary>
    Mass,
    /// <summary>工作纪律</summary>
    Work,
    /// <summary>生活纪律</summary>
    Life,
}

/// <summary>
/// Who reported the problem (反映人). Restricted: shown only to the discipline office of the lead's level
/// (002 §五8: 不准泄漏反映人姓名、单位等内容; SPEC §6). Both parts are optional: reports may be anonymous.
/// </summary>
public sealed record Reporter(string? Name, string? Unit)
{
    public bool IsAnonymous => string.IsNullOrWhiteSpace(Name) && string.IsNullOrWhiteSpace(Unit);
}

/// <summary>What the discipline office filled in to register a lead.</summary>
public sealed record LeadDraft(LeadSource? Source, DisciplineCategory? Category, string? Summary, Reporter? Reporter);
