using TalkBot.Domain.Reminders;

namespace TalkBot.Bot.Features.Holidays;

/// <summary>The official holiday data (SPEC §4): administrators are told when a year's dates are missing.</summary>
public static class HolidayFeature
{
    /// <summary>Setting: whether the daily check is put into the schedule at start-up (on unless set to false).</summary>
    public const string CheckSetting = "Calendar:HolidayDataCheck";

    public static IServiceCollection AddHolidayData(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddSingleton<HolidayDataNotice>();
        if (configuration.GetValue(CheckSetting, true))
        {
            services.AddHostedService<HolidayDataBootstrap>();
        }

        return services.AddJob<HolidayDataNotice>(HolidayDataNotice.Job, (notice, entry, ct) => notice.RunAsync(entry, ct));
    }
}

/// <summary>
/// Once a working day, in working hours, the calendar's coverage is checked (<see cref="CalendarCoverage.YearToAnnounce"/>): from
/// 1 November, when next year's official holidays are missing, every active administrator is told once — the message is
/// queued under a key per year, which the outbox keeps (<c>Deliveries</c>), so a restart or the next day's check sends
/// nothing again. Nothing is guessed for that year: until its file is added, only weekends are days off.
/// </summary>
public sealed class HolidayDataNotice(WorkingCalendar calendar, ReminderRules rules, PeopleDirectory directory, Messenger messenger, TimeProvider time)
{
    public const string Job = "HolidayDataCheck";
    private const string Subject = "calendar";

    /// <summary>The key administrators are told under: once per missing year, however often the check runs.</summary>
    public static string Key(int year) => "calendar-missing|" + year.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>
    /// Today's check, at the start of today's working hours (the next working day's on a day off; due at once when they
    /// have begun): one entry per day however often this runs.
    /// </summary>
    public ScheduleEntry Today() => For(calendar.LocalDate(time.GetUtcNow()));

    public async Task<ScheduleEntry?> RunAsync(ScheduleEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var today = calendar.LocalDate(time.GetUtcNow());
        if (CalendarCoverage.YearToAnnounce(calendar, today) is { } year)
        {
            var people = await directory.CurrentAsync(cancellationToken).ConfigureAwait(false);
            var administrators = people.All.Where(p => p.Active && p.Has(Role.Administrator)).Select(p => p.Id);
            await messenger.TellEachAsync(administrators, (_, l) => Card(year, l), cancellationToken, Key(year)).ConfigureAwait(false);
        }

        return For(calendar.NextWorkingDay(today));
    }

    public static AdaptiveCard Card(int year, Locale l) => ReminderCard.Build(new ReminderView(
        l.Pick($"日历缺少{year}年的官方节假日", $"The calendar lacks the official holidays of {year}"),
        [
            l.Pick($"TalkBot 的日历中没有{year}年的法定节假日和调休上班日。在添加之前，{year}年只按周末计算休息日，不作推测；“提前2个工作日”等工作日的计算可能有误，涉及该年的卡片会注明。",
                $"TalkBot's calendar has no statutory holidays or adjusted working days for {year}. Until they are added, only weekends count as days off in {year} and nothing is guessed; working-day counts such as the 2 working days' notice may be wrong, and cards that involve that year say so."),
            l.Pick($"国务院办公厅公布{year}年部分节假日安排后，请按 Data/calendar.cn.json 的格式写一个{year}年的日历文件，把其路径加入配置 Calendar:ExtraFiles（例如 Calendar__ExtraFiles__0=/etc/talkbot/calendar-{year}.json），然后重启 TalkBot。",
                $"Once the State Council publishes the {year} holiday arrangements, write a calendar file for {year} in the format of Data/calendar.cn.json, add its path to the setting Calendar:ExtraFiles (for example Calendar__ExtraFiles__0=/etc/talkbot/calendar-{year}.json) and restart TalkBot."),
        ]), l);

    private ScheduleEntry For(DateOnly date) =>
        // The time is the day's own (never "now"), so that scheduling the same day again finds the same row; a time
        // already past is simply due at once.
        new(Job, Subject, null, rules.NextWorkingMoment(calendar.ToInstant(date, rules.Policy.WorkingHoursStart)),
            Tag: date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
}

/// <summary>At start-up, today's check is put into the schedule; each check schedules the next day's.</summary>
internal sealed class HolidayDataBootstrap(HolidayDataNotice notice, ScheduleStore schedule) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => schedule.AddAsync(notice.Today(), cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
