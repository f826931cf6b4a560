using TalkBot.Bot.Features.Admonishments;
using TalkBot.Bot.Features.Leads;
using TalkBot.Bot.Features.Plans;
using TalkBot.Domain.Admonishments;
using TalkBot.Domain.Leads;
using TalkBot.Domain.Statistics;

namespace TalkBot.Bot.Features.Statistics;

/// <summary>
/// Where the counters hear of changes: after each saved change of a talk (its follow-ups, durable: run again after a
/// crash until done), after each listing of a lead or a case (every save of one is listed, durably, <see cref="Listings"/>),
/// and after a plan is made. Each counts the item again from what is stored, so that being told twice, or late, or out
/// of order, counts each change once (<see cref="StatCounters"/>).
/// </summary>
public sealed class CountChanges(StatRecount recount)
    : IFollowUp<TalkScheduled>, IFollowUp<TalkChanged>, IFollowUp<NoticeChanged>, IFollowUp<RecordLogged>, IFollowUp<RecordSettled>, IFollowUp<RectificationReported>,
        IFollowUp<RectificationReviewed>, IFollowUp<QuizSubmitted>, IFollowUp<PlanMade>, IListingWatcher
{
    public Task RunAsync(TalkScheduled change, CancellationToken cancellationToken) => recount.TalkAsync(Checked(change).Talk, cancellationToken);

    // A moved talk may change month (TalkMonths takes it out of the old one); a cancelled one counts as cancelled.
    public Task RunAsync(TalkChanged change, CancellationToken cancellationToken) => recount.TalkAsync(Checked(change).Talk, cancellationToken);

    public Task RunAsync(NoticeChanged change, CancellationToken cancellationToken) => recount.TalkAsync(Checked(change).Talk, cancellationToken);

    public Task RunAsync(RecordLogged change, CancellationToken cancellationToken) => recount.TalkAsync(Checked(change).Talk, cancellationToken);

    public Task RunAsync(RecordSettled change, CancellationToken cancellationToken) => recount.TalkAsync(Checked(change).Talk, cancellationToken);

    public Task RunAsync(RectificationReported change, CancellationToken cancellationToken) => recount.TalkAsync(Checked(change).Talk, cancellationToken);

    public Task RunAsync(RectificationReviewed change, CancellationToken cancellationToken) => recount.TalkAsync(Checked(change).Talk, cancellationToken);

    public Task RunAsync(QuizSubmitted change, CancellationToken cancellationToken) => recount.TalkAsync(Checked(change).Talk, cancellationToken);

    public Task RunAsync(PlanMade change, CancellationToken cancellationToken) =>
        PlanMonth.TryParse(Checked(change).Month, out var month) ? recount.PlanAsync(month, change.Talker, cancellationToken) : Task.CompletedTask;

    public Task ListedAsync(string job, string subject, CancellationToken cancellationToken) => job switch
    {
        LeadStore.ListJob when LeadId.TryParse(subject, out var lead) => recount.LeadAsync(lead, cancellationToken),
        CaseStore.ListJob when CaseId.TryParse(subject, out var c) => recount.CaseAsync(c, cancellationToken),
        _ => Task.CompletedTask,
    };

    private static T Checked<T>(T change) where T : class
    {
        ArgumentNullException.ThrowIfNull(change);
        return change;
    }
}

/// <summary>
/// Once a day, the items of this month and the last whose figures may still change are counted again: what a crash
/// lost between a save and the plan of its follow-ups (an acknowledgement's, planned after its answer) is mended within
/// a day; and those months' counters are copied again to <see cref="StatTotals"/> (a copy a crash lost). Each run
/// schedules the next, so the cycle needs no outside trigger.
/// </summary>
public sealed class StatMending(StatCounters counters, StatTotals totals, StatRecount recount, ScheduleStore schedule, WorkingCalendar calendar, TimeProvider time)
{
    public const string Job = "StatisticsMend";

    /// <summary>Local time of the daily run: a quiet hour.</summary>
    public static readonly TimeOnly At = new(3, 0);

    public async Task<ScheduleEntry?> RunAsync(ScheduleEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var month = StatMonth.Of(calendar.LocalDate(time.GetUtcNow()));
        foreach (var m in new[] { month.Previous, month })
        {
            foreach (var (type, id) in await counters.UnfinishedAsync(m, cancellationToken).ConfigureAwait(false))
            {
                await recount.ItemAsync(type, id, cancellationToken).ConfigureAwait(false);
            }

            await totals.RefreshAsync(m, cancellationToken).ConfigureAwait(false);
        }

        await ScheduleNextAsync(cancellationToken).ConfigureAwait(false);
        return null;
    }

    /// <summary>Puts the next run into the schedule (keyed by its date: a second instance adds nothing).</summary>
    public Task ScheduleNextAsync(CancellationToken cancellationToken)
    {
        var today = calendar.LocalDate(time.GetUtcNow());
        var next = today.AddDays(1);
        return schedule.AddAsync(new ScheduleEntry(Job, next.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), null,
            calendar.ToInstant(next, At)), cancellationToken);
    }
}
