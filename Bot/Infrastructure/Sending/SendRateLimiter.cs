namespace TalkBot.Bot.Infrastructure.Sending;

/// <summary>
/// Keeps sends within Teams' limits (PROTOCOL §9) per conversation and per tenant, as sliding windows: a send takes
/// the earliest moment at which every window of its conversation and its tenant has room, and waits for it.
/// Sliding windows match how Teams counts, so the tenant's rate is used in full without drawing 429s.
/// </summary>
/// <remarks>
/// A conversation that is over its limit waits without holding a tenant slot, so one busy chat never holds up
/// the others. Logs of conversations idle for longer than the longest window are dropped now and then.
/// </remarks>
public sealed class SendRateLimiter(SenderOptions options)
{
    private const int PruneEvery = 4096;

    private readonly Lock gate = new();
    private readonly Dictionary<string, SlotLog> conversations = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SlotLog> tenants = new(StringComparer.Ordinal);
    private readonly RateWindow[] conversationWindows = [.. options.ConversationWindows];
    private readonly RateWindow[] tenantWindows = [.. options.TenantWindows];
    private readonly long guard = options.RateGuard.Ticks;
    private readonly TimeProvider time = options.WireClock;
    private long taken;

    /// <summary>Conversations whose recent sends are remembered (for tests and the benchmark's memory figures).</summary>
    public int TrackedConversations
    {
        get
        {
            lock (gate)
            {
                return conversations.Count;
            }
        }
    }

    /// <summary>
    /// Waits until a send to <paramref name="conversation"/> in <paramref name="tenant"/> is within every limit, and
    /// takes its slot. Call <see cref="Sent"/> with it once the send is answered.
    /// </summary>
    public async Task<SendSlot> WaitAsync(string tenant, string conversation, CancellationToken cancellationToken)
    {
        while (true)
        {
            var (slot, wait) = Take(tenant, conversation);
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, time, cancellationToken).ConfigureAwait(false);
            }

            if (slot is { } taken)
            {
                return new SendSlot(tenant, conversation, Restamp(tenant, conversation, taken));
            }
        }
    }

    /// <summary>How long until a send to <paramref name="conversation"/> is within its limits (zero when it is now).</summary>
    public TimeSpan WaitFor(string conversation)
    {
        lock (gate)
        {
            if (!conversations.TryGetValue(conversation, out var chat))
            {
                return TimeSpan.Zero;
            }

            var now = time.GetUtcNow().UtcTicks;
            return TimeSpan.FromTicks(Math.Max(0, chat.Earliest(now, conversationWindows, guard) - now));
        }
    }

    /// <summary>
    /// The send of <paramref name="slot"/> has been answered: Teams counted it at some moment before now, so the
    /// windows count it now. A request that took long to arrive (a new connection) can then never make the next one
    /// look early to Teams.
    /// </summary>
    public void Sent(SendSlot slot) => Restamp(slot.Tenant, slot.Conversation, slot.Ticks);

    private (long? Slot, TimeSpan Wait) Take(string tenant, string conversation)
    {
        lock (gate)
        {
            var now = time.GetUtcNow().UtcTicks;
            var chat = LogOf(conversations, conversation, conversationWindows);
            var chatFree = chat.Earliest(now, conversationWindows, guard);
            if (chatFree > now)
            {
                return (null, TimeSpan.FromTicks(chatFree - now));
            }

            var whole = LogOf(tenants, tenant, tenantWindows);
            var slot = whole.Earliest(now, tenantWindows, guard);
            whole.Add(slot);
            chat.Add(slot);
            if (++taken % PruneEvery == 0)
            {
                Prune(now);
            }

            return (slot, TimeSpan.FromTicks(slot - now));
        }
    }

    // A timer fires late under load, and a request takes time to arrive: the windows count when the send went, not
    // the plan. Returns the slot's moment now.
    private long Restamp(string tenant, string conversation, long planned)
    {
        lock (gate)
        {
            var actual = time.GetUtcNow().UtcTicks;
            if (actual <= planned)
            {
                return planned;
            }

            tenants.GetValueOrDefault(tenant)?.Restamp(planned, actual);
            conversations.GetValueOrDefault(conversation)?.Restamp(planned, actual);
            return actual;
        }
    }

    private static SlotLog LogOf(Dictionary<string, SlotLog> logs, string key, RateWindow[] windows)
    {
        if (!logs.TryGetValue(key, out var log))
        {
            log = new SlotLog(windows.Max(w => w.Count));
            logs[key] = log;
        }

        return log;
    }

    private void Prune(long now)
    {
        var longest = conversationWindows.Max(w => w.Window.Ticks) + guard;
        foreach (var (key, log) in conversations)
        {
            if (log.Last < now - longest)
            {
                conversations.Remove(key);
            }
        }
    }

    /// <summary>
    /// The most recent send moments of one conversation or tenant (UTC ticks, oldest first), as many as the largest
    /// window counts. It starts small and grows on demand: most conversations see a send or two.
    /// </summary>
    private sealed class SlotLog(int capacity)
    {
        private long[] slots = new long[Math.Min(capacity, 4)];
        private int start;
        private int count;

        public long Last => count == 0 ? long.MinValue : At(count - 1);

        /// <summary>The earliest moment, not before now nor before the last slot, at which every window has room.</summary>
        public long Earliest(long now, RateWindow[] windows, long guard)
        {
            var earliest = Math.Max(now, Last);
            foreach (var window in windows)
            {
                if (count >= window.Count)
                {
                    // The window is full once it holds Count slots: the next must wait until the Count-th latest leaves it.
                    earliest = Math.Max(earliest, At(count - window.Count) + window.Window.Ticks + guard);
                }
            }

            return earliest;
        }

        public void Add(long slot)
        {
            if (count == slots.Length && count < capacity)
            {
                var grown = new long[Math.Min(capacity, count * 2)];
                for (var i = 0; i < count; i++)
                {
                    grown[i] = At(i);
                }

                slots = grown;
                start = 0;
            }

            if (count < slots.Length)
            {
                slots[(start + count) % slots.Length] = slot;
                count++;
            }
            else
            {
                slots[start] = slot;
                start = (start + 1) % slots.Length;
            }
        }

        /// <summary>Moves the latest slot planned at <paramref name="planned"/> to <paramref name="actual"/>, keeping the log in order.</summary>
        public void Restamp(long planned, long actual)
        {
            for (var i = count - 1; i >= 0 && i >= count - 64; i--)
            {
                if (At(i) != planned)
                {
                    continue;
                }

                Set(i, actual);
                for (var j = i; j + 1 < count && At(j + 1) < At(j); j++)
                {
                    var next = At(j + 1);
                    Set(j + 1, At(j));
                    Set(j, next);
                }

                return;
            }
        }

        private long At(int index) => slots[(start + index) % slots.Length];

        private void Set(int index, long value) => slots[(start + index) % slots.Length] = value;
    }
}

/// <summary>A slot taken for one send: its tenant, conversation and moment (UTC ticks).</summary>
public readonly record struct SendSlot(string Tenant, string Conversation, long Ticks);
