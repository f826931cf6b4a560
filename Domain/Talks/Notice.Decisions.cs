using TalkBot.Domain.Calendar;
using TalkBot.Domain.People;
using TalkBot.Domain.Rules;

namespace TalkBot.Domain.Talks;

/// <summary>
/// The organiser's side of a notice: a postponement decided (000 §四(五)1: 不准无故、借故推诿、拖延 — the talkee asks with a
/// reason, the organiser decides, and the talkee is told), and the notice issued again when the talk moves.
/// </summary>
public sealed partial class Notice
{
    /// <summary>
    /// Refuses the postponement asked, with a reason: the talkee attends at the notified time and may acknowledge.
    /// The same refusal again changes nothing.
    /// </summary>
    /// <exception cref="DomainRuleException">No postponement is waiting, or the reason is blank.</exception>
    public bool RefusePostponement(PersonId by, string? reason, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        var text = reason?.Trim();
        if (Status == NoticeStatus.PostponementRefused && Decision is { Approved: false } done && done.Reason == text)
        {
            return false;
        }

        var violations = new List<RuleViolation>();
        if (Status != NoticeStatus.PostponementRequested)
        {
            violations.Add(NotPending());
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            violations.Add(Talk.ReasonRequired("refuse-postponement", RuleSources.TalkeeDuties));
        }

        if (violations.Count > 0)
        {
            throw new DomainRuleException(violations);
        }

        Decision = new PostponementDecision(false, by, time.GetUtcNow(), text, PostponementReason ?? "");
        Status = NoticeStatus.PostponementRefused;
        return true;
    }

    /// <summary>
    /// The notice for the talk's new time (000 §四(一)3: a new time is a new notice): the next version, unanswered again.
    /// A notice that reached the talkee's chat is updated there in place, so it stays delivered; one that never did is
    /// sent afresh. <paramref name="decision"/> records an approved postponement on the notice of the talkee who asked.
    /// </summary>
    public void Reissue(TimeProvider time, PostponementDecision? decision = null)
    {
        ArgumentNullException.ThrowIfNull(time);
        Version++;
        var now = time.GetUtcNow();
        Status = SentAt is null ? NoticeStatus.Created : NoticeStatus.Sent;
        SentAt = SentAt is null ? null : now;
        UnreachableReason = null;
        AcknowledgedAt = null;
        PostponementRequestedAt = null;
        PostponementReason = null;
        Decision = decision ?? Decision;
    }

    private RuleViolation NotPending() =>
        new(RuleCode.PostponementNotPending, RuleSources.TalkeeDuties, Arguments: new Dictionary<string, string> { ["state"] = Status.ToString() });

    /// <summary>
    /// Approves the postponement <paramref name="requester"/> asked: the talk moves to <paramref name="at"/> under the
    /// rules of a move (<see cref="Talk.Reschedule"/>) and every notice is issued again; the requester's records the
    /// decision. The same approval again (the talk is at that time, the request approved) changes nothing.
    /// </summary>
    /// <returns>Whether anything changed.</returns>
    public static bool ApprovePostponement(Talk talk, IReadOnlyList<Notice> notices, PersonId requester, Person actor, IEnumerable<PersonId> talkeeOffices,
        DateTimeOffset at, WorkingCalendar calendar, NoticePolicy policy, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(talk);
        ArgumentNullException.ThrowIfNull(notices);
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(time);
        var units = talkeeOffices.ToList();
        if (TalkAccess.CheckManage(actor, talk, units) is { } refusal)
        {
            throw new DomainRuleException(refusal);
        }

        var notice = notices.FirstOrDefault(n => n.Talkee == requester)
            ?? throw new DomainRuleException(new RuleViolation(RuleCode.NotTalkeeOfTalk, RuleSources.TalkeeDuties,
                Arguments: new Dictionary<string, string> { ["person"] = requester.Value }));
        if (notice.Status != NoticeStatus.PostponementRequested)
        {
            if (notice.Decision is { Approved: true } && talk.ScheduledAt == at)
            {
                return false;
            }

            throw new DomainRuleException(notice.NotPending());
        }

        if (talk.ScheduledAt == at)
        {
            throw new DomainRuleException(new RuleViolation(RuleCode.NewTimeRequired, RuleSources.TalkeeDuties));
        }

        var reason = notice.PostponementReason ?? "";
        talk.Reschedule(actor, units, at, reason, calendar, policy, time);
        var decision = new PostponementDecision(true, actor.Id, time.GetUtcNow(), null, reason);
        foreach (var each in notices)
        {
            each.Reissue(time, each == notice ? decision : null);
        }

        return true;
    }
}
