using TalkBot.Domain.Rules;

namespace TalkBot.Domain.People;

/// <summary>
/// An administrator's correction of a unit's level or parent (SPEC §1: the administrator configures the tenant; 000 §二
/// needs both). It is kept apart from what the directory says and laid over it after every sync, so no sync undoes it.
/// </summary>
/// <param name="Level">The level to use; null keeps the derived one.</param>
/// <param name="ParentCorrected">Whether <paramref name="Parent"/> replaces the derived parent (null then: no parent).</param>
public sealed record UnitCorrection(UnitId Unit, UnitLevel? Level, bool ParentCorrected, UnitId? Parent, PersonId By, DateTimeOffset At)
{
    /// <summary>Whether it corrects nothing (both back to what the directory says): the stored correction is removed.</summary>
    public bool IsEmpty => Level is null && !ParentCorrected;

    /// <summary>Whether this correction says the same as <paramref name="other"/> (a repeated click).</summary>
    public bool SameAs(UnitCorrection? other) =>
        other is not null && other.Unit == Unit && other.Level == Level && other.ParentCorrected == ParentCorrected && other.Parent == Parent;
}

/// <summary>Checks a correction and lays the stored corrections over the units a sync derived.</summary>
public static class UnitCorrections
{
    public const string Source = RuleSources.Tiers;

    /// <summary>
    /// Refuses a correction of a unit that is not there, to a parent that is not there, or that would put the unit under
    /// itself (000 §二's tiers run down a tree); also refuses anyone but an administrator (SPEC §1).
    /// </summary>
    public static void Check(Person actor, IReadOnlyList<Unit> units, UnitCorrection correction)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(units);
        ArgumentNullException.ThrowIfNull(correction);
        if (!actor.Active || !actor.Has(Role.Administrator))
        {
            throw new DomainRuleException(new RuleViolation(RuleCode.NotPermitted, RuleSources.Roles));
        }

        var byId = units.ToDictionary(u => u.Id);
        if (!byId.ContainsKey(correction.Unit))
        {
            throw new DomainRuleException(Unknown(correction.Unit));
        }

        if (correction.ParentCorrected && correction.Parent is { } parent)
        {
            if (!byId.ContainsKey(parent))
            {
                throw new DomainRuleException(Unknown(parent));
            }

            // Walk up from the new parent: meeting the unit itself means a cycle.
            var seen = new HashSet<UnitId>();
            for (UnitId? at = parent; at is { } id && seen.Add(id); at = byId.TryGetValue(id, out var u) ? u.ParentId : null)
            {
                if (id == correction.Unit)
                {
                    throw new DomainRuleException(new RuleViolation(RuleCode.UnitParentCycle, Source,
                        Arguments: new Dictionary<string, string> { ["unit"] = byId[correction.Unit].Name, ["parent"] = byId[parent].Name }));
                }
            }
        }
    }

    /// <summary>
    /// Lays <paramref name="corrections"/> over <paramref name="units"/>. A correction of a unit the directory no longer
    /// has waits (stored) for it to come back; a parent that is gone, or one that would now make a cycle, is not applied
    /// and the derived parent stays.
    /// </summary>
    public static IReadOnlyList<DerivedUnit> Apply(IReadOnlyList<DerivedUnit> units, IReadOnlyList<UnitCorrection> corrections)
    {
        ArgumentNullException.ThrowIfNull(units);
        ArgumentNullException.ThrowIfNull(corrections);
        var byUnit = corrections.GroupBy(c => c.Unit).ToDictionary(g => g.Key, g => g.OrderBy(c => c.At).Last());
        var result = units.Select(d => byUnit.TryGetValue(d.Unit.Id, out var c) && c.Level is { } level
            ? d with { Unit = d.Unit with { Level = level }, Origin = d.Origin with { LevelBasis = LevelBasis.Corrected, CorrectedBy = c.By, CorrectedAt = c.At } }
            : d).ToList();
        var index = result.Select((d, i) => (d.Unit.Id, i)).ToDictionary(x => x.Id, x => x.i);
        foreach (var c in byUnit.Values.Where(c => c.ParentCorrected).OrderBy(c => c.At))
        {
            if (!index.TryGetValue(c.Unit, out var i) || (c.Parent is { } p && (!index.ContainsKey(p) || WouldCycle(result, index, c.Unit, p))))
            {
                continue;
            }

            var d = result[i];
            result[i] = d with
            {
                Unit = d.Unit with { ParentId = c.Parent },
                Origin = d.Origin with { ParentBasis = ParentBasis.Corrected, CorrectedBy = c.By, CorrectedAt = c.At },
            };
        }

        return result;
    }

    private static bool WouldCycle(List<DerivedUnit> units, Dictionary<UnitId, int> index, UnitId unit, UnitId parent)
    {
        var seen = new HashSet<UnitId>();
        for (UnitId? at = parent; at is { } id && seen.Add(id); at = index.TryGetValue(id, out var i) ? units[i].Unit.ParentId : null)
        {
            if (id == unit)
            {
                return true;
            }
        }

        return false;
    }

    private static RuleViolation Unknown(UnitId unit) =>
        new(RuleCode.UnitUnknown, Source, Arguments: new Dictionary<string, string> { ["unit"] = unit.Value });
}
