namespace TalkBot.Bot.Features.Directory;

/// <summary>Builds the 单位管理 card's view: the stored units with their people, names and the reason each sits where it does.</summary>
public sealed class UnitViews(PeopleStore people, DirectorySnapshot snapshot, WorkingCalendar calendar)
{
    public async Task<UnitListView> ListAsync(UnitId? selected, CancellationToken cancellationToken, string? message = null, IReadOnlyList<string>? errors = null)
    {
        var units = await people.ListUnitsAsync(cancellationToken).ConfigureAwait(false);
        var persons = await people.ListAsync(cancellationToken).ConfigureAwait(false);
        var origins = await snapshot.ListOriginsAsync(cancellationToken).ConfigureAwait(false);
        var names = persons.ToDictionary(p => p.Id, p => p.DisplayName);
        var unitNames = units.ToDictionary(u => u.Id, u => u.Name);
        var counts = persons.Where(p => p.Active && p.UnitId is not null).GroupBy(p => p.UnitId!.Value).ToDictionary(g => g.Key, g => g.Count());
        var lines = units
            .OrderBy(u => u.Level).ThenBy(u => u.Name, StringComparer.Ordinal)
            .Select(u => new UnitLineView(
                u.Id, u.Name, u.Level, u.ParentId, u.ParentId is { } p ? unitNames.GetValueOrDefault(p, p.Value) : null,
                origins.TryGetValue(u.Id, out var o) ? Why(o, u, unitNames, names) : null,
                counts.GetValueOrDefault(u.Id)))
            .ToList();
        return new UnitListView(lines, lines.FirstOrDefault(l => l.Id == selected), message, errors);
    }

    /// <summary>The explanation of one unit (组织架构 shows the caller's).</summary>
    public async Task<UnitWhyView?> WhyAsync(UnitId unit, CancellationToken cancellationToken)
    {
        if (await snapshot.FindOriginAsync(unit, cancellationToken).ConfigureAwait(false) is not { } origin)
        {
            return null;
        }

        var units = (await people.ListUnitsAsync(cancellationToken).ConfigureAwait(false)).ToDictionary(u => u.Id);
        if (!units.TryGetValue(unit, out var stored))
        {
            return null;
        }

        var names = new Dictionary<PersonId, string>();
        foreach (var id in new[] { origin.Head, origin.HeadManager, origin.CorrectedBy }.OfType<PersonId>().Distinct())
        {
            names[id] = (await people.FindAsync(id, cancellationToken).ConfigureAwait(false))?.DisplayName ?? id.Value;
        }

        return Why(origin, stored, units.ToDictionary(u => u.Key, u => u.Value.Name), names);
    }

    private UnitWhyView Why(UnitOrigin origin, Unit unit, IReadOnlyDictionary<UnitId, string> units, IReadOnlyDictionary<PersonId, string> names) => new(
        origin,
        unit.ParentId is { } p ? units.GetValueOrDefault(p, p.Value) : null,
        Name(origin.Head, names), Name(origin.HeadManager, names),
        origin.DerivedParent is { } d ? units.GetValueOrDefault(d, d.Value) : null,
        Name(origin.CorrectedBy, names),
        origin.CorrectedAt is { } at ? calendar.ToLocal(at) : null);

    private static string? Name(PersonId? id, IReadOnlyDictionary<PersonId, string> names) => id is { } p ? names.GetValueOrDefault(p, p.Value) : null;
}
