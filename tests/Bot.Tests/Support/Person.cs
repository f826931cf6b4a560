using System.Text.Json.Nodes;

namespace TalkBot.Bot.Tests.Support;

/// <summary>A person of tests/Bot.Tests/TestData/org.json as Teams presents them.</summary>
public sealed record Person(string AadObjectId, string UserId, string Name, string Locale = "zh-CN")
{
    public static Person Office { get; } = new("00000000-0000-0000-0000-00000000a001", "29:office", "周纪办");
    public static Person Leader { get; } = new("00000000-0000-0000-0000-00000000a002", "29:leader", "钱组长");
    public static Person Recorder { get; } = new("00000000-0000-0000-0000-00000000a003", "29:recorder", "孙记录");
    public static Person Cadre1 { get; } = new("00000000-0000-0000-0000-00000000a004", "29:cadre1", "李干部");
    public static Person Cadre2 { get; } = new("00000000-0000-0000-0000-00000000a005", "29:cadre2", "王干部");

    /// <summary>
    /// The unit's other main leader. The tier lines of this organisation (000 §二): 钱组长 talks to 李干部 and 赵局长 (tier 2,
    /// 所属单位主要领导); 李干部, the unit's secretary, to 王干部 (tier 3, 班子其他成员). A routine talk goes along them.
    /// </summary>
    public static Person Cadre3 { get; } = new("00000000-0000-0000-0000-00000000a007", "29:cadre3", "赵局长");
    public static Person Stranger { get; } = new("00000000-0000-0000-0000-00000000ffff", "29:stranger", "陌生人");

    public string ConversationId => "conv-" + UserId[3..];

    public JsonObject Activity(string type) => new()
    {
        ["type"] = type,
        ["id"] = Guid.NewGuid().ToString("N"),
        ["channelId"] = "msteams",
        ["serviceUrl"] = BotUnderTest.ServiceUrl,
        ["locale"] = Locale,
        ["from"] = new JsonObject { ["id"] = UserId, ["name"] = Name, ["aadObjectId"] = AadObjectId },
        ["recipient"] = new JsonObject { ["id"] = "28:talkbot", ["name"] = "TalkBot" },
        ["conversation"] = new JsonObject { ["id"] = ConversationId, ["conversationType"] = "personal", ["tenantId"] = "tenant-1" },
        ["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = "tenant-1" } },
    };
}
