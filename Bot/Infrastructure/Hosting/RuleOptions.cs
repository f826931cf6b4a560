namespace TalkBot.Bot.Infrastructure.Hosting;

/// <summary>Talk configuration (section <c>Talks</c>); the defaults are the source documents' numbers.</summary>
public sealed class TalkOptions
{
    public const string Section = "Talks";

    /// <summary>000 §四(一)3: working days between the notice and the talk.</summary>
    public int NoticeWorkingDays { get; set; } = 2;

    /// <summary>000 §四(一)2: days from the content being determined to the talk.</summary>
    public int WindowDays { get; set; } = 5;

    public NoticePolicy Policy => new(NoticeWorkingDays, WindowDays);
}

/// <summary>Reminder configuration (section <c>Reminders</c>); defaults: 08:30–17:30, re-push after a day, escalate daily.</summary>
public sealed class ReminderOptions
{
    public const string Section = "Reminders";

    /// <summary>000 §四(一)5: days after the talk for the rectification report.</summary>
    public int RectificationDays { get; set; } = 3;

    public string WorkingHoursStart { get; set; } = "08:30";
    public string WorkingHoursEnd { get; set; } = "17:30";

    public TimeSpan NoticeRepushAfter { get; set; } = TimeSpan.FromDays(1);

    public int EscalationEveryWorkingDays { get; set; } = 1;

    /// <summary>How long a postponement, a record to verify or a proposal waits before its first reminder.</summary>
    public TimeSpan DecisionWaits { get; set; } = TimeSpan.FromHours(4);

    public Domain.Reminders.ReminderPolicy Policy => new()
    {
        RectificationDays = RectificationDays,
        WorkingHoursStart = TimeOnly.Parse(WorkingHoursStart, System.Globalization.CultureInfo.InvariantCulture),
        WorkingHoursEnd = TimeOnly.Parse(WorkingHoursEnd, System.Globalization.CultureInfo.InvariantCulture),
        NoticeRepushAfter = NoticeRepushAfter,
        EscalationEveryWorkingDays = EscalationEveryWorkingDays,
        DecisionWaits = DecisionWaits,
    };
}

/// <summary>Calendar configuration (section <c>Calendar</c>).</summary>
public sealed class CalendarOptions
{
    public const string Section = "Calendar";

    public string TimeZone { get; set; } = WorkingCalendar.DefaultTimeZoneId;

    /// <summary>
    /// More calendar files (same format as the shipped <c>Data/calendar.cn.json</c>), read at start-up after the
    /// shipped one: an administrator adds next year's official dates here without a rebuild.
    /// </summary>
    public IList<string> ExtraFiles { get; } = [];

    public WorkingCalendar Load(string baseDirectory)
    {
        var files = new List<string> { Path.Combine(baseDirectory, WorkingCalendar.ShippedDataPath) };
        files.AddRange(ExtraFiles.Select(f => Path.IsPathRooted(f) ? f : Path.Combine(baseDirectory, f)));
        var sources = files.Select(f => (Name: f, Content: (Stream)File.OpenRead(f))).ToArray();
        try
        {
            return WorkingCalendar.Load(TimeZone, sources);
        }
        finally
        {
            foreach (var (_, content) in sources)
            {
                content.Dispose();
            }
        }
    }
}
