using System.Text.Json.Nodes;
using TalkBot.Bot.Infrastructure.Connector;

namespace TalkBot.Bench;

/// <summary>
/// What Teams posts to the bot for a person of the bench, in their personal chat, as the Agents Playground does
/// (PROTOCOL §7–8): no Authorization header (the bot runs without an app id), the fake Connector as service URL.
/// </summary>
internal sealed class TeamsActivities(string serviceUrl)
{
    private const string Tenant = "bench-tenant";
    private const string BotId = "28:talkbot";

    /// <summary>The person opens TalkBot: conversationUpdate with the person and the bot added (PROTOCOL §4, §8).</summary>
    public JsonObject Install(BenchPerson person)
    {
        var activity = Activity(person, ActivityTypes.ConversationUpdate, Guid.NewGuid().ToString("N"));
        activity["membersAdded"] = new JsonArray(new JsonObject { ["id"] = person.UserId }, new JsonObject { ["id"] = BotId });
        return activity;
    }

    /// <summary>An Action.Execute click on a card (PROTOCOL §5); <paramref name="activityId"/> is the invoke's own id, which Teams repeats on a retry.</summary>
    public JsonObject Execute(BenchPerson person, string verb, JsonObject data, string activityId, string? replyToId = null)
    {
        data["verb"] = verb;
        var activity = Activity(person, ActivityTypes.Invoke, activityId);
        activity["name"] = InvokeNames.AdaptiveCardAction;
        activity["replyToId"] = replyToId;
        activity["value"] = new JsonObject
        {
            ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = verb, ["data"] = data },
            ["trigger"] = "manual",
        };
        return activity;
    }

    private JsonObject Activity(BenchPerson person, string type, string id) => new()
    {
        ["type"] = type,
        ["id"] = id,
        ["channelId"] = "msteams",
        ["serviceUrl"] = serviceUrl,
        ["locale"] = "zh-CN",
        ["from"] = new JsonObject { ["id"] = person.UserId, ["name"] = person.Name, ["aadObjectId"] = person.Id },
        ["recipient"] = new JsonObject { ["id"] = BotId, ["name"] = "TalkBot" },
        ["conversation"] = new JsonObject { ["id"] = person.ConversationId, ["conversationType"] = "personal", ["tenantId"] = Tenant },
        ["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = Tenant } },
    };
}
