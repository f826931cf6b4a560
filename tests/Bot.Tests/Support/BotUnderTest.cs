using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using TalkBot.Bot.Features.Directory;
using TalkBot.Bot.Infrastructure.Connector;
using TalkBot.Bot.Infrastructure.Scheduling;
using TalkBot.Bot.Tests.Support;

namespace TalkBot.Bot.Tests.Support;

/// <summary>
/// The whole bot (Program, real Table Storage on Azurite, real handlers and Domain), with the Teams side played by a
/// recording Connector and a fake clock. Each instance uses its own table prefix, so tests do not see each other.
/// </summary>
public sealed class BotUnderTest : WebApplicationFactory<Program>
{
    public const string ServiceUrl = "http://localhost:56150/_connector";

    private readonly string connectionString;
    private readonly string prefix;

    /// <param name="tablePrefix">Another instance's prefix, to play a restart of the bot on the same storage.</param>
    private readonly IConnectorClient? connector;
    private readonly IReadOnlyDictionary<string, string>? settings;

    /// <summary>Services to replace after the bot's own (a directory source, for instance).</summary>
    public Action<IServiceCollection>? Replace { get; init; }

    /// <param name="connector">The Connector to send through instead of the recording one (a real client against a fake Teams).</param>
    /// <param name="settings">Configuration over the test defaults (for instance <c>Sender:*</c>).</param>
    public BotUnderTest(AzuriteFixture azurite, DateTimeOffset now, string? tablePrefix = null, IConnectorClient? connector = null, IReadOnlyDictionary<string, string>? settings = null)
    {
        connectionString = azurite.ConnectionString;
        Clock = new FakeTimeProvider(now);
        prefix = tablePrefix ?? "t" + Guid.NewGuid().ToString("N")[..12];
        this.connector = connector;
        this.settings = settings;
    }

    public FakeTimeProvider Clock { get; }

    public RecordingConnector Connector { get; } = new();

    public string TablePrefix => prefix;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("ConnectionStrings:Tables", connectionString);
        builder.UseSetting("Storage:TablePrefix", prefix);
        builder.UseSetting("Directory:OrgFile", Path.Combine(AppContext.BaseDirectory, "TestData", "org.json"));
        builder.UseSetting("MicrosoftAppId", "");
        // Tests run the scheduler themselves (RunSchedulerAsync), at the fake clock's time.
        builder.UseSetting("Scheduler:Enabled", "false");
        builder.UseSetting("Sender:DispatcherEnabled", "false");
        // Card refreshes go out at the next drain, and a burst to one chat waits in the drain rather than in the outbox.
        builder.UseSetting("Sender:CoalesceWindow", "00:00:00");
        builder.UseSetting("Sender:PostponeAbove", "01:00:00");
        // Monthly plans are put into the schedule only by the tests about them.
        builder.UseSetting("Plans:Enabled", "false");
        // Likewise the daily check of the calendar's official holidays.
        builder.UseSetting("Calendar:HolidayDataCheck", "false");
        // The monthly report and the statistics' daily mending likewise.
        builder.UseSetting("Statistics:Jobs", "false");
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureLogging(logging => logging.ClearProviders());
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<TimeProvider>(Clock);
            services.AddSingleton(connector ?? Connector);
            Replace?.Invoke(services);
            services.AddSingleton<IStartupFilter, FromLoopback>();
        });
    }

    /// <summary>TestServer leaves the remote address empty; Teams' local stand-in (the Playground) calls from loopback.</summary>
    private sealed class FromLoopback : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((HttpContext context, RequestDelegate nextDelegate) =>
            {
                context.Connection.RemoteIpAddress = IPAddress.Loopback;
                return nextDelegate(context);
            });
            next(app);
        };
    }

    /// <summary>
    /// One run of the reminder scheduler at the fake clock's time, then what it queued is sent (<see cref="SettleAsync"/>);
    /// returns the entries finished.
    /// </summary>
    public async Task<int> RunSchedulerAsync()
    {
        var done = await Services.GetRequiredService<TalkBot.Bot.Infrastructure.Scheduling.Scheduler>().RunOnceAsync(default);
        await SettleAsync();
        return done;
    }

    /// <summary>One drain of the outbox (what a fan-out queued, or a crashed instance left); returns the sends finished.</summary>
    public Task<int> RunOutboxAsync() => Services.GetRequiredService<TalkBot.Bot.Infrastructure.Sending.OutboxDispatcher>().DrainAsync(default);

    /// <summary>
    /// Lets what the last request started finish, as the running bot would shortly after answering: the follow-ups
    /// started in the background, then the outbox drained (and what its sends lead to, such as a card refresh), until
    /// nothing is left.
    /// </summary>
    public async Task SettleAsync()
    {
        var background = Services.GetRequiredService<TalkBot.Bot.Infrastructure.Hosting.BackgroundWork>();
        for (var round = 0; round < 50; round++)
        {
            await background.WhenIdleAsync();
            if (await RunOutboxAsync() == 0 && background.WhenIdleAsync().IsCompleted)
            {
                return;
            }
        }

        throw new InvalidOperationException("The bot kept queueing work after 50 rounds.");
    }

    /// <summary>Posts an activity and returns the response without waiting for what it started (see <see cref="SettleAsync"/>).</summary>
    public async Task<HttpResponseMessage> PostAsync(JsonObject activity)
    {
        using var client = CreateClient();
        return await client.PostAsync("/api/messages", new StringContent(activity.ToJsonString(), Encoding.UTF8, "application/json"));
    }

    /// <summary>Sends an activity as <paramref name="person"/>, lets what it started finish, and returns the HTTP status.</summary>
    public async Task<HttpStatusCode> SendAsync(Person person, string type, Action<JsonObject>? shape = null)
    {
        var activity = person.Activity(type);
        shape?.Invoke(activity);
        using var response = await PostAsync(activity);
        await SettleAsync();
        return response.StatusCode;
    }

    /// <summary>The person opens TalkBot: the Playground's conversationUpdate with the bot added.</summary>
    public Task<HttpStatusCode> InstallAsync(Person person) => SendAsync(person, "conversationUpdate", a =>
        a["membersAdded"] = new JsonArray(new JsonObject { ["id"] = person.UserId }, new JsonObject { ["id"] = "28:talkbot" }));

    /// <summary>
    /// Clicks an Action.Execute button on the card of message <paramref name="cardId"/>, lets what the click started
    /// finish, and returns the card that replaces the clicked one.
    /// </summary>
    public async Task<JsonElement> ExecuteAsync(Person person, string verb, object data, string? cardId = null)
    {
        var card = await ExecuteOnlyAsync(person, verb, data, cardId);
        await SettleAsync();
        return card;
    }

    /// <summary>Clicks an Action.Execute button and returns the card at once, before what the click started has run.</summary>
    public async Task<JsonElement> ExecuteOnlyAsync(Person person, string verb, object data, string? cardId = null)
    {
        var dataNode = JsonSerializer.SerializeToNode(data)!.AsObject();
        dataNode["verb"] = verb;
        var activity = person.Activity("invoke");
        activity["name"] = "adaptiveCard/action";
        activity["replyToId"] = cardId ?? "card-" + Guid.NewGuid().ToString("N")[..8];
        activity["value"] = new JsonObject { ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = verb, ["data"] = dataNode } };
        using var response = await PostAsync(activity);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(200, body.RootElement.GetProperty("statusCode").GetInt32());
        Assert.Equal(InvokeResponse.AdaptiveCardContentType, body.RootElement.GetProperty("type").GetString());
        return body.RootElement.GetProperty("value").Clone();
    }
}

/// <summary>Records what the bot sends, per conversation; can be told to refuse a conversation (403, as a blocked bot).</summary>
public sealed class RecordingConnector : IConnectorClient
{
    private int next;

    public ConcurrentQueue<(string ConversationId, Activity Activity)> Sent { get; } = new();

    /// <summary>Cards updated in place (PUT), per conversation, in order.</summary>
    public ConcurrentQueue<(string ConversationId, Activity Activity)> Updated { get; } = new();

    public ConcurrentDictionary<string, int> Refuse { get; } = new();

    /// <summary>Answers the next send to a conversation with this status once (a 429 while Teams throttles), then takes them again.</summary>
    public ConcurrentDictionary<string, int> RefuseOnce { get; } = new();

    public IReadOnlyList<string> CardsTo(Person person) => Texts(Sent, person);

    /// <summary>The text of each card update in <paramref name="person"/>'s chat, oldest first.</summary>
    public IReadOnlyList<string> UpdatesTo(Person person) => Texts(Updated, person);

    private static List<string> Texts(IEnumerable<(string ConversationId, Activity Activity)> activities, Person person) => activities
        .Where(s => s.ConversationId == person.ConversationId)
        .SelectMany(s => s.Activity.Attachments ?? [])
        .Select(a => a.Content is null ? "" : CardText.Of(JsonSerializer.SerializeToElement(a.Content)))
        .ToList();

    public Task<ResourceResponse?> ReplyToActivityAsync(string serviceUrl, string conversationId, string activityId, Activity activity, CancellationToken cancellationToken) =>
        SendToConversationAsync(serviceUrl, conversationId, activity, cancellationToken);

    public Task<ResourceResponse?> SendToConversationAsync(string serviceUrl, string conversationId, Activity activity, CancellationToken cancellationToken)
    {
        if (Refuse.TryGetValue(conversationId, out var status) || RefuseOnce.TryRemove(conversationId, out status))
        {
            throw new ConnectorException(status, status == 429 ? "Throttled" : "MessageWritesBlocked", "refused", null);
        }

        Sent.Enqueue((conversationId, activity));
        return Task.FromResult<ResourceResponse?>(new ResourceResponse { Id = $"m{Interlocked.Increment(ref next)}" });
    }

    public Task<ResourceResponse?> UpdateActivityAsync(string serviceUrl, string conversationId, Activity activity, CancellationToken cancellationToken)
    {
        if (Refuse.TryGetValue(conversationId, out var status))
        {
            throw new ConnectorException(status, "MessageWritesBlocked", "refused", null);
        }

        Updated.Enqueue((conversationId, activity));
        return Task.FromResult<ResourceResponse?>(new ResourceResponse { Id = activity.Id });
    }

    public Task<ConversationResourceResponse> CreateConversationAsync(string serviceUrl, string botId, string? botName, string userId, string tenantId, CancellationToken cancellationToken) =>
        Task.FromResult(new ConversationResourceResponse { Id = "conv-" + userId });

    public Task<TeamsChannelAccount?> GetConversationMemberAsync(string serviceUrl, string conversationId, string userId, CancellationToken cancellationToken) =>
        Task.FromResult<TeamsChannelAccount?>(null);
}

/// <summary>Every string of a card (texts, titles, ids, data) joined, unescaped, for assertions on what people read.</summary>
public static class CardText
{
    public static string Of(JsonElement element)
    {
        var parts = new List<string>();
        Collect(element, parts);
        return string.Join('\n', parts);
    }

    private static void Collect(JsonElement element, List<string> parts)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                parts.Add(element.GetString()!);
                break;
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    parts.Add(property.Name);
                    Collect(property.Value, parts);
                }

                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    Collect(item, parts);
                }

                break;
        }
    }
}
