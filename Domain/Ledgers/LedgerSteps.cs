using TalkBot.Domain.Records;
using TalkBot.Domain.Talks;

namespace TalkBot.Domain.Ledgers;

/// <summary>The step with a deadline an item of a ledger waits on.</summary>
public enum LedgerStep
{
    /// <summary>Nothing with a deadline is open.</summary>
    None,
    /// <summary>
    /// The notice waits for the talkee's acknowledgement (000 §四(一)3: 至少提前2个工作日通知), due before the working day
    /// before the talk, when an unacknowledged notice is escalated to the organiser (<c>ReminderRules.NoticeEscalationAt</c>).
    /// </summary>
    Notice,
    /// <summary>The record is to be logged by the end of the working day after the talk (000 §四(一)4).</summary>
    Record,
    /// <summary>The talkee verifies the record (本人核实, 002 §五7).</summary>
    Verification,
    /// <summary>
    /// The talkee's rectification report (000 §四(一)5: 谈话结束后3日内上报整改措施落实情况), due on its due day, or on the new
    /// one a returned report was given; done once reported (the review that follows has no period in 000).
    /// </summary>
    Rectification,
    /// <summary>The written material a task asks for (000 §四(四)1, 002 §四4).</summary>
    Material,
    /// <summary>The decision on a proposal (002 §四2).</summary>
    Approval,
    /// <summary>
    /// A talk of the monthly plan is to be arranged while it can still be held within the month (000 §三1, §四(一)3:
    /// <see cref="Plans.MonthlyPlanRules.ArrangeBy"/>), its time counted from the plan.
    /// </summary>
    Arrangement,
}

/// <summary>Where an item stands against its deadline: the step, its start and due moment, and the light.</summary>
public sealed record LedgerDeadline(LedgerStep Step, DateTimeOffset? Start, DateTimeOffset? Due, Light Light)
{
    public static LedgerDeadline Done { get; } = new(LedgerStep.None, null, null, Light.None);

    /// <summary>
    /// Of the steps an item waits on at once, the one its line shows: the reddest, then the first due (the order the
    /// ledger lists its lines in), so that nothing late hides behind a step that is not; done when none is open.
    /// </summary>
    public static LedgerDeadline MostPressing(IEnumerable<LedgerDeadline> deadlines)
    {
        ArgumentNullException.ThrowIfNull(deadlines);
        return deadlines.Where(d => d.Step != LedgerStep.None).OrderByDescending(d => d.Light).ThenBy(d => d.Due ?? DateTimeOffset.MaxValue).FirstOrDefault() ?? Done;
    }
}

/// <summary>The deadlines of the ledgers' items, each from its source, with the light of <see cref="DeadlineLight"/>.</summary>
public sealed class LedgerSteps(Calendar.WorkingCalendar calendar, LedgerPolicy policy)
{
    /// <summary>
    /// A talk: before it, its notice until every talkee acknowledged it; after it, its record; once logged, the talkees'
    /// verification; verified, done.
    /// </summary>
    public LedgerDeadline Talk(TalkStatus status, RecordStatus? record, DateTimeOffset createdAt, DateTimeOffset scheduledAt, DateTimeOffset? recordAt,
        bool noticesAcknowledged, DateTimeOffset now)
    {
        if (status == TalkStatus.Cancelled || record == RecordStatus.Verified)
        {
            return LedgerDeadline.Done;
        }

        if (record is not null)
        {
            var from = recordAt ?? scheduledAt;
            return At(LedgerStep.Verification, from, EndOf(calendar.AddWorkingDays(calendar.LocalDate(from), policy.VerificationWorkingDays)), now);
        }

        if (now >= scheduledAt)
        {
            return At(LedgerStep.Record, scheduledAt, EndOf(calendar.NextWorkingDay(calendar.LocalDate(scheduledAt))), now);
        }

        return noticesAcknowledged
            ? LedgerDeadline.Done
            : At(LedgerStep.Notice, createdAt, StartOf(calendar.AddWorkingDays(calendar.LocalDate(scheduledAt), -1)), now);
    }

    /// <summary>
    /// A talk with its talkees' rectification reports: a report is due from the talk (000 §四(一)5), not from the record's
    /// verification, so the two run at once, and the talk's line shows the most pressing (<see cref="LedgerDeadline.MostPressing"/>).
    /// </summary>
    public static LedgerDeadline TalkWithRectifications(LedgerDeadline talk, IEnumerable<LedgerDeadline> rectifications)
    {
        ArgumentNullException.ThrowIfNull(rectifications);
        return LedgerDeadline.MostPressing(rectifications.Prepend(talk));
    }

    /// <summary>
    /// A talkee's rectification report (000 §四(一)5): due on its due day (the day itself is on time, as for a task), its
    /// time counted from <paramref name="since"/> (opened, or returned with a new due day); done once reported.
    /// </summary>
    public LedgerDeadline Rectification(bool awaitsReport, DateTimeOffset since, DateOnly dueDate, DateTimeOffset now) =>
        awaitsReport ? At(LedgerStep.Rectification, since, EndOf(dueDate), now) : LedgerDeadline.Done;

    /// <summary>A task's material, due on its due day (the day itself is on time); done once accepted.</summary>
    public LedgerDeadline Task(bool done, DateTimeOffset? openedAt, DateOnly dueDate, DateTimeOffset now) =>
        done ? LedgerDeadline.Done : At(LedgerStep.Material, openedAt, EndOf(dueDate), now);

    /// <summary>
    /// A talk of a monthly plan not yet arranged: due at the end of <paramref name="arrangeBy"/>, its time counted from
    /// <paramref name="planAt"/>, when the plan went out; done once a talk is arranged.
    /// </summary>
    public LedgerDeadline Arrangement(bool waiting, DateTimeOffset planAt, DateOnly arrangeBy, DateTimeOffset now) =>
        waiting ? At(LedgerStep.Arrangement, planAt, EndOf(arrangeBy), now) : LedgerDeadline.Done;

    /// <summary>A proposal waiting for its decision (002 §四2), for <see cref="LedgerPolicy.ApprovalWorkingDays"/>.</summary>
    public LedgerDeadline Approval(bool waiting, DateTimeOffset proposedAt, DateTimeOffset now) =>
        waiting ? At(LedgerStep.Approval, proposedAt, EndOf(calendar.AddWorkingDays(calendar.LocalDate(proposedAt), policy.ApprovalWorkingDays)), now)
            : LedgerDeadline.Done;

    private static LedgerDeadline At(LedgerStep step, DateTimeOffset? start, DateTimeOffset due, DateTimeOffset now) =>
        new(step, start, due, DeadlineLight.Of(start, due, now));

    private DateTimeOffset StartOf(DateOnly day)
    {
        var midnight = day.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(midnight, calendar.TimeZone.GetUtcOffset(midnight));
    }

    private DateTimeOffset EndOf(DateOnly day)
    {
        var midnight = day.AddDays(1).ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(midnight, calendar.TimeZone.GetUtcOffset(midnight)).AddTicks(-1);
    }
}
