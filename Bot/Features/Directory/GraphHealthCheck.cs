using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace TalkBot.Bot.Features.Directory;

/// <summary>
/// With <c>Directory:Source=Graph</c>, readiness includes Graph answering this app. The answer is kept a minute, so
/// that a probe every few seconds costs Graph one request a minute, well inside its throttling limits.
/// </summary>
internal sealed class GraphHealthCheck(IDirectorySource directory, TimeProvider time) : IHealthCheck
{
    private static readonly TimeSpan Keep = TimeSpan.FromMinutes(1);
    private Answer? last;

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (directory is not GraphDirectorySource graph)
        {
            return HealthCheckResult.Healthy("the directory is not read from Graph");
        }

        if (last is { } known && time.GetUtcNow() - known.At < Keep)
        {
            return known.Result;
        }

        HealthCheckResult result;
        try
        {
            await graph.PingAsync(cancellationToken).ConfigureAwait(false);
            result = HealthCheckResult.Healthy();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            result = HealthCheckResult.Unhealthy("Microsoft Graph did not answer", e);
        }

        last = new Answer(result, time.GetUtcNow());
        return result;
    }

    private sealed record Answer(HealthCheckResult Result, DateTimeOffset At);
}
