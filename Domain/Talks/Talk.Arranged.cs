using TalkBot.Domain.Calendar;
using TalkBot.Domain.People;
using TalkBot.Domain.Rules;

namespace TalkBot.Domain.Talks;

/// <summary>Which talks come only from a lead or a case, and what a repeated create-talk form may show.</summary>
public sealed partial class Talk
{
    /// <summary>
    /// Schedules a talk after checking every rule: required fields, that no talkee is also a talker, that the
    /// organiser may create this kind of talk, that the talkees are active, and the clocks of 000 §四(一).
    /// </summary>
    /// <remarks>
    /// A talk scheduled here is an ordinary one (新建谈话): a reminder talk is arranged from a lead only (000 §三2–3,
    /// §四(一)1) and an admonishment talk from an approved case only (002 §四 intro: 要严格履行审批程序; §四2–3), so both kinds
    /// are refused here whatever the form or a crafted invoke says; <c>Lead.ScheduleReminderTalk</c> and
    /// <c>AdmonishmentCase.ScheduleTalk</c> arrange them.
    /// </remarks>
    /// <exception cref="DomainRuleException">Any rule is broken; it carries all of them.</exception>
    public static Talk Schedule(
        TalkId id,
        TalkDraft draft,
        Person organiser,
        WorkingCalendar calendar,
        NoticePolicy policy,
        TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(draft);
        if (OnlyArranged(draft.Kind) is not { } refused)
        {
            return Arrange(id, draft, organiser, calendar, policy, time);
        }

        // The kind's own rule, with whatever else the form gets wrong; the role is not the reason then.
        var others = new List<RuleViolation>();
        try
        {
            Arrange(id, draft, organiser, calendar, policy, time);
        }
        catch (DomainRuleException e)
        {
            others.AddRange(e.Violations.Where(v => v.Code != RuleCode.NotPermitted));
        }

        throw new DomainRuleException([refused, .. others]);
    }

    /// <summary>The kinds an ordinary talk (新建谈话) may be: those not arranged from a lead or a case.</summary>
    public static bool IsOrdinaryKind(TalkKind kind) => OnlyArranged(kind) is null;

    /// <summary>
    /// A create-talk form is submitted again (a double click, a Teams retry) and its id names this talk. Null when it is
    /// the same form's talk: the same organiser, the kind the form arranges, and — for a lead's or a case's form — the
    /// lead's or case's subject as its only talkee; the caller then shows the talk and changes nothing. Otherwise the
    /// form id was taken from another talk (a crafted invoke): the talk is neither shown nor attached to the lead or case
    /// (000 §三2–3: a reminder talk is the lead's; 002 §五8: what a case holds stays with its office).
    /// </summary>
    /// <param name="kind">The kind the form arranges: Routine for 新建谈话, Reminder for a lead, Admonishment for a case.</param>
    /// <param name="subject">The lead's or case's subject; null for 新建谈话.</param>
    public RuleViolation? CheckSameForm(Person organiser, TalkKind kind, PersonId? subject)
    {
        ArgumentNullException.ThrowIfNull(organiser);
        var sameKind = subject is null ? IsOrdinaryKind(Kind) : Kind == kind;
        var sameTalkee = subject is not { } s || (Talkees.Count == 1 && Talkees[0] == s);
        return Organiser == organiser.Id && sameKind && sameTalkee
            ? null
            : new RuleViolation(RuleCode.TalkFormOfAnotherTalk, subject is null ? RuleSources.Procedure
                : kind == TalkKind.Reminder ? RuleSources.ReminderTalk : RuleSources.AdmonishmentApproval);
    }

    // 000 §三2–3, §四(一)1: reminder talks come from leads; 002 §四 intro, §四2: admonishment talks from approved cases.
    private static RuleViolation? OnlyArranged(TalkKind? kind) => kind switch
    {
        TalkKind.Reminder => new RuleViolation(RuleCode.ReminderTalkNeedsLead, RuleSources.ReminderTalk),
        TalkKind.Admonishment => new RuleViolation(RuleCode.AdmonishmentNeedsApprovedCase, RuleSources.AdmonishmentApproval),
        _ => null,
    };
}
