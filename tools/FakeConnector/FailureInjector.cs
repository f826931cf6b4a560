namespace TalkBot.FakeConnector;

/// <summary>
/// Decides which requests get a 503. Seeded so that a failing benchmark run can be repeated with the same sequence of
/// decisions; locked because System.Random is not thread-safe and requests are concurrent.
/// </summary>
internal sealed class FailureInjector(double failureRate, int seed)
{
    private readonly Lock gate = new();
    private readonly Random random = new(seed);

    /// <summary>True when this request should fail.</summary>
    public bool ShouldFail()
    {
        if (failureRate <= 0)
        {
            return false;
        }

        lock (gate)
        {
            return random.NextDouble() < failureRate;
        }
    }
}
