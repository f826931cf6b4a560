using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.FileProviders;
using TalkBot.Bot.Infrastructure.Connector;
using TalkBot.Domain.Leads;
using TalkBot.Domain.Ledgers;

namespace TalkBot.Bot.Features.Tab;

/// <summary>
/// The TalkBot tab (SPEC §7; issue 15): a personal tab of the Teams app whose page the bot serves from
/// <c>wwwroot/tab</c> at <c>/tab/</c>, and its APIs under <c>/api/tab</c>, each behind <see cref="TabAuthentication.Policy"/>.
/// It works in a plain browser as well, and where Teams offers tabs but no bots (21Vianet, SPEC §8).
/// </summary>
public static class TabFeature
{
    public const string PagePath = "/tab";

    public static IServiceCollection AddTab(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddTabAuthentication(configuration, environment);
        var policy = new LedgerPolicy();
        configuration.GetSection(LedgerPolicy.Section).Bind(policy);
        services.AddSingleton(policy);
        services.AddTable(MatterIndex.Table).AddTable(MatterIndex.UnitTable);
        services.TryAddSingleton<MatterIndex>();
        services.AddTable(TalkLedgerTables.LiveTable);
        services.TryAddSingleton<TalkLedgerTables>();
        services.TryAddSingleton<TalkLedgerRows>();
        services.TryAddSingleton<TalkeeRows>();
        services.AddSingleton<Talks.INoticeListing, NoticeLedgerRows>();
        services.AddSingleton<PlanLedgerRows>();
        services.AddHostedService<PlanLedgerUpgrade>();
        services.AddHostedService<TalkLedgerUpgrade>();
        services.AddFollowUp<Directory.UnitsMoved, TalkLedgerRelisting>("UnitsMoved.TalkLedger");
        services.AddFollowUp<PlanMade, PlanLedgerFollowUps>("PlanMade.Ledger");
        services.AddFollowUp<PlanItemHandedOver, PlanLedgerFollowUps>("PlanItemHandedOver.Ledger");
        services.AddFollowUp<PlanTalkToOffice, PlanLedgerFollowUps>("PlanTalkToOffice.Ledger");
        services.AddFollowUp<PlanTalkAssigned, PlanLedgerFollowUps>("PlanTalkAssigned.Ledger");
        services.AddFollowUp<TalkScheduled, PlanLedgerFollowUps>("TalkScheduled.PlanLedger");
        services.AddFollowUp<TalkChanged, PlanLedgerFollowUps>("TalkChanged.PlanLedger");
        services.AddSingleton<LedgerReader>();
        services.AddSingleton<LedgerEndpoints>();
        return services;
    }

    public static WebApplication MapTab(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var root = Path.Combine(app.Environment.ContentRootPath, "wwwroot", "tab");
        if (!System.IO.Directory.Exists(root))
        {
            root = Path.Combine(AppContext.BaseDirectory, "wwwroot", "tab");
        }

        if (System.IO.Directory.Exists(root))
        {
            app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = new PhysicalFileProvider(root), RequestPath = PagePath });
            app.UseStaticFiles(new StaticFileOptions
            {
                FileProvider = new PhysicalFileProvider(root),
                RequestPath = PagePath,
                // The page is framed by Teams only; every script is the bot's own (no inline code, nothing from elsewhere).
                OnPrepareResponse = c =>
                {
                    c.Context.Response.Headers.ContentSecurityPolicy =
                        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; connect-src 'self' https://login.microsoftonline.com; " +
                        "frame-src https://login.microsoftonline.com; frame-ancestors 'self' https://teams.microsoft.com https://*.teams.microsoft.com https://*.cloud.microsoft https://*.office.com https://teams.microsoftonline.cn";
                    c.Context.Response.Headers.CacheControl = "no-cache";
                },
            });
        }

        app.UseAuthentication();
        app.UseAuthorization();
        // devSignedIn: whether this browser holds the demo sign-in's cookie (which the page cannot read), so that the page
        // asks who is signed in only when someone may be, rather than being refused (a 401 the browser reports as an error).
        app.MapGet("/api/tab/config", async (HttpContext http, TabOptions tab, BotConnectorOptions bot, TabTokenValidator validator) => Results.Ok(new
        {
            clientId = string.IsNullOrWhiteSpace(bot.MicrosoftAppId) ? null : bot.MicrosoftAppId,
            authority = $"{tab.AuthorityHost.TrimEnd('/')}/{(string.IsNullOrWhiteSpace(bot.MicrosoftAppTenantId) ? "organizations" : bot.MicrosoftAppTenantId)}",
            scope = validator.Audiences.Count > 0 ? $"{validator.Audiences[0]}/{tab.Scope}" : null,
            devSignIn = tab.DevSignIn,
            devSignedIn = tab.DevSignIn && (await http.AuthenticateAsync(TabAuthentication.DevScheme).ConfigureAwait(false)).Succeeded,
        }));
        app.MapGet("/api/tab/me", async (HttpContext http, PeopleDirectory directory, CancellationToken cancellationToken) =>
        {
            var people = await directory.CurrentAsync(cancellationToken).ConfigureAwait(false);
            if (TabAuthentication.PersonOf(http.User) is not { } id || people.Find(id) is not { Active: true } me)
            {
                return Results.Unauthorized();
            }

            return Results.Ok(new
            {
                id = me.Id.Value,
                name = me.DisplayName,
                unit = people.UnitName(me.UnitId),
                office = LeadAccess.IsDisciplineOffice(me),
                roles = me.Roles.Select(r => r.ToString()).Order(StringComparer.Ordinal),
            });
        }).RequireAuthorization(TabAuthentication.Policy);
        app.Services.GetRequiredService<LedgerEndpoints>().Map(app);
        if (app.Services.GetRequiredService<TabOptions>().DevSignIn)
        {
            TabDevSignIn.Map(app);
        }

        return app;
    }
}

/// <summary>
/// The demo sign-in (Development and the test host only, <c>Tab:DevSignIn</c>; refused at start-up elsewhere): from
/// this machine only, <c>POST /api/tab/dev-sign-in?person={id}</c> signs the browser in as that active person of the
/// directory with a cookie, <c>GET /api/tab/dev-people</c> lists whom to pick, <c>POST /api/tab/sign-out</c> ends it.
/// </summary>
public static class TabDevSignIn
{
    public static void Map(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapGet("/api/tab/dev-people", async (HttpContext http, PeopleDirectory directory, CancellationToken cancellationToken) =>
        {
            if (!FromHere(http))
            {
                return Results.NotFound();
            }

            var people = await directory.CurrentAsync(cancellationToken).ConfigureAwait(false);
            return Results.Ok(people.All.Where(p => p.Active).Take(500)
                .Select(p => new { id = p.Id.Value, name = p.DisplayName, unit = people.UnitName(p.UnitId), title = p.JobTitle }));
        });
        app.MapPost("/api/tab/dev-sign-in", async (HttpContext http, string? person, PeopleDirectory directory, CancellationToken cancellationToken) =>
        {
            if (!FromHere(http))
            {
                return Results.NotFound();
            }

            var people = await directory.CurrentAsync(cancellationToken).ConfigureAwait(false);
            if (string.IsNullOrWhiteSpace(person) || people.Find(new PersonId(person)) is not { Active: true } who)
            {
                return Results.BadRequest(new { error = "Name an active person of the directory as ?person={id}." });
            }

            await http.SignInAsync(TabAuthentication.DevScheme, TabPrincipals.For(who, TabAuthentication.DevScheme)).ConfigureAwait(false);
            return Results.Ok(new { id = who.Id.Value, name = who.DisplayName });
        });
        app.MapPost("/api/tab/sign-out", async (HttpContext http) =>
        {
            await http.SignOutAsync(TabAuthentication.DevScheme).ConfigureAwait(false);
            return Results.NoContent();
        });
    }

    private static bool FromHere(HttpContext http) => http.Connection.RemoteIpAddress is { } ip && System.Net.IPAddress.IsLoopback(ip);
}
