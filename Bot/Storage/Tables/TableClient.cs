using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Azure;
using Azure.Core;
using Azure.Core.Pipeline;

namespace TalkBot.Bot.Storage.Tables;

/// <summary>
/// One table, with the operations of Azure.Data.Tables' <c>TableClient</c> over the Table service REST API
/// (JSON, OData v3). Writes return the new ETag into the entity; conditional writes use <c>If-Match</c>.
/// </summary>
public sealed partial class TableClient
{
    private const string JsonNoMetadata = "application/json;odata=nometadata";
    private const string JsonMinimalMetadata = "application/json;odata=minimalmetadata";
    private static readonly RequestMethod Merge = new("MERGE");

    private readonly Uri endpoint;
    private readonly HttpPipeline pipeline;

    internal TableClient(Uri endpoint, string tableName, HttpPipeline pipeline)
    {
        if (!TableNamePattern().IsMatch(tableName))
        {
            throw new ArgumentException($"'{tableName}' is not a valid table name (3–63 letters and digits, starting with a letter).", nameof(tableName));
        }

        this.endpoint = endpoint;
        Name = tableName;
        this.pipeline = pipeline;
    }

    public string Name { get; }

    public async Task<Response> CreateIfNotExistsAsync(CancellationToken cancellationToken = default)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, string> { ["TableName"] = Name });
        var response = await SendAsync(RequestMethod.Post, new Uri($"{endpoint}/Tables"), body, null, cancellationToken).ConfigureAwait(false);
        if (response.Status == 409)
        {
            return response; // TableAlreadyExists: the wanted state
        }

        return EnsureSuccess(response);
    }

    public async Task<Response> DeleteAsync(CancellationToken cancellationToken = default)
    {
        var response = await SendAsync(RequestMethod.Delete, new Uri($"{endpoint}/Tables('{Name}')"), null, null, cancellationToken).ConfigureAwait(false);
        return response.Status == 404 ? response : EnsureSuccess(response);
    }

    public async Task<Response> AddEntityAsync<T>(T entity, CancellationToken cancellationToken = default) where T : ITableEntity
    {
        var response = await SendAsync(RequestMethod.Post, new Uri($"{endpoint}/{Name}"), EntityMapper.Serialize(entity), null, cancellationToken).ConfigureAwait(false);
        return Written(entity, EnsureSuccess(response));
    }

    public async Task<Response> UpsertEntityAsync<T>(T entity, TableUpdateMode mode = TableUpdateMode.Merge, CancellationToken cancellationToken = default) where T : ITableEntity
    {
        var method = mode == TableUpdateMode.Replace ? RequestMethod.Put : Merge;
        var response = await SendAsync(method, EntityUri(entity.PartitionKey, entity.RowKey), EntityMapper.Serialize(entity), null, cancellationToken).ConfigureAwait(false);
        return Written(entity, EnsureSuccess(response));
    }

    public async Task<Response> UpdateEntityAsync<T>(T entity, ETag ifMatch, TableUpdateMode mode = TableUpdateMode.Merge, CancellationToken cancellationToken = default) where T : ITableEntity
    {
        var method = mode == TableUpdateMode.Replace ? RequestMethod.Put : Merge;
        var etag = ifMatch == default ? ETag.All : ifMatch;
        var response = await SendAsync(method, EntityUri(entity.PartitionKey, entity.RowKey), EntityMapper.Serialize(entity), etag, cancellationToken).ConfigureAwait(false);
        return Written(entity, EnsureSuccess(response));
    }

    public async Task<Response<T>> GetEntityAsync<T>(string partitionKey, string rowKey, IEnumerable<string>? select = null, CancellationToken cancellationToken = default)
        where T : class, ITableEntity, new()
    {
        var result = await GetEntityIfExistsAsync<T>(partitionKey, rowKey, select, cancellationToken).ConfigureAwait(false);
        if (!result.HasValue)
        {
            var raw = result.GetRawResponse();
            throw new RequestFailedException(raw.Status, $"No entity ({partitionKey}, {rowKey}) in table {Name}.", "ResourceNotFound", null);
        }

        return Response.FromValue(result.Value!, result.GetRawResponse());
    }

    public async Task<NullableResponse<T>> GetEntityIfExistsAsync<T>(string partitionKey, string rowKey, IEnumerable<string>? select = null, CancellationToken cancellationToken = default)
        where T : class, ITableEntity, new()
    {
        var uri = EntityUri(partitionKey, rowKey) + Select(select, "?");
        var response = await SendAsync(RequestMethod.Get, new Uri(uri), null, null, cancellationToken).ConfigureAwait(false);
        if (response.Status == 404)
        {
            return new TableNullableResponse<T>(null, response);
        }

        EnsureSuccess(response);
        using var json = JsonDocument.Parse(response.Content.ToMemory());
        var entity = EntityMapper.Deserialize<T>(json.RootElement);
        if (response.Headers.ETag is { } etag)
        {
            entity.ETag = etag;
        }

        return new TableNullableResponse<T>(entity, response);
    }

    public async Task<Response> DeleteEntityAsync(string partitionKey, string rowKey, ETag ifMatch = default, CancellationToken cancellationToken = default)
    {
        var etag = ifMatch == default ? ETag.All : ifMatch;
        var response = await SendAsync(RequestMethod.Delete, EntityUri(partitionKey, rowKey), null, etag, cancellationToken).ConfigureAwait(false);
        return EnsureSuccess(response);
    }

    /// <summary>Entities matching <paramref name="filter"/> (OData), page by page, following the service's continuation.</summary>
    public AsyncPageable<T> QueryAsync<T>(string? filter = null, int? maxPerPage = null, IEnumerable<string>? select = null, CancellationToken cancellationToken = default)
        where T : class, ITableEntity, new()
    {
        if (typeof(T) != typeof(TableEntity))
        {
            EntityMapper.PropertiesOf(typeof(T)); // an unmappable entity type fails here, not on the first page
        }

        return new QueryPageable<T>(this, filter, maxPerPage, select?.ToList(), cancellationToken);
    }

    /// <summary>
    /// An OData filter with every interpolated value formatted and escaped for the service: strings quoted with
    /// <c>'</c> doubled, dates as <c>datetime'…'</c>, GUIDs as <c>guid'…'</c>, 64-bit numbers with <c>L</c>.
    /// </summary>
    public static string CreateQueryFilter(FormattableString filter)
    {
        var arguments = filter.GetArguments().Select(Literal).ToArray();
        return string.Format(CultureInfo.InvariantCulture, filter.Format, arguments);
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

    // A whole double must keep its decimal point: the service reads "2" as an Int32 literal, which never equals a
    // Double property, so a filter on 2.0 would quietly find nothing (Azurite is lenient here; Azure is not).
    private static string DoubleLiteral(double d)
    {
        var text = d.ToString("R", CultureInfo.InvariantCulture);
        return text.Contains('.', StringComparison.Ordinal) || text.Contains('E', StringComparison.Ordinal) ? text : text + ".0";
    }

    /// <summary>
    /// An entity group transaction: up to 100 actions on one partition, applied all together or not at all.
    /// </summary>
    public async Task<Response> SubmitTransactionAsync(IEnumerable<TableTransactionAction> actions, CancellationToken cancellationToken = default)
    {
        var list = actions.ToList();
        if (list.Count == 0)
        {
            throw new ArgumentException("A transaction needs at least one action.", nameof(actions));
        }

        if (list.Count > 100)
        {
            throw new InvalidOperationException($"A transaction holds at most 100 actions; {list.Count} were given.");
        }

        if (list.Select(a => a.Entity.PartitionKey).Distinct(StringComparer.Ordinal).Count() > 1)
        {
            throw new InvalidOperationException("All actions of a transaction must share one PartitionKey.");
        }

        var batch = "batch_" + Guid.NewGuid().ToString("N");
        var changeset = "changeset_" + Guid.NewGuid().ToString("N");
        var body = new StringBuilder();
        body.Append(CultureInfo.InvariantCulture, $"--{batch}\r\nContent-Type: multipart/mixed; boundary={changeset}\r\n\r\n");
        for (var i = 0; i < list.Count; i++)
        {
            AppendAction(body, changeset, list[i], i);
        }

        body.Append(CultureInfo.InvariantCulture, $"--{changeset}--\r\n--{batch}--\r\n");

        // Not disposed here: the buffered response outlives the call and is read by the caller.
        var message = pipeline.CreateMessage();
        message.Request.Method = RequestMethod.Post;
        message.Request.Uri.Reset(new Uri($"{endpoint}/$batch"));
        AddCommonHeaders(message.Request);
        message.Request.Headers.SetValue("Content-Type", $"multipart/mixed; boundary={batch}");
        message.Request.Content = RequestContent.Create(Encoding.UTF8.GetBytes(body.ToString()));
        await pipeline.SendAsync(message, cancellationToken).ConfigureAwait(false);
        var response = message.Response;
        EnsureSuccess(response);
        var text = response.Content.ToString();
        var statuses = StatusLinePattern().Matches(text).Select(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)).ToList();
        var failed = statuses.FirstOrDefault(s => s >= 300);
        if (failed != 0)
        {
            // The failed action's response carries the error as one line of JSON inside the multipart body.
            var errorLine = text.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.StartsWith('{')) ?? "";
            var (code, detail) = ErrorOf(errorLine);
            // The service prefixes the message with the index of the failing action ("1:The specified entity …").
            int? index = detail is not null && IndexPrefixPattern().Match(detail) is { Success: true } m
                ? int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)
                : null;
            throw new TableTransactionFailedException(failed, $"Transaction on table {Name} failed: {failed} {code} {detail}", code, index);
        }

        // Each action's new ETag, in order, where the service returned one.
        var etags = EtagPattern().Matches(text).Select(m => m.Groups[1].Value).ToList();
        var writes = list.Where(a => a.ActionType != TableTransactionActionType.Delete).ToList();
        for (var i = 0; i < writes.Count && i < etags.Count; i++)
        {
            writes[i].Entity.ETag = new ETag(etags[i]);
        }

        return response;
    }

    private void AppendAction(StringBuilder body, string changeset, TableTransactionAction action, int contentId)
    {
        var entity = action.Entity;
        var (method, uri, etag) = action.ActionType switch
        {
            TableTransactionActionType.Add => ("POST", $"{endpoint}/{Name}", (ETag?)null),
            TableTransactionActionType.UpdateMerge => ("MERGE", EntityUri(entity.PartitionKey, entity.RowKey), action.ETag == default ? ETag.All : action.ETag),
            TableTransactionActionType.UpdateReplace => ("PUT", EntityUri(entity.PartitionKey, entity.RowKey), action.ETag == default ? ETag.All : action.ETag),
            TableTransactionActionType.Delete => ("DELETE", EntityUri(entity.PartitionKey, entity.RowKey), action.ETag == default ? ETag.All : action.ETag),
            TableTransactionActionType.UpsertMerge => ("MERGE", EntityUri(entity.PartitionKey, entity.RowKey), null),
            TableTransactionActionType.UpsertReplace => ("PUT", EntityUri(entity.PartitionKey, entity.RowKey), null),
            _ => throw new ArgumentOutOfRangeException(nameof(action)),
        };
        body.Append(CultureInfo.InvariantCulture, $"--{changeset}\r\nContent-Type: application/http\r\nContent-Transfer-Encoding: binary\r\n\r\n");
        body.Append(CultureInfo.InvariantCulture, $"{method} {uri} HTTP/1.1\r\n");
        body.Append(CultureInfo.InvariantCulture, $"Content-ID: {contentId}\r\nAccept: {JsonMinimalMetadata}\r\nDataServiceVersion: 3.0\r\n");
        if (etag is { } match)
        {
            body.Append(CultureInfo.InvariantCulture, $"If-Match: {match}\r\n");
        }

        if (action.ActionType == TableTransactionActionType.Delete)
        {
            body.Append("\r\n");
            return;
        }

        body.Append(CultureInfo.InvariantCulture, $"Content-Type: application/json\r\nPrefer: return-no-content\r\n\r\n");
        body.Append(Encoding.UTF8.GetString(EntityMapper.Serialize(entity))).Append("\r\n");
    }

    internal async Task<(List<T> Values, string? NextPartitionKey, string? NextRowKey, Response Response)> QueryPageAsync<T>(
        string? filter, int? top, IReadOnlyList<string>? select, string? nextPartitionKey, string? nextRowKey, CancellationToken cancellationToken)
        where T : class, ITableEntity, new()
    {
        var query = new List<string>();
        if (!string.IsNullOrEmpty(filter))
        {
            query.Add("$filter=" + Uri.EscapeDataString(filter));
        }

        if (top is { } n)
        {
            query.Add("$top=" + n.ToString(CultureInfo.InvariantCulture));
        }

        var selected = Select(select, "");
        if (selected.Length > 0)
        {
            query.Add(selected);
        }

        if (nextPartitionKey is not null)
        {
            query.Add("NextPartitionKey=" + Uri.EscapeDataString(nextPartitionKey));
        }

        if (nextRowKey is not null)
        {
            query.Add("NextRowKey=" + Uri.EscapeDataString(nextRowKey));
        }

        var uri = new Uri($"{endpoint}/{Name}()" + (query.Count > 0 ? "?" + string.Join('&', query) : ""));
        var response = EnsureSuccess(await SendAsync(RequestMethod.Get, uri, null, null, cancellationToken).ConfigureAwait(false));
        using var json = JsonDocument.Parse(response.Content.ToMemory());
        var values = json.RootElement.GetProperty("value").EnumerateArray().Select(EntityMapper.Deserialize<T>).ToList();
        response.Headers.TryGetValue("x-ms-continuation-NextPartitionKey", out var nextPk);
        response.Headers.TryGetValue("x-ms-continuation-NextRowKey", out var nextRk);
        return (values, nextPk, nextRk, response);
    }

    private static string Select(IEnumerable<string>? select, string prefix)
    {
        var names = select?.ToList();
        return names is { Count: > 0 } ? prefix + "$select=" + Uri.EscapeDataString(string.Join(',', names)) : "";
    }

    private string EntityUri(string partitionKey, string rowKey) =>
        $"{endpoint}/{Name}(PartitionKey='{KeyLiteral(partitionKey)}',RowKey='{KeyLiteral(rowKey)}')";

    // Quotes are doubled for OData, then the whole key is escaped for the URL (keys may hold '|', Chinese, spaces).
    private static string KeyLiteral(string key) => Uri.EscapeDataString(key.Replace("'", "''", StringComparison.Ordinal));

    private Task<Response> SendAsync(RequestMethod method, Uri uri, byte[]? body, ETag? ifMatch, CancellationToken cancellationToken) =>
        SendAsync(method, uri.AbsoluteUri, body, ifMatch, cancellationToken);

    private Task<Response> SendAsync(RequestMethod method, string uri, byte[]? body, ETag? ifMatch, CancellationToken cancellationToken) =>
        SendCoreAsync(method, new Uri(uri), body, ifMatch, cancellationToken);

    private async Task<Response> SendCoreAsync(RequestMethod method, Uri uri, byte[]? body, ETag? ifMatch, CancellationToken cancellationToken)
    {
        // Not disposed here: the buffered response outlives the call and is read by the caller.
        var message = pipeline.CreateMessage();
        message.Request.Method = method;
        message.Request.Uri.Reset(uri);
        AddCommonHeaders(message.Request);
        if (ifMatch is { } etag)
        {
            message.Request.Headers.SetValue("If-Match", etag.ToString());
        }

        if (body is not null)
        {
            message.Request.Headers.SetValue("Content-Type", "application/json");
            message.Request.Headers.SetValue("Prefer", "return-no-content");
            message.Request.Content = RequestContent.Create(body);
        }

        await pipeline.SendAsync(message, cancellationToken).ConfigureAwait(false);
        return message.Response;
    }

    private static void AddCommonHeaders(Request request)
    {
        request.Headers.SetValue("x-ms-version", TableClientOptions.ServiceVersion);
        request.Headers.SetValue("DataServiceVersion", "3.0");
        request.Headers.SetValue("MaxDataServiceVersion", "3.0;NetFx");
        request.Headers.SetValue("Accept", JsonMinimalMetadata);
    }

    private static Response Written(ITableEntity entity, Response response)
    {
        if (response.Headers.ETag is { } etag)
        {
            entity.ETag = etag;
        }

        return response;
    }

    private Response EnsureSuccess(Response response)
    {
        if (response.Status < 300)
        {
            return response;
        }

        var (code, message) = ErrorOf(response.Content.ToString());
        throw new RequestFailedException(response.Status, $"Table {Name}: HTTP {response.Status} {code} {message}".TrimEnd(), code, null);
    }

    private static (string? Code, string? Message) ErrorOf(string body)
    {
        try
        {
            using var json = JsonDocument.Parse(body);
            if (json.RootElement.TryGetProperty("odata.error", out var error))
            {
                var code = error.TryGetProperty("code", out var c) ? c.GetString() : null;
                var message = error.TryGetProperty("message", out var m) && m.TryGetProperty("value", out var v) ? v.GetString() : null;
                return (code, message);
            }
        }
        catch (JsonException)
        {
            // Not JSON (a proxy's page, an empty body): the status says enough.
        }

        return (null, null);
    }

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9]{2,62}$")]
    private static partial Regex TableNamePattern();

    [GeneratedRegex(@"HTTP/1\.1 (\d{3})")]
    private static partial Regex StatusLinePattern();

    [GeneratedRegex(@"^(\d+):")]
    private static partial Regex IndexPrefixPattern();

    [GeneratedRegex(@"(?im)^ETag:\s*(\S+)\s*$")]
    private static partial Regex EtagPattern();

    private sealed class QueryPageable<T>(TableClient table, string? filter, int? maxPerPage, IReadOnlyList<string>? select, CancellationToken cancellationToken)
        : AsyncPageable<T>(cancellationToken) where T : class, ITableEntity, new()
    {
        public override async IAsyncEnumerable<Page<T>> AsPages(string? continuationToken = null, int? pageSizeHint = null)
        {
            var (pk, rk) = Split(continuationToken);
            do
            {
                var page = await table.QueryPageAsync<T>(filter, pageSizeHint ?? maxPerPage, select, pk, rk, CancellationToken).ConfigureAwait(false);
                (pk, rk) = (page.NextPartitionKey, page.NextRowKey);
                var token = pk is null ? null : $"{pk} {rk}";
                yield return Page<T>.FromValues(page.Values, token, page.Response);
            }
            while (pk is not null);
        }

        private static (string?, string?) Split(string? token)
        {
            if (string.IsNullOrEmpty(token))
            {
                return (null, null);
            }

            var parts = token.Split(' ', 2);
            return (parts[0], parts.Length > 1 ? parts[1] : null);
        }
    }
}
