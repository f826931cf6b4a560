using System.Reflection;
using System.Runtime.Serialization;
using Azure.Data.Tables;

namespace TalkBot.Bot.Infrastructure.Storage;

/// <summary>
/// Checks that every property of a table entity class is one the Table service stores as it is. The SDK writes what it
/// cannot map (a <c>decimal</c>, say) as something else without a word — a decimal becomes a double and loses digits —
/// so TalkBot refuses such a class at start-up instead.
/// </summary>
public static class TableEntityTypes
{
    private static readonly HashSet<Type> Stored =
    [
        typeof(string), typeof(bool), typeof(int), typeof(long), typeof(double), typeof(Guid),
        typeof(DateTimeOffset), typeof(DateTime), typeof(byte[]), typeof(BinaryData),
    ];

    private static readonly HashSet<string> SystemProperties =
        [nameof(ITableEntity.PartitionKey), nameof(ITableEntity.RowKey), nameof(ITableEntity.Timestamp), nameof(ITableEntity.ETag)];

    /// <summary>The properties of <paramref name="type"/> the service would not store as they are, as "Type.Property: type".</summary>
    public static IReadOnlyList<string> Problems(Type type)
    {
        ArgumentNullException.ThrowIfNull(type);
        return [.. type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanRead && p.CanWrite && p.GetIndexParameters().Length == 0 && !SystemProperties.Contains(p.Name)
                && p.GetCustomAttribute<IgnoreDataMemberAttribute>() is null)
            .Where(p => !IsStored(Nullable.GetUnderlyingType(p.PropertyType) ?? p.PropertyType))
            .Select(p => $"{type.Name}.{p.Name}: {p.PropertyType.Name}")];
    }

    /// <summary>Every <see cref="ITableEntity"/> class of the assembly; throws naming each property the service cannot store.</summary>
    public static void Verify(Assembly assembly)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        var problems = assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(ITableEntity).IsAssignableFrom(t) && t != typeof(TableEntity))
            .SelectMany(Problems)
            .ToList();
        if (problems.Count > 0)
        {
            throw new InvalidOperationException("Table Storage cannot store these properties as they are: " + string.Join("; ", problems));
        }
    }

    // Enums are stored by name (the SDK writes and reads them as strings).
    private static bool IsStored(Type type) => Stored.Contains(type) || type.IsEnum;
}
