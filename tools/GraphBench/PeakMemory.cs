using System.Globalization;

namespace TalkBot.GraphBench;

internal static class PeakMemory
{
    /// <summary>The process's peak resident set (VmHWM) in KiB; 0 where /proc is missing.</summary>
    public static long KiB()
    {
        const string status = "/proc/self/status";
        if (!File.Exists(status))
        {
            return 0;
        }

        foreach (var line in File.ReadLines(status))
        {
            if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
            {
                return long.Parse(line["VmHWM:".Length..].Replace("kB", string.Empty, StringComparison.Ordinal).Trim(), CultureInfo.InvariantCulture);
            }
        }

        return 0;
    }
}
