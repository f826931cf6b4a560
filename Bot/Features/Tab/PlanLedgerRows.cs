using TalkBot.Bot.Features.Plans;
using TalkBot.Bot.Features.Talks;
using TalkBot.Domain.Plans;

namespace TalkBot.Bot.Features.Tab;

/// <summary>
/// Table <c>CaseIndex</c>, row <c>pl|{month}|{talker}|{talkee}|{tier}</c>: a talk of a talker's own monthly plan as the
/// plans ledger (谈话方案台账) shows it, written into the partitions <c>unit|{unit}</c> of the talkee's unit and of the
/// talker's (the statistics count the talkee planned in the one, the plan in the other) and <c>person|{id}</c> of the
/// talker and of whoever holds the talk now. The month leads the key, so a month's view reads one key range. Never a name.
/// </summary>
public sealed class PlanLedgerEntity : ListRow
{
    public string Month { get; set; } = "";
    public string Talker { get; set; } = "";
    public string? TalkerUnit { get; set; }
    public string? TalkeeUnit { get; set; }
    public int Tier { get; set; }
    public string Line { get; set; } = "";
    /// <summary>The item's status on the talker's plan (<see cref="PlanItemStatus"/>).</summary>
    public string Status { get; set; } = "";
    /// <summary>Who holds the talk now (the talker, or whom it was handed to); null while the office is to name one.</summary>
    public string? Holder { get; set; }
    public string? AssignedBy { get; set; }
    /// <summary>When the holder's talk with the talkee is, once arranged.</summary>
    public DateTimeOffset? ScheduledAt { get; set; }
}

/// <summary>
/// Writes the plans ledger's rows of one talker's plan from what is stored: the plan's items, and the talks their holders
/// have arranged with the talkees in the plan's month (<see cref="PlanViews.ScheduledTalkeesAsync"/>, as the plan card
/// reads them). Whole and idempotent, so that the follow-ups of every change (<see cref="PlanLedgerFollowUps"/>) may run again.
/// </summary>
public sealed class PlanLedgerRows(PlanStore plans, PlanViews views, MatterIndex index, PeopleDirectory directory)
{
    public const string Prefix = "pl|";

    /// <summary>What the rows of one month start with.</summary>
    public static string MonthPrefix(PlanMonth month) => $"{Prefix}{month}|";

    public async Task WriteAsync(PlanMonth month, PersonId talker, CancellationToken cancellationToken)
    {
        var items = (await plans.ListAsync(month, talker, cancellationToken).ConfigureAwait(false)).Select(s => s.Item).Where(i => i.HandedFrom is null).ToList();
        if (items.Count == 0)
        {
            return;
        }

        var people = await directory.CurrentAsync(cancellationToken).ConfigureAwait(false);
        var holders = items.Select(i => PlanLedger.Holder(i, talker)).OfType<PersonId>().Distinct().ToList();
        var arranged = (await Task.WhenAll(holders.Select(h => views.ScheduledTalkeesAsync(h, month, cancellationToken))).ConfigureAwait(false))
            .Select((talks, n) => (Holder: holders[n], Talks: talks)).ToDictionary(h => h.Holder, h => h.Talks);
        var talkerUnit = people.Find(talker)?.UnitId;
        var byPartition = new Dictionary<string, List<ListRow>>(StringComparer.Ordinal);
        foreach (var item in items)
        {
            var holder = PlanLedger.Holder(item, talker);
            DateTimeOffset? at = holder is { } h && arranged[h].TryGetValue(item.Talkee, out var t) ? t : null;
            var standing = PlanLedger.Standing(item, at is not null);
            var talkeeUnit = people.Find(item.Talkee)?.UnitId ?? item.Unit;
            var key = $"{month}|{talker.Value}|{item.Talkee.Value}|{(int)item.Tier}";
            string[] partitions =
            [
                .. new[] { talkeeUnit, talkerUnit }.OfType<UnitId>().Select(TalkLedgerRows.UnitPartition),
                .. new[] { talker, holder ?? talker }.Select(MatterIndex.Person),
            ];
            foreach (var partition in partitions.Distinct())
            {
                var row = ListRow.Place(new PlanLedgerEntity
                {
                    Month = month.ToString(), Talker = talker.Value, TalkerUnit = talkerUnit?.Value, TalkeeUnit = talkeeUnit?.Value, Tier = (int)item.Tier,
                    Line = item.Line.ToString(), Status = item.Status.ToString(), Holder = holder?.Value, AssignedBy = item.AssignedBy?.Value, ScheduledAt = at,
                }, partition, Prefix + key, key, item.Talkee, PlanLedger.AwaitsScheduling(standing));
                (byPartition.TryGetValue(partition, out var list) ? list : byPartition[partition] = []).Add(row);
            }
        }

        await index.WriteAsync(byPartition.Keys, partition => byPartition[partition], cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The rows of every plan a talk held by <paramref name="holder"/> in the month comes from: their own, and those that handed talks to them.</summary>
    public async Task WriteHeldByAsync(PlanMonth month, PersonId holder, CancellationToken cancellationToken)
    {
        var items = await plans.ListAsync(month, holder, cancellationToken).ConfigureAwait(false);
        foreach (var talker in items.Select(s => s.Item.HandedFrom ?? holder).Distinct())
        {
            await WriteAsync(month, talker, cancellationToken).ConfigureAwait(false);
        }
    }
}

/// <summary>
/// Keeps the plans ledger with the plans and the talks: after a plan is made, after a talk of it is handed over (委托,
/// 回避, the office naming a talker), and after a talk is arranged, moved or cancelled (its talkers' plans of the months
/// it can stand for, and those of this month and the last, where a moved talk may have come from). Durable follow-ups,
/// run again after a crash.
/// </summary>
public sealed class PlanLedgerFollowUps(PlanLedgerRows rows, TalkStore talks, WorkingCalendar calendar, TimeProvider time)
    : IFollowUp<PlanMade>, IFollowUp<PlanItemHandedOver>, IFollowUp<PlanTalkToOffice>, IFollowUp<PlanTalkAssigned>, IFollowUp<TalkScheduled>, IFollowUp<TalkChanged>
{
    public Task RunAsync(PlanMade change, CancellationToken cancellationToken) =>
        PlanMonth.TryParse(change?.Month, out var month) ? rows.WriteAsync(month, change!.Talker, cancellationToken) : Task.CompletedTask;

    public Task RunAsync(PlanItemHandedOver change, CancellationToken cancellationToken) =>
        rows.WriteAsync(new PlanMonth(change!.Year, change.Month), change.Talker, cancellationToken);

    public Task RunAsync(PlanTalkToOffice change, CancellationToken cancellationToken) =>
        rows.WriteAsync(new PlanMonth(change!.Year, change.Month), change.Talker, cancellationToken);

    public Task RunAsync(PlanTalkAssigned change, CancellationToken cancellationToken) =>
        rows.WriteAsync(new PlanMonth(change!.Year, change.Month), change.Talker, cancellationToken);

    public Task RunAsync(TalkScheduled change, CancellationToken cancellationToken) => TalkAsync(change!.Talk, false, cancellationToken);

    public Task RunAsync(TalkChanged change, CancellationToken cancellationToken) => TalkAsync(change!.Talk, true, cancellationToken);

    private async Task TalkAsync(TalkId id, bool moved, CancellationToken cancellationToken)
    {
        // Any talk of the holder with the talkee marks the plan's talk arranged, as the plan card counts it.
        if (await talks.GetAsync(id, cancellationToken).ConfigureAwait(false) is not { } talk)
        {
            return;
        }

        var months = PlanViews.MonthsOf(calendar.LocalDate(talk.ScheduledAt)).ToList();
        if (moved)
        {
            // Where a moved talk was before is not kept; it was arranged from this month's plan or the last one's.
            var today = calendar.LocalDate(time.GetUtcNow());
            var before = today.AddMonths(-1);
            months.AddRange([new PlanMonth(today.Year, today.Month), new PlanMonth(before.Year, before.Month)]);
        }

        foreach (var month in months.Distinct())
        {
            foreach (var talker in talk.Talkers.Distinct())
            {
                await rows.WriteHeldByAsync(month, talker, cancellationToken).ConfigureAwait(false);
            }
        }
    }
}
