using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace TalkBot.Bot.Infrastructure.Hosting;

/// <summary>
/// Liveness and readiness through ASP.NET Core health checks: <c>GET /healthz</c> answers 200 while the process serves
/// requests (no dependency is asked, so a storage outage never gets the instance restarted); <c>GET /readyz</c> runs
/// every check tagged <see cref="Ready"/> (Table Storage; Microsoft Graph when it is the directory) and answers 503
/// when one fails, so that a load balancer sends no traffic to an instance that could not serve it.
/// </summary>
public static class Health
{
    public const string Ready = "ready";

    public static IServiceCollection AddTalkBotHealth(this IServiceCollection services)
    {
        services.AddHealthChecks().AddCheck<TableStorageHealthCheck>("tables", tags: [Ready], timeout: TimeSpan.FromSeconds(5));
        return services;
    }

    public static IEndpointRouteBuilder MapTalkBotHealth(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks("/healthz", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = WriteAsync });
        app.MapHealthChecks("/readyz", new HealthCheckOptions { Predicate = c => c.Tags.Contains(Ready), ResponseWriter = WriteAsync });
        return app;
    }

    /// <summary>The status and each check's status, never an exception's text (it may name an account or a host).</summary>
    private static Task WriteAsync(HttpContext http, HealthReport report)
    {
        http.Response.ContentType = "application/json";
        return http.Response.WriteAsync(JsonSerializer.Serialize(new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(e => e.Key, e => e.Value.Status.ToString()),
        }));
    }
}

/// <summary>Table Storage answers a one-row read of the People table with the bot's own credentials.</summary>
internal sealed class TableStorageHealthCheck(TableSet tables) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await foreach (var page in tables[PeopleStore.Table].QueryAsync<Azure.Data.Tables.TableEntity>(
                maxPerPage: 1, select: ["PartitionKey"], cancellationToken: cancellationToken).AsPages().ConfigureAwait(false))
            {
                break;
            }

            return HealthCheckResult.Healthy();
        }
        catch (Azure.RequestFailedException e)
        {
            return HealthCheckResult.Unhealthy($"Table Storage answered {e.Status}", e);
        }
    }
}
