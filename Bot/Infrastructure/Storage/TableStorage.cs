using Azure.Core;
using Azure.Data.Tables;
using Azure.Identity;

namespace TalkBot.Bot.Infrastructure.Storage;

/// <summary>Storage configuration (section <c>Storage</c>; the connection string is <c>ConnectionStrings:Tables</c>).</summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";

    /// <summary>
    /// For managed identity: the table endpoint (https://{account}.table.core.windows.net). When set, the connection
    /// string is not used and the token comes from <c>DefaultAzureCredential</c>.
    /// </summary>
    public string? TableEndpoint { get; set; }

    /// <summary>Prefixed to every table name, so that several environments or tests can share one account.</summary>
    public string TablePrefix { get; set; } = "";

    /// <summary>Counts every storage request, per inbound request and in total (<see cref="StorageCallCounting"/>); for benchmarks.</summary>
    public bool CountCalls { get; set; }

    /// <summary>
    /// How many storage calls work nobody waits on (follow-ups, 我的通知 lines) makes at once; a wave of requests they
    /// let pass (<see cref="BackgroundLane"/>), so that a wave of clicks is not queued behind the work the clicks before it left.
    /// </summary>
    public int BackgroundCalls { get; set; } = 8;
}

/// <summary>How TalkBot reaches Table Storage.</summary>
public static class TableStorage
{
    /// <summary>The default connection: Azurite on this machine.</summary>
    public const string DevelopmentStorage = "UseDevelopmentStorage=true";

    /// <summary>
    /// <see cref="StorageOptions.TableEndpoint"/> with a token (managed identity by default) when set; otherwise the
    /// connection string, Azurite when there is none.
    /// </summary>
    public static TableServiceClient CreateServiceClient(StorageOptions options, string? connectionString, TokenCredential? credential = null, TableClientOptions? clientOptions = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        return string.IsNullOrWhiteSpace(options.TableEndpoint)
            ? new TableServiceClient(string.IsNullOrWhiteSpace(connectionString) ? DevelopmentStorage : connectionString, clientOptions)
            : new TableServiceClient(new Uri(options.TableEndpoint), credential ?? new DefaultAzureCredential(), clientOptions);
    }
}
