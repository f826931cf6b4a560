using TalkBot.Domain.Calendar;
using TalkBot.Domain.FollowUps;
using TalkBot.Domain.People;
using TalkBot.Domain.Rules;
using TalkBot.Domain.Talks;
using ScheduledTalk = TalkBot.Domain.Talks.Talk;

namespace TalkBot.Domain.Admonishments;

/// <summary>The admonishment talk and what follows it: arranging it (002 §四3), holding it (002 §四4) and the follow-up checks (002 §四5).</summary>
public sealed partial class AdmonishmentCase
{
    /// <summary>
    /// Schedules the admonishment talk: only once approved, with the case's subject as the only talkee, and with at least
    /// two talkers and a recorder when there is a minor violation (002 §四3); the common rules of <see cref="ScheduledTalk"/>
    /// apply as well. The talk is led (its first talker) by the person's 党风廉政建设责任人, or for 正处级 without a violation
    /// also by the office (002 §四2–3, <see cref="ResponsiblePersons.CheckLeadTalker"/>). A repeat talk (002 §五5) is
    /// allowed while the case is being followed up.
    /// </summary>
    /// <param name="responsible">The subject's responsible persons (<see cref="ResponsiblePersons.Of"/>).</param>
    /// <exception cref="DomainRuleException">Carries every rule broken, the case's and the talk's.</exception>
    public ScheduledTalk ScheduleTalk(TalkId id, TalkDraft draft, Person organiser, IReadOnlyList<Person> responsible, WorkingCalendar calendar,
        NoticePolicy policy, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(draft);
        ArgumentNullException.ThrowIfNull(responsible);
        if (CheckTalkMayBeArranged() is { } notApproved)
        {
            throw new DomainRuleException(notApproved);
        }

        var violations = new List<RuleViolation>();
        violations.AddRange(AdmonishmentRules.CheckTalkee(draft with { Kind = draft.Kind ?? TalkKind.Admonishment }, Subject));
        violations.AddRange(AdmonishmentRules.CheckTalkers(MinorViolation, [.. draft.Talkers.Select(p => p.Id)], draft.Recorder));
        if (draft.Talkers.FirstOrDefault(p => p is not null) is { } lead
            && ResponsiblePersons.CheckLeadTalker(SubjectRank, MinorViolation, lead, responsible) is { } notResponsible)
        {
            violations.Add(notResponsible);
        }

        ScheduledTalk? talk = null;
        try
        {
            talk = ScheduledTalk.Arrange(id, draft with { Kind = TalkKind.Admonishment }, organiser, calendar, policy, time);
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

    /// <summary>
    /// Null when a talk may be arranged now: once approved (002 §四2), or again while following up on the same problem
    /// (002 §五5); otherwise NotApproved naming the state.
    /// </summary>
    internal RuleViolation? CheckTalkMayBeArranged() => Status is CaseStatus.Approved or CaseStatus.FollowUp
        ? null
        : new RuleViolation(RuleCode.NotApproved, RuleSources.AdmonishmentApproval,
            Arguments: new Dictionary<string, string> { ["state"] = Status.ToString() });

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
    /// (002 §四5). Repeating it changes nothing. <see cref="OnTalkHeld"/> does this and returns what follows as well.
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
    /// The case's talk was held (its 诫勉谈话教育情况表 logged, 002 §五6): the follow-up check falls due
    /// <see cref="AdmonishmentPolicy.FollowUpDays"/> after it (002 §四5) and, with a minor violation, the person owes a
    /// written self-examination or, when talked to as the head of a unit, a collective analysis and rectification
    /// measures (002 §四4), due <see cref="AdmonishmentPolicy.WrittenMaterialWorkingDays"/> working days after
    /// <paramref name="today"/>. The talk's lead talker reads it (002 §五7: 须交书面检查的，责任人阅后交纪委办归档), and so
    /// does the proposer.
    /// </summary>
    /// <param name="talk">One of the case's talks.</param>
    /// <param name="heldOn">The day the talk took place: the follow-up period counts from it.</param>
    /// <returns>
    /// What follows, for the caller to store with the case; null when nothing changed: the talk was marked held before,
    /// or it is an earlier talk of the case whose record was logged again.
    /// </returns>
    /// <exception cref="ArgumentException">The talk is not one of the case's.</exception>
    public TalkHeldOutcome? OnTalkHeld(ScheduledTalk talk, DateOnly heldOn, DateOnly today, DateTimeOffset now, AdmonishmentPolicy policy,
        WorkingCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(talk);
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(calendar);
        if (!talks.Contains(talk.Id))
        {
            throw new ArgumentException($"Talk {talk.Id} is not one of case {Id}'s.", nameof(talk));
        }

        if (Status != CaseStatus.TalkArranged || talk.Id != Talk)
        {
            return null;
        }

        MarkTalkHeld(heldOn, policy.FollowUpDays);
        CaseTask? material = null;
        if (RequiresWrittenMaterial)
        {
            var kind = ForUnit ? CaseTaskKind.CollectiveAnalysis : CaseTaskKind.SelfExamination;
            List<PersonId> reviewers = [talk.LeadTalker];
            if (ProposedBy is { } proposer)
            {
                reviewers.Add(proposer);
            }

            // Numbered by the talk, so that a repeat talk (002 §五5) asks for its own material.
            material = CaseTask.Open(CaseTaskId.For(Id.Value, kind, talks.Count), kind, Subject, Subject, reviewers, null,
                calendar.AddWorkingDays(today, policy.WrittenMaterialWorkingDays), now, CaseTaskOrigin.Admonishment);
        }

        return new TalkHeldOutcome(NextCheck!.Value, material);
    }

    /// <summary>
    /// The office or the organisation department records what the check found (002 §四5): corrected (closed), not
    /// corrected (criticised again and checked again on a later date), or handed to organisational handling (closed).
    /// Organisational handling follows the Party committee's opinion (002 §四5: 应根据党委的意见…作出组织处理), so it needs
    /// that opinion recorded with it — who gave it, on which day (not after today), and what it says. A repeated form
    /// changes nothing.
    /// </summary>
    public bool RecordFollowUp(Person by, FollowUpOutcome outcome, string? note, DateOnly? nextCheck, string? formId, DateOnly today, DateTimeOffset now,
        CommitteeOpinionDraft? opinion = null)
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

        CommitteeOpinion? recorded = null;
        if (outcome == FollowUpOutcome.OrganisationalHandling)
        {
            var missing = (opinion ?? new CommitteeOpinionDraft(null, null, null)).Missing(today);
            if (missing.Count > 0)
            {
                violations.Add(new RuleViolation(RuleCode.CommitteeOpinionRequired, RuleSources.AdmonishmentFollowUp,
                    Arguments: new Dictionary<string, string> { ["fields"] = string.Join(',', missing) }));
            }
            else
            {
                recorded = new CommitteeOpinion(opinion!.GivenBy!.Trim(), opinion.GivenOn!.Value, opinion.Text!.Trim());
            }
        }

        if (violations.Count > 0)
        {
            throw new DomainRuleException(violations);
        }

        var again = outcome == FollowUpOutcome.FurtherCriticism ? nextCheck : null;
        checks.Add(new FollowUpCheck(checks.Count + 1, outcome, note!.Trim(), again, by.Id, now, formId, recorded));
        NextCheck = again;
        Status = outcome switch
        {
            FollowUpOutcome.Resolved => CaseStatus.Resolved,
            FollowUpOutcome.OrganisationalHandling => CaseStatus.OrganisationalHandling,
            _ => CaseStatus.FollowUp,
        };
        return true;
    }
}
