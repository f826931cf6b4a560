using System.Globalization;
using TalkBot.Domain.Calendar;

namespace TalkBot.Domain.Rules;

/// <summary>
/// The clocks of 000 §四(一) for scheduling a talk. The notice is sent when the talk is scheduled, so the
/// notice date is today's local date. All dates are local dates of the calendar's time zone.
/// </summary>
public sealed class TalkSchedulingRules(WorkingCalendar calendar, NoticePolicy policy)
{
    private readonly WorkingCalendar _calendar = calendar ?? throw new ArgumentNullException(nameof(calendar));
    private readonly NoticePolicy _policy = policy ?? throw new ArgumentNullException(nameof(policy));

    public TalkSchedulingRules(WorkingCalendar calendar) : this(calendar, NoticePolicy.Default) { }

    /// <summary>
    /// Every rule that a talk at <paramref name="talkAt"/> breaks, for content determined on
    /// <paramref name="contentDeterminedOn"/> and a notice sent at <paramref name="now"/>. Empty when all hold.
    /// </summary>
    public IReadOnlyList<RuleViolation> Check(DateTimeOffset talkAt, DateOnly contentDeterminedOn, DateTimeOffset now)
    {
        var violations = new List<RuleViolation>();
        var today = _calendar.LocalDate(now);
        var talkDate = _calendar.LocalDate(talkAt);
        var contentInFuture = contentDeterminedOn > today;
        var proposal = contentInFuture ? EarliestNoticeValidDate(today) : EarliestValidDate(today, contentDeterminedOn);

        // 000 §四(一)1: content is determined before the talk is planned, so its date cannot lie ahead.
        if (contentInFuture)
        {
            violations.Add(new RuleViolation(RuleCode.ContentDateInFuture, RuleSources.ContentDetermined,
                Arguments: Args(("contentDate", Iso(contentDeterminedOn)), ("today", Iso(today)))));
        }

        if (talkAt <= now)
        {
            violations.Add(new RuleViolation(RuleCode.TalkInPast, RuleSources.Procedure, proposal ?? EarliestNoticeValidDate(today)));
        }

        var workingDays = _calendar.CountWorkingDays(today, talkDate);
        var noticeMet = workingDays >= _policy.MinimumWorkingDays;
        var latest = contentDeterminedOn.AddDays(_policy.WindowDays);
        var windowMet = contentInFuture || (talkDate >= contentDeterminedOn && talkDate <= latest);

        if (!contentInFuture && proposal is null && !(noticeMet && windowMet))
        {
            // 000 §四(一)2 and §四(一)3 together: no working day is both within the window and far enough ahead
            // of the notice. Say so once, and propose the earliest day that at least gives the notice its due.
            violations.Add(new RuleViolation(RuleCode.NoticeAndWindowIncompatible,
                $"{RuleSources.FiveDayWindow}; {RuleSources.Notice}",
                EarliestNoticeValidDate(today),
                Args(("contentDate", Iso(contentDeterminedOn)), ("latestDate", Iso(latest)),
                    ("noticeDate", Iso(today)), ("requiredWorkingDays", Num(_policy.MinimumWorkingDays)))));
            return violations;
        }

        // 000 §四(一)3: 提前2个工作日送达通知书.
        if (!noticeMet)
        {
            violations.Add(new RuleViolation(RuleCode.NoticeTooLate, RuleSources.Notice,
                proposal ?? EarliestNoticeValidDate(today),
                Args(("noticeDate", Iso(today)), ("workingDays", Num(workingDays)),
                    ("requiredWorkingDays", Num(_policy.MinimumWorkingDays)))));
        }

        // 000 §四(一)2: 原则上谈话内容确定后5日内开展谈话.
        if (!windowMet)
        {
            violations.Add(new RuleViolation(RuleCode.OutsideFiveDayWindow, RuleSources.FiveDayWindow, proposal,
                Args(("contentDate", Iso(contentDeterminedOn)), ("latestDate", Iso(latest)),
                    ("windowDays", Num(_policy.WindowDays)))));
        }

        return violations;
    }

    /// <summary>
    /// The earliest working day for a talk whose notice goes out on <paramref name="noticeDate"/> and whose
    /// content was determined on <paramref name="contentDeterminedOn"/>, or null when no working day meets both
    /// rules. Only working days are proposed: talks are work, and a proposal on a statutory holiday would be
    /// of no use. (A date the organiser picks is judged by the two rules alone.)
    /// </summary>
    public DateOnly? EarliestValidDate(DateOnly noticeDate, DateOnly contentDeterminedOn)
    {
        var first = _calendar.WorkingDayOnOrAfter(Max(FirstNoticeValidDate(noticeDate), contentDeterminedOn));
        return first <= contentDeterminedOn.AddDays(_policy.WindowDays) ? first : null;
    }

    /// <summary>The earliest working day that meets the notice rule alone, for a notice sent on the given date.</summary>
    public DateOnly EarliestNoticeValidDate(DateOnly noticeDate) =>
        _calendar.WorkingDayOnOrAfter(FirstNoticeValidDate(noticeDate));

    /// <summary>
    /// The date to prefill a scheduling form with: the earliest valid date for a notice sent now and content
    /// determined today (or on <paramref name="contentDeterminedOn"/>); when the two rules cannot both be met,
    /// the earliest date that meets the notice rule.
    /// </summary>
    public DateOnly EarliestValidTalkDate(DateTimeOffset now, DateOnly? contentDeterminedOn = null)
    {
        var today = _calendar.LocalDate(now);
        var content = contentDeterminedOn is { } d && d <= today ? d : today;
        return EarliestValidDate(today, content) ?? EarliestNoticeValidDate(today);
    }

    // The first date t with at least MinimumWorkingDays working days in [noticeDate, t).
    private DateOnly FirstNoticeValidDate(DateOnly noticeDate)
    {
        if (_policy.MinimumWorkingDays <= 0)
        {
            return noticeDate;
        }

        var firstCounted = _calendar.WorkingDayOnOrAfter(noticeDate);
        return _calendar.AddWorkingDays(firstCounted, _policy.MinimumWorkingDays - 1).AddDays(1);
    }

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Num(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static Dictionary<string, string> Args(params (string Key, string Value)[] pairs) =>
        pairs.ToDictionary(p => p.Key, p => p.Value);
}
