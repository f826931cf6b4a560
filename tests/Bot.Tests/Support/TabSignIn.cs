using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace TalkBot.Bot.Tests.Support;

/// <summary>
/// The tab's sign-in as the tests play it: the policy <c>Tab</c>, satisfied by a person named in the
/// <see cref="Header"/> header, who gets the claim <c>talkbot:person</c> — the contract of the tab's own sign-in, which
/// the product registers itself.
/// </summary>
public static class TabSignIn
{
    public const string Scheme = "TestTab";
    public const string Header = "X-Test-Person";

    public static void Add(IServiceCollection services)
    {
        services.AddAuthentication(Scheme).AddScheme<AuthenticationSchemeOptions, Handler>(Scheme, null);
        services.AddAuthorization(o => o.AddPolicy("Tab", p => p.AddAuthenticationSchemes(Scheme).RequireAuthenticatedUser().RequireClaim("talkbot:person")));
    }

    /// <summary>A client of the bot signed in to the tab as <paramref name="person"/> (nobody when null).</summary>
    public static HttpClient ClientAs(BotUnderTest bot, Person? person)
    {
        ArgumentNullException.ThrowIfNull(bot);
        var client = bot.CreateClient();
        if (person is not null)
        {
            client.DefaultRequestHeaders.Add(Header, person.AadObjectId);
        }

        return client;
    }

    private sealed class Handler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
        : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
    {
        protected override Task<AuthenticateResult> HandleAuthenticateAsync()
        {
            if (!Request.Headers.TryGetValue(Header, out var person) || string.IsNullOrEmpty(person))
            {
                return Task.FromResult(AuthenticateResult.NoResult());
            }

            var identity = new ClaimsIdentity([new Claim("talkbot:person", person.ToString())], TabSignIn.Scheme);
            return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), TabSignIn.Scheme)));
        }
    }
}
