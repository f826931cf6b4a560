using System.Globalization;
using Azure.Data.Tables;
using TalkBot.Bot.Features.Plans;
using TalkBot.Domain.Ledgers;
using TalkBot.Domain.Plans;
using TalkBot.Domain.Statistics;

namespace TalkBot.Bot.Features.Tab;

/// <summary>
/// The plans ledger (谈话方案台账): one line per talk of a talker's own monthly plan (000 §三1, on a tier line of 000 §二),
/// from the rows written for it (<see cref="PlanLedgerRows"/>): the office's units' partitions and the viewer's own, a
/// month's view reading one key range of each.
/// </summary>
public sealed partial class LedgerReader
{
    private async Task<List<LedgerItem>> PlansAsync(View v, string? month, CancellationToken cancellationToken)
    {
        var prefix = PlanMonth.TryParse(month, out var m) ? PlanLedgerRows.MonthPrefix(m) : PlanLedgerRows.Prefix;
        var keys = new KeyRange(prefix, prefix);
        var rows = (await ReadRowsAsync(v, v.TalkPartitions(), [(index, keys)], keys, cancellationToken).ConfigureAwait(false))
            .Select(TableRowReader.As<PlanLedgerEntity>).Where(r => r.Subject.Length > 0).DistinctBy(r => r.Matter);
        var items = new List<LedgerItem>();
        foreach (var row in rows)
        {
            var (talker, talkee) = (new PersonId(row.Talker), new PersonId(row.Subject));
            var holder = row.Holder is { Length: > 0 } h ? new PersonId(h) : (PersonId?)null;
            // The units the statistics count the item in now: the talkee's (planned) and the talker's (the plan), from the directory.
            var talkeeUnit = v.UnitOf(talkee) ?? (row.TalkeeUnit is { Length: > 0 } e ? new UnitId(e) : null);
            var talkerUnit = v.UnitOf(talker) ?? (row.TalkerUnit is { Length: > 0 } r ? new UnitId(r) : null);
            if (!LedgerAccess.CanSeePlanItem(v.Viewer, v.OfficeUnits, talkee, talkeeUnit, talkerUnit, talker, holder)
                || !PlanMonth.TryParse(row.Month, out var planMonth))
            {
                continue;
            }

            var status = Enum.Parse<PlanItemStatus>(row.Status);
            var (tier, line) = ((Tier)row.Tier, Enum.Parse<TalkeeLine>(row.Line));
            var item = new PlanItem(talkee, tier, line, talkeeUnit, status, status == PlanItemStatus.Planned ? null : holder, null,
                row.AssignedBy is { Length: > 0 } by ? new PersonId(by) : null);
            var standing = PlanLedger.Standing(item, row.ScheduledAt is not null);
            var deadline = steps.Arrangement(PlanLedger.AwaitsScheduling(standing), planRules.PlanAt(planMonth.Year, planMonth.Month),
                planRules.ArrangeBy(planMonth.Year, planMonth.Month, talkOptions.Policy), v.Now);
            var (ofTalkee, ofTalker) = (v.UnitFacet(talkeeUnit is { } a ? [a] : []), v.UnitFacet(talkerUnit is { } b ? [b] : []));
            items.Add(new LedgerItem(row.Matter,
                [v.People.Name(talkee), v.People.UnitName(talkeeUnit), v.People.Name(talker), TierLabel(tier, v.Locale), Cards.Builders.PlanCards.LineText(line, v.Locale),
                    row.Month, PlanState(standing, item, v), row.ScheduledAt, LedgerColumns.Step(deadline.Step, v.Locale), deadline.Due,
                    LedgerColumns.Light(deadline.Light, v.Locale)],
                deadline,
                new LedgerFacets([.. ofTalkee.Union(ofTalker, StringComparer.Ordinal)], [talker.Value], nameof(TalkKind.Routine),
                    ((int)tier).ToString(CultureInfo.InvariantCulture), row.Month, standing.ToString(),
                    v.Names(new[] { talkee, talker }.Concat(holder is { } x && x != talker ? [x] : [])), StatisticsRules.PlanFigures(item),
                    new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal) { [Figures.Plans] = ofTalker, [Figures.Planned] = ofTalkee })));
        }

        return items;
    }

    private static string PlanState(PlanStanding standing, PlanItem item, View v)
    {
        var holder = item.HandedTo is { } to ? v.People.Name(to) : "";
        return standing switch
        {
            PlanStanding.Scheduled when holder.Length > 0 => v.Locale.Pick($"已安排（{holder}谈话）", $"Scheduled ({holder} talks)"),
            PlanStanding.Scheduled => v.Locale.Pick("已安排", "Scheduled"),
            PlanStanding.Delegated => v.Locale.Pick($"已委托给{holder}", $"Delegated to {holder}"),
            PlanStanding.Recused when item.AssignedBy is not null => v.Locale.Pick($"已回避，纪委办指定{holder}谈话", $"Recused; the office named {holder}"),
            PlanStanding.Recused => v.Locale.Pick($"已回避，改由{holder}谈话", $"Recused; {holder} talks"),
            PlanStanding.AwaitingOffice => v.Locale.Pick("已回避，待纪委办指定谈话人", "Recused; the office is to name a talker"),
            _ => v.Locale.Pick("待安排", "To be scheduled"),
        };
    }
}
