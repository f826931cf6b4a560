using System.Globalization;

namespace TalkBot.Bench;

internal sealed record BenchOptions(string Tables, string BotDll, string OrgFile, int Messages, int TenantLimit, double FailureRate, IReadOnlyList<string> Runs, TimeSpan StallTimeout)
{
    public static BenchOptions Parse(string[] args)
    {
        string? Value(string name) => BenchArguments.Value(args, name);

        return new BenchOptions(
            Value("--tables") ?? throw new ArgumentException("--tables CONNECTION is required"),
            Path.GetFullPath(Value("--bot") ?? throw new ArgumentException("--bot PATH is required")),
            Path.GetFullPath(Value("--org") ?? throw new ArgumentException("--org PATH is required")),
            int.Parse(Value("--messages") ?? "10000", CultureInfo.InvariantCulture),
            int.Parse(Value("--tenant-limit") ?? "50", CultureInfo.InvariantCulture),
            double.Parse(Value("--failure-rate") ?? "0.01", CultureInfo.InvariantCulture),
            (Value("--runs") ?? "plain,kill,term").Split(',', StringSplitOptions.RemoveEmptyEntries),
            TimeSpan.FromSeconds(60));
    }
}
