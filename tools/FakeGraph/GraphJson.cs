using System.Buffers.Text;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace TalkBot.FakeGraph;

/// <summary>Graph's answers: JSON bodies, errors and opaque page tokens.</summary>
internal static class GraphJson
{
    public const string ContentType = "application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8";

    public static async Task<int> ErrorAsync(HttpContext context, int status, string code, string message)
    {
        context.Response.StatusCode = status;
        await context.Response.WriteAsJsonAsync(new { error = new { code, message } }, context.RequestAborted);
        return status;
    }

    public static async Task WriteAsync(HttpContext context, int status, JsonNode body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = ContentType;
        await context.Response.WriteAsync(body.ToJsonString(), context.RequestAborted);
    }

    public static async Task<JsonObject?> ReadAsync(HttpContext context)
    {
        try
        {
            // Graph reads property names case-insensitively (the SDK writes the cancel action's "Comment").
            return await JsonNode.ParseAsync(context.Request.Body, new JsonNodeOptions { PropertyNameCaseInsensitive = true }, cancellationToken: context.RequestAborted) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>Opaque to clients, like Graph's: here numbers joined by ':'.</summary>
    public static string Token(params long[] values) =>
        Base64Url.EncodeToString(Encoding.ASCII.GetBytes(string.Join(':', values.Select(v => v.ToString(CultureInfo.InvariantCulture)))));

    public static long[]? Untoken(string? token)
    {
        if (string.IsNullOrEmpty(token))
        {
            return null;
        }

        try
        {
            return [.. Encoding.ASCII.GetString(Base64Url.DecodeFromChars(token)).Split(':').Select(p => long.Parse(p, CultureInfo.InvariantCulture))];
        }
        catch (Exception e) when (e is FormatException or OverflowException)
        {
            return [];
        }
    }
}
