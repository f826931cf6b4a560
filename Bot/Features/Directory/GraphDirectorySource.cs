using Azure.Core;
using Azure.Identity;
using Microsoft.Extensions.Options;
using Microsoft.Graph;
using Microsoft.Graph.Models;
using Microsoft.Kiota.Authentication.Azure;

namespace TalkBot.Bot.Features.Directory;

/// <summary>
/// Reads the organisation from Microsoft Graph: <c>GET /users</c> in pages of <see cref="GraphDirectoryOptions.PageSize"/>
/// with each user's manager expanded, so that 10,000 people cost 11 requests rather than one (or two) per person.
/// Throttling (429 with Retry-After) is handled by the Graph SDK's retry handler, which waits the server's Retry-After.
/// </summary>
public sealed partial class GraphDirectorySource : IDirectorySource, IDisposable
{
    /// <summary>The user properties TalkBot needs; Graph's default set lacks department and accountEnabled.</summary>
    internal static readonly string[] SelectedProperties =
        ["id", "displayName", "department", "jobTitle", "mail", "userPrincipalName", "accountEnabled"];

    /// <summary>The manager's id only: the manager is also in the list, with everything else.</summary>
    internal const string ManagerExpansion = "manager($select=id)";

    private readonly HttpClient httpClient;
    private readonly GraphServiceClient client;
    private readonly RequestCountingHandler counter = new();
    private readonly int pageSize;
    private readonly ILogger logger;

    /// <summary>The production path: an app registration's client secret from <paramref name="options"/>.</summary>
    public GraphDirectorySource(IOptions<GraphDirectoryOptions> options, ILogger<GraphDirectorySource> logger)
        : this(options.Value, SecretCredential(options.Value), finalHandler: null, logger)
    {
    }

    /// <summary>
    /// Any credential (managed identity, a test's fixed token) and optionally the innermost HTTP handler, which this
    /// instance then owns and disposes.
    /// </summary>
    public GraphDirectorySource(
        GraphDirectoryOptions options,
        TokenCredential credential,
        HttpMessageHandler? finalHandler = null,
        ILogger<GraphDirectorySource>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(credential);
        var baseUri = options.ValidatedBaseUri();
        pageSize = options.PageSize;
        this.logger = (ILogger?)logger ?? Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;

        // Graph's default handlers (retry with Retry-After, redirect, compression, ...) with the counter last.
        var handlers = GraphClientFactory.CreateDefaultHandlers();
        handlers.Add(counter);
        httpClient = GraphClientFactory.Create(handlers, finalHandler: finalHandler);

        // The token goes to Graph's own host only (nextLinks stay on it); Kiota itself refuses http except on loopback.
        var authentication = new AzureIdentityAuthenticationProvider(
            credential,
            allowedHosts: [baseUri.Host],
            observabilityOptions: null,
            isCaeEnabled: true,
            scopes: $"{baseUri.GetLeftPart(UriPartial.Authority)}/.default");
        client = new GraphServiceClient(httpClient, authentication, baseUri.AbsoluteUri.TrimEnd('/'));
    }

    /// <summary>HTTP requests sent so far, retries included.</summary>
    public long Requests => counter.Count;

    public async Task<IReadOnlyList<DirectoryPerson>> ReadPeopleAsync(CancellationToken cancellationToken)
    {
        var requestsBefore = Requests;
        var people = new List<DirectoryPerson>();
        var pages = 0;
        var page = await client.Users.GetAsync(
            request =>
            {
                request.QueryParameters.Select = SelectedProperties;
                request.QueryParameters.Expand = [ManagerExpansion];
                request.QueryParameters.Top = pageSize;
            },
            cancellationToken).ConfigureAwait(false);

        while (page is not null)
        {
            pages++;
            foreach (var user in page.Value ?? [])
            {
                people.Add(ToPerson(user));
            }

            // The nextLink carries $select, $expand and $top on, with the server's $skiptoken.
            var next = page.OdataNextLink;
            if (string.IsNullOrEmpty(next))
            {
                break;
            }

            page = await client.Users.WithUrl(next).GetAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        }

        LogRead(logger, people.Count, pages, Requests - requestsBefore);
        return people;
    }

    /// <summary>Reads one user id: whether Graph answers this app at all (the readiness check).</summary>
    public Task PingAsync(CancellationToken cancellationToken) =>
        client.Users.GetAsync(request => (request.QueryParameters.Top, request.QueryParameters.Select) = (1, ["id"]), cancellationToken);

    public void Dispose() => httpClient.Dispose();

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
            ManagerId: user.Manager?.Id,
            // accountEnabled is always selected; Graph leaves it out only when the app may not read it, and then
            // treating everyone as gone would empty the organisation.
            Enabled: user.AccountEnabled ?? true);
    }

    private static ClientSecretCredential SecretCredential(GraphDirectoryOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrWhiteSpace(options.TenantId) || string.IsNullOrWhiteSpace(options.ClientId) ||
            string.IsNullOrWhiteSpace(options.ClientSecret))
        {
            throw new InvalidOperationException(
                $"{GraphDirectoryOptions.Section} needs TenantId, ClientId and ClientSecret (the secret from a secret store).");
        }

        return new ClientSecretCredential(options.TenantId, options.ClientId, options.ClientSecret);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Read {People} people from Microsoft Graph: {Pages} pages, {Requests} requests")]
    private static partial void LogRead(ILogger logger, int people, int pages, long requests);
}
