using Microsoft.Graph.Models;
using Microsoft.Graph.Models.ODataErrors;
using Microsoft.Kiota.Abstractions.Serialization;
using TalkBot.Bot.Infrastructure.Graph;

namespace TalkBot.Bot.Features.Directory;

/// <summary>
/// Reads the organisation from Microsoft Graph with delta queries (application permissions User.Read.All, and
/// GroupMember.Read.All for role groups):
/// <list type="bullet">
/// <item>People: <c>GET /users/delta</c> with the manager in <c>$select</c> (it comes back as <c>manager@delta</c>, no
/// <c>$expand</c>, so Graph's cap of 100 objects per page with <c>$expand</c> does not apply) and pages of
/// <see cref="GraphDirectoryOptions.PageSize"/> (<c>Prefer: odata.maxpagesize</c>). The first read lists everyone
/// (10,000 people in 11 requests); each later read follows the stored deltaLink and gets only what changed (ten
/// changes: one request). An expired deltaLink (410 Gone) starts a full read again.</item>
/// <item>Role groups: <c>GET /groups/delta?$filter=id eq …&amp;$select=members</c>, every configured group in one
/// query, so that a sync without membership changes costs one request.</item>
/// </list>
/// Throttling (429, 503 with Retry-After) is retried by the Graph SDK's retry handler after the server's Retry-After.
/// </summary>
public sealed partial class GraphDirectorySource(GraphConnection graph, GraphDirectoryOptions options, ILogger<GraphDirectorySource>? logger = null) : IDirectorySource
{
    /// <summary>The user properties TalkBot needs (Graph's default set lacks department and accountEnabled), and the manager.</summary>
    internal static readonly string[] SelectedProperties =
        ["id", "displayName", "department", "jobTitle", "mail", "userPrincipalName", "accountEnabled", "manager"];

    private readonly ILogger log = (ILogger?)logger ?? Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;

    /// <summary>HTTP requests sent so far through the connection, retries included.</summary>
    public long Requests => graph.Requests;

    /// <summary>One small request that shows Graph answers this app (readiness; <see cref="GraphHealthCheck"/>).</summary>
    public Task PingAsync(CancellationToken cancellationToken) =>
        graph.Client.Users.GetAsync(request => (request.QueryParameters.Top, request.QueryParameters.Select) = (1, ["id"]), cancellationToken);

    public async Task<DirectoryChanges> ReadPeopleAsync(string? deltaLink, CancellationToken cancellationToken)
    {
        var before = graph.Requests;
        var full = deltaLink is null;
        Microsoft.Graph.Users.Delta.DeltaGetResponse? page;
        try
        {
            page = full
                ? await graph.Client.Users.Delta.GetAsDeltaGetResponseAsync(r =>
                {
                    r.QueryParameters.Select = SelectedProperties;
                    r.Headers.Add("Prefer", PageSizePreference);
                }, cancellationToken).ConfigureAwait(false)
                : await NextUsersAsync(deltaLink!, cancellationToken).ConfigureAwait(false);
        }
        catch (ODataError e) when (!full && e.ResponseStatusCode == 410)
        {
            // The deltaLink expired (Graph keeps them for a limited time): read everyone again.
            LogDeltaExpired(log);
            return await ReadPeopleAsync(null, cancellationToken).ConfigureAwait(false);
        }

        var people = new List<DirectoryPerson>();
        var removed = new List<string>();
        while (page is not null)
        {
            foreach (var user in page.Value ?? [])
            {
                if (user.AdditionalData.TryGetValue("@removed", out _))
                {
                    removed.Add(user.Id ?? throw new InvalidOperationException("Microsoft Graph removed a user without an id."));
                }
                else
                {
                    people.Add(ToPerson(user));
                }
            }

            if (string.IsNullOrEmpty(page.OdataNextLink))
            {
                LogRead(log, full ? "full" : "delta", people.Count, removed.Count, graph.Requests - before);
                return new DirectoryChanges(full, people, removed, page.OdataDeltaLink);
            }

            page = await NextUsersAsync(page.OdataNextLink, cancellationToken).ConfigureAwait(false);
        }

        throw new InvalidOperationException("Microsoft Graph answered a users delta page with nothing.");
    }

    public async Task<GroupChanges> ReadGroupsAsync(IReadOnlyList<string> groups, string? deltaLink, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(groups);
        var full = deltaLink is null;
        Microsoft.Graph.Groups.Delta.DeltaGetResponse? page;
        try
        {
            // Graph's groups delta takes up to 50 ids in one $filter; TalkBot has one group per role at most.
            page = full
                ? await graph.Client.Groups.Delta.GetAsDeltaGetResponseAsync(r =>
                {
                    r.QueryParameters.Filter = string.Join(" or ", groups.Select(g => $"id eq '{g.Replace("'", "''", StringComparison.Ordinal)}'"));
                    r.QueryParameters.Select = ["members"];
                    r.Headers.Add("Prefer", PageSizePreference);
                }, cancellationToken).ConfigureAwait(false)
                : await NextGroupsAsync(deltaLink!, cancellationToken).ConfigureAwait(false);
        }
        catch (ODataError e) when (!full && e.ResponseStatusCode == 410)
        {
            LogDeltaExpired(log);
            return await ReadGroupsAsync(groups, null, cancellationToken).ConfigureAwait(false);
        }

        var changes = new List<GroupMemberChange>();
        while (page is not null)
        {
            foreach (var group in page.Value ?? [])
            {
                if (group.Id is { } id && group.AdditionalData.TryGetValue("members@delta", out var members) && members is UntypedArray array)
                {
                    changes.AddRange(array.GetValue().OfType<UntypedObject>().Select(m => Member(id, m)).OfType<GroupMemberChange>());
                }
            }

            if (string.IsNullOrEmpty(page.OdataNextLink))
            {
                return new GroupChanges(full, changes, page.OdataDeltaLink);
            }

            page = await NextGroupsAsync(page.OdataNextLink, cancellationToken).ConfigureAwait(false);
        }

        throw new InvalidOperationException("Microsoft Graph answered a groups delta page with nothing.");
    }

    private string PageSizePreference => $"odata.maxpagesize={options.ValidatedPageSize()}";

    // The Prefer header goes with every page: Graph keeps the page size only while it is asked for.
    private Task<Microsoft.Graph.Users.Delta.DeltaGetResponse?> NextUsersAsync(string link, CancellationToken cancellationToken) =>
        graph.Client.Users.Delta.WithUrl(link).GetAsDeltaGetResponseAsync(r => r.Headers.Add("Prefer", PageSizePreference), cancellationToken);

    private Task<Microsoft.Graph.Groups.Delta.DeltaGetResponse?> NextGroupsAsync(string link, CancellationToken cancellationToken) =>
        graph.Client.Groups.Delta.WithUrl(link).GetAsDeltaGetResponseAsync(r => r.Headers.Add("Prefer", PageSizePreference), cancellationToken);

    internal static DirectoryPerson ToPerson(User user)
    {
        var id = user.Id ?? throw new InvalidOperationException("Microsoft Graph returned a user without an id.");
        return new DirectoryPerson(
            id,
            DisplayName: user.DisplayName ?? user.UserPrincipalName ?? id,
            user.Department,
            user.JobTitle,
            user.Mail,
            user.UserPrincipalName,
            ManagerId: ManagerOf(user),
            // accountEnabled is always selected; Graph leaves it out only when the app may not read it, and then
            // treating everyone as gone would empty the organisation.
            Enabled: user.AccountEnabled ?? true);
    }

    /// <summary>The manager from <c>manager@delta</c> (a one-element array; an element marked removed means none).</summary>
    private static string? ManagerOf(User user)
    {
        if (user.Manager?.Id is { } expanded)
        {
            return expanded;
        }

        if (!user.AdditionalData.TryGetValue("manager@delta", out var value) || value is not UntypedArray managers)
        {
            return null;
        }

        return managers.GetValue().OfType<UntypedObject>()
            .Select(m => m.GetValue())
            .Where(m => !m.ContainsKey("@removed"))
            .Select(m => m.TryGetValue("id", out var id) && id is UntypedString s ? s.GetValue() : null)
            .FirstOrDefault(id => id is not null);
    }

    private static GroupMemberChange? Member(string group, UntypedObject member)
    {
        var fields = member.GetValue();
        if (!fields.TryGetValue("id", out var id) || id is not UntypedString s || s.GetValue() is not { } memberId)
        {
            return null;
        }

        // Only users hold roles; a nested group or a device in a role group is ignored.
        if (fields.TryGetValue("@odata.type", out var type) && type is UntypedString t && t.GetValue() is { } typeName &&
            !typeName.EndsWith(".user", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        return new GroupMemberChange(group, memberId, fields.ContainsKey("@removed"));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Read the directory from Microsoft Graph ({Kind}): {People} people, {Removed} removed, {Requests} requests")]
    private static partial void LogRead(ILogger logger, string kind, int people, int removed, long requests);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A Microsoft Graph deltaLink expired; reading everything again")]
    private static partial void LogDeltaExpired(ILogger logger);
}
