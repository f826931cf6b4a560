using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Options;
using TalkBot.Bot.Infrastructure.Connector;
using TalkBot.Bot.Infrastructure.Hosting;

namespace TalkBot.Bot.Features.Tab;

/// <summary>The tab's settings (section <c>Tab</c>).</summary>
public sealed class TabOptions
{
    public const string Section = "Tab";

    /// <summary>
    /// The host the tab is served from (talkbot.example.gov.cn): with the bot's app id it makes the Application ID URI
    /// <c>api://{Host}/{MicrosoftAppId}</c> that Teams asks Entra for (webApplicationInfo.resource in the manifest).
    /// </summary>
    public string? Host { get; set; }

    /// <summary>The delegated scope the tab's token must carry (the app registration exposes it).</summary>
    public string Scope { get; set; } = "access_as_user";

    /// <summary>
    /// Development only: sign in as any person of the directory without Entra, so that the demo and the end-to-end
    /// tests can open the tab. Refused at start-up in any other environment, like the test clock.
    /// </summary>
    public bool DevSignIn { get; set; }

    /// <summary>Where the Entra signing keys of the tab's tokens are published (tests use keys of their own).</summary>
    public string OpenIdMetadataUrl { get; set; } = "https://login.microsoftonline.com/common/v2.0/.well-known/openid-configuration";

    /// <summary>The authority the browser signs in at (auth code with PKCE); the tenant is appended.</summary>
    public string AuthorityHost { get; set; } = "https://login.microsoftonline.com";
}

/// <summary>
/// How the tab's requests are authenticated. Every tab API requires the policy <see cref="Policy"/>, which accepts:
/// <list type="bullet">
/// <item>a bearer token Entra issued for the bot's own API (Teams tab SSO through <c>authentication.getAuthToken</c>,
/// or the browser's sign-in with MSAL, auth code + PKCE), validated by <see cref="TabTokenValidator"/>;</item>
/// <item>in Development (and the test host) only, with <c>Tab:DevSignIn</c>, the cookie of the demo sign-in
/// (<see cref="TabDevSignIn"/>).</item>
/// </list>
/// Either way the principal carries the signed-in person's id in <see cref="PersonClaim"/>, and only a person active in
/// the directory gets one.
/// </summary>
public static class TabAuthentication
{
    /// <summary>The authorization policy of every tab request.</summary>
    public const string Policy = "Tab";

    /// <summary>The claim holding the signed-in person's <see cref="PersonId"/> value.</summary>
    public const string PersonClaim = "talkbot:person";

    public const string BearerScheme = "TabBearer";
    public const string DevScheme = "TabDev";

    /// <summary>The signed-in person's id, from a principal the policy admitted.</summary>
    public static PersonId? PersonOf(ClaimsPrincipal user) =>
        user?.FindFirst(PersonClaim)?.Value is { Length: > 0 } id ? new PersonId(id) : null;

    public static IServiceCollection AddTabAuthentication(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var options = new TabOptions();
        configuration.GetSection(TabOptions.Section).Bind(options);
        if (options.DevSignIn && !environment.IsDevelopment() && !environment.IsEnvironment(TestClockEndpoints.TestingEnvironment))
        {
            throw new InvalidOperationException(
                $"Tab:DevSignIn is true in the {environment.EnvironmentName} environment. The demo sign-in is for Development and {TestClockEndpoints.TestingEnvironment} only; remove the setting.");
        }

        services.AddSingleton(options);
        services.AddSingleton<TabSigningKeys>();
        services.AddSingleton<TabTokenValidator>();
        // No default scheme: only the tab's endpoints, through the policy, read a tab token or cookie. The Bot Framework's
        // tokens on /api/messages are the connector's (BotAuthenticator) and are never taken for a tab sign-in.
        var authentication = services.AddAuthentication()
            .AddScheme<AuthenticationSchemeOptions, TabBearerHandler>(BearerScheme, null);
        string[] schemes = [BearerScheme];
        if (options.DevSignIn)
        {
            authentication.AddCookie(DevScheme, cookie =>
            {
                cookie.Cookie.Name = "talkbot-tab-dev";
                cookie.Cookie.SameSite = SameSiteMode.Strict;
                cookie.Cookie.HttpOnly = true;
                // An API answers 401/403, never a redirect to a login page.
                cookie.Events.OnRedirectToLogin = c => { c.Response.StatusCode = StatusCodes.Status401Unauthorized; return Task.CompletedTask; };
                cookie.Events.OnRedirectToAccessDenied = c => { c.Response.StatusCode = StatusCodes.Status403Forbidden; return Task.CompletedTask; };
            });
            schemes = [BearerScheme, DevScheme];
        }

        services.AddAuthorizationBuilder().AddPolicy(Policy, policy => policy
            .AddAuthenticationSchemes(schemes)
            .RequireAuthenticatedUser()
            .RequireClaim(PersonClaim));
        return services;
    }
}

/// <summary>The bearer path of <see cref="TabAuthentication"/>: the token's person must be active in the directory.</summary>
public sealed partial class TabBearerHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, TabTokenValidator validator, PeopleDirectory directory)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        string? authorization = Request.Headers.Authorization;
        if (string.IsNullOrEmpty(authorization))
        {
            return AuthenticateResult.NoResult();
        }

        var result = await validator.ValidateAsync(authorization, Context.RequestAborted).ConfigureAwait(false);
        if (result.Failure is { } failure)
        {
            LogRefused(Logger, failure);
            return AuthenticateResult.Fail(failure);
        }

        var person = await directory.FindAsync(result.Person!.Value, Context.RequestAborted).ConfigureAwait(false);
        if (person is not { Active: true })
        {
            return AuthenticateResult.Fail("the signed-in user is not an active person of the directory");
        }

        var identity = new ClaimsIdentity([new Claim(TabAuthentication.PersonClaim, person.Id.Value), new Claim(ClaimTypes.Name, person.DisplayName)], Scheme.Name);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), Scheme.Name));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Tab token refused: {Reason}")]
    private static partial void LogRefused(ILogger logger, string reason);
}

/// <summary>Whose principal <see cref="CookieAuthenticationDefaults"/> would build for the demo sign-in.</summary>
internal static class TabPrincipals
{
    public static ClaimsPrincipal For(Person person, string scheme) => new(new ClaimsIdentity(
        [new Claim(TabAuthentication.PersonClaim, person.Id.Value), new Claim(ClaimTypes.Name, person.DisplayName)], scheme));
}
