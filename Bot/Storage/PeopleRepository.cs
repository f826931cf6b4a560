using Azure.Data.Tables;
using TalkBot.Bot.Infrastructure.Storage;
using TalkBot.Domain;
using TalkBot.Domain.People;

namespace TalkBot.Bot.Storage;

/// <summary>People and units as last synchronised from the directory, with the roles an administrator assigned.</summary>
public sealed class PeopleRepository(TalkBotTables tables)
{
    private const int MaxBatch = 100; // PROTOCOL §10: an entity group transaction holds at most 100 entities.
    private const int MaxAttempts = 5;

    public async Task<Person?> FindAsync(PersonId id, CancellationToken cancellationToken)
    {
        var response = await tables.People
            .GetEntityIfExistsAsync<PersonEntity>(TableLayout.PersonPartition, id.Value, cancellationToken: cancellationToken)
            .ConfigureAwait(false);
        return response.HasValue ? ToDomain(response.Value!) : null;
    }

    public async Task<IReadOnlyList<Person>> ListAsync(CancellationToken cancellationToken)
    {
        var people = new List<Person>();
        var filter = TableFilter.Of($"PartitionKey eq {TableLayout.PersonPartition}");
        await foreach (var entity in tables.People.QueryAsync<PersonEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            people.Add(ToDomain(entity));
        }

        return people;
    }

    public async Task<IReadOnlyList<Unit>> ListUnitsAsync(CancellationToken cancellationToken)
    {
        var units = new List<Unit>();
        var filter = TableFilter.Of($"PartitionKey eq {TableLayout.UnitPartition}");
        await foreach (var entity in tables.People.QueryAsync<UnitEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            units.Add(new Unit(new UnitId(entity.RowKey), entity.Name, entity.NameEn, Enum.Parse<UnitLevel>(entity.Level),
                entity.ParentId is { Length: > 0 } p ? new UnitId(p) : null));
        }

        return units;
    }

    /// <summary>
    /// Replaces the stored directory with <paramref name="people"/> and <paramref name="units"/>, in transactions of
    /// at most 100 rows. People who are no longer in the directory are kept, marked inactive, for history.
    /// </summary>
    public async Task ReplaceAllAsync(IReadOnlyList<Person> people, IReadOnlyList<Unit> units, CancellationToken cancellationToken)
    {
        var present = people.Select(p => p.Id).ToHashSet();
        var gone = (await ListAsync(cancellationToken).ConfigureAwait(false))
            .Where(p => p.Active && !present.Contains(p.Id))
            .Select(p => p with { Active = false });

        var personRows = people.Concat(gone).Select(ToEntity).Cast<ITableEntity>();
        var unitRows = units.Select(u => (ITableEntity)new UnitEntity
        {
            PartitionKey = TableLayout.UnitPartition,
            RowKey = u.Id.Value,
            Name = u.Name,
            NameEn = u.NameEn,
            Level = u.Level.ToString(),
            ParentId = u.ParentId?.Value,
        });

        foreach (var chunk in personRows.Chunk(MaxBatch).Concat(unitRows.Chunk(MaxBatch)))
        {
            await tables.People.SubmitAsync(
                chunk.Select(e => new TableTransactionAction(TableTransactionActionType.UpsertReplace, e)), cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Sets one person's roles and rank (SPEC §1: assigned by an administrator), keeping every other field, so that
    /// everything reading people sees the change at once. A MERGE guarded by the row's ETag: a directory sync or
    /// another assignment in between is read again rather than overwritten. False when the person is not stored.
    /// </summary>
    public async Task<bool> UpdateRolesAsync(PersonId id, IReadOnlySet<Role> roles, Rank rank, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(roles);
        var wanted = string.Join(',', roles.Order());
        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            if (await tables.People.FindAsync<PersonEntity>(TableLayout.PersonPartition, id.Value, cancellationToken).ConfigureAwait(false) is not { } entity)
            {
                return false;
            }

            if (entity.Roles == wanted && entity.Rank == rank.ToString())
            {
                return true;
            }

            entity.Roles = wanted;
            entity.Rank = rank.ToString();
            // False when it changed (read again) or went (the next read says so) since it was read.
            if (await tables.People.TryUpdateAsync(entity, cancellationToken, TableUpdateMode.Merge).ConfigureAwait(false))
            {
                return true;
            }
        }

        throw new InvalidOperationException($"Person {id.Value} kept changing while their roles were saved.");
    }

    private static PersonEntity ToEntity(Person p) => new()
    {
        PartitionKey = TableLayout.PersonPartition,
        RowKey = p.Id.Value,
        DisplayName = p.DisplayName,
        UserPrincipalName = p.UserPrincipalName,
        JobTitle = p.JobTitle,
        UnitId = p.UnitId?.Value,
        ManagerId = p.ManagerId?.Value,
        Rank = p.Rank.ToString(),
        Roles = string.Join(',', p.Roles.Order()),
        Active = p.Active,
    };

    private static Person ToDomain(PersonEntity e) => new(
        Id: new PersonId(e.RowKey),
        DisplayName: e.DisplayName,
        UnitId: e.UnitId is { Length: > 0 } unit ? new UnitId(unit) : null,
        JobTitle: e.JobTitle,
        Rank: Enum.Parse<Rank>(e.Rank),
        Roles: e.Roles.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(Enum.Parse<Role>).ToHashSet(),
        ManagerId: e.ManagerId is { Length: > 0 } manager ? new PersonId(manager) : null,
        Active: e.Active,
        UserPrincipalName: e.UserPrincipalName);
}
