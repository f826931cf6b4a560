using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace TalkBot.Fuzz;

public sealed partial class FuzzCorpus
{
    private static FuzzCase BadJson(FuzzCorpus corpus, Random random)
    {
        var valid = corpus.AnyValid(random).ToJsonString();
        var nested = string.Concat(Enumerable.Repeat("{\"a\":", 40 + random.Next(200))) + "1" + new string('}', 40);
        return random.Next(10) switch
        {
            0 => new("truncated", Encoding.UTF8.GetBytes(valid[..random.Next(1, valid.Length - 1)])),
            1 => new("trailing garbage", Encoding.UTF8.GetBytes(valid + "}}garbage")),
            2 => new("empty", []),
            3 => new("null", "null"u8.ToArray()),
            4 => new("array", Encoding.UTF8.GetBytes("[" + valid + "]")),
            5 => new("deep nesting", Encoding.UTF8.GetBytes(valid[..^1] + ",\"value\":" + nested + "}")),
            6 => new("invalid UTF-8", [.. Encoding.UTF8.GetBytes(valid[..^1] + ",\"text\":\""), 0xC3, 0x28, 0xFF, .. "\"}"u8.ToArray()]),
            7 => new("random bytes", RandomBytes(random, 1 + random.Next(2000))),
            8 => new("byte order mark", [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(valid)]),
            _ => new("duplicate keys", Encoding.UTF8.GetBytes(valid[..^1] + ",\"type\":5,\"serviceUrl\":{}}")),
        };
    }

    private FuzzCase Oversized(Random random)
    {
        var activity = AnyValid(random);
        var huge = HugeBodySizes.Count > 0 && random.Next(20) == 0;
        var overLimit = huge || random.Next(2) == 0;

        // '长' is written as \u957F: 6 bytes a character.
        var characters = huge ? HugeBodySizes[random.Next(HugeBodySizes.Count)] / 6
            : overLimit ? (maxBodyBytes + 1 + random.Next(maxBodyBytes)) / 6 + 1
            : 32_001 + random.Next(5_000);
        activity["text"] = new string('长', characters);
        return Case(overLimit ? "over the limit" : "over-long text", activity);
    }

    private FuzzCase BadTenantOrLocale(Random random)
    {
        var activity = AnyValid(random);
        switch (random.Next(5))
        {
            case 0:
                activity["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = "tenant-2" } };
                return Case("two tenants", activity);
            case 1:
                activity["conversation"]!["tenantId"] = Pick(random, "../t", "t#1", "t?x", "", " ", new string('t', 300));
                return Case("bad tenant id", activity);
            case 2:
                activity["channelData"] = Pick(random, [.. new JsonNode?[] { JsonValue.Create(5), new JsonArray(), JsonValue.Create("x") }]);
                return Case("channelData not an object", activity);
            default:
                activity["locale"] = Pick(random, "zh-CN\n", "<script>", "x-" + new string('a', 50), "zh_CN", "中文", "en-US;q=1");
                return Case("bad locale", activity);
        }
    }

    private FuzzCase UnknownType(Random random)
    {
        var activity = Valid(random, Pick(random, "typing", "event", "endOfConversation", "somethingNew", "invoke", "deleteUserData"));
        if ((string?)activity["type"] == "invoke")
        {
            activity["name"] = Pick(random, "composeExtension/query", "task/fetch", "signin/verifyState", "config/fetch", "application/search", "x");
            activity["value"] = new JsonObject { ["q"] = HostileString(random) };
        }

        return Case((string)activity["type"]!, activity);
    }

    private FuzzCase CardFieldWrongType(Random random)
    {
        var verb = Pick(random, [.. CardVocabulary.Verbs]);
        var key = Pick(random, [.. CardVocabulary.DataKeys]);
        var data = PlausibleData(random);
        data[key] = WrongValue(random);
        return Case($"{verb} {key}", CardAction(random, verb, data));
    }

    private FuzzCase CardFieldHostile(Random random)
    {
        var verb = Pick(random, [.. CardVocabulary.Verbs]);
        var key = Pick(random, [.. CardVocabulary.DataKeys]);
        var data = PlausibleData(random);
        data[key] = HostileString(random);
        return Case($"{verb} {key}", CardAction(random, verb, data));
    }

    private FuzzCase BadInvokeValue(Random random)
    {
        var invoke = Valid(random, "invoke");
        invoke["name"] = "adaptiveCard/action";
        var verb = Pick(random, [.. CardVocabulary.Verbs]);
        invoke["value"] = random.Next(9) switch
        {
            0 => null,
            1 => WrongValue(random),
            2 => new JsonObject(),
            3 => new JsonObject { ["action"] = WrongValue(random) },
            4 => new JsonObject { ["action"] = new JsonObject { ["type"] = "Action.Submit", ["verb"] = verb } },
            5 => new JsonObject { ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = WrongValue(random) } },
            6 => new JsonObject { ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = verb, ["data"] = WrongValue(random) } },
            7 => new JsonObject { ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = verb }, ["trigger"] = WrongValue(random) },
            _ => new JsonObject { ["action"] = new JsonObject { ["type"] = WrongValue(random), ["verb"] = verb } },
        };
        return Case(verb, invoke);
    }

    private FuzzCase UnknownVerb(Random random)
    {
        var verb = Pick(random, "notice.retired", "talk.delete", "", " ", "HELP", "help ", "../help", "talk.new\u0000", new string('v', 300));
        return Case(verb.Length > 20 ? "long" : verb, CardAction(random, verb, PlausibleData(random)));
    }

    /// <summary>Card data a real card could carry: ids of people the bot knows and of things that may exist.</summary>
    private JsonObject PlausibleData(Random random)
    {
        var person = people[random.Next(people.Count)].AadObjectId;
        return new JsonObject
        {
            ["talkId"] = Pick(random, "t-1", "00000000000000000000000000000000", "T20260302-0001"),
            ["formId"] = new Guid(RandomBytes(random, 16)).ToString("N"),
            ["talkee"] = person,
            ["person"] = person,
            ["subject"] = person,
            ["month"] = Pick(random, "2026-03", "2026-13", "0000-00"),
            ["tier"] = Pick(random, "1", "9", "-1"),
            ["attempt"] = Pick(random, "1", "0", "99999999999"),
            ["version"] = Pick(random, "1", "2", "x"),
        };
    }

    private static JsonNode? WrongValue(Random random) => random.Next(12) switch
    {
        0 => JsonValue.Create(0),
        1 => JsonValue.Create(-1),
        2 => JsonValue.Create(1e308),
        3 => JsonValue.Create(true),
        4 => JsonValue.Create(false),
        5 => null,
        6 => new JsonArray(),
        7 => new JsonArray(JsonValue.Create("a"), JsonValue.Create(1), new JsonObject()),
        8 => new JsonObject(),
        9 => new JsonObject { ["id"] = new JsonObject { ["id"] = 1 } },
        10 => JsonValue.Create(12345678901234567890m),
        _ => new JsonArray(new JsonArray(new JsonArray())),
    };

    private static string HostileString(Random random) => random.Next(16) switch
    {
        0 => LoneSurrogate,
        1 => "a" + LoneSurrogate + "b",
        2 => "\u0000",
        3 => "x\u0001\u001f\u007f",
        4 => new string('x', 600),
        5 => new string('名', 33_000),
        6 => "../../People",
        7 => "a/b\\c#d?e",
        8 => "' or PartitionKey ne '",
        9 => "",
        10 => " \t\r\n ",
        11 => "😀👨‍👩‍👧\u202Eevil",
        12 => "2026-02-30",
        13 => "99999999999999999999",
        14 => "<script>alert(1)</script>{{x}}${x}",
        _ => "00000000-0000-0000-0000-00000000a001",
    };

    private static byte[] RandomBytes(Random random, int length)
    {
        var bytes = new byte[length];
        random.NextBytes(bytes);
        return bytes;
    }

    private static T Pick<T>(Random random, params T[] items) => items[random.Next(items.Length)];

    private static void Remove(JsonObject activity, string path)
    {
        var (parent, name) = Parent(activity, path);
        parent?.Remove(name);
    }

    private static void Set(JsonObject activity, string path, JsonNode? value)
    {
        var (parent, name) = Parent(activity, path);
        if (parent is not null)
        {
            parent[name] = value;
        }
    }

    private static (JsonObject? Parent, string Name) Parent(JsonObject activity, string path)
    {
        var parts = path.Split('.');
        JsonObject? node = activity;
        foreach (var part in parts[..^1])
        {
            node = node?[part] as JsonObject;
        }

        return (node, parts[^1]);
    }

    private static FuzzCase Case(string kind, JsonObject activity) =>
        new(kind, Encoding.UTF8.GetBytes(activity.ToJsonString().Replace(LoneSurrogate, "\\ud800", StringComparison.Ordinal)));
}
