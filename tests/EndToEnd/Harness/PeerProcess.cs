using System.Diagnostics;

namespace TalkBot.EndToEnd.Tests.Harness;

/// <summary>A child process whose output goes to the <see cref="PeerLog"/> and whose whole tree dies with it.</summary>
public sealed class PeerProcess : IDisposable
{
    private readonly Process _process;
    private readonly PeerLog _log;

    public string Name { get; }

    private PeerProcess(string name, Process process, PeerLog log)
    {
        Name = name;
        _process = process;
        _log = log;
    }

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    /// <summary>Raised for every line the process prints, after it is logged.</summary>
    public event Action<string>? LinePrinted;

    public static PeerProcess Start(
        string name,
        string fileName,
        IEnumerable<string> arguments,
        string workingDirectory,
        IReadOnlyDictionary<string, string?> environment,
        PeerLog log,
        Action<string>? onLine = null)
    {
        var info = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in environment)
        {
            info.Environment[key] = value;
        }

        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        var peer = new PeerProcess(name, process, log);
        if (onLine is not null)
        {
            // Attached before start so that no early line is missed.
            peer.LinePrinted += onLine;
        }

        process.OutputDataReceived += (_, e) => peer.OnLine(e.Data);
        process.ErrorDataReceived += (_, e) => peer.OnLine(e.Data);
        process.Exited += (_, _) => log.Write(name, $"exited with code {SafeExitCode(process)}");
        log.Write(name, $"starting: {fileName} {string.Join(' ', info.ArgumentList)} (in {workingDirectory})");
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return peer;
    }

    private void OnLine(string? line)
    {
        if (line is null)
        {
            return;
        }

        _log.Write(Name, line);
        LinePrinted?.Invoke(line);
    }

    private static string SafeExitCode(Process process)
    {
        try
        {
            return process.ExitCode.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (InvalidOperationException)
        {
            return "?";
        }
    }

    public void Dispose()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(10_000);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone: nothing to stop.
        }
        finally
        {
            _process.Dispose();
        }
    }
}
