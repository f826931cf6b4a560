using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace TalkBot.Bench;

/// <summary>The TalkBot process under measurement: the built Bot, draining the outbox, with storage and limits from the bench.</summary>
internal sealed class BotProcess
{
    private readonly Process process;

    private BotProcess(Process process, Uri url)
    {
        this.process = process;
        Url = url;
    }

    /// <summary>Where the bot listens (loopback, a free port).</summary>
    public Uri Url { get; }

    public static BotProcess Start(BenchOptions options, string tablePrefix)
    {
        var start = new ProcessStartInfo("dotnet", [options.BotDll])
        {
            WorkingDirectory = Path.GetDirectoryName(options.BotDll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        var env = start.Environment;
        var url = new Uri($"http://127.0.0.1:{FreePort()}");
        env["ASPNETCORE_URLS"] = url.AbsoluteUri.TrimEnd('/');
        env["ASPNETCORE_ENVIRONMENT"] = "Production";
        env["ConnectionStrings__Tables"] = options.Tables;
        env["Storage__TablePrefix"] = tablePrefix;
        env["Directory__OrgFile"] = options.OrgFile;
        env["Scheduler__Enabled"] = "false";
        env["Sender__DispatcherEnabled"] = "true";
        env["Sender__TenantPerSecond"] = options.TenantLimit.ToString(CultureInfo.InvariantCulture);
        env["Sender__PollInterval"] = "00:00:00.500";
        // A stable instance name, as a pod or App Service instance has: the restarted bot resumes what it held.
        env["Sender__InstanceId"] = "bench-bot";
        env["Logging__LogLevel__Default"] = "Warning";
        var process = Process.Start(start) ?? throw new InvalidOperationException("The bot did not start.");
        // Drained so that a full pipe never blocks the bot.
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is { } line && line.Contains("fail", StringComparison.OrdinalIgnoreCase))
            {
                Console.Error.WriteLine("[bot] " + line);
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new BotProcess(process, url);
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
