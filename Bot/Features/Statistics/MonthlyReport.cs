using TalkBot.Domain.Statistics;

namespace TalkBot.Bot.Features.Statistics;

/// <summary>Statistics configuration (section <c>Statistics</c>).</summary>
public sealed class StatisticsOptions
{
    public const string Section = "Statistics";

    /// <summary>Whether the monthly report and the daily mending are put into the schedule at start-up.</summary>
    public bool Jobs { get; set; } = true;

    /// <summary>Local time of the monthly report on the month's first working day.</summary>
    public TimeOnly ReportAt { get; set; } = new(9, 0);

    /// <summary>
    /// The address the report's button opens: the tab's page (a Teams deep link to the tab, or its address in a browser).
    /// Empty: <c>{Exports:BaseUrl}/tab/</c>.
    /// </summary>
    public string? TabUrl { get; set; }
}

/// <summary>
/// The monthly report (SPEC §6: reports show counts to those above; 000, last paragraph: 考核、问责): on the first working
/// day of each month, the leadership of each unit (<see cref="StatisticsAccess.LeadershipOf"/>) gets last month's
/// completion for their unit and those below. One durable entry per reported month, due on that day
/// (<see cref="WorkingCalendar"/>); any instance's scheduler runs it under its lease, and every card is queued under a
/// key of the month and the unit, so that a rerun after a crash, or a second instance, sends nothing twice. A unit
/// below which nothing was planned or scheduled gets no report. Each run schedules the next month's.
/// </summary>
public sealed class MonthlyReport(
    StatisticsQuery query, PeopleDirectory directory, Messenger messenger, ScheduleStore schedule, WorkingCalendar calendar, StatisticsOptions options,
    TimeProvider time)
{
    public const string Job = "MonthlyReport";

    /// <summary>When the report of <paramref name="reported"/> goes out: the first working day of the month after it.</summary>
    public DateTimeOffset DueAt(StatMonth reported) => calendar.ToInstant(calendar.WorkingDayOnOrAfter(reported.Next.First), options.ReportAt);

    /// <summary>
    /// Puts last month's report into the schedule while its day has not passed, and this month's; idempotent (an entry
    /// is keyed by its month and due time).
    /// </summary>
    public async Task EnsureScheduledAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var month = StatMonth.Of(calendar.LocalDate(now));
        if (calendar.LocalDate(DueAt(month.Previous)) >= calendar.LocalDate(now))
        {
            await ScheduleAsync(month.Previous, cancellationToken).ConfigureAwait(false);
        }

        await ScheduleAsync(month, cancellationToken).ConfigureAwait(false);
    }

    public async Task<ScheduleEntry?> RunAsync(ScheduleEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (!StatMonth.TryParse(entry.Subject, out var month))
        {
            return null;
        }

        await SendAsync(month, entry.Key, cancellationToken).ConfigureAwait(false);
        await ScheduleAsync(month.Next, cancellationToken).ConfigureAwait(false);
        return null;
    }

    /// <summary>Queues the report of <paramref name="month"/> to each unit's leadership; returns how many units got one.</summary>
    public async Task<int> SendAsync(StatMonth month, string key, CancellationToken cancellationToken)
    {
        var people = await directory.CurrentAsync(cancellationToken).ConfigureAwait(false);
        var tree = UnitTrees.Of(people);
        var sent = 0;
        foreach (var unit in people.Units)
        {
            var leaders = StatisticsAccess.LeadershipOf(unit.Id, people.All, tree);
            if (leaders.Count == 0)
            {
                continue;
            }

            var (total, below) = await query.ReadUnitAsync(month, unit.Id, tree, cancellationToken).ConfigureAwait(false);
            if (total[Figures.Planned] == 0 && total[Figures.Scheduled] == 0)
            {
                continue;
            }

            var view = new MonthlyReportView(month.Year, month.Month, Line(unit.Name, total),
                [.. below.Select(b => Line(people.UnitName(new UnitId(b.Id)) ?? b.Id, b.Figures)).Where(l => l.Planned + l.Scheduled > 0)],
                TabUrl(month, unit.Id));
            foreach (var leader in leaders)
            {
                await messenger.TellAsync(leader, l => MonthlyReportCard.Build(view, l), cancellationToken, $"{key}|{unit.Id.Value}").ConfigureAwait(false);
            }

            sent++;
        }

        return sent;
    }

    private Uri TabUrl(StatMonth month, UnitId unit)
    {
        var tab = options.TabUrl!;
        var separator = tab.Contains('?', StringComparison.Ordinal) ? '&' : '?';
        return new Uri($"{tab}{separator}section=statistics&month={month}&unit={Uri.EscapeDataString(unit.Value)}");
    }

    private static ReportLine Line(string unit, MonthFigures figures) =>
        new(unit, figures[Figures.Planned], figures[Figures.Scheduled], figures[Figures.Completed], figures.CompletionRate);

    private Task ScheduleAsync(StatMonth month, CancellationToken cancellationToken) =>
        schedule.AddAsync(new ScheduleEntry(Job, month.ToString(), null, DueAt(month)), cancellationToken);
}
