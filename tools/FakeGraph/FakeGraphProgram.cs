using System.Globalization;
using System.Runtime.InteropServices;

namespace TalkBot.FakeGraph;

/// <summary>
/// Runs the fake Graph standalone: <c>dotnet run --project tools/FakeGraph -- --users 10000 --port 5098</c>, also
/// <c>--latency-ms N</c> and <c>--throttle-once</c>. A named class rather than top-level statements, so that it never
/// collides with Bot's <c>Program</c>.
/// </summary>
internal static class FakeGraphProgram
{
    private static async Task<int> Main(string[] args)
    {
        FakeGraphOptions options;
        try
        {
            options = Parse(args);
        }
        catch (Exception e) when (e is ArgumentException or FormatException or OverflowException)
        {
            await Console.Error.WriteLineAsync(e.Message);
            return 2;
        }

        using var stop = new CancellationTokenSource();
        void Stop(PosixSignalContext signal)
        {
            signal.Cancel = true;
            stop.Cancel();
        }

        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);

        await using var server = await FakeGraphServer.StartAsync(options, stop.Token);
        Console.WriteLine($"Fake Microsoft Graph at {server.BaseUrl} with {options.Users.Count} users; Ctrl+C stops it.");
        try
        {
            await Task.Delay(Timeout.Infinite, stop.Token);
        }
        catch (OperationCanceledException)
        {
            // Ctrl+C: dispose the server and exit.
        }

        Console.WriteLine($"{server.Requests} requests, {server.Throttled} throttled.");
        return 0;
    }

    private static FakeGraphOptions Parse(string[] args)
    {
        int port = 0, users = 100;
        var latency = TimeSpan.Zero;
        var throttleOnce = false;
        for (var i = 0; i < args.Length; i++)
        {
            var name = args[i];
            if (name == "--throttle-once")
            {
                throttleOnce = true;
                continue;
            }

            var value = ++i < args.Length ? args[i] : throw new ArgumentException($"{name} needs a value.");
            switch (name)
            {
                case "--port": port = int.Parse(value, CultureInfo.InvariantCulture); break;
                case "--users": users = int.Parse(value, CultureInfo.InvariantCulture); break;
                case "--latency-ms": latency = TimeSpan.FromMilliseconds(double.Parse(value, CultureInfo.InvariantCulture)); break;
                default: throw new ArgumentException($"Unknown option {name}; expected --port, --users, --latency-ms, --throttle-once.");
            }
        }

        return new FakeGraphOptions
        {
            Users = FakeGraphOptions.Organisation(users).Users,
            Port = port,
            Latency = latency,
            ThrottleOnce = throttleOnce,
        };
    }
}
