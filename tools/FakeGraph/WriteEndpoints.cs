using System.Text.Json.Nodes;

namespace TalkBot.FakeGraph;

/// <summary>
/// What TalkBot writes to Graph: the Teams app installed for a user (<c>POST /users/{id}/teamwork/installedApps</c>:
/// 201, 409 when it is there already, 403 without the permission, 404 for an unknown user or app) and Outlook events
/// (<c>POST /users/{mailbox}/events</c> deduplicated by <c>transactionId</c>, <c>PATCH …/events/{id}</c>,
/// <c>POST …/events/{id}/cancel</c>). Both are throttled per kind as <see cref="GraphGate"/> says.
/// </summary>
internal sealed class WriteEndpoints(FakeGraphOptions options, FakeTenant tenant, GraphGate gate, FakeGraphLog log)
{
    private int nextEvent;

    public Task InstallAsync(HttpContext context, string user) => RecordAsync(context, async () =>
    {
        if (!await gate.PassAsync(context, "install", throttled: true))
        {
            return context.Response.StatusCode;
        }

        if (options.InstallForbidden)
        {
            return await GraphJson.ErrorAsync(context, StatusCodes.Status403Forbidden, "Forbidden",
                "Missing role permissions on the request. API requires one of 'TeamsAppInstallation.ReadWriteSelfForUser.All, TeamsAppInstallation.ReadWriteForUser.All'.");
        }

        var body = await GraphJson.ReadAsync(context);
        var bind = body?["teamsApp@odata.bind"]?.GetValue<string>() ?? "";
        var at = bind.LastIndexOf("/teamsApps/", StringComparison.Ordinal);
        var app = at < 0 ? "" : bind[(at + "/teamsApps/".Length)..];
        if (app.Length == 0 || (options.CatalogAppId is { } catalog && app != catalog))
        {
            return await GraphJson.ErrorAsync(context, StatusCodes.Status404NotFound, "NotFound", $"The app '{app}' is not in the tenant's app catalog.");
        }

        if (tenant.User(user) is null)
        {
            return await GraphJson.ErrorAsync(context, StatusCodes.Status404NotFound, "Request_ResourceNotFound", $"User '{user}' does not exist.");
        }

        if (!tenant.Install(user, app))
        {
            return await GraphJson.ErrorAsync(context, StatusCodes.Status409Conflict, "Conflict", "App is already installed for the user.");
        }

        options.OnInstalled?.Invoke(user);
        await GraphJson.WriteAsync(context, StatusCodes.Status201Created, new JsonObject { ["id"] = $"{user}:{app}" });
        return StatusCodes.Status201Created;
    });

    public Task CreateEventAsync(HttpContext context, string mailbox) => RecordAsync(context, async () =>
    {
        if (await RefusedAsync(context) is { } refused)
        {
            return refused;
        }

        if (await GraphJson.ReadAsync(context) is not { } body)
        {
            return await GraphJson.ErrorAsync(context, StatusCodes.Status400BadRequest, "ErrorInvalidRequest", "Not an event.");
        }

        // Graph's transactionId: a retried POST of the same event returns the event made the first time.
        var transaction = body["transactionId"]?.GetValue<string>();
        var saved = transaction is not null && tenant.FindEventByTransaction(mailbox, transaction) is { } existing
            ? existing
            : new FakeEvent($"evt-{Interlocked.Increment(ref nextEvent)}", transaction, body);
        tenant.SaveEvent(mailbox, saved);
        await GraphJson.WriteAsync(context, StatusCodes.Status201Created, Answer(saved));
        return StatusCodes.Status201Created;
    });

    public Task UpdateEventAsync(HttpContext context, string mailbox, string id) => RecordAsync(context, async () =>
    {
        if (await RefusedAsync(context) is { } refused)
        {
            return refused;
        }

        if (tenant.FindEvent(mailbox, id) is not { } existing)
        {
            return await GraphJson.ErrorAsync(context, StatusCodes.Status404NotFound, "ErrorItemNotFound", "The specified object was not found in the store.");
        }

        var merged = (JsonObject)existing.Body.DeepClone();
        foreach (var (key, value) in await GraphJson.ReadAsync(context) ?? [])
        {
            merged[key] = value?.DeepClone();
        }

        var updated = existing with { Body = merged };
        tenant.SaveEvent(mailbox, updated);
        await GraphJson.WriteAsync(context, StatusCodes.Status200OK, Answer(updated));
        return StatusCodes.Status200OK;
    });

    public Task CancelEventAsync(HttpContext context, string mailbox, string id) => RecordAsync(context, async () =>
    {
        if (await RefusedAsync(context) is { } refused)
        {
            return refused;
        }

        if (tenant.FindEvent(mailbox, id) is not { } existing)
        {
            return await GraphJson.ErrorAsync(context, StatusCodes.Status404NotFound, "ErrorItemNotFound", "The specified object was not found in the store.");
        }

        var comment = (await GraphJson.ReadAsync(context))?["comment"]?.GetValue<string>();
        tenant.SaveEvent(mailbox, existing with { Cancelled = true, CancelComment = comment });
        context.Response.StatusCode = StatusCodes.Status202Accepted;
        return StatusCodes.Status202Accepted;
    });

    private async Task<int?> RefusedAsync(HttpContext context)
    {
        if (!await gate.PassAsync(context, "event", throttled: true))
        {
            return context.Response.StatusCode;
        }

        return options.CalendarForbidden
            ? await GraphJson.ErrorAsync(context, StatusCodes.Status403Forbidden, "ErrorAccessDenied", "Access is denied. Check credentials and try again.")
            : null;
    }

    private static JsonObject Answer(FakeEvent e)
    {
        var body = (JsonObject)e.Body.DeepClone();
        body["id"] = e.Id;
        body["isCancelled"] = e.Cancelled;
        return body;
    }

    private async Task RecordAsync(HttpContext context, Func<Task<int>> answer)
    {
        var at = options.TimeProvider.GetUtcNow();
        var status = await answer();
        log.Record(new FakeGraphRequest(at, context.Request.Path, context.Request.QueryString.Value ?? "", new Dictionary<string, string>(), status));
    }
}
