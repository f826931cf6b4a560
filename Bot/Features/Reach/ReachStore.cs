using Azure.Data.Tables;

namespace TalkBot.Bot.Features.Reach;

/// <summary>
/// What TalkBot did to reach people it held no chat for. Table <c>Reach</c>:
/// <list type="bullet">
/// <item>PartitionKey <c>person</c>, RowKey the Entra object id: the app installed by TalkBot for them (when, and whether
/// it was there already), so that a later removal is known to be theirs.</item>
/// <item>PartitionKey <c>state</c>, RowKey <c>permission</c>: since when Graph refuses the install permission (absent: it
/// does not), so that a plan day does not send a refused install per person and administrators are told once.</item>
/// </list>
/// </summary>
public sealed class ReachStore(TableSet tables)
{
    public const string Table = "Reach";
    private const string PersonPartition = "person";
    private const string StatePartition = "state";
    private const string PermissionRow = "permission";

    private readonly TableClient table = tables[Table];

    public Task RecordInstallAsync(PersonId person, bool alreadyThere, DateTimeOffset at, CancellationToken cancellationToken) =>
        table.UpsertAsync(new ReachEntity { PartitionKey = PersonPartition, RowKey = person.Value, InstalledAt = at, AlreadyInstalled = alreadyThere }, cancellationToken);

    public async Task<ReachEntity?> FindAsync(PersonId person, CancellationToken cancellationToken) =>
        await table.FindAsync<ReachEntity>(PersonPartition, person.Value, cancellationToken).ConfigureAwait(false);

    /// <summary>Since when the permission is missing, and when it was last tried; null when it is not known to be.</summary>
    public async Task<PermissionEntity?> PermissionMissingAsync(CancellationToken cancellationToken) =>
        await table.FindAsync<PermissionEntity>(StatePartition, PermissionRow, cancellationToken).ConfigureAwait(false);

    /// <summary>Records a refusal; returns the row (its <see cref="PermissionEntity.Since"/> names the outage).</summary>
    public async Task<PermissionEntity> MarkPermissionMissingAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var row = await PermissionMissingAsync(cancellationToken).ConfigureAwait(false) ?? new PermissionEntity { PartitionKey = StatePartition, RowKey = PermissionRow, Since = now };
        row.TriedAt = now;
        await table.UpsertAsync(row, cancellationToken).ConfigureAwait(false);
        return row;
    }

    public Task ClearPermissionMissingAsync(CancellationToken cancellationToken) => table.DeleteIfExistsAsync(StatePartition, PermissionRow, cancellationToken);
}

/// <summary>Partition <c>person</c>: the app installed for the person by TalkBot.</summary>
public sealed class ReachEntity : TableRow
{
    public DateTimeOffset InstalledAt { get; set; }
    /// <summary>Graph answered 409: the app was installed already (by the person, or an administrator's policy).</summary>
    public bool AlreadyInstalled { get; set; }
}

/// <summary>Partition <c>state</c>, row <c>permission</c>: Graph refuses TeamsAppInstallation.ReadWriteSelfForUser.All.</summary>
public sealed class PermissionEntity : TableRow
{
    public DateTimeOffset Since { get; set; }
    public DateTimeOffset TriedAt { get; set; }
}
