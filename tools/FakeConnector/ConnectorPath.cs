using Microsoft.AspNetCore.Http.Features;

namespace TalkBot.FakeConnector;

/// <summary>
/// Reads the ids from the request target exactly as the client escaped them. Route values cannot be trusted for this:
/// ASP.NET Core decodes the path except for "%2F", so an id containing '/' or '%' would come out half-decoded.
/// Teams ids routinely contain ':', '@' and ';', which clients escape.
/// </summary>
internal static class ConnectorPath
{
    private const int ConversationSegment = 3; // "", "v3", "conversations", {conversationId}, "activities", {activityId}
    private const int ActivitySegment = 5;

    /// <summary>The unescaped conversation id of /v3/conversations/{conversationId}/...</summary>
    public static string ConversationId(HttpContext context) => Segment(context, ConversationSegment) ?? string.Empty;

    /// <summary>The unescaped activity id of /v3/conversations/{conversationId}/activities/{activityId}, or null.</summary>
    public static string? ActivityId(HttpContext context) => Segment(context, ActivitySegment);

    private static string? Segment(HttpContext context, int index)
    {
        var target = context.Features.Get<IHttpRequestFeature>()?.RawTarget;
        if (string.IsNullOrEmpty(target) || !target.StartsWith('/'))
        {
            target = context.Request.Path.Value ?? string.Empty; // absolute-form targets are not sent by HttpClient
        }

        var query = target.IndexOf('?', StringComparison.Ordinal);
        var segments = (query < 0 ? target : target[..query]).Split('/');
        return index < segments.Length && segments[index].Length > 0 ? Uri.UnescapeDataString(segments[index]) : null;
    }
}
