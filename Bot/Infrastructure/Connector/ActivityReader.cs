using System.Buffers;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Features;

namespace TalkBot.Bot.Infrastructure.Connector;

/// <summary>
/// Reads the request body into an <see cref="Activity"/>: at most <see cref="EdgeOptions.MaxBodyBytes"/> bytes (a
/// declared length over it is refused before a byte is read), JSON nested at most 32 deep, every string valid UTF-16
/// and at most 32,000 characters (Table Storage's largest string), every field of its documented JSON type.
/// </summary>
public static class ActivityReader
{
    /// <summary>Table Storage keeps a string property of up to 64 KiB: 32K UTF-16 characters.</summary>
    public const int MaxStringLength = 32_000;

    private const int MaxDepth = 32;

    public static async Task<(Activity? Activity, EdgeRefusal? Refusal)> ReadAsync(HttpRequest request, int maxBytes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.ContentLength > maxBytes)
        {
            return (null, TooLarge(maxBytes));
        }

        // Kestrel then refuses a chunked body that runs past the limit as well.
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = maxBytes;
        }

        var buffer = ArrayPool<byte>.Shared.Rent(maxBytes + 1);
        try
        {
            var length = 0;
            try
            {
                int read;
                while ((read = await request.Body.ReadAsync(buffer.AsMemory(length, maxBytes + 1 - length), cancellationToken).ConfigureAwait(false)) > 0)
                {
                    length += read;
                    if (length > maxBytes)
                    {
                        return (null, TooLarge(maxBytes));
                    }
                }
            }
            catch (BadHttpRequestException e)
            {
                return (null, e.StatusCode == StatusCodes.Status413PayloadTooLarge ? TooLarge(maxBytes) : EdgeRefusal.BadRequest("body could not be read"));
            }

            return Parse(buffer.AsMemory(0, length));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    internal static (Activity? Activity, EdgeRefusal? Refusal) Parse(ReadOnlyMemory<byte> body)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = MaxDepth });
        }
        catch (JsonException)
        {
            return (null, EdgeRefusal.BadRequest("body is not JSON"));
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return (null, EdgeRefusal.BadRequest("body is not a JSON object"));
            }

            if (StringProblem(document.RootElement) is { } problem)
            {
                return (null, EdgeRefusal.BadRequest(problem));
            }

            try
            {
                return (document.RootElement.Deserialize<Activity>(ConnectorJson.Options)!, null);
            }
            catch (JsonException)
            {
                return (null, EdgeRefusal.BadRequest("a field has the wrong JSON type"));
            }
        }
    }

    /// <summary>A string or property name that is not valid UTF-16 (a lone surrogate, bad UTF-8) or is too long.</summary>
    private static string? StringProblem(JsonElement element)
    {
        try
        {
            switch (element.ValueKind)
            {
                case JsonValueKind.String:
                    return element.GetString()!.Length > MaxStringLength ? $"a string longer than {MaxStringLength} characters" : null;
                case JsonValueKind.Object:
                    foreach (var property in element.EnumerateObject())
                    {
                        if (property.Name.Length > 256)
                        {
                            return "a property name longer than 256 characters";
                        }

                        if (StringProblem(property.Value) is { } inner)
                        {
                            return inner;
                        }
                    }

                    return null;
                case JsonValueKind.Array:
                    foreach (var item in element.EnumerateArray())
                    {
                        if (StringProblem(item) is { } inner)
                        {
                            return inner;
                        }
                    }

                    return null;
                default:
                    return null;
            }
        }
        catch (InvalidOperationException)
        {
            // System.Text.Json refuses to turn a lone surrogate or invalid UTF-8 into a .NET string.
            return "a string is not valid Unicode";
        }
    }

    private static EdgeRefusal TooLarge(int maxBytes) => new(StatusCodes.Status413PayloadTooLarge, $"body larger than {maxBytes} bytes");
}
