using System.Globalization;
using System.Net;

namespace TalkBot.Bot.Infrastructure.Hosting;

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
    /// <summary>The environment name of the test host (the integration tests' WebApplicationFactory).</summary>
    public const string TestingEnvironment = "Testing";

    /// <summary>
    /// Registers the test clock as the TimeProvider when <c>TestClock:Enabled</c> is true. Refuses to start in any
    /// environment but Development and the test host (Staging, Production, or one named otherwise): a movable clock
    /// there would let anyone make deadlines pass.
    /// </summary>
    public static IServiceCollection AddTalkBotTestClock(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var options = new TestClockOptions();
        configuration.GetSection(TestClockOptions.Section).Bind(options);
        if (!options.Enabled)
        {
            return services;
        }

        if (!environment.IsDevelopment() && !environment.IsEnvironment(TestingEnvironment))
        {
            throw new InvalidOperationException(
                $"TestClock:Enabled is true in the {environment.EnvironmentName} environment. The test clock is for Development and {TestingEnvironment} only; remove the setting.");
        }

        var clock = new TestClock(TimeProvider.System);
        services.AddSingleton(clock);
        services.AddSingleton<TimeProvider>(clock);
        services.AddSingleton<Routing.ICommand, AdvanceClockCommand>();
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

/// <summary>
/// 快进 / advance (only while the test clock is on): a person in the Playground moves time forward from the chat,
/// "快进 3" or "快进 3天" for days, "快进 5小时" or "advance 5h" for hours, and watches the reminders arrive.
/// </summary>
public sealed class AdvanceClockCommand(TestClock clock, Domain.Calendar.WorkingCalendar calendar) : Routing.ICommand
{
    public IReadOnlyList<string> Names { get; } = ["快进", "advance"];

    public Task<Cards.AdaptiveCards.AdaptiveCard> ExecuteAsync(Routing.CommandRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var l = request.Locale;
        if (Parse(request.Arguments) is not { } by)
        {
            return Task.FromResult(Cards.Builders.ErrorCard.Build(l.Pick("无法快进", "Cannot advance"),
                [l.Pick("请写明快进多久，例如「快进 3天」或「快进 5小时」（最多 60 天）。", "Say how far, e.g. \"advance 3d\" or \"advance 5h\" (at most 60 days).")], l));
        }

        var now = calendar.ToLocal(clock.Advance(by));
        return Task.FromResult(Cards.Builders.ReminderCard.Build(new Cards.Builders.ReminderView(
            l.Pick("测试时钟已快进", "Test clock moved forward"),
            [l.Pick($"现在是{Cards.Localization.DateText.DateTime(now, l)}。到期的提醒将在下一次轮询时发出。", $"It is now {Cards.Localization.DateText.DateTime(now, l)}. Reminders now due go out at the next poll.")]), l));
    }

    internal static TimeSpan? Parse(string text)
    {
        var t = text.Trim().ToLowerInvariant();
        var hours = t.EndsWith('h') || t.EndsWith("小时", StringComparison.Ordinal);
        var digits = new string([.. t.TakeWhile(char.IsAsciiDigit)]);
        if (digits.Length is 0 or > 4 || !int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n <= 0)
        {
            return null;
        }

        var by = hours ? TimeSpan.FromHours(n) : TimeSpan.FromDays(n);
        return by <= TimeSpan.FromDays(60) ? by : null;
    }
}
