namespace TalkBot.Bench;

/// <summary>Percentiles of a set of durations in milliseconds, by nearest rank (p99 of 200 is the 198th fastest).</summary>
internal sealed record Latencies(int Count, double P50, double P95, double P99, double Max)
{
    public static Latencies Of(IEnumerable<double> milliseconds)
    {
        var sorted = milliseconds.Order().ToArray();
        if (sorted.Length == 0)
        {
            return new Latencies(0, 0, 0, 0, 0);
        }

        double At(double quantile) => sorted[Math.Clamp((int)Math.Ceiling(quantile * sorted.Length) - 1, 0, sorted.Length - 1)];
        return new Latencies(sorted.Length, At(0.50), At(0.95), At(0.99), sorted[^1]);
    }
}
