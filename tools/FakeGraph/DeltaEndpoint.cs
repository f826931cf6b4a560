using System.Text.Json.Nodes;

namespace TalkBot.FakeGraph;

/// <summary>
/// <c>GET /v1.0/users/delta</c> and <c>GET /v1.0/groups/delta</c> as Graph answers them: the first round lists everything
/// (users with <c>manager@delta</c> when the manager is selected; groups with <c>members@delta</c>), in pages of
/// <c>Prefer: odata.maxpagesize</c> (capped at <see cref="FakeGraphOptions.MaxDeltaPageSize"/>; 100 without it), each with
/// an <c>@odata.nextLink</c> and the last with an <c>@odata.deltaLink</c>; a round from a deltaLink lists what changed
/// since (removed users and members with <c>@removed</c>). A deltaLink the tenant expired answers 410 Gone.
/// </summary>
internal sealed class DeltaEndpoint(FakeGraphOptions options, FakeTenant tenant, GraphGate gate, FakeGraphLog log)
{
    private const int DefaultPageSize = 100;

    public async Task UsersAsync(HttpContext context)
    {
        var at = options.TimeProvider.GetUtcNow();
        var status = await AnswerUsersAsync(context);
        log.Record(new FakeGraphRequest(at, context.Request.Path, context.Request.QueryString.Value ?? "", Parameters(context), status));
    }

    public async Task GroupsAsync(HttpContext context)
    {
        var at = options.TimeProvider.GetUtcNow();
        var status = await AnswerGroupsAsync(context);
        log.Record(new FakeGraphRequest(at, context.Request.Path, context.Request.QueryString.Value ?? "", Parameters(context), status));
    }

    private async Task<int> AnswerUsersAsync(HttpContext context)
    {
        if (!await gate.PassAsync(context, "read", throttled: false))
        {
            return context.Response.StatusCode;
        }

        if (await RoundAsync(context) is not { } round)
        {
            return context.Response.StatusCode;
        }

        var select = (Parameters(context).GetValueOrDefault("$select") ?? "id,displayName").Split(',', StringSplitOptions.TrimEntries);
        var changed = tenant.UsersChanged(round.Since, round.UpTo);
        var page = changed.Skip((int)round.Offset).Take(PageSize(context)).ToList();
        return await PageAsync(context, "users", round, changed.Count, page.Count, page.Select(c => c.User is { } u ? User(u, select) : Removed(c.Id)));
    }

    private async Task<int> AnswerGroupsAsync(HttpContext context)
    {
        if (!await gate.PassAsync(context, "read", throttled: false))
        {
            return context.Response.StatusCode;
        }

        if (await RoundAsync(context) is not { } round)
        {
            return context.Response.StatusCode;
        }

        // $filter=id eq 'a' or id eq 'b': the only filter groups delta takes, and the only one the fake reads.
        var groups = (Parameters(context).GetValueOrDefault("$filter") ?? "")
            .Split(" or ", StringSplitOptions.TrimEntries)
            .Select(c => c.StartsWith("id eq '", StringComparison.Ordinal) && c.EndsWith('\'') ? c[7..^1] : null)
            .OfType<string>().ToHashSet(StringComparer.Ordinal);
        var changed = tenant.MembersChanged(groups, round.Since, round.UpTo);
        var taken = changed.Skip((int)round.Offset).Take(PageSize(context)).ToList();
        var page = taken.GroupBy(m => m.Group).Select(g => (JsonNode)new JsonObject
        {
            ["id"] = g.Key,
            ["members@delta"] = new JsonArray([.. g.Select(m => (JsonNode)(m.Member
                ? new JsonObject { ["@odata.type"] = "#microsoft.graph.user", ["id"] = m.User }
                : new JsonObject { ["@odata.type"] = "#microsoft.graph.user", ["id"] = m.User, ["@removed"] = new JsonObject { ["reason"] = "deleted" } }))]),
        });
        return await PageAsync(context, "groups", round, changed.Count, taken.Count, page);
    }

    /// <summary>The round a request belongs to: since which version (null: a first read), up to which, from which offset.</summary>
    private async Task<Round?> RoundAsync(HttpContext context)
    {
        var parameters = Parameters(context);
        if (GraphJson.Untoken(parameters.GetValueOrDefault("$skiptoken")) is { } skip)
        {
            return skip is [var since, var upTo, var offset]
                ? new Round(since < 0 ? null : since, upTo, offset)
                : await BadTokenAsync(context);
        }

        if (GraphJson.Untoken(parameters.GetValueOrDefault("$deltatoken")) is { } delta)
        {
            if (delta is not [var since])
            {
                return await BadTokenAsync(context);
            }

            if (tenant.IsExpired(since))
            {
                await GraphJson.ErrorAsync(context, StatusCodes.Status410Gone, "syncStateNotFound", "The delta token has expired; start a new round.");
                return null;
            }

            return new Round(since, tenant.Version, 0);
        }

        return new Round(null, tenant.Version, 0);
    }

    private static async Task<Round?> BadTokenAsync(HttpContext context)
    {
        await GraphJson.ErrorAsync(context, StatusCodes.Status400BadRequest, "BadRequest", "Invalid page or delta token.");
        return null;
    }

    private static async Task<int> PageAsync(HttpContext context, string resource, Round round, int total, int taken, IEnumerable<JsonNode> items)
    {
        var value = new JsonArray([.. items]);
        var end = round.Offset + taken;
        var link = $"{context.Request.Scheme}://{context.Request.Host}/v1.0/{resource}/delta?";
        var keep = string.Join('&', Parameters(context).Where(p => p.Key is not ("$skiptoken" or "$deltatoken"))
            .Select(p => p.Key + "=" + Uri.EscapeDataString(p.Value)));
        var body = new JsonObject { ["@odata.context"] = $"{link}$metadata#{resource}" };
        if (end < total)
        {
            body["@odata.nextLink"] = $"{link}{keep}{(keep.Length > 0 ? "&" : "")}$skiptoken={GraphJson.Token(round.Since ?? -1, round.UpTo, end)}";
        }
        else
        {
            // Graph's deltaLink carries the round's query on (here in the clear, in Graph inside the token).
            body["@odata.deltaLink"] = $"{link}{keep}{(keep.Length > 0 ? "&" : "")}$deltatoken={GraphJson.Token(round.UpTo)}";
        }

        body["value"] = value;
        await GraphJson.WriteAsync(context, StatusCodes.Status200OK, body);
        return StatusCodes.Status200OK;
    }

    private int PageSize(HttpContext context)
    {
        var prefer = context.Request.Headers["Prefer"].ToString();
        var at = prefer.IndexOf("odata.maxpagesize=", StringComparison.OrdinalIgnoreCase);
        var asked = at >= 0 && int.TryParse(new string([.. prefer[(at + "odata.maxpagesize=".Length)..].TakeWhile(char.IsDigit)]), out var n) ? n : DefaultPageSize;
        return Math.Clamp(asked, 1, options.MaxDeltaPageSize);
    }

    private static Dictionary<string, string> Parameters(HttpContext context) =>
        context.Request.Query.ToDictionary(p => p.Key, p => p.Value.ToString(), StringComparer.OrdinalIgnoreCase);

    private static JsonObject User(FakeGraphUser user, string[] select)
    {
        var json = new JsonObject { ["@odata.type"] = "#microsoft.graph.user", ["id"] = user.Id };
        foreach (var property in select)
        {
            switch (property)
            {
                case "displayName": json[property] = user.DisplayName; break;
                case "department": json[property] = user.Department; break;
                case "jobTitle": json[property] = user.JobTitle; break;
                case "mail": json[property] = user.Mail; break;
                case "userPrincipalName": json[property] = user.UserPrincipalName; break;
                case "accountEnabled": json[property] = user.AccountEnabled; break;
                case "manager" when user.ManagerId is { } manager:
                    json["manager@delta"] = new JsonArray(new JsonObject { ["@odata.type"] = "#microsoft.graph.user", ["id"] = manager });
                    break;
            }
        }

        return json;
    }

    private static JsonObject Removed(string id) => new() { ["id"] = id, ["@removed"] = new JsonObject { ["reason"] = "deleted" } };

    private sealed record Round(long? Since, long UpTo, long Offset);
}
