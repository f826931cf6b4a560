using Azure.Monitor.OpenTelemetry.Exporter;
using OpenTelemetry;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace TalkBot.Bot.Infrastructure.Hosting;

/// <summary>Where telemetry goes (section <c>Telemetry</c>); off by default.</summary>
public sealed class TelemetryOptions
{
    public const string Section = "Telemetry";

    /// <summary><c>None</c> (default), <c>Otlp</c> or <c>AzureMonitor</c>.</summary>
    public string Exporter { get; set; } = "None";

    /// <summary>The OTLP collector (e.g. <c>http://collector:4317</c>); empty = <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> or the default.</summary>
    public string? OtlpEndpoint { get; set; }

    /// <summary>Application Insights' connection string; empty = <c>APPLICATIONINSIGHTS_CONNECTION_STRING</c>. From a secret store.</summary>
    public string? AzureMonitorConnectionString { get; set; }

    /// <summary>How often the outbox's depth and oldest age are read for the gauges.</summary>
    public TimeSpan OutboxSampleInterval { get; set; } = TimeSpan.FromMinutes(1);

    public bool IsOtlp => string.Equals(Exporter, "Otlp", StringComparison.OrdinalIgnoreCase);

    public bool IsAzureMonitor => string.Equals(Exporter, "AzureMonitor", StringComparison.OrdinalIgnoreCase);
}

/// <summary>
/// OpenTelemetry traces, metrics and logs of TalkBot, ASP.NET Core, outgoing HTTP and the Azure SDK, exported by OTLP
/// or to Azure Monitor when <c>Telemetry:Exporter</c> says so. The health probes are not traced; the path of an
/// archive download (<c>/api/exports/{token}</c>) and the keys of a Table Storage row read (an export's key is its
/// token) are recorded without them.
/// </summary>
public static class TelemetryServices
{
    private const string ExportsPath = "/api/exports/";

    public static IServiceCollection AddTalkBotTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        var options = new TelemetryOptions();
        configuration.GetSection(TelemetryOptions.Section).Bind(options);

        // ASP.NET Core logs each request's path (hosting at Information, routing at Debug): an export link's token must
        // never reach a log, whatever level an operator sets for Microsoft.AspNetCore.
        services.Configure<LoggerFilterOptions>(o => o
            .AddFilter("Microsoft.AspNetCore.Hosting.Diagnostics", LogLevel.Warning)
            .AddFilter("Microsoft.AspNetCore.Routing", LogLevel.Information));
        if (!options.IsOtlp && !options.IsAzureMonitor)
        {
            if (!string.Equals(options.Exporter, "None", StringComparison.OrdinalIgnoreCase))
            {
                throw new InvalidOperationException($"{TelemetryOptions.Section}:Exporter must be None, Otlp or AzureMonitor, not '{options.Exporter}'.");
            }

            return services;
        }

        services.AddSingleton(options);
        services.AddHostedService<OutboxSampler>();
        var telemetry = services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(TalkBotTelemetry.Name))
            .WithTracing(tracing => tracing
                .AddSource(TalkBotTelemetry.Name)
                .AddAspNetCoreInstrumentation(o =>
                {
                    o.Filter = http => http.Request.Path.Value is not ("/healthz" or "/readyz");
                    o.EnrichWithHttpRequest = (activity, request) =>
                    {
                        if (request.Path.StartsWithSegments(ExportsPath.TrimEnd('/'), StringComparison.Ordinal))
                        {
                            activity.SetTag("url.path", ExportsPath + "{token}");
                        }
                    };
                })
                .AddHttpClientInstrumentation(o => o.EnrichWithHttpRequestMessage = (activity, request) =>
                {
                    if (request.RequestUri is { } uri && RedactedTableKeys(uri) is { } redacted)
                    {
                        activity.SetTag("url.full", redacted);
                    }
                }))
            .WithMetrics(metrics => metrics.AddMeter(TalkBotTelemetry.Name).AddAspNetCoreInstrumentation().AddHttpClientInstrumentation())
            .WithLogging();
        if (options.IsOtlp)
        {
            telemetry.UseOtlpExporter(OpenTelemetry.Exporter.OtlpExportProtocol.Grpc,
                new Uri(string.IsNullOrWhiteSpace(options.OtlpEndpoint)
                    ? Environment.GetEnvironmentVariable("OTEL_EXPORTER_OTLP_ENDPOINT") ?? "http://localhost:4317"
                    : options.OtlpEndpoint));
        }
        else
        {
            var connection = string.IsNullOrWhiteSpace(options.AzureMonitorConnectionString) ? null : options.AzureMonitorConnectionString;
            telemetry.WithTracing(t => t.AddAzureMonitorTraceExporter(o => o.ConnectionString = connection ?? o.ConnectionString))
                .WithMetrics(m => m.AddAzureMonitorMetricExporter(o => o.ConnectionString = connection ?? o.ConnectionString))
                .WithLogging(l => l.AddAzureMonitorLogExporter(o => o.ConnectionString = connection ?? o.ConnectionString));
        }

        return services;
    }

    /// <summary>A point read or write of one row (<c>Table(PartitionKey='…',RowKey='…')</c>) with its keys left out.</summary>
    private static string? RedactedTableKeys(Uri uri)
    {
        var path = uri.AbsolutePath;
        var keys = path.IndexOf("(PartitionKey", StringComparison.Ordinal);
        return keys < 0 ? null : uri.GetLeftPart(UriPartial.Authority) + path[..keys] + "(…)";
    }
}
