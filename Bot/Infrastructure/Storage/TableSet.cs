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
    private readonly ConcurrentDictionary<string, Lazy<Task>> made = new(StringComparer.Ordinal);
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

    /// <summary>
    /// Creates a table made on demand (one of a series, such as a month's) if it is missing: once per process, before
    /// its first write. A failed attempt is tried again by the next call.
    /// </summary>
    public async Task EnsureAsync(string name, CancellationToken cancellationToken)
    {
        var creating = made.GetOrAdd(name, n => new Lazy<Task>(() => this[n].CreateIfNotExistsAsync(CancellationToken.None)));
        try
        {
            await creating.Value.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception) when (!cancellationToken.IsCancellationRequested)
        {
            made.TryRemove(new KeyValuePair<string, Lazy<Task>>(name, creating));
            throw;
        }
    }

    /// <summary>The tables of the account whose names (without the prefix) start with <paramref name="startsWith"/>, in order: those of a series made on demand.</summary>
    public async Task<IReadOnlyList<string>> ListAsync(string startsWith, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(startsWith);
        var first = prefix + startsWith;
        var names = new List<string>();
        await foreach (var table in service.QueryAsync(TableFilter.Of($"TableName ge {first} and TableName lt {TableFilter.After(first)}"), cancellationToken: cancellationToken)
            .ConfigureAwait(false))
        {
            if (table.Name.StartsWith(first, StringComparison.Ordinal))
            {
                names.Add(table.Name[prefix.Length..]);
            }
        }

        return [.. names.Order(StringComparer.Ordinal)];
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
