using System.Globalization;

namespace TalkBot.Bot.Infrastructure.Storage;

/// <summary>
/// An OData filter with every interpolated value formatted and escaped for the Table service: strings quoted with
/// <c>'</c> doubled, dates as <c>datetime'…'</c> to the tick, GUIDs as <c>guid'…'</c>, 64-bit numbers with <c>L</c>,
/// doubles with their decimal point.
/// </summary>
/// <remarks>
/// Not the SDK's <c>TableClient.CreateQueryFilter</c>: it writes a whole double <c>2.0</c> as <c>2</c>, which the
/// service reads as an Int32 literal that never equals a Double property (Azurite is lenient, Azure is not), and it
/// writes dates to the second, so a lease that ends within the second compares wrongly.
/// </remarks>
public static class TableFilter
{
    public static string Of(FormattableString filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var arguments = filter.GetArguments().Select(Literal).ToArray();
        return string.Format(CultureInfo.InvariantCulture, filter.Format, arguments);
    }

    /// <summary>The rows of one partition whose RowKey starts with <paramref name="prefix"/>.</summary>
    public static string RowsStartingWith(string partition, string prefix)
    {
        ArgumentException.ThrowIfNullOrEmpty(prefix);
        return Of($"PartitionKey eq {partition} and RowKey ge {prefix} and RowKey lt {After(prefix)}");
    }

    /// <summary>
    /// The first key after every key that starts with <paramref name="prefix"/>: the prefix with its last character
    /// raised by one, so that <c>ge prefix and lt After(prefix)</c> is "starts with".
    /// </summary>
    public static string After(string prefix)
    {
        ArgumentException.ThrowIfNullOrEmpty(prefix);
        return prefix[..^1] + (char)(prefix[^1] + 1);
    }

    private static string Literal(object? value) => value switch
    {
        null => "null",
        string s => $"'{s.Replace("'", "''", StringComparison.Ordinal)}'",
        bool b => b ? "true" : "false",
        int i => i.ToString(CultureInfo.InvariantCulture),
        long l => l.ToString(CultureInfo.InvariantCulture) + "L",
        double d => DoubleLiteral(d),
        Guid g => $"guid'{g}'",
        DateTimeOffset dto => $"datetime'{dto.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffffffZ", CultureInfo.InvariantCulture)}'",
        DateTime dt => $"datetime'{dt.ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:ss.fffffffZ", CultureInfo.InvariantCulture)}'",
        Enum e => $"'{e}'",
        _ => throw new NotSupportedException($"A filter cannot hold a {value.GetType().Name}."),
    };

    private static string DoubleLiteral(double d)
    {
        var text = d.ToString("R", CultureInfo.InvariantCulture);
        return text.Contains('.', StringComparison.Ordinal) || text.Contains('E', StringComparison.Ordinal) ? text : text + ".0";
    }
}
