using System.Globalization;
using System.Runtime.InteropServices;

namespace TalkBot.FakeConnector;

/// <summary>
/// Runs the fake connector standalone, e.g. for a bot started by hand:
/// <c>dotnet run --project tools/FakeConnector -- --port 5099 --failure-rate 0.01 --tenant-limit 50</c>.
/// Also accepts <c>--seed N</c>, <c>--latency-ms N</c>, <c>--blocked ID</c> and <c>--missing ID</c> (both repeatable).
/// A named class rather than top-level statements, so that it never collides with Bot's <c>Program</c>.
/// </summary>
internal static class FakeConnectorProgram
{
    private static async Task<int> Main(string[] args)
    {
        FakeConnectorOptions options;
        try
        {
            options = Parse(args);
        }
        catch (Exception e) when (e is ArgumentException or FormatException or OverflowException)
        {
            await Console.Error.WriteLineAsync(e.Message);
            return 2;
        }

        // Ctrl+C and SIGTERM (a script stopping it) both close the listener before the process ends.
        using var stop = new CancellationTokenSource();
        void Stop(PosixSignalContext signal)
        {
            signal.Cancel = true;
            stop.Cancel();
        }

        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);

        await using var server = await FakeConnectorServer.StartAsync(options, stop.Token);
        Console.WriteLine($"Fake Bot Connector at {server.ServiceUrl} (stats: {server.ServiceUrl}_stats); Ctrl+C stops it.");
        try
        {
            await Task.Delay(Timeout.Infinite, stop.Token);
        }
        catch (OperationCanceledException)
        {
            // Ctrl+C: dispose the server and exit.
        }

        return 0;
    }

    private static FakeConnectorOptions Parse(string[] args)
    {
        int port = 0, tenantLimit = 50, seed = 0;
        double failureRate = 0;
        var latency = TimeSpan.Zero;
        var blocked = new HashSet<string>(StringComparer.Ordinal);
        var missing = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Length; i++)
        {
            var name = args[i];
            var value = ++i < args.Length ? args[i] : throw new ArgumentException($"{name} needs a value.");
            switch (name)
            {
                case "--port": port = int.Parse(value, CultureInfo.InvariantCulture); break;
                case "--tenant-limit": tenantLimit = int.Parse(value, CultureInfo.InvariantCulture); break;
                case "--failure-rate": failureRate = double.Parse(value, CultureInfo.InvariantCulture); break;
                case "--seed": seed = int.Parse(value, CultureInfo.InvariantCulture); break;
                case "--latency-ms": latency = TimeSpan.FromMilliseconds(double.Parse(value, CultureInfo.InvariantCulture)); break;
                case "--blocked": blocked.Add(value); break;
                case "--missing": missing.Add(value); break;
                default: throw new ArgumentException($"Unknown option {name}; expected --port, --tenant-limit, --failure-rate, --seed, --latency-ms, --blocked, --missing.");
            }
        }

        return new FakeConnectorOptions
        {
            Port = port,
            TenantLimitPerSecond = tenantLimit,
            FailureRate = failureRate,
            Seed = seed,
            Latency = latency,
            BlockedConversations = blocked,
            MissingConversations = missing,
        };
    }
}
