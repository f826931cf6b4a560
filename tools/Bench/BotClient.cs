using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using TalkBot.Bot.Infrastructure.Connector;
using TalkBot.Bot.Infrastructure.Storage;

namespace TalkBot.Bench;

/// <summary>
/// One POST to /api/messages as the bench saw it: the HTTP status, the body, the round trip on loopback (the bot sends no
/// Server-Timing, so this is the server's time plus a loopback hop) and the storage calls the bot counted for it.
/// </summary>
internal sealed record Posted(int Status, string Body, TimeSpan Elapsed, int? StorageCalls)
{
    /// <summary>
    /// Why an invoke's answer is not the card <paramref name="expected"/> accepts, or null when it is: a non-200 status,
    /// a body status other than 200 (PROTOCOL §5: missing means 200), something else than a card, or an error card
    /// (ErrorCard's attention-styled lines, with its heading).
    /// </summary>
    public string? Problem(Func<JsonElement, bool> expected)
    {
        if (Status != 200)
        {
            return string.Create(CultureInfo.InvariantCulture, $"HTTP {Status}");
        }

        using var body = Parse(Body);
        if (body is null)
        {
            return "not JSON";
        }

        var root = body.RootElement;
        if (root.TryGetProperty("statusCode", out var code) && code.GetInt32() != 200)
        {
            return string.Create(CultureInfo.InvariantCulture, $"statusCode {code.GetInt32()}");
        }

        if (!root.TryGetProperty("type", out var type) || type.GetString() != InvokeResponse.AdaptiveCardContentType)
        {
            return "not a card";
        }

        var card = root.GetProperty("value");
        var heading = Texts(card).FirstOrDefault() ?? "";
        if (HasContainer(card, "attention"))
        {
            return "error card: " + heading;
        }

        return expected(card) ? null : "unexpected card: " + heading;
    }

    private static JsonDocument? Parse(string json)
    {
        try
        {
            return JsonDocument.Parse(json);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>Whether the card holds a Container of this style (an acknowledged notice's status is "good").</summary>
    public static bool HasContainer(JsonElement element, string style) => element.ValueKind switch
    {
        JsonValueKind.Object => (element.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String && t.GetString() == "Container"
                                 && element.TryGetProperty("style", out var s) && s.ValueKind == JsonValueKind.String && s.GetString() == style)
                                || element.EnumerateObject().Any(p => HasContainer(p.Value, style)),
        JsonValueKind.Array => element.EnumerateArray().Any(e => HasContainer(e, style)),
        _ => false,
    };

    private static IEnumerable<string> Texts(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object when element.TryGetProperty("type", out var t) && t.GetString() == "TextBlock" && element.TryGetProperty("text", out var text) => [text.GetString() ?? ""],
        JsonValueKind.Object => element.EnumerateObject().SelectMany(p => Texts(p.Value)),
        JsonValueKind.Array => element.EnumerateArray().SelectMany(Texts),
        _ => [],
    };
}

/// <summary>Posts activities to the bot process as Teams would, as many at once as asked, and reads its storage counts.</summary>
internal sealed class BotClient : IDisposable
{
    private readonly HttpClient http;

    public BotClient(Uri address)
    {
        // As many connections as clicks: Teams' back end does not queue a tenant's invokes behind one another. Today's
        // bot can take minutes to answer a burst; the client waits rather than report its own timeout as the bot's.
        http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = int.MaxValue })
        {
            BaseAddress = address,
            Timeout = TimeSpan.FromMinutes(15),
        };
    }

    public Task<Posted> PostAsync(JsonObject activity, CancellationToken cancellationToken) => PostAsync(activity.ToJsonString(), cancellationToken);

    private async Task<Posted> PostAsync(string activity, CancellationToken cancellationToken)
    {
        using var content = new StringContent(activity, Encoding.UTF8, "application/json");
        var clock = Stopwatch.StartNew();
        using var response = await http.PostAsync(new Uri("api/messages", UriKind.Relative), content, cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        clock.Stop();
        int? calls = response.Headers.TryGetValues(StorageCallCounting.Header, out var values)
            && int.TryParse(values.FirstOrDefault(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;
        return new Posted((int)response.StatusCode, body, clock.Elapsed, calls);
    }

    /// <summary>Posts every activity at the same moment (each is serialised first) and returns the answers in order.</summary>
    public async Task<IReadOnlyList<Posted>> BurstAsync(IReadOnlyList<JsonObject> activities, CancellationToken cancellationToken)
    {
        var go = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var bodies = activities.Select(a => a.ToJsonString()).ToList();
        var posts = bodies.Select(async activity =>
        {
            await go.Task;
            return await PostAsync(activity, cancellationToken);
        }).ToList();
        go.SetResult();
        return await Task.WhenAll(posts);
    }

    /// <summary>The storage requests the bot made since it started (Storage:CountCalls, GET /debug/storage-calls).</summary>
    public async Task<long> StorageCallsAsync(CancellationToken cancellationToken) => (await StorageCountsAsync(cancellationToken)).Total;

    /// <summary>The same, in total and per table (entity group transactions under <c>$batch</c>).</summary>
    public async Task<(long Total, IReadOnlyDictionary<string, long> ByTable)> StorageCountsAsync(CancellationToken cancellationToken)
    {
        var counts = await http.GetFromJsonAsync<JsonObject>(new Uri(StorageCallCounting.DebugPath.TrimStart('/'), UriKind.Relative), cancellationToken)
            ?? throw new InvalidOperationException("The bot answered no storage counts.");
        var byTable = counts["byTable"]?.AsObject().ToDictionary(p => p.Key, p => p.Value!.GetValue<long>(), StringComparer.Ordinal)
            ?? new Dictionary<string, long>(StringComparer.Ordinal);
        return (counts["total"]!.GetValue<long>(), byTable);
    }

    public void Dispose() => http.Dispose();
}
