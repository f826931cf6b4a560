using TalkBot.Domain.Calendar;
using TalkBot.Domain.People;
using TalkBot.Domain.Rules;

namespace TalkBot.Domain.Talks;

/// <summary>How a scheduled talk was last changed after its notices went out.</summary>
public enum TalkChangeKind
{
    /// <summary>Moved to another time (改期), by the organiser or on a talkee's request.</summary>
    Moved,
    /// <summary>Cancelled (撤销).</summary>
    Cancelled,
}

/// <summary>The last change of a talk: what, by whom, when, why, and (for a move) the time it had before.</summary>
public sealed record TalkChange(TalkChangeKind Kind, PersonId By, DateTimeOffset At, string Reason, DateTimeOffset? From = null);

/// <summary>A talkee recorded as not having come to the talk without leave (无故缺席, 000 §四(五)1).</summary>
public sealed record Absence(PersonId Talkee, PersonId RecordedBy, DateTimeOffset RecordedAt);

/// <summary>What a stored talk carries besides its first schedule: how often it moved, its last change, its absences.</summary>
public sealed record TalkHistory(int Revision, TalkChange? LastChange, IReadOnlyList<Absence> Absences)
{
    public static TalkHistory None { get; } = new(0, null, []);
}

/// <summary>
/// The organiser's changes to a talk after the notice (改期, 撤销) and the record of who did not come. Each guards who
/// may make it (<see cref="TalkAccess"/>) and its rules, and a repeated identical change (a Teams retry, a double
/// click) is a no-op that returns false.
/// </summary>
public sealed partial class Talk
{
    private readonly List<Absence> absences = [];

    /// <summary>How many times the talk was moved or cancelled since it was scheduled; 0 for a talk never changed.</summary>
    public int Revision { get; private set; }

    public TalkChange? LastChange { get; private set; }

    public IReadOnlyList<Absence> Absences => absences;

    public TalkHistory History => new(Revision, LastChange, [.. absences]);

    /// <summary>
    /// Moves the talk to <paramref name="at"/>. A new time is a new notice, so the clocks of 000 §四(一) apply again,
    /// counted from today: 2 working days' notice (§四(一)3) and, with today as the day its content is confirmed, the
    /// 5-day window (§四(一)2). An admonishment talk (002 §四 sets no clock) may not be moved into the past.
    /// </summary>
    /// <returns>False when the talk is at that time already (a repeated click).</returns>
    public bool Reschedule(Person actor, IEnumerable<PersonId> talkeeOffices, DateTimeOffset at, string? reason,
        WorkingCalendar calendar, NoticePolicy policy, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(time);
        EnsureMayChange(actor, talkeeOffices, "reschedule-talk");
        if (at == ScheduledAt)
        {
            return false;
        }

        var now = time.GetUtcNow();
        var violations = new List<RuleViolation>();
        if (now >= ScheduledAt)
        {
            violations.Add(new RuleViolation(RuleCode.TalkAlreadyBegun, RuleSources.TalkChange));
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            violations.Add(ReasonRequired("reschedule"));
        }

        violations.AddRange(CheckClocks(Kind, at, calendar.LocalDate(now), now, calendar, policy));
        if (violations.Count > 0)
        {
            throw new DomainRuleException(violations);
        }

        LastChange = new TalkChange(TalkChangeKind.Moved, actor.Id, now, reason!.Trim(), ScheduledAt);
        ScheduledAt = at;
        Revision++;
        return true;
    }

    /// <summary>Cancels the talk, with a reason. Cancelling again changes nothing; a held talk cannot be cancelled.</summary>
    /// <returns>False when the talk is cancelled already.</returns>
    public bool Cancel(Person actor, IEnumerable<PersonId> talkeeOffices, string? reason, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        if (TalkAccess.CheckManage(actor, this, talkeeOffices) is { } refusal)
        {
            throw new DomainRuleException(refusal);
        }

        if (Status == TalkStatus.Cancelled)
        {
            return false;
        }

        if (Status != TalkStatus.Scheduled)
        {
            throw new DomainRuleException(RuleViolation.InvalidState(Status.ToString(), RuleSources.TalkChange));
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new DomainRuleException(ReasonRequired("cancel"));
        }

        Status = TalkStatus.Cancelled;
        LastChange = new TalkChange(TalkChangeKind.Cancelled, actor.Id, time.GetUtcNow(), reason.Trim());
        Revision++;
        return true;
    }

    /// <summary>
    /// Records that <paramref name="talkee"/> did not come without leave (000 §四(五)1: 按通知时间参加谈话，不得无故推诿、
    /// 拖延). Only once the talk's time has come, by its recorder or a talker (who were there, 000 §四(一)4), once, and
    /// before the record is logged (which says the talk was held).
    /// </summary>
    /// <returns>False when that talkee's absence is recorded already.</returns>
    public bool RecordAbsence(Person actor, PersonId talkee, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        if (TalkAccess.CheckAttendance(actor, this) is { } refusal)
        {
            throw new DomainRuleException(refusal);
        }

        var now = time.GetUtcNow();
        var violations = new List<RuleViolation>();
        if (Status == TalkStatus.Cancelled)
        {
            violations.Add(new RuleViolation(RuleCode.TalkCancelled, RuleSources.TalkeeDuties));
        }

        if (now < ScheduledAt)
        {
            violations.Add(new RuleViolation(RuleCode.AbsenceBeforeTalk, RuleSources.TalkeeDuties));
        }

        if (Status == TalkStatus.Held)
        {
            violations.Add(new RuleViolation(RuleCode.AbsenceAfterRecord, RuleSources.Record));
        }

        if (!IsTalkee(talkee))
        {
            violations.Add(new RuleViolation(RuleCode.NotTalkeeOfTalk, RuleSources.TalkeeDuties,
                Arguments: new Dictionary<string, string> { ["person"] = talkee.Value }));
        }

        if (violations.Count > 0)
        {
            throw new DomainRuleException(violations);
        }

        if (absences.Any(a => a.Talkee == talkee))
        {
            return false;
        }

        absences.Add(new Absence(talkee, actor.Id, now));
        return true;
    }

    /// <summary>Whether every talkee was recorded absent without leave: the talk did not take place (000 §四(五)1).</summary>
    public bool EveryTalkeeAbsent => Talkees.All(t => absences.Any(a => a.Talkee == t));

    /// <summary>A cancelled talk takes no answer to its notice: there is nothing left to attend (000 §四(一)3).</summary>
    public void EnsureNotCancelled()
    {
        if (Status == TalkStatus.Cancelled)
        {
            throw new DomainRuleException(new RuleViolation(RuleCode.TalkCancelled, RuleSources.Notice));
        }
    }

    private void EnsureMayChange(Person actor, IEnumerable<PersonId> talkeeOffices, string action)
    {
        if (TalkAccess.CheckManage(actor, this, talkeeOffices) is { } refusal)
        {
            throw new DomainRuleException(refusal);
        }

        if (Status != TalkStatus.Scheduled)
        {
            throw new DomainRuleException(RuleViolation.InvalidState(Status.ToString(), RuleSources.TalkChange) with
            {
                Arguments = new Dictionary<string, string> { ["state"] = Status.ToString(), ["action"] = action },
            });
        }
    }

    internal static RuleViolation ReasonRequired(string action, string source = RuleSources.TalkChange) =>
        new(RuleCode.ReasonRequired, source, Arguments: new Dictionary<string, string> { ["action"] = action });
}
