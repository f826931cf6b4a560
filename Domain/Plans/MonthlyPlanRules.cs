using TalkBot.Domain.Calendar;
using TalkBot.Domain.Rules;

namespace TalkBot.Domain.Plans;

/// <summary>When the monthly plan goes out, and when an unscheduled talk of it is chased (configuration <c>Plans</c>).</summary>
/// <param name="LastDays">The "last week" of the month: its last this many days (000 §三1: 每月最后一周).</param>
/// <param name="ReminderAfterWorkingDays">Talks not yet scheduled this many working days after the plan get a reminder.</param>
/// <param name="PushAt">The local time of day the plan and its reminder go out.</param>
public sealed record PlanPolicy(int LastDays = 7, int ReminderAfterWorkingDays = 2, TimeOnly? PushAt = null)
{
    public TimeOnly PushTime => PushAt ?? new TimeOnly(8, 30);
}

/// <summary>
/// 000 §三1: 谈话原则上安排在每月最后一周. The plan for a month goes out on the first working day of its last week (the
/// last seven days, on the mainland China calendar, so a holiday moves it and an adjusted working weekend day counts).
/// </summary>
public sealed class MonthlyPlanRules(WorkingCalendar calendar, PlanPolicy policy)
{
    public const string Source = "000 §三1";

    public WorkingCalendar Calendar => calendar;

    public PlanPolicy Policy => policy;

    /// <summary>
    /// The first working day of the month's last week; when the whole week is off (a long holiday), the last working
    /// day before it, so the plan still comes before the talks are due.
    /// </summary>
    public DateOnly PlanDate(int year, int month)
    {
        var last = new DateOnly(year, month, DateTime.DaysInMonth(year, month));
        var first = last.AddDays(1 - policy.LastDays);
        for (var day = first; day <= last; day = day.AddDays(1))
        {
            if (calendar.IsWorkingDay(day))
            {
                return day;
            }
        }

        var before = first.AddDays(-1);
        while (!calendar.IsWorkingDay(before))
        {
            before = before.AddDays(-1);
        }

        return before;
    }

    /// <summary>The instant the plan for the month goes out.</summary>
    public DateTimeOffset PlanAt(int year, int month) => calendar.ToInstant(PlanDate(year, month), policy.PushTime);

    /// <summary>The instant talks of the plan still unscheduled are chased: the given working days after the plan.</summary>
    public DateTimeOffset UnscheduledReminderAt(int year, int month) =>
        calendar.ToInstant(calendar.AddWorkingDays(PlanDate(year, month), policy.ReminderAfterWorkingDays), policy.PushTime);

    /// <summary>
    /// The last day a talk of the month's plan can still be arranged to be held within the month: 000 §三1 makes the talks
    /// monthly (建立廉政谈话月制度, 每月最后一周), and 000 §四(一)3 asks for the notice at least
    /// <see cref="NoticePolicy.MinimumWorkingDays"/> working days before the talk, so a talk on the month's last working
    /// day must be arranged that many working days before it. A talk not arranged by then falls into the next month.
    /// </summary>
    public DateOnly ArrangeBy(int year, int month, NoticePolicy notice)
    {
        ArgumentNullException.ThrowIfNull(notice);
        var lastWorkingDay = calendar.AddWorkingDays(new DateOnly(year, month, 1).AddMonths(1), -1);
        return calendar.AddWorkingDays(lastWorkingDay, -notice.MinimumWorkingDays);
    }

    /// <summary>The month whose plan is next due at or after <paramref name="now"/>: this month's, or next month's once it has gone out.</summary>
    public (int Year, int Month) NextPlanMonth(DateTimeOffset now)
    {
        var today = calendar.LocalDate(now);
        if (now < PlanAt(today.Year, today.Month))
        {
            return (today.Year, today.Month);
        }

        var next = new DateOnly(today.Year, today.Month, 1).AddMonths(1);
        return (next.Year, next.Month);
    }
}
