using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using TalkBot.Bot.Infrastructure.Hosting;
using TalkBot.Bot.Tests.Support;
using TalkBot.Cards;
using TalkBot.Domain.Leads;

namespace TalkBot.Bot.Tests.Infrastructure.Hosting;

/// <summary>Issue 16: metrics and traces by configuration, off by default; no log or trace carries a link's token or a reporter.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class TelemetryTests(AzuriteFixture azurite)
{
    private static readonly DateTimeOffset Monday = new(2026, 3, 2, 10, 0, 0, TimeSpan.FromHours(8));

    private static IServiceCollection Configure(string exporter) => new ServiceCollection().AddLogging().AddTalkBotTelemetry(
        new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Telemetry:Exporter"] = exporter }).Build());

    [Fact]
    public void ByDefault_NothingIsExported()
    {
        using var provider = Configure("None").BuildServiceProvider();

        Assert.Null(provider.GetService<TracerProvider>());
        Assert.Null(provider.GetService<MeterProvider>());
    }

    [Theory]
    [InlineData("Otlp")]
    [InlineData("AzureMonitor")]
    public void AnExporter_TurnsOnTracesAndMetrics(string exporter)
    {
        var services = Configure(exporter);

        Assert.Contains(services, s => s.ServiceType == typeof(TracerProvider));
        Assert.Contains(services, s => s.ServiceType == typeof(MeterProvider));
    }

    [Fact]
    public void AnUnknownExporter_RefusesToStart() =>
        Assert.Throws<InvalidOperationException>(() => Configure("Zipkin"));

    [Fact]
    public async Task ActivitiesAndRefusals_AreMeasured()
    {
        var seen = new ConcurrentBag<(string Instrument, string Tags)>();
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == TalkBotTelemetry.Name)
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<double>((i, _, tags, _) => seen.Add((i.Name, Join(tags))));
        listener.SetMeasurementEventCallback<long>((i, _, tags, _) => seen.Add((i.Name, Join(tags))));
        listener.Start();
        await using var bot = new BotUnderTest(azurite, Monday);

        await bot.ExecuteAsync(Person.Office, Verbs.Help, new { });
        using var refused = await bot.PostAsync(new System.Text.Json.Nodes.JsonObject { ["type"] = "message" });

        Assert.Contains(seen, s => s.Instrument == "talkbot.activity.duration" && s.Tags.Contains("activity.type=invoke", StringComparison.Ordinal)
            && s.Tags.Contains("activity.name=adaptiveCard/action", StringComparison.Ordinal));
        Assert.Contains(seen, s => s.Instrument == "talkbot.edge.refused" && s.Tags.Contains("reason=no serviceUrl", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ExportLinksAndReporters_NeverReachALogOrATrace()
    {
        const string token = "Zm9yLWEtdGVzdC1vbmx5LW5vdC1hLXJlYWwtdG9rZW4";
        const string reporter = "赵举报人";
        var logs = new CapturingLoggerProvider();
        var spans = new ConcurrentBag<string>();
        using var activities = new ActivityListener
        {
            // What the exporter is given: TalkBot's own spans, ASP.NET Core's and outgoing HTTP (the Azure SDK's are not added).
            ShouldListenTo = source => source.Name is TalkBotTelemetry.Name or "Microsoft.AspNetCore" or "System.Net.Http",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = a => spans.Add(a.DisplayName + " " + string.Join(' ', a.Tags.Select(t => $"{t.Key}={t.Value}"))),
        };
        ActivitySource.AddActivityListener(activities);
        await using var bot = new BotUnderTest(azurite, Monday, settings: new Dictionary<string, string>
        {
            ["Telemetry:Exporter"] = "Otlp",
            ["Telemetry:OtlpEndpoint"] = "http://127.0.0.1:9",
            ["Logging:LogLevel:Default"] = "Trace",
            ["Logging:LogLevel:Microsoft.AspNetCore"] = "Trace",
        })
        {
            Replace = services => services.AddSingleton<ILoggerProvider>(logs),
        };
        await bot.InstallAsync(Person.Office);

        await bot.ExecuteAsync(Person.Office, Verbs.LeadCreate, new Dictionary<string, string>
        {
            [DataKeys.FormId] = "0195a0b2c3d47e8f9a0b1c2d3e4f0099",
            [CaseFields.Subject] = Person.Cadre2.AadObjectId,
            [CaseFields.Source] = nameof(LeadSource.Petition),
            [CaseFields.Category] = nameof(DisciplineCategory.Integrity),
            [CaseFields.Summary] = "测试线索",
            [CaseFields.ReporterName] = reporter,
        });
        using var client = bot.CreateClient();
        using var download = await client.GetAsync("/api/exports/" + token);

        Assert.NotEqual(HttpStatusCode.OK, download.StatusCode);
        Assert.NotEmpty(logs.Lines);
        Assert.Equal([], logs.Lines.Where(l => l.Contains(token, StringComparison.Ordinal)).Select(l => l[..Math.Min(l.Length, 300)]));
        Assert.DoesNotContain(logs.Lines, l => l.Contains(token, StringComparison.Ordinal) || l.Contains(reporter, StringComparison.Ordinal));
        Assert.Contains(spans, s => s.Contains("/api/exports/{token}", StringComparison.Ordinal));
        Assert.Equal([], spans.Where(s => s.Contains(token, StringComparison.Ordinal)));
        Assert.DoesNotContain(spans, s => s.Contains(token, StringComparison.Ordinal) || s.Contains(reporter, StringComparison.Ordinal));
    }

    private static string Join(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var parts = new List<string>();
        foreach (var tag in tags)
        {
            parts.Add($"{tag.Key}={tag.Value}");
        }

        return string.Join(' ', parts);
    }

    private sealed class CapturingLoggerProvider : ILoggerProvider
    {
        public ConcurrentQueue<string> Lines { get; } = new();

        public ILogger CreateLogger(string categoryName) => new Logger(categoryName, Lines);

        public void Dispose()
        {
        }

        private sealed class Logger(string category, ConcurrentQueue<string> lines) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                lines.Enqueue($"{category} {formatter(state, exception)} {exception}");
        }
    }
}
