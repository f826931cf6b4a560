using TalkBot.Domain.Plans;

namespace TalkBot.Bot.Features.Plans;

/// <summary>
/// The recused talks on the discipline office's desk (线索台账): a talk of a plan whose talker recused with nobody on the
/// tier to take it (000 §二4, §四(五)3) waits there until the office names a talker. Each is a row of table
/// <c>CaseIndex</c> (<see cref="MatterIndex"/>) in the partition <c>office|{unit}</c> of each office told of it, RowKey
/// <c>plan|{yyyy-MM}|{talker}|{talkee}|{tier}</c>: the desk reads its open ones with one range query, and never a plan.
/// </summary>
public sealed class PlanOfficeDesk(MatterIndex index)
{
    private const string Prefix = "plan|";

    /// <summary>The offices' partitions for a talk <paramref name="talker"/> recused from: those of the office of their level.</summary>
    public static IReadOnlyList<string> Partitions(PersonId talker, PeopleLookup people)
    {
        ArgumentNullException.ThrowIfNull(people);
        return [.. DisciplineOffices.Of(people.Find(talker)?.UnitId, people.WithRole(Role.DisciplineOffice))
            .Select(p => MatterIndex.Office(people.Find(p)?.UnitId)).Distinct(StringComparer.Ordinal)];
    }

    /// <summary>Writes the item's rows: open while it waits for the office, closed once it named a talker. Idempotent.</summary>
    public Task ListAsync(PlanMonth month, PersonId talker, PlanItem item, PeopleLookup people, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        var key = $"{month}|{talker.Value}|{item.Talkee.Value}|{(int)item.Tier}";
        return index.WriteAsync(Partitions(talker, people), partition => [ListRow.Place(new RecusedTalkEntity
        {
            Month = month.ToString(),
            Talker = talker.Value,
            Tier = (int)item.Tier,
            Line = item.Line.ToString(),
            Unit = item.Unit?.Value,
            AssignedTo = item.HandedTo?.Value,
        }, partition, Prefix + key, key, item.Talkee, item.WaitsForOffice)], cancellationToken);
    }

    /// <summary>The recused talks of an office's partition still waiting for a talker.</summary>
    public async Task<IReadOnlyList<RecusedTalk>> WaitingAsync(string partition, CancellationToken cancellationToken) =>
        [.. (await index.QueryAsync<RecusedTalkEntity>(partition, Prefix, ListScope.Open, cancellationToken).ConfigureAwait(false))
            .Select(r => PlanMonth.TryParse(r.Month, out var month)
                ? new RecusedTalk(month, new PersonId(r.Talker), new PersonId(r.Subject), (Tier)r.Tier, Enum.Parse<TalkeeLine>(r.Line),
                    r.Unit is { Length: > 0 } unit ? new UnitId(unit) : null)
                : null)
            .OfType<RecusedTalk>()];
}

/// <summary>A recused talk waiting for the office, as its desk row holds it.</summary>
public sealed record RecusedTalk(PlanMonth Month, PersonId Talker, PersonId Talkee, Tier Tier, TalkeeLine Line, UnitId? Unit);

/// <summary>Table <c>CaseIndex</c>, row <c>plan|…</c> of an office's partition (keys in <see cref="PlanOfficeDesk"/>).</summary>
public sealed class RecusedTalkEntity : ListRow
{
    public string Month { get; set; } = "";
    public string Talker { get; set; } = "";
    public int Tier { get; set; }
    public string Line { get; set; } = "";
    public string? Unit { get; set; }

    /// <summary>Whom the office named, once it did (the row is closed then).</summary>
    public string? AssignedTo { get; set; }
}

/// <summary>The desk's lines of recused talks: names from the directory held in memory, and whom the office may name.</summary>
public static class RecusedTalkLines
{
    public static IReadOnlyList<RecusedTalkLine> Of(IEnumerable<RecusedTalk> talks, PeopleLookup people, Locale locale)
    {
        ArgumentNullException.ThrowIfNull(talks);
        ArgumentNullException.ThrowIfNull(people);
        // Only the people holding a role that may take the talk are looked at: a few per unit, never the whole directory.
        var pool = RecusedTalks.TakingRoles.SelectMany(people.WithRole).ToList();
        return [.. talks.OrderBy(t => t.Month.Year).ThenBy(t => t.Month.Month).ThenBy(t => people.Name(t.Talkee), StringComparer.Ordinal).Select(t =>
        {
            var candidates = people.Find(t.Talker) is { } recused ? RecusedTalks.Candidates(recused, t.Talkee, pool) : [];
            return new RecusedTalkLine(t.Month.Year, t.Month.Month, t.Talker.Value, people.Name(t.Talker), t.Talkee.Value, people.Name(t.Talkee),
                people.UnitName(t.Unit), t.Tier, t.Line,
                [.. candidates.Select(c => new PersonChoice(c.Id, c.DisplayName, Labels.Of(RecusedTalks.TakingRoles.First(c.Has), locale)))]);
        })];
    }
}
