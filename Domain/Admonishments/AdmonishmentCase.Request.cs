using TalkBot.Domain.People;
using TalkBot.Domain.Rules;

namespace TalkBot.Domain.Admonishments;

/// <summary>
/// Where a cadre's own request stands (002 §五4: 主动找责任人接受诫勉谈话教育): the responsible persons it went to and, once
/// one of them handed it on, who did and when. A request without any responsible person known goes to the office at once.
/// </summary>
public sealed record RequestRouting(IReadOnlyList<PersonId> Responsible, PersonId? HandedBy, DateTimeOffset? HandedAt);

/// <summary>A cadre's own request: first with their responsible person, who may hand it to the office (002 §五4, §四1).</summary>
public sealed partial class AdmonishmentCase
{
    /// <summary>The routing of a cadre's own request; null for a case the office proposed itself.</summary>
    public RequestRouting? Routing { get; private set; }

    /// <summary>
    /// Whether the office has the case: always but for a cadre's own request, which is the responsible person's until
    /// they hand it on (002 §五4), unless no responsible person is known.
    /// </summary>
    public bool IsWithOffice => Status != CaseStatus.Requested || Routing is not { } r || r.HandedBy is not null || r.Responsible.Count == 0;

    /// <summary>Whether <paramref name="person"/> is one of the responsible persons the cadre's request went to.</summary>
    public bool IsRequestedOf(Person person)
    {
        ArgumentNullException.ThrowIfNull(person);
        return person.Active && person.Id != Subject && Routing is { } r && r.Responsible.Contains(person.Id);
    }

    /// <summary>
    /// The responsible person hands the cadre's request to the discipline office (002 §五4 with §四1: the office writes the
    /// proposal, which is approved like any other). Only a responsible person it went to, while it waits for them;
    /// handing it again changes nothing.
    /// </summary>
    /// <returns>Whether anything changed.</returns>
    public bool HandToOffice(Person by, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(by);
        if (!IsRequestedOf(by))
        {
            throw new DomainRuleException(new RuleViolation(RuleCode.NotPermitted, RuleSources.SelfInitiated));
        }

        if (Routing!.HandedBy is not null)
        {
            return false;
        }

        if (Status != CaseStatus.Requested)
        {
            throw new DomainRuleException(RuleViolation.InvalidState(Status.ToString(), RuleSources.SelfInitiated));
        }

        Routing = Routing with { HandedBy = by.Id, HandedAt = now };
        return true;
    }
}
