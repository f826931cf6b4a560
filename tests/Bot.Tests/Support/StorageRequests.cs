using System.Text;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using TalkBot.Bot.Infrastructure.Storage;

namespace TalkBot.Bot.Tests.Support;

/// <summary>
/// Counts the bot's requests to Table Storage (a policy in its TableServiceClient's pipeline, once per call: a query's
/// every page is one), and fails, as a crash would, those that touch a table a test names.
/// </summary>
public sealed class StorageRequests : HttpPipelinePolicy
{
    private int count;

    public int Count => Volatile.Read(ref count);

    /// <summary>A table (without the prefix) whose writes fail, a transaction's too, until this is set back to null.</summary>
    public string? FailWritesTo { get; set; }

    /// <summary>Replaces the bot's TableServiceClient with one that goes through this policy.</summary>
    public Action<IServiceCollection> Into(AzuriteFixture azurite) => services => services.AddSingleton(sp =>
    {
        var options = new TableClientOptions();
        options.AddPolicy(this, HttpPipelinePosition.PerCall);
        return TableStorage.CreateServiceClient(sp.GetRequiredService<IOptions<StorageOptions>>().Value, azurite.ConnectionString, clientOptions: options);
    });

    /// <summary>The requests <paramref name="action"/> makes.</summary>
    public async Task<int> CountAsync(Func<Task> action)
    {
        ArgumentNullException.ThrowIfNull(action);
        var before = Count;
        await action();
        return Count - before;
    }

    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        Take(message);
        ProcessNext(message, pipeline);
    }

    public override ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        Take(message);
        return ProcessNextAsync(message, pipeline);
    }

    private void Take(HttpMessage message)
    {
        Interlocked.Increment(ref count);
        if (FailWritesTo is { } table && message.Request.Method != RequestMethod.Get && Names(message).Contains(table, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"The test failed this write to {table}, as a crash would.");
        }
    }

    // The address, and for a transaction its body, which names the table.
    private static string Names(HttpMessage message)
    {
        var text = message.Request.Uri.ToString();
        if (message.Request.Content is { } content)
        {
            using var body = new MemoryStream();
            content.WriteTo(body, CancellationToken.None);
            text += Encoding.UTF8.GetString(body.ToArray());
        }

        return text;
    }
}
