using TalkBot.Domain.Calendar;

namespace TalkBot.Domain.Reminders;

/// <summary>
/// When reminders and escalations go out (issue list of the monthly procedure, 000 §四(一)). Every time is moved into
/// working hours on a working day, because a reminder is an official act of the office, not a night-time ping.
/// </summary>
public sealed class ReminderRules(WorkingCalendar calendar, ReminderPolicy policy)
{
    public WorkingCalendar Calendar => calendar;
    public ReminderPolicy Policy => policy;

    /// <summary>000 §四(一)5: 谈话结束后3日内上报 — the last day on which the report is on time.</summary>
    public DateOnly RectificationDueDate(DateTimeOffset talkEndedAt) =>
        calendar.LocalDate(talkEndedAt).AddDays(policy.RectificationDays);

    /// <summary>Overdue once the due date has passed in the talk's time zone; the due day itself is on time.</summary>
    public bool IsOverdue(DateOnly dueDate, DateTimeOffset now) => calendar.LocalDate(now) > dueDate;

    /// <summary>One working day before the due date, at the start of working hours (never before <paramref name="now"/>).</summary>
    public DateTimeOffset RectificationReminderAt(DateOnly dueDate, DateTimeOffset now) =>
        Later(StartOfDay(calendar.AddWorkingDays(dueDate, -1)), now);

    /// <summary>The first escalation of an overdue rectification: the first working day after the due date.</summary>
    public DateTimeOffset RectificationEscalationAt(DateOnly dueDate) => StartOfDay(calendar.NextWorkingDay(dueDate));

    /// <summary>The next escalation after one sent at <paramref name="sentAt"/>: a configurable number of working days on.</summary>
    public DateTimeOffset NextEscalationAt(DateTimeOffset sentAt) =>
        StartOfDay(calendar.AddWorkingDays(calendar.LocalDate(sentAt), policy.EscalationEveryWorkingDays));

    /// <summary>An unacknowledged notice is pushed again after a configurable delay (000 §四(一)3).</summary>
    public DateTimeOffset NoticeRepushAt(DateTimeOffset sentAt) => NextWorkingMoment(sentAt + policy.NoticeRepushAfter);

    /// <summary>Close to the talk, an unacknowledged notice is escalated to the organiser: one working day before it.</summary>
    public DateTimeOffset NoticeEscalationAt(DateTimeOffset talkAt, DateTimeOffset now) =>
        Later(StartOfDay(calendar.AddWorkingDays(calendar.LocalDate(talkAt), -1)), now);

    /// <summary>The day before a talk: talkers, recorder and talkee are reminded on the working day before it.</summary>
    public DateTimeOffset TalkEveReminderAt(DateTimeOffset talkAt, DateTimeOffset now) =>
        Later(StartOfDay(calendar.AddWorkingDays(calendar.LocalDate(talkAt), -1)), now);

    /// <summary>000 §四(一)4: a record not logged by the working day after the talk; the recorder is reminded then.</summary>
    public DateTimeOffset RecordMissingReminderAt(DateTimeOffset talkAt) =>
        StartOfDay(calendar.NextWorkingDay(calendar.LocalDate(talkAt)));

    /// <summary>
    /// 000 §四(五)1 (不准无故、借故推诿、拖延) binds the organiser's answer too: a postponement asked is reminded to the
    /// organiser a configurable time after it was asked, in working hours; escalations then follow every
    /// <see cref="ReminderPolicy.EscalationEveryWorkingDays"/> working days (<see cref="NextEscalationAt"/>).
    /// </summary>
    public DateTimeOffset DecisionReminderAt(DateTimeOffset askedAt) => NextWorkingMoment(askedAt + policy.DecisionWaits);

    /// <summary>
    /// <paramref name="instant"/> when it falls in working hours on a working day; otherwise the start of the next
    /// working hours.
    /// </summary>
    public DateTimeOffset NextWorkingMoment(DateTimeOffset instant)
    {
        var local = calendar.ToLocal(instant);
        var date = DateOnly.FromDateTime(local.DateTime);
        var time = TimeOnly.FromDateTime(local.DateTime);
        if (calendar.IsWorkingDay(date) && time >= policy.WorkingHoursStart && time < policy.WorkingHoursEnd)
        {
            return instant;
        }

        var next = calendar.IsWorkingDay(date) && time < policy.WorkingHoursStart ? date : calendar.NextWorkingDay(date);
        return StartOfDay(next);
    }

    private DateTimeOffset StartOfDay(DateOnly date) => calendar.ToInstant(calendar.WorkingDayOnOrAfter(date), policy.WorkingHoursStart);

    // A reminder whose moment has already passed when it is scheduled goes out at the next working moment instead.
    private DateTimeOffset Later(DateTimeOffset at, DateTimeOffset now) => at > now ? at : NextWorkingMoment(now);
}

/// <summary>The configurable numbers of the reminders; defaults are the source documents' and the issue's.</summary>
public sealed record ReminderPolicy
{
    /// <summary>000 §四(一)5: 谈话结束后3日内.</summary>
    public int RectificationDays { get; init; } = 3;

    public TimeOnly WorkingHoursStart { get; init; } = new(8, 30);
    public TimeOnly WorkingHoursEnd { get; init; } = new(17, 30);

    /// <summary>How long an unacknowledged notice waits before it is pushed again.</summary>
    public TimeSpan NoticeRepushAfter { get; init; } = TimeSpan.FromDays(1);

    /// <summary>How long a postponement asked, a record to verify or a proposal to approve waits before its first reminder.</summary>
    public TimeSpan DecisionWaits { get; init; } = TimeSpan.FromHours(4);

    /// <summary>Overdue escalations repeat every this many working days until resolved.</summary>
    public int EscalationEveryWorkingDays { get; init; } = 1;
}
