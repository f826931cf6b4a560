using System.Collections.Concurrent;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;

namespace TalkBot.Bot.Infrastructure.Storage;

/// <summary>
/// Counts the Table Storage requests TalkBot makes (<c>Storage:CountCalls</c>, off by default), so that a benchmark can
/// say what a click costs: per inbound request, and in total per table, which also holds what a request left to the
/// background (its follow-ups, the outbox). Every HTTP request is counted, a retry too: each is a round trip the
/// click waits on and a transaction the account bills.
/// </summary>
public sealed class StorageCallCounter(string tablePrefix)
{
    /// <summary>An entity group transaction's name in the counts: its table is named in its body, which is not read here.</summary>
    public const string Transactions = "$batch";

    private readonly AsyncLocal<RequestCount?> current = new();
    private readonly ConcurrentDictionary<string, long> byTable = new(StringComparer.Ordinal);
    private long total;
    private long foreground;

    /// <summary>Requests made since the process started.</summary>
    public long Total => Interlocked.Read(ref total);

    /// <summary>
    /// Of <see cref="Total"/>, those made outside the background lane (by requests, the outbox, the scheduler). What a
    /// request leaves running in the lane is in neither this nor the request's own count, even when it calls before the
    /// request answers.
    /// </summary>
    public long Foreground => Interlocked.Read(ref foreground);

    /// <summary>Requests made since the process started, per table (without the prefix), ordered by name.</summary>
    public IReadOnlyDictionary<string, long> ByTable => new SortedDictionary<string, long>(byTable, StringComparer.Ordinal);

    /// <summary>
    /// Counts from here on, in this async flow and in whatever it starts, for one inbound request. Set in the
    /// middleware before the request runs, so that every call the request makes, awaited or not, finds it.
    /// </summary>
    public RequestCount BeginRequest()
    {
        var count = new RequestCount();
        current.Value = count;
        return count;
    }

    /// <summary>Makes the pipeline of <paramref name="options"/> count each request as it is sent, once per try.</summary>
    public TableClientOptions AddTo(TableClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.AddPolicy(new CountingPolicy(this), HttpPipelinePosition.PerRetry);
        return options;
    }

    internal void Count(Uri request)
    {
        Interlocked.Increment(ref total);
        byTable.AddOrUpdate(TableOf(request), 1, (_, n) => n + 1);
        if (!BackgroundLane.IsBackground)
        {
            Interlocked.Increment(ref foreground);
            current.Value?.Add();
        }
    }

    /// <summary>
    /// The table a request is for, from its path: <c>/{account}/{table}(PartitionKey='…',RowKey='…')</c> on Azurite,
    /// <c>/{table}()</c> on Azure; <c>Tables</c> for creating and listing tables, <see cref="Transactions"/> for a batch.
    /// </summary>
    internal string TableOf(Uri request)
    {
        var path = request.AbsolutePath;
        var keys = path.IndexOf('(', StringComparison.Ordinal);
        var name = (keys < 0 ? path : path[..keys]).TrimEnd('/');
        name = name[(name.LastIndexOf('/') + 1)..];
        return tablePrefix.Length > 0 && name.StartsWith(tablePrefix, StringComparison.Ordinal) ? name[tablePrefix.Length..] : name;
    }

    /// <summary>The storage requests of one inbound request.</summary>
    public sealed class RequestCount
    {
        private int calls;

        public int Calls => Volatile.Read(ref calls);

        internal void Add() => Interlocked.Increment(ref calls);
    }

    private sealed class CountingPolicy(StorageCallCounter counter) : HttpPipelineSynchronousPolicy
    {
        public override void OnSendingRequest(HttpMessage message) => counter.Count(message.Request.Uri.ToUri());
    }
}
