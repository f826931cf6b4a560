using System.Globalization;
using Azure;
using Azure.Data.Tables;

namespace TalkBot.Bot.Features.Roles;

/// <summary>Table <c>RoleAssignments</c>, row <c>current</c>: what an administrator last assigned to the person.</summary>
public sealed class RoleAssignmentEntity : TableRow
{
    /// <summary>Comma-separated Role names, in enum order.</summary>
    public string Roles { get; set; } = "";
    public string Rank { get; set; } = "";
    public string By { get; set; } = "";
    public DateTimeOffset At { get; set; }
    /// <summary>An <see cref="AssignmentSource"/>: Card or Csv.</summary>
    public string Source { get; set; } = "";
}

/// <summary>Table <c>RoleAssignments</c>, row <c>audit|{inverted ticks}|{guid}</c>: one change, never updated.</summary>
public sealed class RoleAuditEntity : TableRow
{
    public string By { get; set; } = "";
    /// <summary>The actor's name at the time: the audit line stays readable after they leave the directory.</summary>
    public string? ByName { get; set; }
    public DateTimeOffset At { get; set; }
    public string RolesBefore { get; set; } = "";
    public string RankBefore { get; set; } = "";
    public string RolesAfter { get; set; } = "";
    public string RankAfter { get; set; } = "";
    public string Source { get; set; } = "";
    /// <summary>The import this change belongs to (all rows of one CSV share it); null for the card.</summary>
    public string? Import { get; set; }
    /// <summary>The CSV line of the change; null for the card.</summary>
    public int? Line { get; set; }
}

/// <summary>What one assignment did: changed (and audited), or nothing because the person held it already.</summary>
public enum AssignmentOutcome
{
    Changed,
    Unchanged,
    /// <summary>The person is not in the People table (any more).</summary>
    NotFound,
    /// <summary>Lost to concurrent changes of the same person after every retry.</summary>
    Busy,
}

/// <summary>The assigned roles of one person and their audit trail (keys in <see cref="TalkRows"/>).</summary>
public sealed class RoleAssignmentStore(TableSet tables, PeopleStore people, TimeProvider time)
{
    public const string Table = "RoleAssignments";

    public const string CurrentRow = "current";
    public const string AuditRowPrefix = "audit|";
    private const int MaxAttempts = 3;

    /// <summary>
    /// Applies <paramref name="assignment"/>: the <c>current</c> row and one audit line in one transaction, then the
    /// person's row in People. What the person holds "before" is the <c>current</c> row when there is one (a directory
    /// sync may have overwritten People meanwhile), otherwise their People row. The same assignment again writes no
    /// audit line, but still repairs a People row a crash or a sync left behind.
    /// </summary>
    public async Task<AssignmentOutcome> ApplyAsync(RoleAssignment assignment, Person actor, AssignmentSource source, string? import, int? line, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(assignment);
        ArgumentNullException.ThrowIfNull(actor);
        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            if (await people.FindAsync(assignment.Person, cancellationToken).ConfigureAwait(false) is not { } person)
            {
                return AssignmentOutcome.NotFound;
            }

            var current = await FindCurrentEntityAsync(assignment.Person, cancellationToken).ConfigureAwait(false);
            var (roles, rank) = current is null ? (person.Roles, person.Rank) : (ParseRoles(current.Roles), Enum.Parse<Rank>(current.Rank));
            if (assignment.ChangeFrom(roles, rank, actor.Id, source, time) is not { } change)
            {
                await people.UpdateRolesAsync(assignment.Person, assignment.Roles, assignment.Rank, cancellationToken).ConfigureAwait(false);
                return AssignmentOutcome.Unchanged;
            }

            var row = new RoleAssignmentEntity
            {
                PartitionKey = assignment.Person.Value,
                RowKey = CurrentRow,
                Roles = Join(change.RolesAfter),
                Rank = change.RankAfter.ToString(),
                By = change.By.Value,
                At = change.At,
                Source = change.Source.ToString(),
            };
            var audit = new RoleAuditEntity
            {
                PartitionKey = assignment.Person.Value,
                RowKey = AuditRow(change.At),
                By = change.By.Value,
                ByName = actor.DisplayName,
                At = change.At,
                RolesBefore = Join(change.RolesBefore),
                RankBefore = change.RankBefore.ToString(),
                RolesAfter = Join(change.RolesAfter),
                RankAfter = change.RankAfter.ToString(),
                Source = change.Source.ToString(),
                Import = import,
                Line = line,
            };
            TableTransactionAction[] actions =
            [
                current is null
                    ? new(TableTransactionActionType.Add, row)
                    : new(TableTransactionActionType.UpdateReplace, row, current.ETag),
                new(TableTransactionActionType.Add, audit),
            ];
            if (!await tables[RoleAssignmentStore.Table].TrySubmitAsync(actions, cancellationToken).ConfigureAwait(false))
            {
                continue; // a repeated click or another administrator got there first: read again
            }

            await people.UpdateRolesAsync(assignment.Person, assignment.Roles, assignment.Rank, cancellationToken).ConfigureAwait(false);
            return AssignmentOutcome.Changed;
        }

        return AssignmentOutcome.Busy;
    }

    /// <summary>The person's audited changes, newest first.</summary>
    public async Task<IReadOnlyList<RoleAuditEntity>> HistoryAsync(PersonId person, int take, CancellationToken cancellationToken)
    {
        var filter = TableFilter.Of(
            $"PartitionKey eq {person.Value} and RowKey ge {AuditRowPrefix} and RowKey lt {AuditRowPrefix[..^1] + "}"}");
        var rows = new List<RoleAuditEntity>();
        await foreach (var row in tables[RoleAssignmentStore.Table].QueryAsync<RoleAuditEntity>(filter, maxPerPage: take, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            rows.Add(row);
            if (rows.Count >= take)
            {
                break;
            }
        }

        return rows;
    }

    /// <summary>Every person's assigned roles and rank, for a directory sync to put back over what the directory says.</summary>
    public async Task<IReadOnlyList<RoleAssignment>> ListCurrentAsync(CancellationToken cancellationToken)
    {
        var rows = await tables[RoleAssignmentStore.Table]
            .QueryAllAsync<RoleAssignmentEntity>(TableFilter.Of($"RowKey eq {CurrentRow}"), cancellationToken)
            .ConfigureAwait(false);
        return [.. rows.Select(r => new RoleAssignment(new PersonId(r.PartitionKey), ParseRoles(r.Roles), Enum.Parse<Rank>(r.Rank)))];
    }

    /// <summary>
    /// Puts every assignment back on the People table after a directory sync replaced it: roles are not in the
    /// directory (SPEC §1). Returns how many people it corrected.
    /// </summary>
    public async Task<int> ReapplyAsync(CancellationToken cancellationToken)
    {
        var assignments = await ListCurrentAsync(cancellationToken).ConfigureAwait(false);
        if (assignments.Count == 0)
        {
            return 0;
        }

        var stored = (await people.ListAsync(cancellationToken).ConfigureAwait(false)).ToDictionary(p => p.Id);
        var corrected = 0;
        foreach (var assignment in assignments)
        {
            if (stored.TryGetValue(assignment.Person, out var person) && !assignment.SameAs(person.Roles, person.Rank)
                && await people.UpdateRolesAsync(assignment.Person, assignment.Roles, assignment.Rank, cancellationToken).ConfigureAwait(false))
            {
                corrected++;
            }
        }

        return corrected;
    }

    public static IReadOnlySet<Role> ParseRoles(string roles) =>
        roles.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(Enum.Parse<Role>).ToHashSet();

    private async Task<RoleAssignmentEntity?> FindCurrentEntityAsync(PersonId person, CancellationToken cancellationToken)
    {
        var response = await tables[RoleAssignmentStore.Table]
            .GetEntityIfExistsAsync<RoleAssignmentEntity>(person.Value, CurrentRow, cancellationToken: cancellationToken)
            .ConfigureAwait(false);
        return response.HasValue ? response.Value : null;
    }

    private static string Join(IEnumerable<Role> roles) => string.Join(',', roles.Order());

    // Newest first: a partition query returns rows in RowKey order. The guid keeps two changes in one tick apart.
    private static string AuditRow(DateTimeOffset at) =>
        string.Create(CultureInfo.InvariantCulture, $"{AuditRowPrefix}{DateTimeOffset.MaxValue.UtcTicks - at.UtcTicks:D19}|{Guid.NewGuid():N}");
}
