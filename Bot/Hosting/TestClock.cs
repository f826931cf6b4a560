using System.Globalization;
using System.Net;

namespace TalkBot.Bot.Hosting;

/// <summary>
/// The test clock (section <c>TestClock</c>): in development and test only, time can be moved forward so that a
/// person in the Playground, or an end-to-end test, can log a talk that "has taken place" or watch a deadline pass.
/// </summary>
public sealed class TestClockOptions
{
    public const string Section = "TestClock";

    public bool Enabled { get; set; }
}

/// <summary>The system clock plus an offset that only grows: time never runs backwards for the scheduler.</summary>
public sealed class TestClock(TimeProvider system) : TimeProvider
{
    private long offsetTicks;

    public TimeSpan Offset => TimeSpan.FromTicks(Interlocked.Read(ref offsetTicks));

    public override DateTimeOffset GetUtcNow() => system.GetUtcNow() + Offset;

    public override TimeZoneInfo LocalTimeZone => system.LocalTimeZone;

    /// <summary>Moves the clock forward; a negative or zero amount is refused.</summary>
    public DateTimeOffset Advance(TimeSpan by)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(by, TimeSpan.Zero);
        Interlocked.Add(ref offsetTicks, by.Ticks);
        return GetUtcNow();
    }
}

public static class TestClockEndpoints
{
    /// <summary>
    /// Registers the test clock as the TimeProvider when <c>TestClock:Enabled</c> is true. Refuses to start in
    /// Production: a movable clock there would let anyone make deadlines pass.
    /// </summary>
    public static IServiceCollection AddTalkBotTestClock(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var options = new TestClockOptions();
        configuration.GetSection(TestClockOptions.Section).Bind(options);
        if (!options.Enabled)
        {
            return services;
        }

        if (environment.IsProduction())
        {
            throw new InvalidOperationException(
                "TestClock:Enabled is true in the Production environment. The test clock is for development and test only; remove the setting.");
        }

        var clock = new TestClock(TimeProvider.System);
        services.AddSingleton(clock);
        services.AddSingleton<TimeProvider>(clock);
        return services;
    }

    /// <summary>
    /// <c>POST /api/test-clock/advance?by=3.00:00</c> (a TimeSpan: days.hours:minutes) moves the clock forward and
    /// answers the new time; <c>GET /api/test-clock</c> answers it. Only from this machine, and only when enabled.
    /// </summary>
    public static IEndpointRouteBuilder MapTalkBotTestClock(this IEndpointRouteBuilder app)
    {
        if (app.ServiceProvider.GetService<TestClock>() is not { } clock)
        {
            return app;
        }

        app.MapGet("/api/test-clock", (HttpContext http) => FromHere(http) ? Results.Ok(Now(clock)) : Results.NotFound());
        app.MapPost("/api/test-clock/advance", (HttpContext http, string? by) =>
        {
            if (!FromHere(http))
            {
                return Results.NotFound();
            }

            if (!TimeSpan.TryParse(by, CultureInfo.InvariantCulture, out var amount) || amount <= TimeSpan.Zero)
            {
                return Results.BadRequest(new { error = "Give a positive amount as ?by=days.hours:minutes, e.g. ?by=3.00:00 for three days." });
            }

            clock.Advance(amount);
            return Results.Ok(Now(clock));
        });
        return app;
    }

    private static bool FromHere(HttpContext http) => http.Connection.RemoteIpAddress is { } ip && IPAddress.IsLoopback(ip);

    private static object Now(TestClock clock) => new { now = clock.GetUtcNow(), offset = clock.Offset.ToString("c", CultureInfo.InvariantCulture) };
}
