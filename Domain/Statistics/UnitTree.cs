using TalkBot.Domain.People;

namespace TalkBot.Domain.Statistics;

/// <summary>
/// The units as a tree, from the directory held in memory: a unit's ancestors (to roll its counts up) and what lies
/// below it (to roll them up at read time). A cycle in the directory's parents is cut where it closes.
/// </summary>
public sealed class UnitTree
{
    private readonly Dictionary<UnitId, Unit> byId;
    private readonly ILookup<UnitId, Unit> children;

    public UnitTree(IReadOnlyList<Unit> units)
    {
        ArgumentNullException.ThrowIfNull(units);
        byId = units.DistinctBy(u => u.Id).ToDictionary(u => u.Id);
        children = units.Where(u => u.ParentId is { } p && p != u.Id).ToLookup(u => u.ParentId!.Value);
    }

    public Unit? Find(UnitId id) => byId.GetValueOrDefault(id);

    public IReadOnlyList<Unit> Children(UnitId id) => [.. children[id].OrderBy(u => u.Name, StringComparer.Ordinal)];

    /// <summary>The unit and those above it, nearest first.</summary>
    public IReadOnlyList<UnitId> SelfAndAncestors(UnitId id)
    {
        var chain = new List<UnitId> { id };
        var seen = new HashSet<UnitId> { id };
        for (var unit = Find(id); unit?.ParentId is { } parent && seen.Add(parent); unit = Find(parent))
        {
            chain.Add(parent);
        }

        return chain;
    }

    /// <summary>The unit and every unit below it.</summary>
    public IReadOnlySet<UnitId> SelfAndBelow(UnitId id)
    {
        var all = new HashSet<UnitId> { id };
        var queue = new Queue<UnitId>([id]);
        while (queue.TryDequeue(out var next))
        {
            foreach (var child in children[next].Where(c => all.Add(c.Id)))
            {
                queue.Enqueue(child.Id);
            }
        }

        return all;
    }

    /// <summary>
    /// The unit whose level a person in <paramref name="id"/> works at: the unit itself, or, for an administrative
    /// department (纪委办, 组织部), the unit it is a department of (000 §四(一): 各级纪检监察机关 — the office is its level's).
    /// </summary>
    public UnitId LevelOf(UnitId id)
    {
        var seen = new HashSet<UnitId>();
        var current = id;
        while (seen.Add(current) && Find(current) is { Level: UnitLevel.Department, ParentId: { } parent })
        {
            current = parent;
        }

        return current;
    }

    /// <summary>Whether <paramref name="unit"/> is <paramref name="top"/> or below it.</summary>
    public bool IsWithin(UnitId unit, UnitId top) => SelfAndAncestors(unit).Contains(top);
}
