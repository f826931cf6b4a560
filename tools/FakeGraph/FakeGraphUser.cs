namespace TalkBot.FakeGraph;

/// <summary>One user as the fake Graph stores it; the JSON names are Graph's (userPrincipalName, accountEnabled, ...).</summary>
public sealed record FakeGraphUser(
    string Id,
    string DisplayName,
    string? Department,
    string? JobTitle,
    string? Mail,
    string? UserPrincipalName,
    string? ManagerId,
    bool AccountEnabled);
