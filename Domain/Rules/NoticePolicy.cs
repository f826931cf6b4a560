namespace TalkBot.Domain.Rules;

/// <summary>The clocks of the monthly talk procedure, configurable where a site's practice differs.</summary>
/// <param name="MinimumWorkingDays">
/// 000 §四(一)3: working days d with noticeDate ≤ d &lt; talkDate; at least this many (提前2个工作日).
/// </param>
/// <param name="WindowDays">000 §四(一)2: the talk is held at most this many calendar days after the content date.</param>
public sealed record NoticePolicy(int MinimumWorkingDays = 2, int WindowDays = 5)
{
    public static NoticePolicy Default { get; } = new();
}
