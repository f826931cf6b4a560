using System.Globalization;

namespace TalkBot.Bot.Features.Tab;

/// <summary>
/// The talk ledger's cells of its talkees' notices and quizzes, for those the viewer may see (the talkee's own, or the
/// office's and the talkers'): one talkee's state alone, or each named when a talk has several.
/// </summary>
public static class TalkeeCells
{
    /// <summary>
    /// Where each notice stands (000 §四(一)3): delivered and not yet acknowledged is not an acknowledgement, and a talkee
    /// TalkBot could not reach shows so, for the office to tell them another way.
    /// </summary>
    public static string Notices(IReadOnlyList<(string Name, NoticeStatus State)> notices, Locale locale)
    {
        ArgumentNullException.ThrowIfNull(notices);
        ArgumentNullException.ThrowIfNull(locale);
        return notices.Count == 1 ? Notice(notices[0].State, locale)
            : string.Join(locale.Pick("；", "; "), notices.Select(n => $"{n.Name}{locale.Pick("：", ": ")}{Notice(n.State, locale)}"));
    }

    /// <summary>The score of each quiz counted (000 §三; the latest submitted), as right answers of the questions drawn.</summary>
    public static string Quizzes(IReadOnlyList<(string Name, int Score, int Total)> quizzes)
    {
        ArgumentNullException.ThrowIfNull(quizzes);
        static string Score((string Name, int Score, int Total) q) => string.Create(CultureInfo.InvariantCulture, $"{q.Score}/{q.Total}");
        return quizzes.Count == 1 ? Score(quizzes[0]) : string.Join("；", quizzes.Select(q => $"{q.Name} {Score(q)}"));
    }

    public static string Notice(NoticeStatus state, Locale locale)
    {
        ArgumentNullException.ThrowIfNull(locale);
        return state switch
        {
            NoticeStatus.Sent => locale.Pick("已送达，待确认", "Delivered, not yet acknowledged"),
            NoticeStatus.Unreachable => locale.Pick("无法送达", "Unreachable"),
            NoticeStatus.Acknowledged => locale.Pick("已确认收到", "Acknowledged"),
            NoticeStatus.PostponementRequested => locale.Pick("申请改期", "Postponement asked"),
            NoticeStatus.PostponementRefused => locale.Pick("不同意改期，待确认", "Postponement refused; not yet acknowledged"),
            _ => locale.Pick("正在发送", "Sending"),
        };
    }
}
