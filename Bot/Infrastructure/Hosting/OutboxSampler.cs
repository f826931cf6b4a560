using Azure.Data.Tables;

namespace TalkBot.Bot.Infrastructure.Hosting;

/// <summary>
/// Reads the outbox's pending partition every <see cref="TelemetryOptions.OutboxSampleInterval"/> (only the
/// <c>EnqueuedAt</c> column) for the depth and oldest-age gauges; runs only while telemetry is exported.
/// </summary>
internal sealed class OutboxSampler(TableSet tables, TelemetryOptions options, TimeProvider time, ILogger<OutboxSampler> logger)
    : PollingService(options.OutboxSampleInterval, logger)
{
    protected override async Task RunPassAsync(CancellationToken stoppingToken)
    {
        var (depth, oldest) = (0L, (DateTimeOffset?)null);
        await foreach (var row in tables[OutboxStore.OutboxTable].QueryAsync<TableEntity>(
            TableFilter.Of($"PartitionKey eq {OutboxStore.PendingPartition}"), select: ["EnqueuedAt"], cancellationToken: stoppingToken).ConfigureAwait(false))
        {
            depth++;
            if (row.GetDateTimeOffset("EnqueuedAt") is { } at && (oldest is null || at < oldest))
            {
                oldest = at;
            }
        }

        TalkBotTelemetry.RecordOutbox(depth, oldest is { } o ? time.GetUtcNow() - o : TimeSpan.Zero);
    }
}
