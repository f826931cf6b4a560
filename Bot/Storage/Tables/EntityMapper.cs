using System.Collections.Concurrent;
using System.Globalization;
using System.Reflection;
using System.Text.Json;
using Azure;

namespace TalkBot.Bot.Storage.Tables;

/// <summary>
/// Maps entities to the Table service's JSON and back. Typed entities map their public read-write properties; types
/// the service cannot store are refused the first time the entity type is used, never dropped silently.
/// Int64, DateTime, Guid and binary values carry their <c>@odata.type</c> annotation, as the service requires.
/// </summary>
internal static class EntityMapper
{
    private static readonly ConcurrentDictionary<Type, PropertyInfo[]> Properties = new();
    private static readonly HashSet<string> SystemProperties = [nameof(ITableEntity.PartitionKey), nameof(ITableEntity.RowKey), nameof(ITableEntity.Timestamp), nameof(ITableEntity.ETag)];

    public static byte[] Serialize(ITableEntity entity)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("PartitionKey", entity.PartitionKey);
            writer.WriteString("RowKey", entity.RowKey);
            foreach (var (name, value) in Values(entity))
            {
                WriteValue(writer, name, value);
            }

            writer.WriteEndObject();
        }

        return buffer.ToArray();
    }

    public static T Deserialize<T>(JsonElement json) where T : ITableEntity, new()
    {
        var entity = new T();
        entity.PartitionKey = json.TryGetProperty("PartitionKey", out var pk) ? pk.GetString() ?? "" : "";
        entity.RowKey = json.TryGetProperty("RowKey", out var rk) ? rk.GetString() ?? "" : "";
        if (json.TryGetProperty("Timestamp", out var ts) && ts.ValueKind == JsonValueKind.String)
        {
            entity.Timestamp = DateTimeOffset.Parse(ts.GetString()!, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
        }

        if (json.TryGetProperty("odata.etag", out var etag) && etag.ValueKind == JsonValueKind.String)
        {
            entity.ETag = new ETag(etag.GetString()!);
        }

        if (entity is TableEntity bag)
        {
            foreach (var property in json.EnumerateObject())
            {
                if (!property.Name.Contains('@', StringComparison.Ordinal) && !property.Name.StartsWith("odata.", StringComparison.Ordinal) && !SystemProperties.Contains(property.Name))
                {
                    json.TryGetProperty(property.Name + "@odata.type", out var type);
                    bag[property.Name] = ReadUntyped(property.Value, type.ValueKind == JsonValueKind.String ? type.GetString() : null);
                }
            }

            return entity;
        }

        foreach (var property in PropertiesOf(typeof(T)))
        {
            if (json.TryGetProperty(property.Name, out var value) && value.ValueKind != JsonValueKind.Null)
            {
                property.SetValue(entity, ReadTyped(value, property.PropertyType, property.Name));
            }
        }

        return entity;
    }

    private static IEnumerable<(string Name, object? Value)> Values(ITableEntity entity) => entity is TableEntity bag
        ? bag.Select(p => (p.Key, p.Value))
        : PropertiesOf(entity.GetType()).Select(p => (p.Name, p.GetValue(entity)));

    internal static PropertyInfo[] PropertiesOf(Type type) => Properties.GetOrAdd(type, t =>
    {
        var properties = t.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanRead && p.CanWrite && p.GetIndexParameters().Length == 0 && !SystemProperties.Contains(p.Name))
            .ToArray();
        foreach (var property in properties)
        {
            if (!IsSupported(Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType))
            {
                throw new NotSupportedException($"{t.Name}.{property.Name}: Table Storage cannot store a {property.PropertyType.Name}.");
            }
        }

        return properties;
    });

    private static bool IsSupported(Type type) =>
        type == typeof(string) || type == typeof(bool) || type == typeof(int) || type == typeof(long) || type == typeof(double)
        || type == typeof(Guid) || type == typeof(DateTimeOffset) || type == typeof(DateTime) || type == typeof(byte[]) || type.IsEnum;

    private static void WriteValue(Utf8JsonWriter writer, string name, object? value)
    {
        switch (value)
        {
            case null:
                return; // absent, as the service stores no nulls
            case string s:
                writer.WriteString(name, s);
                break;
            case bool b:
                writer.WriteBoolean(name, b);
                break;
            case int i:
                writer.WriteNumber(name, i);
                break;
            case long l:
                writer.WriteString(name + "@odata.type", "Edm.Int64");
                writer.WriteString(name, l.ToString(CultureInfo.InvariantCulture));
                break;
            case double d:
                writer.WriteNumber(name, d);
                break;
            case Guid g:
                writer.WriteString(name + "@odata.type", "Edm.Guid");
                writer.WriteString(name, g.ToString());
                break;
            case DateTimeOffset dto:
                writer.WriteString(name + "@odata.type", "Edm.DateTime");
                writer.WriteString(name, dto.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffffffZ", CultureInfo.InvariantCulture));
                break;
            case DateTime dt:
                writer.WriteString(name + "@odata.type", "Edm.DateTime");
                writer.WriteString(name, dt.ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:ss.fffffffZ", CultureInfo.InvariantCulture));
                break;
            case byte[] bytes:
                writer.WriteString(name + "@odata.type", "Edm.Binary");
                writer.WriteString(name, Convert.ToBase64String(bytes));
                break;
            case Enum e:
                writer.WriteString(name, e.ToString());
                break;
            default:
                throw new NotSupportedException($"Property {name}: Table Storage cannot store a {value.GetType().Name}.");
        }
    }

    private static object? ReadTyped(JsonElement value, Type declared, string name)
    {
        var type = Nullable.GetUnderlyingType(declared) ?? declared;
        try
        {
            return type switch
            {
                _ when type == typeof(string) => value.ValueKind == JsonValueKind.String ? value.GetString() : value.GetRawText(),
                _ when type == typeof(bool) => value.GetBoolean(),
                _ when type == typeof(int) => value.GetInt32(),
                _ when type == typeof(long) => value.ValueKind == JsonValueKind.String ? long.Parse(value.GetString()!, CultureInfo.InvariantCulture) : value.GetInt64(),
                _ when type == typeof(double) => value.ValueKind == JsonValueKind.String ? double.Parse(value.GetString()!, CultureInfo.InvariantCulture) : value.GetDouble(),
                _ when type == typeof(Guid) => Guid.Parse(value.GetString()!),
                _ when type == typeof(DateTimeOffset) => DateTimeOffset.Parse(value.GetString()!, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal),
                _ when type == typeof(DateTime) => DateTime.Parse(value.GetString()!, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal),
                _ when type == typeof(byte[]) => Convert.FromBase64String(value.GetString()!),
                _ when type.IsEnum => Enum.Parse(type, value.GetString()!),
                _ => throw new NotSupportedException(type.Name),
            };
        }
        catch (Exception e) when (e is FormatException or InvalidOperationException or ArgumentException)
        {
            throw new InvalidDataException($"Stored property {name} cannot be read as {type.Name}: {value.GetRawText()}", e);
        }
    }

    private static object? ReadUntyped(JsonElement value, string? edmType) => edmType switch
    {
        "Edm.Int64" => long.Parse(value.GetString()!, CultureInfo.InvariantCulture),
        "Edm.DateTime" => DateTimeOffset.Parse(value.GetString()!, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal),
        "Edm.Guid" => Guid.Parse(value.GetString()!),
        "Edm.Binary" => Convert.FromBase64String(value.GetString()!),
        "Edm.Double" => double.Parse(value.GetString()!, CultureInfo.InvariantCulture),
        _ => value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            JsonValueKind.Number when value.TryGetInt32(out var i) => i,
            JsonValueKind.Number => value.GetDouble(),
            _ => null,
        },
    };
}
