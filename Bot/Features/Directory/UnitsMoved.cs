namespace TalkBot.Bot.Features.Directory;

/// <summary>
/// Units whose parent changed in a sync (a reorganisation, a unit corrected): what is listed under the units above a
/// unit, the talk ledger's rows (<see cref="Tab.TalkLedgerRelisting"/>), follows them. A follow-up of the sync's save,
/// so that a crash before it ran leaves it planned.
/// </summary>
public sealed record UnitsMoved(IReadOnlyList<string> Units)
{
    /// <summary>The units of <paramref name="after"/> that were in <paramref name="before"/> under another parent.</summary>
    public static UnitsMoved Between(IEnumerable<Unit> before, IEnumerable<Unit> after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var parents = before.GroupBy(u => u.Id).ToDictionary(g => g.Key, g => g.First().ParentId);
        return new([.. after.Where(u => parents.TryGetValue(u.Id, out var was) && was != u.ParentId).Select(u => u.Id.Value).Distinct().Order(StringComparer.Ordinal)]);
    }
}
