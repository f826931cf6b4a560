using System.Buffers.Text;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace TalkBot.FakeGraph;

/// <summary>
/// <c>GET /v1.0/users</c> as Graph answers it: $top, $select, $expand=manager($select=...), @odata.nextLink with a
/// $skiptoken, a bearer token required, and the throttling and latency that <see cref="FakeGraphOptions"/> asks for.
/// </summary>
internal sealed class UsersEndpoint(FakeGraphOptions options, FakeGraphLog log)
{
    private const string UserType = "#microsoft.graph.user";

    // Graph's default properties for /users without $select, among those the fake stores: no department, no accountEnabled.
    private static readonly string[] DefaultProperties = ["id", "displayName", "jobTitle", "mail", "userPrincipalName"];

    private static readonly string[] KnownProperties =
        ["id", "displayName", "department", "jobTitle", "mail", "userPrincipalName", "accountEnabled"];

    // Unescaped '&' in nextLinks and non-ASCII names, as Graph writes them.
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly Lazy<Dictionary<string, FakeGraphUser>> byId =
        new(() => options.Users.ToDictionary(u => u.Id, StringComparer.Ordinal));

    private int throttled;

    public async Task HandleAsync(HttpContext context)
    {
        var at = options.TimeProvider.GetUtcNow();
        var parameters = context.Request.Query.ToDictionary(p => p.Key, p => p.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        if (options.Latency > TimeSpan.Zero)
        {
            await Task.Delay(options.Latency, options.TimeProvider, context.RequestAborted);
        }

        var status = await AnswerAsync(context, parameters);
        log.Record(new FakeGraphRequest(at, context.Request.Path, context.Request.QueryString.Value ?? string.Empty, parameters, status));
    }

    private async Task<int> AnswerAsync(HttpContext context, Dictionary<string, string> parameters)
    {
        var authorization = context.Request.Headers.Authorization.ToString();
        if (!authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) || authorization.Length <= "Bearer ".Length)
        {
            log.CountUnauthorized();
            return await ErrorAsync(context, StatusCodes.Status401Unauthorized, "InvalidAuthenticationToken", "Access token is empty.");
        }

        parameters.TryGetValue("$skiptoken", out var skipToken);
        if (options.ThrottleOnce && skipToken is not null && Interlocked.CompareExchange(ref throttled, 1, 0) == 0)
        {
            log.CountThrottled();
            var seconds = (int)Math.Ceiling(options.RetryAfter.TotalSeconds);
            context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
            return await ErrorAsync(context, StatusCodes.Status429TooManyRequests, "TooManyRequests",
                $"Too many requests. Retry after {seconds} seconds.");
        }

        if (!TryParse(parameters, out var query, out var problem))
        {
            return await ErrorAsync(context, StatusCodes.Status400BadRequest, "BadRequest", problem);
        }

        var offset = skipToken is null ? 0 : DecodeSkipToken(skipToken);
        if (offset < 0)
        {
            return await ErrorAsync(context, StatusCodes.Status400BadRequest, "Directory_ExpiredPageToken", "The specified page token value has expired.");
        }

        var pageSize = query.Expand is not null && options.MaxPageSizeWithExpand is { } cap ? Math.Min(query.Top, cap) : query.Top;
        var users = options.Users;
        var end = Math.Min(users.Count, offset + pageSize);
        var baseUrl = $"{context.Request.Scheme}://{context.Request.Host}{context.Request.PathBase}/v1.0";

        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = "application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8";
        await using (var json = new Utf8JsonWriter(context.Response.BodyWriter, WriterOptions))
        {
            json.WriteStartObject();
            json.WriteString("@odata.context", $"{baseUrl}/$metadata#users({string.Join(',', query.Select)})");
            if (end < users.Count)
            {
                json.WriteString("@odata.nextLink", NextLink(baseUrl, parameters, end));
            }

            json.WriteStartArray("value");
            for (var i = offset; i < end; i++)
            {
                WriteUser(json, users[i], query);
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        await context.Response.BodyWriter.FlushAsync(context.RequestAborted);
        return StatusCodes.Status200OK;
    }

    private void WriteUser(Utf8JsonWriter json, FakeGraphUser user, UsersQuery query)
    {
        json.WriteStartObject();
        WriteProperties(json, user, query.Select);
        if (query.Expand is not null && user.ManagerId is { } managerId)
        {
            // Graph writes the expanded manager with its type; with $select=id that is all it holds.
            json.WriteStartObject("manager");
            json.WriteString("@odata.type", UserType);
            if (query.Expand is ["id"] || !byId.Value.TryGetValue(managerId, out var manager))
            {
                json.WriteString("id", managerId);
            }
            else
            {
                WriteProperties(json, manager, query.Expand);
            }

            json.WriteEndObject();
        }

        json.WriteEndObject();
    }

    private static void WriteProperties(Utf8JsonWriter json, FakeGraphUser user, IReadOnlyList<string> properties)
    {
        foreach (var property in properties)
        {
            switch (property)
            {
                case "id": json.WriteString(property, user.Id); break;
                case "displayName": json.WriteString(property, user.DisplayName); break;
                case "department": json.WriteString(property, user.Department); break;
                case "jobTitle": json.WriteString(property, user.JobTitle); break;
                case "mail": json.WriteString(property, user.Mail); break;
                case "userPrincipalName": json.WriteString(property, user.UserPrincipalName); break;
                case "accountEnabled": json.WriteBoolean(property, user.AccountEnabled); break;
                default: throw new InvalidOperationException($"Unknown property {property}.");
            }
        }
    }

    private bool TryParse(Dictionary<string, string> parameters, out UsersQuery query, out string problem)
    {
        query = default!;
        problem = string.Empty;

        var top = options.DefaultPageSize;
        if (parameters.TryGetValue("$top", out var topText) &&
            (!int.TryParse(topText, NumberStyles.None, CultureInfo.InvariantCulture, out top) || top < 1 || top > options.MaxPageSize))
        {
            problem = $"Invalid page size specified: '{topText}'. Must be between 1 and {options.MaxPageSize} inclusive.";
            return false;
        }

        var select = DefaultProperties;
        if (parameters.TryGetValue("$select", out var selectText) && !TryProperties(selectText, out select, out problem))
        {
            return false;
        }

        string[]? expand = null;
        if (parameters.TryGetValue("$expand", out var expandText) && !TryExpand(expandText, out expand, out problem))
        {
            return false;
        }

        query = new UsersQuery(top, select, expand);
        return true;
    }

    /// <summary>Accepts <c>manager</c> and <c>manager($select=a,b)</c>, the only expansion the fake knows.</summary>
    private static bool TryExpand(string text, out string[]? properties, out string problem)
    {
        properties = null;
        problem = string.Empty;
        var value = text.Trim();
        var open = value.IndexOf('(', StringComparison.Ordinal);
        var name = open < 0 ? value : value[..open];
        if (!name.Equals("manager", StringComparison.OrdinalIgnoreCase))
        {
            problem = $"Parsing OData Select and Expand failed: Could not find a property named '{name}' on type 'microsoft.graph.user'.";
            return false;
        }

        if (open < 0)
        {
            properties = KnownProperties;
            return true;
        }

        if (!value.EndsWith(')') || !value[(open + 1)..^1].StartsWith("$select=", StringComparison.OrdinalIgnoreCase))
        {
            problem = $"Parsing OData Select and Expand failed: the fake supports only manager($select=...), not '{value}'.";
            return false;
        }

        return TryProperties(value[(open + 1 + "$select=".Length)..^1], out properties, out problem);
    }

    private static bool TryProperties(string text, out string[] properties, out string problem)
    {
        var names = text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        properties = new string[names.Length];
        problem = string.Empty;
        for (var i = 0; i < names.Length; i++)
        {
            var known = Array.Find(KnownProperties, p => p.Equals(names[i], StringComparison.OrdinalIgnoreCase));
            if (known is null)
            {
                problem = $"Parsing OData Select and Expand failed: Could not find a property named '{names[i]}' on type 'microsoft.graph.user'.";
                return false;
            }

            properties[i] = known;
        }

        return true;
    }

    /// <summary>The same query with the next page's $skiptoken, as Graph's nextLinks keep $select, $expand and $top.</summary>
    private static string NextLink(string baseUrl, Dictionary<string, string> parameters, int offset)
    {
        var link = new StringBuilder(baseUrl).Append("/users?");
        foreach (var (name, value) in parameters)
        {
            if (!name.Equals("$skiptoken", StringComparison.OrdinalIgnoreCase))
            {
                link.Append(name).Append('=').Append(Uri.EscapeDataString(value)).Append('&');
            }
        }

        return link.Append("$skiptoken=").Append(EncodeSkipToken(offset)).ToString();
    }

    // Opaque to clients, like Graph's; here the offset of the next user.
    private static string EncodeSkipToken(int offset) =>
        Base64Url.EncodeToString(Encoding.ASCII.GetBytes("offset:" + offset.ToString(CultureInfo.InvariantCulture)));

    private static int DecodeSkipToken(string token)
    {
        try
        {
            var text = Encoding.ASCII.GetString(Base64Url.DecodeFromChars(token));
            return text.StartsWith("offset:", StringComparison.Ordinal) &&
                   int.TryParse(text.AsSpan("offset:".Length), NumberStyles.None, CultureInfo.InvariantCulture, out var offset)
                ? offset
                : -1;
        }
        catch (FormatException)
        {
            return -1;
        }
    }

    private static async Task<int> ErrorAsync(HttpContext context, int status, string code, string message)
    {
        context.Response.StatusCode = status;
        await context.Response.WriteAsJsonAsync(new GraphError(new GraphErrorBody(code, message)), context.RequestAborted);
        return status;
    }

    private sealed record GraphError(GraphErrorBody Error);

    private sealed record GraphErrorBody(string Code, string Message);

    private sealed record UsersQuery(int Top, string[] Select, string[]? Expand);
}
