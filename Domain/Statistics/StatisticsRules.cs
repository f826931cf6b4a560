using TalkBot.Domain.Talks;
using TalkBot.Domain.Plans;
using TalkBot.Domain.Quiz;
using TalkBot.Domain.Records;
using TalkBot.Domain.Rectifications;

namespace TalkBot.Domain.Statistics;

/// <summary>Where a talkee's rectification stands in the statistics (000 §四(一)5).</summary>
public enum RectificationOutcome
{
    /// <summary>Reported by the due date in force when the report was made.</summary>
    OnTime,
    /// <summary>Reported after it.</summary>
    Late,
    /// <summary>A report is still owed: none yet, or the last was returned.</summary>
    Open,
}

/// <summary>
/// What the statistics count as done. 000, last paragraph: whether talks were carried out (落实情况) is evidence for
/// assessment and accountability (考核、问责); SPEC §6: reports show counts to those above.
/// </summary>
public static class StatisticsRules
{
    /// <summary>
    /// A talk counts as carried out once it took place and its 登记表 was filled in (000 §四(一)4: 安排专人做好记录):
    /// the record is the evidence assessment asks for; a talk said to be held without one is not yet evidence.
    /// </summary>
    public static bool IsCompleted(Talk talk, RecordStatus? record)
    {
        ArgumentNullException.ThrowIfNull(talk);
        return IsCompleted(talk.Status, record);
    }

    private static bool IsCompleted(TalkStatus status, RecordStatus? record) => status == TalkStatus.Held && record is not null;

    /// <summary>
    /// Whether a talkee counts as notified (通知谈话对象, 000 §四(一)3): the notice reached them — delivered to their chat, or
    /// answered (an answer proves it reached them, even when the push failed and they opened it through 我的通知). A refused
    /// postponement counts too: the talkee asked to postpone the notified talk, so they had the notice, and the refusal
    /// holds them to its time (000 §四(五)1). A notice not yet sent, or one TalkBot could not deliver, does not.
    /// </summary>
    public static bool IsNotified(NoticeStatus? notice) =>
        notice is NoticeStatus.Sent or NoticeStatus.Acknowledged or NoticeStatus.PostponementRequested or NoticeStatus.PostponementRefused;

    /// <summary>
    /// The attempt of a talkee's 廉政常识测试 (000 §三) the statistics count: the latest submitted, so that a retake the
    /// organiser allowed replaces the score; null when none was submitted.
    /// </summary>
    public static QuizAttempt? CountedQuiz(IEnumerable<QuizAttempt> attempts)
    {
        ArgumentNullException.ThrowIfNull(attempts);
        return attempts.Where(a => a.IsSubmitted).MaxBy(a => a.Number);
    }

    /// <summary>
    /// The talk figures a talk stands behind (as <see cref="Counting.Talk"/> counts its talkees), so that a figure of the
    /// statistics opens the talks it counts (issue 15 §2: every figure links to the rows behind it): scheduled unless
    /// cancelled; notified once a talkee's notice reached them (<see cref="IsNotified"/>) and acknowledged once one
    /// confirmed receipt, from <paramref name="notices"/> (the talkees' notices as they stand); held, recorded, verified
    /// and completed by its record; quiz taken once a talkee submitted one (<see cref="CountedQuiz"/>); and the outcome of
    /// each talkee's rectification.
    /// </summary>
    public static IReadOnlyList<string> TalkFigures(TalkStatus status, RecordStatus? record, IReadOnlyCollection<NoticeStatus> notices, bool quizTaken,
        IEnumerable<RectificationOutcome> rectifications)
    {
        ArgumentNullException.ThrowIfNull(notices);
        ArgumentNullException.ThrowIfNull(rectifications);
        if (status == TalkStatus.Cancelled)
        {
            return [Figures.Cancelled];
        }

        var figures = new List<string> { Figures.Scheduled };
        figures.AddRange(new (bool When, string Figure)[]
        {
            (notices.Any(n => IsNotified(n)), Figures.Notified),
            (notices.Contains(NoticeStatus.Acknowledged), Figures.Acknowledged),
            (status == TalkStatus.Held, Figures.Held),
            (record is not null, Figures.Recorded),
            (record is RecordStatus.Verified, Figures.Verified),
            (IsCompleted(status, record), Figures.Completed),
            (quizTaken, Figures.QuizTaken),
        }.Where(f => f.When).Select(f => f.Figure));
        figures.AddRange(rectifications.Distinct().Select(o => o switch
        {
            RectificationOutcome.OnTime => Figures.RectificationOnTime,
            RectificationOutcome.Late => Figures.RectificationLate,
            _ => Figures.RectificationOpen,
        }));
        return figures;
    }

    /// <summary>
    /// The plan figures an item of a talker's plan stands behind (as <see cref="Counting.Plan"/> counts it), so that the
    /// plan figures open the items they count (issue 15 §2): an item of the talker's own plan counts as planned (计划谈话人次)
    /// and belongs to the plan counted for its tier (制定方案); a talk handed to someone else (委托, 回避, 000 §二, §四(五)3)
    /// stays counted on the plan it came from, so its copy on the holder's plan stands behind neither.
    /// </summary>
    public static IReadOnlyList<string> PlanFigures(PlanItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return item.HandedFrom is null ? [Figures.Plans, Figures.Planned] : [];
    }

    /// <summary>
    /// The completion rate: talkees of carried-out talks over talkees of talks scheduled (not cancelled), as a fraction;
    /// null when nothing was scheduled (no rate, rather than 0% or 100%).
    /// </summary>
    public static double? CompletionRate(long completed, long scheduled) =>
        scheduled <= 0 ? null : Math.Min(1.0, (double)completed / scheduled);

    /// <summary>
    /// 000 §四(一)5: the talkee reports rectification within 3 days after the talk (or by the date set when a report was
    /// returned). The latest report decides: made by the due date in force then, on time; after it, late; a report still
    /// owed (none yet, or the last returned) is open.
    /// </summary>
    public static RectificationOutcome Rectification(Rectification rectification)
    {
        ArgumentNullException.ThrowIfNull(rectification);
        if (rectification.AwaitsReport)
        {
            return RectificationOutcome.Open;
        }

        return rectification.Reports[^1].Late ? RectificationOutcome.Late : RectificationOutcome.OnTime;
    }

    /// <summary>The average quiz score (000 §三), or null when nobody took it.</summary>
    public static double? AverageScore(long scoreSum, long taken) => taken <= 0 ? null : (double)scoreSum / taken;

    /// <summary>
    /// The tier (000 §二) a talk with <paramref name="talkee"/> led by <paramref name="talker"/> belongs to: the line
    /// that puts the talkee on the talker's list, or on the list of whoever delegated (委托) to the talker; none when the
    /// talk is off the tiers (a reminder or admonishment talk with someone else).
    /// </summary>
    public static Tier? TierOf(PersonId talker, PersonId talkee, IReadOnlyList<TierAssignment> tiers)
    {
        ArgumentNullException.ThrowIfNull(tiers);
        return tiers.FirstOrDefault(t => t.Talkee == talkee && t.Talker == talker)?.Tier
            ?? tiers.FirstOrDefault(t => t.Talkee == talkee && t.DelegateTo.Contains(talker))?.Tier;
    }
}
