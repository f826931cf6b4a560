namespace TalkBot.FakeGraph;

/// <summary>A request as the fake Graph received it.</summary>
/// <param name="At">When it arrived, before any injected latency.</param>
/// <param name="Query">The raw query string, e.g. "?%24select=id&amp;%24top=999".</param>
/// <param name="Parameters">The query parameters, decoded ("$select" → "id,displayName").</param>
/// <param name="StatusCode">What the fake answered.</param>
public sealed record FakeGraphRequest(
    DateTimeOffset At,
    string Path,
    string Query,
    IReadOnlyDictionary<string, string> Parameters,
    int StatusCode);
