using System.Globalization;
using Azure.Data.Tables;
using TalkBot.Domain.Plans;
using TalkBot.Domain.Statistics;

namespace TalkBot.Bot.Features.Statistics;

/// <summary>
/// Table <c>Statistics</c>: counters kept as the data changes, so that the statistics page reads a few rows made for it
/// and never scans talks. PartitionKey = the month (<c>yyyy-MM</c>, the calendar's time zone: a talk's scheduled date,
/// a lead's registration, a case's opening, a plan's month). One partition per month because a month is what the page
/// shows, and because an item's counted-state row and every counter it changes are then in one partition: the change
/// is a single entity group transaction, guarded by their ETags (exactly once, see <see cref="StatCounters"/>). RowKey:
/// <list type="bullet">
/// <item><c>i|{type}|{id}</c> (<c>talk</c>, <c>lead</c>, <c>case</c>, <c>plan</c>): what the item added to which counter
/// when it was last counted (<see cref="CountedEntity"/>);</item>
/// <item><c>s|{unit}|{tier}|{kind}</c>: a unit's counters with those of every unit below it, rolled up when written
/// (the unit's ancestors from the directory held in memory), per tier (0: none) and kind. A unit's page, and a year of it
/// month over month, reads one short range per month;</item>
/// <item><c>t|{talker}|{unit}|{tier}|{kind}</c>: a leading talker's counters per unit of the talkee (not rolled up):
/// one range answers a talker's figures, and the whole <c>t|</c> range the completion of every talker;</item>
/// </list>
/// A unit-less item is counted under <c>-</c>. Counter rows carry their <c>Unit</c>, <c>Tier</c>, <c>Kind</c> and
/// <c>Talker</c> as columns, each figure (<see cref="Figures"/>) as an Int64 column, and how often they changed
/// (<see cref="StatTotals.Seq"/>). The page reads their copy in <see cref="StatTotals"/>, free of the item rows.
/// </summary>
public static class StatRows
{
    public const string Table = "Statistics";
    public const string ItemPrefix = "i|";
    public const string UnitPrefix = "s|";
    public const string TalkerPrefix = "t|";
    public const string NoUnit = "-";

    public static string Item(string type, string id) => $"{ItemPrefix}{type}|{id}";

    public static string UnitRows(string unit) => $"{UnitPrefix}{unit}|";

    public static string TalkerRows(string talker) => $"{TalkerPrefix}{talker}|";

    public static string UnitRow(string unit, Tier? tier, TalkKind kind) => $"{UnitPrefix}{unit}|{TierText(tier)}|{kind}";

    public static string TalkerRow(PersonId talker, UnitId? unit, Tier? tier, TalkKind kind) =>
        $"{TalkerPrefix}{talker.Value}|{unit?.Value ?? NoUnit}|{TierText(tier)}|{kind}";

    private static string TierText(Tier? tier) => ((int?)tier ?? 0).ToString(CultureInfo.InvariantCulture);

    /// <summary>The columns of a counter row that are not figures (its cell, and its <see cref="StatTotals.Seq"/>).</summary>
    public static readonly IReadOnlySet<string> KeyColumns = new HashSet<string>(StringComparer.Ordinal)
    {
        nameof(CounterRow.Unit), nameof(CounterRow.Tier), nameof(CounterRow.Kind), nameof(CounterRow.Talker), StatTotals.Seq,
    };
}

/// <summary>
/// Table <c>Statistics</c>: what one item added when last counted (keys in <see cref="StatRows"/>): each counter row it
/// changed, with the figures it added there, as <c>rowKey=figure:n,figure:n;…</c>.
/// </summary>
public sealed class CountedEntity : TableRow
{
    public string Added { get; set; } = "";

    /// <summary>Whether nothing about the item can change its figures any more (the daily mending skips it).</summary>
    public bool Final { get; set; }
}

/// <summary>A counter row as read: its cell and its figures.</summary>
public sealed record CounterRow(string Unit, Tier? Tier, TalkKind Kind, string? Talker, IReadOnlyDictionary<string, long> Figures)
{
    public static CounterRow Of(TableEntity row)
    {
        ArgumentNullException.ThrowIfNull(row);
        var figures = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var (name, value) in row)
        {
            if (value is long n && !StatRows.KeyColumns.Contains(name))
            {
                figures[name] = n;
            }
        }

        var tier = row.GetInt32(nameof(Tier)) is { } t and > 0 ? (Tier?)t : null;
        return new(row.GetString(nameof(Unit)) ?? StatRows.NoUnit, tier, Enum.TryParse<TalkKind>(row.GetString(nameof(Kind)), out var kind) ? kind : TalkKind.Routine,
            row.GetString(nameof(Talker)), figures);
    }
}
