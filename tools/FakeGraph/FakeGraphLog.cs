namespace TalkBot.FakeGraph;

/// <summary>Counters and the requests received; thread-safe, since Kestrel answers requests in parallel.</summary>
internal sealed class FakeGraphLog
{
    private readonly Lock gate = new();
    private readonly List<FakeGraphRequest> received = [];
    private int throttled;
    private int unauthorized;
    private int failed;
    private int retryAfterIgnored;

    public int Requests
    {
        get
        {
            lock (gate)
            {
                return received.Count;
            }
        }
    }

    public int Throttled => Volatile.Read(ref throttled);

    public int Unauthorized => Volatile.Read(ref unauthorized);

    public int Failed => Volatile.Read(ref failed);

    public int RetryAfterIgnored => Volatile.Read(ref retryAfterIgnored);

    public void CountThrottled() => Interlocked.Increment(ref throttled);

    public void CountFailed() => Interlocked.Increment(ref failed);

    public void CountRetryAfterIgnored() => Interlocked.Increment(ref retryAfterIgnored);

    public void CountUnauthorized() => Interlocked.Increment(ref unauthorized);

    public void Record(FakeGraphRequest request)
    {
        lock (gate)
        {
            received.Add(request);
        }
    }

    public IReadOnlyList<FakeGraphRequest> Received()
    {
        lock (gate)
        {
            return [.. received];
        }
    }
}
