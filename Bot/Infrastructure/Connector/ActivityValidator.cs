using System.Text.Json;
using System.Text.RegularExpressions;

namespace TalkBot.Bot.Infrastructure.Connector;

/// <summary>Why the edge refused a request: the HTTP status and a short reason, the same for every such request.</summary>
public sealed record EdgeRefusal(int StatusCode, string Reason)
{
    public static EdgeRefusal BadRequest(string reason) => new(StatusCodes.Status400BadRequest, reason);
}

/// <summary>
/// The shape every activity must have before the router sees it (PROTOCOL §4), checked once, here: what the router,
/// the turn and Table Storage rely on is present, of the right kind and of a size Table Storage takes. A refusal
/// names the first problem found; nothing has been stored or sent by then.
/// </summary>
public sealed partial class ActivityValidator(ServiceUrlPolicy serviceUrls)
{
    /// <summary>Ids: activity, from, recipient, replyTo. Teams' own are well under 100 characters.</summary>
    public const int MaxIdLength = 512;

    /// <summary>Conversation ids of channel threads carry <c>;messageid=…</c>; still far below this.</summary>
    public const int MaxConversationIdLength = 1024;

    public const int MaxNameLength = 512;

    /// <summary>The checks that need no token: shape first, then where the bot would send its answers.</summary>
    public EdgeRefusal? Check(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (ShapeProblem(activity) is { } shape)
        {
            return EdgeRefusal.BadRequest(shape);
        }

        return serviceUrls.Check(activity.ServiceUrl) is { } serviceUrl ? new EdgeRefusal(StatusCodes.Status403Forbidden, serviceUrl) : null;
    }

    private static string? ShapeProblem(Activity a)
    {
        if (a.Type is null || !TypeName().IsMatch(a.Type))
        {
            return "no valid type";
        }

        if (a.Name is not null && !TypeName().IsMatch(a.Name))
        {
            return "invalid name";
        }

        if (ServiceUrlPolicy.ShapeProblem(a.ServiceUrl) is { } serviceUrl)
        {
            return serviceUrl;
        }

        if (!OptionalText(a.Id, MaxIdLength) || !OptionalText(a.ReplyToId, MaxIdLength))
        {
            return "invalid id or replyToId";
        }

        if (a.ChannelId is not null && !ChannelId().IsMatch(a.ChannelId))
        {
            return "invalid channelId";
        }

        if (a.Locale is not null && a.Locale.Length > 0 && !Locale().IsMatch(a.Locale))
        {
            return "invalid locale";
        }

        if (a.Action is not null && !OptionalText(a.Action, 64))
        {
            return "invalid action";
        }

        return AccountProblem(a.From, "from") ?? AccountProblem(a.Recipient, "recipient")
            ?? ConversationProblem(a)
            ?? MembersProblem(a.MembersAdded) ?? MembersProblem(a.MembersRemoved)
            ?? (a.ChannelData is { ValueKind: not (JsonValueKind.Object or JsonValueKind.Null) } ? "channelData is not an object" : null);
    }

    private static string? AccountProblem(ChannelAccount? account, string which)
    {
        if (account is null || string.IsNullOrEmpty(account.Id))
        {
            return $"no {which}.id";
        }

        if (!OptionalText(account.Id, MaxIdLength) || !OptionalText(account.Name, MaxNameLength) || !OptionalText(account.Role, 64))
        {
            return $"invalid {which}";
        }

        // The Entra object id is a Table Storage key (people, conversation references): letters, digits and dashes.
        return account.AadObjectId is null || ObjectId().IsMatch(account.AadObjectId) ? null : $"invalid {which}.aadObjectId";
    }

    private static string? ConversationProblem(Activity a)
    {
        var c = a.Conversation;
        if (c is null || string.IsNullOrEmpty(c.Id))
        {
            return "no conversation.id";
        }

        if (!OptionalText(c.Id, MaxConversationIdLength) || !OptionalText(c.Name, MaxNameLength) || !OptionalText(c.ConversationType, 32))
        {
            return "invalid conversation";
        }

        var channelTenant = ChannelDataTenant(a.ChannelData, out var tenantShapeOk);
        if (!tenantShapeOk)
        {
            return "invalid channelData.tenant";
        }

        if ((c.TenantId is { } t && !TenantId().IsMatch(t)) || (channelTenant is not null && !TenantId().IsMatch(channelTenant)))
        {
            return "invalid tenant id";
        }

        // Two tenants in one activity: whichever a reader picks, the other was not checked.
        return c.TenantId is { Length: > 0 } && channelTenant is not null && !string.Equals(c.TenantId, channelTenant, StringComparison.OrdinalIgnoreCase)
            ? "conversation.tenantId and channelData.tenant.id differ"
            : null;
    }

    private static string? MembersProblem(IList<ChannelAccount>? members) =>
        members?.Any(m => m is null || !OptionalText(m.Id, MaxIdLength) || !OptionalText(m.Name, MaxNameLength)
            || (m.AadObjectId is not null && !ObjectId().IsMatch(m.AadObjectId))) == true
            ? "invalid member"
            : null;

    private static string? ChannelDataTenant(JsonElement? channelData, out bool shapeOk)
    {
        shapeOk = true;
        if (channelData is not { ValueKind: JsonValueKind.Object } data || !data.TryGetProperty("tenant", out var tenant) || tenant.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (tenant.ValueKind != JsonValueKind.Object || (tenant.TryGetProperty("id", out var id) && id.ValueKind is not (JsonValueKind.String or JsonValueKind.Null)))
        {
            shapeOk = false;
            return null;
        }

        return tenant.TryGetProperty("id", out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
    }

    /// <summary>Absent, or at most <paramref name="max"/> characters with no control character.</summary>
    private static bool OptionalText(string? value, int max) =>
        value is null || (value.Length <= max && !value.Any(char.IsControl));

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9._/-]{0,127}\\z")]
    private static partial Regex TypeName();

    [GeneratedRegex("^[A-Za-z0-9._-]{1,64}\\z")]
    private static partial Regex ChannelId();

    [GeneratedRegex("^[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8}){0,4}\\z")]
    private static partial Regex Locale();

    [GeneratedRegex("^[A-Za-z0-9-]{1,64}\\z")]
    private static partial Regex ObjectId();

    [GeneratedRegex("^[A-Za-z0-9._-]{1,128}\\z")]
    private static partial Regex TenantId();
}
