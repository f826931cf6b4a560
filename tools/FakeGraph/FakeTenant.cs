namespace TalkBot.FakeGraph;

/// <summary>
/// What the fake Graph's tenant holds and how it changes: users and role-group members with the version of their last
/// change (delta queries return what changed after a version), the Teams app installed for each user, and the events
/// of each mailbox. Thread-safe: tests change it while the bot reads.
/// </summary>
public sealed class FakeTenant
{
    private readonly Lock gate = new();
    private readonly List<string> order = [];
    private readonly Dictionary<string, (FakeGraphUser? User, long Version)> users = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Group, string User), (bool Member, long Version)> members = [];
    private readonly Dictionary<string, HashSet<string>> installed = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Dictionary<string, FakeEvent>> events = new(StringComparer.Ordinal);
    private long version;
    private long expiredBefore;

    internal FakeTenant(IEnumerable<FakeGraphUser> initial, IReadOnlyDictionary<string, IReadOnlyList<string>> groups)
    {
        foreach (var user in initial)
        {
            Set(user);
        }

        foreach (var (group, ids) in groups)
        {
            foreach (var id in ids)
            {
                members[(group, id)] = (true, ++version);
            }
        }
    }

    /// <summary>Adds or changes a user (the next delta returns them).</summary>
    public void Set(FakeGraphUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        lock (gate)
        {
            if (!users.ContainsKey(user.Id))
            {
                order.Add(user.Id);
            }

            users[user.Id] = (user, ++version);
        }
    }

    /// <summary>Deletes a user (the next delta returns them as removed).</summary>
    public void Remove(string id)
    {
        lock (gate)
        {
            users[id] = (null, ++version);
        }
    }

    public void AddMember(string group, string user) => SetMember(group, user, true);

    public void RemoveMember(string group, string user) => SetMember(group, user, false);

    /// <summary>Every deltaLink handed out so far answers 410 Gone, as Graph's do once expired.</summary>
    public void ExpireDeltaLinks()
    {
        lock (gate)
        {
            expiredBefore = ++version;
        }
    }

    public FakeGraphUser? User(string id)
    {
        lock (gate)
        {
            return users.TryGetValue(id, out var u) ? u.User : null;
        }
    }

    /// <summary>Whether TalkBot's app (by catalog id) is installed for the user.</summary>
    public bool IsInstalled(string user, string app)
    {
        lock (gate)
        {
            return installed.TryGetValue(user, out var apps) && apps.Contains(app);
        }
    }

    /// <summary>Installs the app for the user (as Graph or the user themselves would); false when it was there.</summary>
    public bool Install(string user, string app)
    {
        lock (gate)
        {
            return (installed.TryGetValue(user, out var apps) ? apps : installed[user] = new(StringComparer.Ordinal)).Add(app);
        }
    }

    /// <summary>The user uninstalls the app.</summary>
    public void Uninstall(string user, string app)
    {
        lock (gate)
        {
            installed.GetValueOrDefault(user)?.Remove(app);
        }
    }

    public int InstalledCount
    {
        get
        {
            lock (gate)
            {
                return installed.Values.Sum(a => a.Count);
            }
        }
    }

    /// <summary>The events of a mailbox, cancelled ones included.</summary>
    public IReadOnlyList<FakeEvent> Events(string mailbox)
    {
        lock (gate)
        {
            return events.TryGetValue(mailbox, out var box) ? [.. box.Values] : [];
        }
    }

    internal long Version
    {
        get
        {
            lock (gate)
            {
                return version;
            }
        }
    }

    internal bool IsExpired(long token)
    {
        lock (gate)
        {
            return token < expiredBefore;
        }
    }

    /// <summary>Users changed after <paramref name="since"/> up to <paramref name="upTo"/> (all present ones for a first read).</summary>
    internal IReadOnlyList<(string Id, FakeGraphUser? User)> UsersChanged(long? since, long upTo)
    {
        lock (gate)
        {
            return [.. order.Select(id => (id, users[id]))
                .Where(x => x.Item2.Version <= upTo && (since is { } s ? x.Item2.Version > s : x.Item2.User is not null))
                .Select(x => (x.id, x.Item2.User))];
        }
    }

    internal IReadOnlyList<(string Group, string User, bool Member)> MembersChanged(IReadOnlySet<string> groups, long? since, long upTo)
    {
        lock (gate)
        {
            return [.. members.Where(m => groups.Contains(m.Key.Group) && m.Value.Version <= upTo && (since is { } s ? m.Value.Version > s : m.Value.Member))
                .OrderBy(m => m.Key.Group, StringComparer.Ordinal).ThenBy(m => m.Key.User, StringComparer.Ordinal)
                .Select(m => (m.Key.Group, m.Key.User, m.Value.Member))];
        }
    }

    internal FakeEvent? FindEvent(string mailbox, string id)
    {
        lock (gate)
        {
            return events.GetValueOrDefault(mailbox)?.GetValueOrDefault(id);
        }
    }

    internal FakeEvent? FindEventByTransaction(string mailbox, string transactionId)
    {
        lock (gate)
        {
            return events.GetValueOrDefault(mailbox)?.Values.FirstOrDefault(e => e.TransactionId == transactionId);
        }
    }

    internal void SaveEvent(string mailbox, FakeEvent e)
    {
        lock (gate)
        {
            (events.TryGetValue(mailbox, out var box) ? box : events[mailbox] = new(StringComparer.Ordinal))[e.Id] = e;
        }
    }

    private void SetMember(string group, string user, bool member)
    {
        lock (gate)
        {
            members[(group, user)] = (member, ++version);
        }
    }
}

/// <summary>An event as the fake stores it: the JSON Graph was sent, merged over by each PATCH.</summary>
public sealed record FakeEvent(string Id, string? TransactionId, System.Text.Json.Nodes.JsonObject Body, bool Cancelled = false, string? CancelComment = null)
{
    public string? Subject => Body["subject"]?.GetValue<string>();
}
