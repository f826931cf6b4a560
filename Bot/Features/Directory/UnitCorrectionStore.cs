using Azure.Data.Tables;

namespace TalkBot.Bot.Features.Directory;

/// <summary>
/// Administrators' corrections of units' levels and parents, kept apart from the directory so that no sync overwrites
/// them. Table <c>UnitCorrections</c>: PartitionKey <c>unit</c>, RowKey the unit id (one current correction per unit,
/// all read at every sync). Each change is also a line of the audit log.
/// </summary>
public sealed class UnitCorrectionStore(TableSet tables)
{
    public const string Table = "UnitCorrections";
    private const string Partition = "unit";

    private readonly TableClient table = tables[Table];

    public async Task<IReadOnlyList<UnitCorrection>> ListAsync(CancellationToken cancellationToken) =>
        [.. (await table.QueryAllAsync<UnitCorrectionEntity>(TableFilter.Of($"PartitionKey eq {Partition}"), cancellationToken).ConfigureAwait(false)).Select(ToDomain)];

    public async Task<UnitCorrection?> FindAsync(UnitId unit, CancellationToken cancellationToken) =>
        await table.FindAsync<UnitCorrectionEntity>(Partition, unit.Value, cancellationToken).ConfigureAwait(false) is { } e ? ToDomain(e) : null;

    /// <summary>Stores the correction, or removes the stored one when it corrects nothing any more.</summary>
    public Task SaveAsync(UnitCorrection correction, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(correction);
        return correction.IsEmpty
            ? table.DeleteIfExistsAsync(Partition, correction.Unit.Value, cancellationToken)
            : table.UpsertAsync(new UnitCorrectionEntity
            {
                PartitionKey = Partition, RowKey = correction.Unit.Value, Level = correction.Level?.ToString(), ParentCorrected = correction.ParentCorrected,
                Parent = correction.Parent?.Value, By = correction.By.Value, At = correction.At,
            }, cancellationToken);
    }

    private static UnitCorrection ToDomain(UnitCorrectionEntity e) => new(
        new UnitId(e.RowKey), e.Level is { } l ? Enum.Parse<UnitLevel>(l) : null, e.ParentCorrected, e.Parent is { Length: > 0 } p ? new UnitId(p) : null,
        new PersonId(e.By), e.At);
}

/// <summary>Table <c>UnitCorrections</c>: one unit's correction.</summary>
public sealed class UnitCorrectionEntity : TableRow
{
    /// <summary>A <see cref="UnitLevel"/> name; null keeps the derived level.</summary>
    public string? Level { get; set; }
    public bool ParentCorrected { get; set; }
    public string? Parent { get; set; }
    public string By { get; set; } = "";
    public DateTimeOffset At { get; set; }
}
