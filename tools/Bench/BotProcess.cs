using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace TalkBot.Bench;

/// <summary>The TalkBot process under measurement: the built Release Bot, configured by the bench through its environment.</summary>
internal sealed class BotProcess
{
    private const int EchoedFailures = 20;
    private readonly Process process;
    private int failures;

    private BotProcess(Process process, Uri address)
    {
        this.process = process;
        Address = address;
    }

    /// <summary>Where the bot listens: http://127.0.0.1:{port}/.</summary>
    public Uri Address { get; }

    /// <summary>Starts the bot on a free loopback port, in Production, with <paramref name="settings"/> as its environment (<c>__</c> for <c>:</c>).</summary>
    public static BotProcess Start(string botDll, IReadOnlyDictionary<string, string> settings)
    {
        var start = new ProcessStartInfo("dotnet", [botDll])
        {
            WorkingDirectory = Path.GetDirectoryName(botDll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        var address = new Uri($"http://127.0.0.1:{FreePort()}");
        var env = start.Environment;
        env["ASPNETCORE_URLS"] = address.ToString().TrimEnd('/');
        env["ASPNETCORE_ENVIRONMENT"] = "Production";
        env["Logging__LogLevel__Default"] = "Warning";
        foreach (var (key, value) in settings)
        {
            env[key] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("The bot did not start.");
        var bot = new BotProcess(process, address);
        // Both drained so that a full pipe never blocks the bot; the console logger writes failures to stdout.
        process.OutputDataReceived += (_, e) => bot.Echo(e.Data);
        process.ErrorDataReceived += (_, e) => bot.Echo(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return bot;
    }

    /// <summary>Waits until the bot answers /healthz: its tables made and its directory read, which happens before it listens.</summary>
    public async Task WaitUntilReadyAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var client = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            if (process.HasExited)
            {
                // Lets the redirected output drain, so that what the bot wrote before it ended is echoed first.
                process.WaitForExit();
                throw new InvalidOperationException($"The bot exited with code {process.ExitCode} before it was ready.");
            }

            try
            {
                using var response = await client.GetAsync(new Uri("/healthz", UriKind.Relative), cancellationToken);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            if (deadline.Elapsed > timeout)
            {
                throw new TimeoutException($"The bot did not answer /healthz within {timeout.TotalSeconds:F0} s.");
            }

            await Task.Delay(200, cancellationToken);
        }
    }

    /// <summary>Failure lines of the bot's log, the first <see cref="EchoedFailures"/> of them: a run of errors says its cause once.</summary>
    private void Echo(string? line)
    {
        // A failure logged, or an exception that ends the process before it logs anything (a bad setting at start-up).
        if (line is not null && (line.Contains("fail", StringComparison.OrdinalIgnoreCase) || line.Contains("exception", StringComparison.OrdinalIgnoreCase))
            && Interlocked.Increment(ref failures) <= EchoedFailures)
        {
            Console.Error.WriteLine("[bot] " + line);
        }
    }

    /// <summary>The process's peak resident set (VmHWM), in KiB; 0 once it has exited.</summary>
    public long PeakMemoryKiB()
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{process.Id}/status"))
            {
                if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                {
                    return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
                }
            }
        }
        catch (IOException)
        {
            // Exited.
        }

        return 0;
    }

    /// <summary>SIGKILL: no shutdown, nothing flushed, as a crash.</summary>
    public void Kill()
    {
        process.Kill(entireProcessTree: true);
        process.WaitForExit();
    }

    /// <summary>SIGTERM: the host stops as on a deployment; sends under way finish and are recorded.</summary>
    public void Terminate()
    {
        using (var kill = Process.Start("kill", ["-TERM", process.Id.ToString(CultureInfo.InvariantCulture)]))
        {
            kill.WaitForExit();
        }

        process.WaitForExit();
    }

    public void Stop()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }

        process.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
