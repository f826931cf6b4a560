using System.Globalization;
using System.Text;
using SpreadCheetah;
using SpreadCheetah.Styling;
using SpreadCheetah.Worksheets;

namespace TalkBot.Bot.Infrastructure.Exports;

/// <summary>What a column of an exported sheet holds, so that a date is a date cell, not text.</summary>
public enum SheetCellKind
{
    Text,
    Number,
    /// <summary>A day (<see cref="DateOnly"/>): an Excel date.</summary>
    Date,
    /// <summary>A moment (<see cref="DateTimeOffset"/>, shown in the site's time zone): an Excel date and time.</summary>
    DateTime,
}

/// <summary>A column of an exported sheet: its header (in the reader's language) and what it holds.</summary>
public sealed record SheetColumn(string Header, SheetCellKind Kind, double Width = 16);

/// <summary>
/// Writes one sheet of a table as an Excel workbook (.xlsx) or as CSV, for every export of the tab (ledgers, the month's
/// statistics): the header row frozen and bold, dates and times as real date cells in the site's time zone, numbers as
/// numbers. SpreadCheetah writes the workbook row by row without a model of it in memory (about the size of the file
/// itself, a few megabytes for a month of ten thousand rows); it is finished in a buffer because closing its zip writes
/// synchronously, which ASP.NET Core refuses on a response body.
/// A cell's value is a <see cref="string"/>, a number, a <see cref="DateOnly"/>, a <see cref="DateTimeOffset"/> or null.
/// </summary>
public static class XlsxSheet
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public const string CsvContentType = "text/csv; charset=utf-8";

    public static async Task WriteAsync(Stream stream, string sheetName, IReadOnlyList<SheetColumn> columns, IEnumerable<IReadOnlyList<object?>> rows,
        TimeZoneInfo zone, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(zone);
        ArgumentNullException.ThrowIfNull(stream);
        if (stream is not MemoryStream)
        {
            using var buffer = new MemoryStream();
            await WriteAsync(buffer, sheetName, columns, rows, zone, cancellationToken).ConfigureAwait(false);
            buffer.Position = 0;
            await buffer.CopyToAsync(stream, cancellationToken).ConfigureAwait(false);
            return;
        }

        await using var spreadsheet = await Spreadsheet.CreateNewAsync(stream, cancellationToken: cancellationToken).ConfigureAwait(false);
        var options = new WorksheetOptions { FrozenRows = 1 };
        for (var i = 0; i < columns.Count; i++)
        {
            options.Column(i + 1).Width = columns[i].Width;
        }

        await spreadsheet.StartWorksheetAsync(SafeName(sheetName), options, cancellationToken).ConfigureAwait(false);
        var header = spreadsheet.AddStyle(new Style { Font = { Bold = true } });
        var date = spreadsheet.AddStyle(new Style { Format = NumberFormat.Custom("yyyy-mm-dd") });
        var dateTime = spreadsheet.AddStyle(new Style { Format = NumberFormat.Custom("yyyy-mm-dd hh:mm") });
        await spreadsheet.AddRowAsync(columns.Select(c => new Cell(c.Header, header)).ToArray(), cancellationToken).ConfigureAwait(false);
        foreach (var row in rows)
        {
            var cells = new Cell[columns.Count];
            for (var i = 0; i < columns.Count; i++)
            {
                cells[i] = (i < row.Count ? row[i] : null) switch
                {
                    null => new Cell(""),
                    DateOnly d => new Cell(d.ToDateTime(TimeOnly.MinValue), date),
                    DateTimeOffset t => new Cell(TimeZoneInfo.ConvertTime(t, zone).DateTime, dateTime),
                    int n => new Cell(n),
                    long n => new Cell(n),
                    double n => new Cell(n),
                    decimal n => new Cell(n),
                    var other => new Cell(Convert.ToString(other, CultureInfo.InvariantCulture) ?? ""),
                };
            }

            await spreadsheet.AddRowAsync(cells, cancellationToken).ConfigureAwait(false);
        }

        await spreadsheet.FinishAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The same table as CSV (UTF-8 with a byte order mark, which Excel needs to read Chinese), dates as ISO text.</summary>
    public static async Task WriteCsvAsync(Stream stream, IReadOnlyList<SheetColumn> columns, IEnumerable<IReadOnlyList<object?>> rows, TimeZoneInfo zone,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(rows);
        var writer = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), leaveOpen: true);
        await using (writer.ConfigureAwait(false))
        {
            await writer.WriteLineAsync(string.Join(',', columns.Select(c => Quote(c.Header)))).ConfigureAwait(false);
            foreach (var row in rows)
            {
                cancellationToken.ThrowIfCancellationRequested();
                await writer.WriteLineAsync(string.Join(',', row.Select(v => Quote(v switch
                {
                    null => "",
                    DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    DateTimeOffset t => TimeZoneInfo.ConvertTime(t, zone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
                    var other => Convert.ToString(other, CultureInfo.InvariantCulture) ?? "",
                })))).ConfigureAwait(false);
            }
        }
    }

    // A cell that a spreadsheet would read as a formula is prefixed, so an exported name can never run as one.
    private static string Quote(string value)
    {
        var safe = value.Length > 0 && "=+-@".Contains(value[0], StringComparison.Ordinal) ? "'" + value : value;
        return safe.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + safe.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : safe;
    }

    // Excel refuses sheet names over 31 characters or with []:*?/\ in them.
    private static string SafeName(string name)
    {
        var cleaned = new string([.. name.Where(c => "[]:*?/\\".IndexOf(c, StringComparison.Ordinal) < 0)]);
        return cleaned.Length == 0 ? "Sheet1" : cleaned.Length > 31 ? cleaned[..31] : cleaned;
    }
}
