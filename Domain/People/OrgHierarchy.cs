using System.Security.Cryptography;
using System.Text;

namespace TalkBot.Domain.People;

/// <summary>One person as the hierarchy needs them: their department (as the directory writes it) and manager.</summary>
public sealed record DirectoryEntry(PersonId Id, string? Department, PersonId? Manager);

/// <summary>Why a unit has its level.</summary>
public enum LevelBasis
{
    /// <summary>The unit of the head of the organisation: the bureau (000 §二1).</summary>
    Root,
    /// <summary>The name ends with 党委, 党总支 or 党支部 (000 §二3 names the three).</summary>
    Name,
    /// <summary>The configured level for its depth below the bureau.</summary>
    Depth,
    /// <summary>Nothing says more: an administrative department without its own Party organisation.</summary>
    Default,
    /// <summary>An administrator set it (a <see cref="UnitCorrection"/>).</summary>
    Corrected,
    /// <summary>The organisation file says so.</summary>
    File,
}

/// <summary>Why a unit sits under its parent.</summary>
public enum ParentBasis
{
    /// <summary>The top of the organisation.</summary>
    Root,
    /// <summary>The unit's head reports to someone in the parent unit.</summary>
    ReportingLine,
    /// <summary>The unit's head reports to nobody in the directory: the unit stands alone until corrected.</summary>
    NoReportingLine,
    /// <summary>An administrator set it (a <see cref="UnitCorrection"/>).</summary>
    Corrected,
    /// <summary>The organisation file says so.</summary>
    File,
}

/// <summary>
/// Where a derived unit came from, for 组织架构 to explain it: the person the unit starts at (its head: the first of
/// the department whose manager is outside it), that person's manager, the depth below the bureau, and the bases.
/// </summary>
public sealed record UnitOrigin(
    LevelBasis LevelBasis,
    ParentBasis ParentBasis,
    int Depth,
    PersonId? Head = null,
    PersonId? HeadManager = null,
    UnitLevel? DerivedLevel = null,
    UnitId? DerivedParent = null,
    PersonId? CorrectedBy = null,
    DateTimeOffset? CorrectedAt = null);

/// <summary>A unit with the reason it sits where it does.</summary>
public sealed record DerivedUnit(Unit Unit, UnitOrigin Origin);

/// <param name="OrganisationName">The name of the bureau when its head has no department.</param>
/// <param name="LevelsByDepth">The level of a unit one, two, … below the bureau whose name says nothing; empty: 部门.</param>
public sealed record HierarchyPolicy(string OrganisationName, IReadOnlyList<UnitLevel> LevelsByDepth)
{
    public static HierarchyPolicy Default { get; } = new("本局", []);
}

/// <summary>The units derived from the directory and the unit of each person (null: none).</summary>
public sealed record Hierarchy(IReadOnlyList<DerivedUnit> Units, IReadOnlyDictionary<PersonId, UnitId?> Placement);

/// <summary>
/// Derives the Party organisation's units from the directory's reporting lines and departments (SPEC §1: reporting
/// lines come from the directory; 000 §二 needs each unit's level and parent):
/// <list type="bullet">
/// <item>The head of the organisation is the person without a manager who has most people under them; their unit is
/// the bureau (局).</item>
/// <item>Going down the reporting lines, someone whose department differs from their manager's starts a unit of that
/// department under their manager's unit; someone in the same department as their manager, or without one, is in
/// their manager's unit. So a department's parent is the unit its head reports into.</item>
/// <item>A unit's level comes from its name (…党委, …党总支, …党支部), else from the configured level for its depth,
/// else it is a department (部门) without its own Party organisation.</item>
/// <item>A unit's id is its department's name hashed, or its name and parent's id when two units share a name, so that
/// an administrator's correction keeps finding it after reporting lines change.</item>
/// </list>
/// People outside the head's tree (no manager, a cycle of managers) join the one unit of their department's name, or
/// start a unit without parent. Pure and deterministic: the same directory gives the same units.
/// </summary>
public static class OrgHierarchy
{
    public const string Source = Rules.RuleSources.Tiers;
    public const string RootUnitId = "org-root";

    private static readonly (string Suffix, UnitLevel Level)[] NamedLevels =
    [
        ("党总支", UnitLevel.GeneralBranch), ("党支部", UnitLevel.Branch), ("支部", UnitLevel.Branch), ("党委", UnitLevel.PartyCommittee),
    ];

    /// <summary>The level a unit's name says, if it says one (a 党总支 before a 党委: "…党委党总支" is a general branch).</summary>
    public static UnitLevel? LevelFromName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var trimmed = name.Trim();
        foreach (var (suffix, level) in NamedLevels)
        {
            if (trimmed.EndsWith(suffix, StringComparison.Ordinal))
            {
                return level;
            }
        }

        return null;
    }

    /// <summary>The id of a department's unit: <c>dept-</c> and 12 hex digits of its name (and parent, when shared).</summary>
    public static UnitId DepartmentUnitId(string department, UnitId? parentWhenShared = null)
    {
        ArgumentNullException.ThrowIfNull(department);
        var text = parentWhenShared is { } p ? department + "|" + p.Value : department;
        return new UnitId("dept-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..12]);
    }

    public static Hierarchy Derive(IReadOnlyList<DirectoryEntry> entries, HierarchyPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(entries);
        ArgumentNullException.ThrowIfNull(policy);
        var walk = new Walk(entries);
        var draft = walk.Run();

        // Ids: by name when the name is one unit's, by name and parent otherwise; parents first, so theirs are known.
        var sharedNames = draft.Where(u => u.Department is not null).GroupBy(u => u.Department!, StringComparer.Ordinal)
            .Where(g => g.Count() > 1).Select(g => g.Key).ToHashSet(StringComparer.Ordinal);
        var ids = new UnitId[draft.Count];
        for (var i = 0; i < draft.Count; i++)
        {
            var unit = draft[i];
            ids[i] = unit.Department is null
                ? new UnitId(RootUnitId)
                : DepartmentUnitId(unit.Department, sharedNames.Contains(unit.Department) && unit.Parent is { } p ? ids[p] : null);
        }

        var units = new List<DerivedUnit>(draft.Count);
        for (var i = 0; i < draft.Count; i++)
        {
            var d = draft[i];
            var name = d.Department ?? policy.OrganisationName;
            var (level, basis) = d.IsBureau ? (UnitLevel.Bureau, LevelBasis.Root) : LevelOf(name, d.Depth, policy);
            var parentBasis = d.IsBureau ? ParentBasis.Root : d.Parent is null ? ParentBasis.NoReportingLine : ParentBasis.ReportingLine;
            var parent = d.Parent is { } pi ? ids[pi] : (UnitId?)null;
            units.Add(new DerivedUnit(
                new Unit(ids[i], name, null, level, parent),
                new UnitOrigin(basis, parentBasis, d.Depth, d.Head, d.HeadManager, level, parent)));
        }

        var placement = new Dictionary<PersonId, UnitId?>(entries.Count);
        foreach (var entry in entries)
        {
            placement[entry.Id] = walk.UnitOf(entry.Id) is { } u ? ids[u] : null;
        }

        return new Hierarchy(units, placement);
    }

    private static (UnitLevel, LevelBasis) LevelOf(string name, int depth, HierarchyPolicy policy)
    {
        if (LevelFromName(name) is { } named)
        {
            return (named, LevelBasis.Name);
        }

        return depth >= 1 && depth <= policy.LevelsByDepth.Count
            ? (policy.LevelsByDepth[depth - 1], LevelBasis.Depth)
            : (UnitLevel.Department, LevelBasis.Default);
    }

    /// <summary>A unit as the walk finds it, before it has an id.</summary>
    private sealed record DraftUnit(string? Department, int? Parent, int Depth, bool IsBureau, PersonId? Head, PersonId? HeadManager);

    /// <summary>The walk down the reporting lines, from the head of the organisation and then from everyone left.</summary>
    private sealed class Walk(IReadOnlyList<DirectoryEntry> entries)
    {
        private readonly Dictionary<PersonId, DirectoryEntry> byId = entries.GroupBy(e => e.Id).ToDictionary(g => g.Key, g => g.First());
        private readonly Dictionary<PersonId, int?> unitOf = [];
        private readonly List<DraftUnit> units = [];
        private readonly Dictionary<(string, int?), int> byKey = [];

        public int? UnitOf(PersonId person) => unitOf.GetValueOrDefault(person);

        public List<DraftUnit> Run()
        {
            var reports = byId.Values.Where(e => ManagerOf(e) is not null).ToLookup(e => ManagerOf(e)!.Value);
            var tops = byId.Values.Where(e => ManagerOf(e) is null).ToList();
            var sizes = tops.ToDictionary(t => t.Id, t => CountUnder(t.Id, reports));
            var head = tops.OrderByDescending(t => sizes[t.Id]).ThenBy(t => t.Id.Value, StringComparer.Ordinal).FirstOrDefault();
            if (head is not null)
            {
                units.Add(new DraftUnit(Clean(head.Department), null, 0, true, head.Id, null));
                unitOf[head.Id] = 0;
                Descend(head.Id, reports);
            }

            // Everyone else: tops first, then whoever a cycle of managers left, lowest id first.
            foreach (var start in tops.Concat(byId.Values.OrderBy(e => e.Id.Value, StringComparer.Ordinal)))
            {
                if (unitOf.ContainsKey(start.Id))
                {
                    continue;
                }

                unitOf[start.Id] = Clean(start.Department) is { } department ? Alone(department, start) : null;
                Descend(start.Id, reports);
            }

            return units;
        }

        private PersonId? ManagerOf(DirectoryEntry e) => e.Manager is { } m && m != e.Id && byId.ContainsKey(m) ? m : null;

        private static int CountUnder(PersonId top, ILookup<PersonId, DirectoryEntry> reports)
        {
            var seen = new HashSet<PersonId> { top };
            var stack = new Stack<PersonId>([top]);
            while (stack.Count > 0)
            {
                foreach (var r in reports[stack.Pop()].Where(r => seen.Add(r.Id)))
                {
                    stack.Push(r.Id);
                }
            }

            return seen.Count;
        }

        // Breadth first, so that a department's unit is started by its highest member.
        private void Descend(PersonId from, ILookup<PersonId, DirectoryEntry> reports)
        {
            var queue = new Queue<PersonId>([from]);
            while (queue.Count > 0)
            {
                var manager = byId[queue.Dequeue()];
                foreach (var person in reports[manager.Id].OrderBy(r => r.Id.Value, StringComparer.Ordinal))
                {
                    if (unitOf.ContainsKey(person.Id))
                    {
                        continue;
                    }

                    unitOf[person.Id] = Place(person, manager);
                    queue.Enqueue(person.Id);
                }
            }
        }

        private int? Place(DirectoryEntry person, DirectoryEntry manager)
        {
            var managerUnit = unitOf[manager.Id];
            var department = Clean(person.Department);
            if (department is null || (managerUnit is { } mu && units[mu].Department == department))
            {
                return managerUnit;
            }

            if (byKey.TryGetValue((department, managerUnit), out var existing))
            {
                return existing;
            }

            var depth = managerUnit is { } parent ? units[parent].Depth + 1 : 1;
            units.Add(new DraftUnit(department, managerUnit, depth, false, person.Id, manager.Id));
            return byKey[(department, managerUnit)] = units.Count - 1;
        }

        // Outside the head's tree: the one unit of that name if there is exactly one, else a unit of its own.
        private int Alone(string department, DirectoryEntry person)
        {
            var named = Enumerable.Range(0, units.Count).Where(i => units[i].Department == department).ToList();
            if (named.Count == 1)
            {
                return named[0];
            }

            if (byKey.TryGetValue((department, null), out var existing))
            {
                return existing;
            }

            units.Add(new DraftUnit(department, null, 1, false, person.Id, null));
            return byKey[(department, null)] = units.Count - 1;
        }

        private static string? Clean(string? department) => string.IsNullOrWhiteSpace(department) ? null : department.Trim();
    }
}
