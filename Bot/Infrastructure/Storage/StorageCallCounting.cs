using System.Globalization;
using System.Net;

namespace TalkBot.Bot.Infrastructure.Storage;

/// <summary>
/// With <c>Storage:CountCalls</c> on: every response says in <see cref="Header"/> how many storage requests its request
/// made before the response started, and <c>GET /debug/storage-calls</c> (from this machine) answers the totals as
/// <c>{"total":N,"byTable":{…}}</c>. With it off (the default) nothing is counted and neither exists.
/// </summary>
public static class StorageCallCounting
{
    public const string Header = "X-TalkBot-Storage-Calls";
    public const string DebugPath = "/debug/storage-calls";

    /// <summary>Registers the counter when <c>Storage:CountCalls</c> is true; the table client then counts through it.</summary>
    public static IServiceCollection AddStorageCallCounting(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(StorageOptions.Section).Get<StorageOptions>() ?? new StorageOptions();
        if (options.CountCalls)
        {
            services.AddSingleton(new StorageCallCounter(options.TablePrefix));
        }

        return services;
    }

    /// <summary>The header on every response and the totals endpoint, when the counter is registered.</summary>
    public static WebApplication UseStorageCallCounting(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (app.Services.GetService<StorageCallCounter>() is not { } counter)
        {
            return app;
        }

        app.Use(async (context, next) =>
        {
            var count = counter.BeginRequest();
            // Calls the request makes after its response started (work it left running) are in the total only.
            context.Response.OnStarting(() =>
            {
                context.Response.Headers[Header] = count.Calls.ToString(CultureInfo.InvariantCulture);
                return Task.CompletedTask;
            });
            await next(context).ConfigureAwait(false);
        });
        app.MapGet(DebugPath, (HttpContext http) =>
            http.Connection.RemoteIpAddress is { } ip && IPAddress.IsLoopback(ip)
                ? Results.Json(new { total = counter.Total, byTable = counter.ByTable })
                : Results.NotFound());
        return app;
    }
}
