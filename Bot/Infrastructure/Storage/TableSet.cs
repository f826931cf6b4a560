using System.Collections.Concurrent;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;

namespace TalkBot.Bot.Infrastructure.Storage;

/// <summary>A table a feature stores its rows in; registered with <see cref="TableSetServices.AddTable"/>.</summary>
public sealed record TableName(string Value);

/// <summary>
/// The tables of TalkBot, each named by the feature that owns it (its keys are written down beside that feature's
/// store) and prefixed with <see cref="StorageOptions.TablePrefix"/>, so that several environments or test runs share
/// one account.
/// </summary>
public sealed class TableSet(TableServiceClient service, IOptions<StorageOptions> options, IEnumerable<TableName> registered)
{
    private readonly ConcurrentDictionary<string, TableClient> clients = new(StringComparer.Ordinal);
    private readonly string prefix = options.Value.TablePrefix;

    public TableClient this[string name] => clients.GetOrAdd(name, n => service.GetTableClient(prefix + n));

    /// <summary>A set of the tables named, for a tool or a test that stores without the host.</summary>
    public static TableSet For(TableServiceClient service, string prefix, params string[] names) =>
        new(service, Options.Create(new StorageOptions { TablePrefix = prefix }), [.. names.Select(n => new TableName(n))]);

    /// <summary>Every registered table's name, without the prefix.</summary>
    public IReadOnlyList<string> Names { get; } = [.. registered.Select(t => t.Value).Distinct(StringComparer.Ordinal)];

    /// <summary>Creates missing tables; called once at start-up, never from a constructor.</summary>
    public async Task EnsureCreatedAsync(CancellationToken cancellationToken)
    {
        foreach (var name in Names)
        {
            await this[name].CreateIfNotExistsAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}

public static class TableSetServices
{
    /// <summary>Declares a table a feature stores rows in: it is created at start-up.</summary>
    public static IServiceCollection AddTable(this IServiceCollection services, string name)
    {
        // Several features may share a table (Cases); TableSet makes each once.
        services.AddSingleton(new TableName(name));
        return services;
    }
}
