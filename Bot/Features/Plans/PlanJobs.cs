using TalkBot.Domain.Plans;

namespace TalkBot.Bot.Features.Plans;

/// <summary>Plans configuration (section <c>Plans</c>).</summary>
public sealed class PlanOptions
{
    public const string Section = "Plans";

    /// <summary>Whether monthly plans are made and sent (the scheduler runs them).</summary>
    public bool Enabled { get; set; } = true;

    public int LastDays { get; set; } = 7;

    public int ReminderAfterWorkingDays { get; set; } = 2;

    public TimeOnly PushAt { get; set; } = new(8, 30);

    public PlanPolicy Policy => new(LastDays, ReminderAfterWorkingDays, PushAt);
}

/// <summary>
/// The monthly jobs (000 §三1), run by the scheduler: on the plan date each talker's plan is stored and pushed (once, keyed by
/// month), talkers without any talkee get nothing; the given working days later, each talker with talks still
/// unscheduled is reminded. Each job schedules the next, so the cycle needs no outside trigger.
/// </summary>
public sealed class PlanJobs(
    PlanStore plans,
    PlanViews desk,
    PeopleDirectory directory,
    Messenger messenger,
    MonthlyPlanRules rules,
    ScheduleStore schedule,
    IServiceProvider services,
    TimeProvider time)
{
    public const string Monthly = "MonthlyPlan";
    public const string Unscheduled = "PlanUnscheduled";

    /// <summary>Puts this month's plan (if its month is not over) and next month's into the schedule; idempotent.</summary>
    public async Task EnsureScheduledAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var today = rules.Calendar.LocalDate(now);
        await ScheduleAsync(new PlanMonth(today.Year, today.Month), cancellationToken).ConfigureAwait(false);
        var next = today.AddMonths(1);
        await ScheduleAsync(new PlanMonth(next.Year, next.Month), cancellationToken).ConfigureAwait(false);
    }

    public async Task<ScheduleEntry?> RunAsync(ScheduleEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (!PlanMonth.TryParse(entry.Subject, out var month))
        {
            return null;
        }

        if (entry.Job == Monthly)
        {
            await MakeAsync(month, entry.Key, cancellationToken).ConfigureAwait(false);
            await schedule.AddAsync(new ScheduleEntry(Unscheduled, month.ToString(), null, rules.UnscheduledReminderAt(month.Year, month.Month)), cancellationToken).ConfigureAwait(false);
            var next = new DateOnly(month.Year, month.Month, 1).AddMonths(1);
            await ScheduleAsync(new PlanMonth(next.Year, next.Month), cancellationToken).ConfigureAwait(false);
            return null;
        }

        await RemindUnscheduledAsync(month, entry.Key, cancellationToken).ConfigureAwait(false);
        return null;
    }

    /// <summary>Stores and pushes every talker's plan for the month; returns how many talkers got one.</summary>
    public async Task<int> MakeAsync(PlanMonth month, string key, CancellationToken cancellationToken)
    {
        var directory = await desk.DirectoryAsync(cancellationToken).ConfigureAwait(false);
        var now = time.GetUtcNow();
        var count = 0;
        foreach (var (talker, items) in directory.ItemsByTalker())
        {
            // A rerun after a crash finds the plan stored and the push recorded under the key: nothing twice.
            // What follows a plan (its counts) is planned before it is stored: a rerun finds the plan and leaves them to their entry.
            var made = new PlanMade(month.ToString(), talker);
            // Looked up here, not injected: the follow-ups run through the scheduler, whose jobs include this one.
            await services.GetRequiredService<FollowUps>().SaveAsync(made, made.Key, () => plans.CreateAsync(month, talker, items, now, cancellationToken), cancellationToken).ConfigureAwait(false);
            // The card shows what was stored, as 本月计划 will.
            if (await desk.ViewAsync(directory.Lookup.Find(talker)!, month, cancellationToken, directory).ConfigureAwait(false) is { } view)
            {
                await messenger.TellAsync(talker, l => PlanCards.Plan(view, l), cancellationToken, key).ConfigureAwait(false);
                count++;
            }
        }

        return count;
    }

    private async Task RemindUnscheduledAsync(PlanMonth month, string key, CancellationToken cancellationToken)
    {
        var people = await directory.CurrentAsync(cancellationToken).ConfigureAwait(false);
        foreach (var talker in await plans.ListTalkersAsync(month, cancellationToken).ConfigureAwait(false))
        {
            var open = await desk.UnscheduledAsync(talker, month, cancellationToken).ConfigureAwait(false);
            if (open.Count == 0 || people.Find(talker) is not { Active: true })
            {
                continue;
            }

            var ids = new Dictionary<string, string> { [PlanKeys.Month] = month.ToString() };
            await messenger.TellAsync(talker, l => ReminderCard.Build(new ReminderView(
                l.Pick("谈话计划尚未安排", "Plan talks not yet scheduled"),
                [l.Pick($"{month.Year}年{month.Month}月计划中与{CardParts.Names(open.Select(people.Name), l)}的谈话尚未安排（000 §三1）。",
                    $"Your {month} plan's talks with {CardParts.Names(open.Select(people.Name), l)} are not yet scheduled (000 §三1).")],
                false, Verbs.PlanShow, l.Pick("查看本月计划", "Show the plan"), ids), l), cancellationToken, key).ConfigureAwait(false);
        }
    }

    private Task ScheduleAsync(PlanMonth month, CancellationToken cancellationToken)
    {
        var last = new DateOnly(month.Year, month.Month, DateTime.DaysInMonth(month.Year, month.Month));
        if (rules.Calendar.LocalDate(time.GetUtcNow()) > last)
        {
            return Task.CompletedTask;
        }

        return schedule.AddAsync(new ScheduleEntry(Monthly, month.ToString(), null, rules.PlanAt(month.Year, month.Month)), cancellationToken);
    }
}

/// <summary>At start-up, the plan cycle is put into the schedule (once it is there, each job schedules the next).</summary>
internal sealed class PlanBootstrap(PlanJobs jobs, PlanOptions options) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => options.Enabled ? jobs.EnsureScheduledAsync(cancellationToken) : Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
