using Microsoft.Graph.Models;
using Microsoft.Kiota.Abstractions;
using TalkBot.Bot.Infrastructure.Graph;

namespace TalkBot.Bot.Features.Reach;

/// <summary>How an install through Graph ended.</summary>
public enum InstallResult
{
    Installed,
    /// <summary>409: the app was there already.</summary>
    AlreadyInstalled,
    /// <summary>403: the app registration lacks TeamsAppInstallation.ReadWriteSelfForUser.All (or …ForUser.All).</summary>
    PermissionMissing,
    /// <summary>404: the user, or the app in the tenant's catalog, is not there.</summary>
    NotFound,
    /// <summary>Throttled or failing after every retry, or another error.</summary>
    Failed,
}

/// <summary>
/// <c>POST /users/{id}/teamwork/installedApps</c> with the app's catalog id (PROTOCOL §6), paced by the
/// <see cref="InstallLimiter"/>: the Graph client used has no retry handler, so a 429 pauses every install.
/// </summary>
public sealed class TeamsAppInstaller(GraphConnection graph, ReachOptions options, InstallLimiter limiter)
{
    /// <summary>Requests sent to Graph for installs so far (the connection's count, shared with other Graph use).</summary>
    public long Requests => graph.Requests;

    public async Task<InstallResult> InstallAsync(PersonId person, CancellationToken cancellationToken) =>
        (await limiter.RunAsync(ct => TryOnceAsync(person, ct), r => r.RetryAfter, cancellationToken).ConfigureAwait(false)).Result;

    private async Task<(InstallResult Result, TimeSpan? RetryAfter)> TryOnceAsync(PersonId person, CancellationToken cancellationToken)
    {
        var body = new UserScopeTeamsAppInstallation
        {
            AdditionalData = new Dictionary<string, object> { ["teamsApp@odata.bind"] = $"{graph.BaseUrl}/appCatalogs/teamsApps/{options.CatalogAppId}" },
        };
        try
        {
            await graph.Unretried.Users[person.Value].Teamwork.InstalledApps.PostAsync(body, cancellationToken: cancellationToken).ConfigureAwait(false);
            return (InstallResult.Installed, null);
        }
        catch (ApiException e)
        {
            return e.ResponseStatusCode switch
            {
                409 => (InstallResult.AlreadyInstalled, null),
                403 => (InstallResult.PermissionMissing, null),
                404 => (InstallResult.NotFound, null),
                429 => (InstallResult.Failed, RetryAfter(e) ?? TimeSpan.FromSeconds(1)),
                502 or 503 or 504 => (InstallResult.Failed, RetryAfter(e) ?? TimeSpan.FromSeconds(1)),
                _ => (InstallResult.Failed, null),
            };
        }
        catch (HttpRequestException)
        {
            return (InstallResult.Failed, TimeSpan.FromSeconds(1));
        }
    }

    private static TimeSpan? RetryAfter(ApiException e) =>
        e.ResponseHeaders.TryGetValue("Retry-After", out var values) && int.TryParse(values.FirstOrDefault(), out var seconds) ? TimeSpan.FromSeconds(seconds) : null;
}
