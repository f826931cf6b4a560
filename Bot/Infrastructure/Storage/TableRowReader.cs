using System.Collections.Concurrent;
using System.Globalization;
using System.Reflection;
using System.Runtime.Serialization;
using Azure.Data.Tables;

namespace TalkBot.Bot.Infrastructure.Storage;

/// <summary>
/// Reads a row of one query as the entity class of its kind: one range query can then bring back rows of several kinds
/// (a talk, one talkee's notice and their quiz) that each store maps as if it had read them alone. The property types
/// are those <see cref="TableEntityTypes"/> allows; the service returns them as the SDK reads them (Int32, Int64,
/// DateTime as DateTimeOffset, enums as strings).
/// </summary>
public static class TableRowReader
{
    private static readonly ConcurrentDictionary<Type, PropertyInfo[]> Properties = new();

    public static T As<T>(TableEntity row) where T : TableRow, new()
    {
        ArgumentNullException.ThrowIfNull(row);
        var entity = new T { PartitionKey = row.PartitionKey, RowKey = row.RowKey, Timestamp = row.Timestamp, ETag = row.ETag };
        foreach (var property in Properties.GetOrAdd(typeof(T), Writable))
        {
            if (row.TryGetValue(property.Name, out var value) && value is not null)
            {
                property.SetValue(entity, Convert(value, Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType));
            }
        }

        return entity;
    }

    private static PropertyInfo[] Writable(Type type) =>
        [.. type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanWrite && p.GetIndexParameters().Length == 0 && p.DeclaringType != typeof(TableRow)
                && p.GetCustomAttribute<IgnoreDataMemberAttribute>() is null)];

    private static object Convert(object value, Type type) => value switch
    {
        _ when type.IsInstanceOfType(value) => value,
        string text when type.IsEnum => Enum.Parse(type, text),
        DateTimeOffset at when type == typeof(DateTime) => at.UtcDateTime,
        DateTime at when type == typeof(DateTimeOffset) => new DateTimeOffset(DateTime.SpecifyKind(at, DateTimeKind.Utc)),
        BinaryData data when type == typeof(byte[]) => data.ToArray(),
        byte[] bytes when type == typeof(BinaryData) => new BinaryData(bytes),
        string text when type == typeof(Guid) => Guid.Parse(text),
        IConvertible number => System.Convert.ChangeType(number, type, CultureInfo.InvariantCulture),
        _ => throw new InvalidCastException($"A stored {value.GetType().Name} cannot be read as {type.Name}."),
    };
}
