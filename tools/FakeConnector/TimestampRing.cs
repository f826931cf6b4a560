namespace TalkBot.FakeConnector;

/// <summary>
/// Accepted-request times of one conversation (or the tenant), oldest first, in a growable ring buffer.
/// A ring rather than a list because old times leave from the front on every request; it starts tiny because
/// a benchmark touches thousands of conversations that each see only a message or two.
/// </summary>
internal sealed class TimestampRing
{
    private long[] items = new long[2];
    private int head;

    /// <summary>How many times are held.</summary>
    public int Count { get; private set; }

    /// <summary>The time at <paramref name="index"/>, 0 being the oldest.</summary>
    public long this[int index] => items[(head + index) % items.Length];

    /// <summary>The newest time, or <see cref="long.MinValue"/> when empty.</summary>
    public long Newest => Count == 0 ? long.MinValue : this[Count - 1];

    /// <summary>Appends a time no older than <see cref="Newest"/>.</summary>
    public void Add(long ticks)
    {
        if (Count == items.Length)
        {
            Grow();
        }

        items[(head + Count) % items.Length] = ticks;
        Count++;
    }

    /// <summary>Forgets the times at or before <paramref name="cutoff"/>: they can no longer fall in any window.</summary>
    public void DropUpTo(long cutoff)
    {
        while (Count > 0 && items[head] <= cutoff)
        {
            head = (head + 1) % items.Length;
            Count--;
        }
    }

    private void Grow()
    {
        var bigger = new long[items.Length * 2];
        for (var i = 0; i < Count; i++)
        {
            bigger[i] = this[i];
        }

        items = bigger;
        head = 0;
    }
}
