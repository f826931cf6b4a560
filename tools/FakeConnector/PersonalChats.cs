using System.Collections.Concurrent;
using System.Text.Json.Nodes;

namespace TalkBot.FakeConnector;

/// <summary>
/// Who has TalkBot installed, and their 1:1 conversations (PROTOCOL §3): a conversation with an Entra object id as the
/// member is created only for someone the app is installed for (otherwise 403, as Teams answers), and asking again
/// gives the same conversation. Members are answered with a per-bot <c>29:</c> id and their object id.
/// </summary>
internal sealed class PersonalChats
{
    private readonly ConcurrentDictionary<string, byte> installed = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, string> memberOf = new(StringComparer.Ordinal);

    public void Install(string aadObjectId) => installed[aadObjectId] = 0;

    public bool IsInstalled(string aadObjectId) => installed.ContainsKey(aadObjectId);

    public int Conversations => memberOf.Count;

    /// <summary>The conversation for the body's first member; null (answer 403) for an object id without the app.</summary>
    public string? Create(JsonObject? body, out bool refused)
    {
        refused = false;
        var member = body?["members"]?.AsArray().FirstOrDefault()?["id"]?.GetValue<string>();
        if (member is null || !Guid.TryParse(member, out _))
        {
            return $"a:new-{Guid.NewGuid():N}";
        }

        if (!installed.ContainsKey(member))
        {
            refused = true;
            return null;
        }

        var id = "a:personal-" + member.ToLowerInvariant();
        memberOf[id] = member;
        return id;
    }

    /// <summary>The member of a personal conversation, as <c>GET …/members/{id}</c> answers; null when unknown.</summary>
    public object? Member(string conversationId, string userId) =>
        memberOf.TryGetValue(conversationId, out var aad) && (userId.Equals(aad, StringComparison.OrdinalIgnoreCase) || userId == "29:" + aad)
            ? new { id = "29:" + aad, aadObjectId = aad, objectId = aad, userRole = "user" }
            : null;
}
