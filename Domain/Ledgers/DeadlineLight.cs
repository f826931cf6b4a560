namespace TalkBot.Domain.Ledgers;

/// <summary>The light a ledger shows beside an item with a deadline.</summary>
public enum Light
{
    /// <summary>No deadline, or done, or less than half of its time used.</summary>
    None,
    /// <summary>黄灯: half of its time or more is used (issue 15 §3).</summary>
    Yellow,
    /// <summary>红灯: overdue.</summary>
    Red,
}

/// <summary>
/// The deadline lights of the ledgers (台账), for every step with a deadline: the notice before the talk (000 §四(一)3),
/// the record after it (000 §四(一)4), the talkee's verification (002 §五7), the rectification report (000 §四(一)5),
/// a written reply or other material (000 §四(四)1, 002 §四4) and an approval (002 §四2). Accountability (000, last
/// paragraph) asks that what is late be seen at a glance: yellow once half of the time from the step's start to its due
/// moment is used, red once the due moment has passed. A step that is done shows no light.
/// </summary>
public static class DeadlineLight
{
    /// <summary>The light of a step started at <paramref name="start"/>, due at <paramref name="due"/>, at <paramref name="now"/> (from a TimeProvider).</summary>
    public static Light Of(DateTimeOffset? start, DateTimeOffset due, DateTimeOffset now)
    {
        if (now > due)
        {
            return Light.Red;
        }

        if (start is not { } from || from >= due)
        {
            return Light.None;
        }

        // Exactly half used is yellow: the halfway moment is when the office should start to chase.
        return (now - from) * 2 >= due - from ? Light.Yellow : Light.None;
    }

    /// <summary>
    /// The light of a step due on a day (a rectification or a written reply: the due day itself is on time, as
    /// <c>ReminderRules.IsOverdue</c> says): due at the end of <paramref name="dueDate"/> in the site's time zone.
    /// </summary>
    public static Light Of(DateTimeOffset? start, DateOnly dueDate, TimeZoneInfo zone, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var endOfDay = dueDate.AddDays(1).ToDateTime(TimeOnly.MinValue);
        var due = new DateTimeOffset(endOfDay, zone.GetUtcOffset(endOfDay)).AddTicks(-1);
        return Of(start, due, now);
    }
}
