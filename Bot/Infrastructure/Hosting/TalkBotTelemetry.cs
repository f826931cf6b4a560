using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace TalkBot.Bot.Infrastructure.Hosting;

/// <summary>
/// TalkBot's own traces and metrics (ActivitySource and Meter <c>TalkBot</c>). Without an exporter configured nothing
/// listens and recording costs next to nothing; <see cref="TelemetryServices"/> turns export on. No instrument carries
/// a token, a link, a reporter or any text a person typed: tags are activity types, verbs' outcomes, statuses and jobs.
/// </summary>
public static class TalkBotTelemetry
{
    public const string Name = "TalkBot";

    public static ActivitySource Source { get; } = new(Name);

    private static readonly Meter Meter = new(Name);

    /// <summary>Seconds to answer one POST /api/messages, by activity type, invoke name and HTTP status (invoke latency).</summary>
    public static Histogram<double> ActivityDuration { get; } =
        Meter.CreateHistogram<double>("talkbot.activity.duration", "s", "Time to answer an activity, by type, invoke name and status");

    /// <summary>Requests refused at the edge, by HTTP status and reason.</summary>
    public static Counter<long> Refused { get; } = Meter.CreateCounter<long>("talkbot.edge.refused", description: "Requests refused before the router");

    /// <summary>Connector calls made, by method and HTTP status (429s included).</summary>
    public static Counter<long> ConnectorCalls { get; } = Meter.CreateCounter<long>("talkbot.connector.calls", description: "Bot Connector calls, by method and status");

    /// <summary>Connector calls Teams answered with 429.</summary>
    public static Counter<long> Throttled { get; } = Meter.CreateCounter<long>("talkbot.connector.throttled", description: "Bot Connector calls answered 429");

    /// <summary>Proactive sends finished, by outcome (Sent, Failed, Unreachable).</summary>
    public static Counter<long> Sends { get; } = Meter.CreateCounter<long>("talkbot.sends", description: "Proactive sends finished, by outcome");

    /// <summary>Retries of proactive sends, by the HTTP status that caused them.</summary>
    public static Counter<long> SendRetries { get; } = Meter.CreateCounter<long>("talkbot.send.retries", description: "Retries of proactive sends, by status");

    /// <summary>Seconds between a scheduled entry's due time and its run, by job.</summary>
    public static Histogram<double> SchedulerLag { get; } = Meter.CreateHistogram<double>("talkbot.scheduler.lag", "s", "Delay of scheduled entries past their due time");

    /// <summary>Seconds a directory sync took, by source.</summary>
    public static Histogram<double> DirectorySyncDuration { get; } = Meter.CreateHistogram<double>("talkbot.directory.sync.duration", "s", "Directory sync duration");

    private static long outboxDepth = -1;
    private static double outboxOldestAge;

    static TalkBotTelemetry()
    {
        // Sampled by OutboxSampler; nothing is reported before its first pass.
        Meter.CreateObservableGauge("talkbot.outbox.depth", () => Sample(Interlocked.Read(ref outboxDepth)), description: "Sends waiting in the outbox");
        Meter.CreateObservableGauge("talkbot.outbox.oldest_age", () => Sample(Interlocked.Read(ref outboxDepth) < 0 ? -1 : Volatile.Read(ref outboxOldestAge)), "s",
            "Age of the oldest send waiting in the outbox");
    }

    internal static void RecordOutbox(long depth, TimeSpan oldestAge)
    {
        Volatile.Write(ref outboxOldestAge, oldestAge.TotalSeconds);
        Interlocked.Exchange(ref outboxDepth, depth);
    }

    private static IEnumerable<Measurement<T>> Sample<T>(T value) where T : struct, IComparable<T> =>
        value.CompareTo(default) < 0 ? [] : [new Measurement<T>(value)];
}
