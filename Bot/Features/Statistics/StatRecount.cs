using TalkBot.Bot.Features.Admonishments;
using TalkBot.Bot.Features.Leads;
using TalkBot.Bot.Features.Plans;
using TalkBot.Bot.Features.Quiz;
using TalkBot.Bot.Features.Records;
using TalkBot.Bot.Features.Rectifications;
using TalkBot.Bot.Features.Talks;
using TalkBot.Bot.Infrastructure.Hosting;
using TalkBot.Domain.Admonishments;
using TalkBot.Domain.Leads;
using TalkBot.Domain.Records;
using TalkBot.Domain.Rectifications;
using TalkBot.Domain.Statistics;

namespace TalkBot.Bot.Features.Statistics;

/// <summary>
/// Counts one item again from what is stored (<see cref="Counting"/>, <see cref="StatCounters"/>): run after each saved
/// change of it, and by the daily mending. An item that is not stored (its save failed) is left alone.
/// </summary>
public sealed class StatRecount(
    TalkStore talks, RecordStore records, RectificationStore rectifications, QuizStore quizzes, LeadStore leads, CaseStore cases, PlanStore plans,
    PeopleDirectory directory, WorkingCalendar calendar, StatCounters counters, TalkMonths months)
{
    public const string TalkType = "talk";
    public const string LeadType = "lead";
    public const string CaseType = "case";
    public const string PlanType = "plan";

    private readonly Coalescing<TalkId> talkCounts = new();

    /// <summary>
    /// Counts a talk again. Counts of one talk asked for while one runs are folded into one run after it
    /// (<see cref="Coalescing{TKey}"/>): twenty talkees answering at once recount their talk twice, not twenty times over
    /// the same shared counters.
    /// </summary>
    public Task TalkAsync(TalkId id, CancellationToken cancellationToken) => talkCounts.RunAsync(id, () => CountTalkAsync(id, cancellationToken));

    private async Task CountTalkAsync(TalkId id, CancellationToken cancellationToken)
    {
        var (stored, notices) = await talks.GetWithNoticesAsync(id, cancellationToken).ConfigureAwait(false);
        if (stored?.Talk is not { } talk)
        {
            return;
        }

        var people = await directory.CurrentAsync(cancellationToken).ConfigureAwait(false);
        var record = await records.StatusAsync(id, cancellationToken).ConfigureAwait(false);
        var quizzesTaken = talk.Kind == TalkKind.Routine ? await quizzes.CountedAsync(id, cancellationToken).ConfigureAwait(false) : [];
        // Only a logged record opens rectifications (000 §四(一)5): none to read before it, as when a notice is answered.
        var opened = record is null ? [] : await rectifications.ListAsync(id, cancellationToken).ConfigureAwait(false);
        var progress = talk.Talkees.Select(talkee => new TalkeeProgress(talkee, people.Find(talkee)?.UnitId, StatisticsRules.TierOf(talk.LeadTalker, talkee, people.Tiers),
            notices.FirstOrDefault(n => n.Notice.Talkee == talkee)?.Notice.Status, opened.FirstOrDefault(r => r.Talkee == talkee),
            quizzesTaken.FirstOrDefault(q => q.Talkee == talkee)?.Score)).ToList();
        var final = talk.Status == TalkStatus.Cancelled
            || (record is RecordStatus.Verified && progress.All(p => p.Rectification is null || StatisticsRules.Rectification(p.Rectification) != RectificationOutcome.Open));
        // Counted in the month of its date, and taken out of any month it was counted in before it moved.
        await months.CountAsync(StatMonth.Of(calendar.LocalDate(talk.ScheduledAt)), id, Counting.Talk(talk, record, progress), final,
            UnitTrees.Of(people), cancellationToken).ConfigureAwait(false);
    }

    public async Task LeadAsync(LeadId id, CancellationToken cancellationToken)
    {
        if (await leads.GetAsync(id, cancellationToken).ConfigureAwait(false) is not { Lead: var lead })
        {
            return;
        }

        var people = await directory.CurrentAsync(cancellationToken).ConfigureAwait(false);
        await counters.CountAsync(StatMonth.Of(calendar.LocalDate(lead.RegisteredAt)), LeadType, id.Value, Counting.Lead(lead), lead.Status == LeadStatus.Closed,
            UnitTrees.Of(people), cancellationToken).ConfigureAwait(false);
    }

    public async Task CaseAsync(CaseId id, CancellationToken cancellationToken)
    {
        if (await cases.GetAsync(id, cancellationToken).ConfigureAwait(false) is not { Case: var c })
        {
            return;
        }

        var people = await directory.CurrentAsync(cancellationToken).ConfigureAwait(false);
        await counters.CountAsync(StatMonth.Of(calendar.LocalDate(c.OpenedAt)), CaseType, id.Value, Counting.Case(c), c.IsClosed,
            UnitTrees.Of(people), cancellationToken).ConfigureAwait(false);
    }

    public async Task PlanAsync(PlanMonth month, PersonId talker, CancellationToken cancellationToken)
    {
        var items = await plans.ListAsync(month, talker, cancellationToken).ConfigureAwait(false);
        if (items.Count == 0)
        {
            return;
        }

        var people = await directory.CurrentAsync(cancellationToken).ConfigureAwait(false);
        var tallies = Counting.Plan(talker, people.Find(talker)?.UnitId, [.. items.Select(i => i.Item)], p => people.Find(p)?.UnitId);
        await counters.CountAsync(new StatMonth(month.Year, month.Month), PlanType, talker.Value, tallies, true, UnitTrees.Of(people), cancellationToken)
            .ConfigureAwait(false);
    }

    /// <summary>Counts an item named as <see cref="StatCounters.UnfinishedAsync"/> names it.</summary>
    public Task ItemAsync(string type, string id, CancellationToken cancellationToken) => type switch
    {
        TalkType when TalkId.TryParse(id, out var talk) => TalkAsync(talk, cancellationToken),
        LeadType when LeadId.TryParse(id, out var lead) => LeadAsync(lead, cancellationToken),
        CaseType when CaseId.TryParse(id, out var c) => CaseAsync(c, cancellationToken),
        _ => Task.CompletedTask,
    };
}
