using TalkBot.Bot.Infrastructure.Hosting;

namespace TalkBot.Bot.Features.Talks;

/// <summary>
/// The organiser's card for a talk as it stands: its notices, its changes, who did not come, and (while it is ahead) the
/// forms to move or cancel it, whose dates are those the clocks of 000 §四(一)2–3 allow from today.
/// </summary>
public sealed class OrganiserView(WorkingCalendar calendar, TalkSchedulingRules rules, TalkOptions options, TimeProvider time)
{
    public AdaptiveCard Build(Talk talk, IEnumerable<Notice> notices, ViewContext context, Locale locale, IReadOnlyList<string>? problems = null)
    {
        ArgumentNullException.ThrowIfNull(talk);
        var card = TalkCreatedCard.Build(NoticeViews.Created(talk, notices, context, locale, Manage(talk, context)), locale);
        if (problems is { Count: > 0 })
        {
            card.Body.Insert(0, CardParts.Attention(problems));
        }

        return card;
    }

    public TalkManageView Manage(Talk talk, ViewContext context)
    {
        ArgumentNullException.ThrowIfNull(talk);
        var (min, max) = Dates(talk.Kind);
        return NoticeViews.Manage(talk, context, time.GetUtcNow(), min, max);
    }

    /// <summary>The dates a new time may take today: 2 working days' notice, within the 5-day window (000 §四(一)2–3).</summary>
    public (DateOnly Min, DateOnly Max) Dates(TalkKind kind)
    {
        var now = time.GetUtcNow();
        var today = calendar.LocalDate(now);
        // 002 §四 sets no clock for an admonishment: from the next working day, for a month.
        return kind == TalkKind.Admonishment
            ? (calendar.NextWorkingDay(today), today.AddDays(31))
            : (rules.EarliestValidTalkDate(now), today.AddDays(options.Policy.WindowDays));
    }
}
