using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using TalkBot.Bot.Infrastructure.Hosting;
using TalkBot.Bot.Tests.Support;

namespace TalkBot.Bot.Tests.Infrastructure.Hosting;

public sealed class TestClockTests
{
    private static IConfiguration Enabled(bool enabled) => new ConfigurationBuilder()
        .AddInMemoryCollection(new Dictionary<string, string?> { ["TestClock:Enabled"] = enabled ? "true" : "false" })
        .Build();

    private sealed class Environment(string name) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = name;
        public string ApplicationName { get; set; } = "TalkBot.Bot";
        public string ContentRootPath { get; set; } = AppContext.BaseDirectory;
        public Microsoft.Extensions.FileProviders.IFileProvider ContentRootFileProvider { get; set; } = null!;
    }

    [Theory]
    [InlineData("Production")]
    [InlineData("Staging")]
    [InlineData("Preview")]
    public void Enabled_OutsideDevelopmentAndTests_RefusesToStart(string environment)
    {
        var e = Assert.Throws<InvalidOperationException>(() => new ServiceCollection().AddTalkBotTestClock(Enabled(true), new Environment(environment)));

        Assert.Contains("TestClock:Enabled", e.Message, StringComparison.Ordinal);
        Assert.Contains(environment, e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Development")]
    [InlineData(TestClockEndpoints.TestingEnvironment)]
    public void Enabled_InDevelopmentOrTheTestHost_UsesTheTestClock(string environment)
    {
        var services = new ServiceCollection().AddTalkBotTestClock(Enabled(true), new Environment(environment));

        Assert.Contains(services, s => s.ServiceType == typeof(TimeProvider) && s.ImplementationInstance is TestClock);
    }

    [Fact]
    public void Disabled_LeavesTheSystemClock()
    {
        var services = new ServiceCollection().AddTalkBotTestClock(Enabled(false), new Environment(Environments.Production));

        Assert.Empty(services);
    }

    [Fact]
    public void Advance_MovesForwardOnly()
    {
        var system = new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 2, 0, 0, TimeSpan.Zero));
        var clock = new TestClock(system);

        clock.Advance(TimeSpan.FromDays(3));
        system.Advance(TimeSpan.FromMinutes(5));

        Assert.Equal(new DateTimeOffset(2026, 3, 5, 2, 5, 0, TimeSpan.Zero), clock.GetUtcNow());
        Assert.Throws<ArgumentOutOfRangeException>(() => clock.Advance(TimeSpan.FromHours(-1)));
    }
}

/// <summary>The endpoint on the whole bot, as the end-to-end tests and the demo use it.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class TestClockEndpointTests(AzuriteFixture azurite)
{
    private sealed class Bot(AzuriteFixture azurite, bool enabled) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Development");
            builder.UseSetting("ConnectionStrings:Tables", azurite.ConnectionString);
            builder.UseSetting("Storage:TablePrefix", "c" + Guid.NewGuid().ToString("N")[..12]);
            builder.UseSetting("Directory:OrgFile", Path.Combine(AppContext.BaseDirectory, "TestData", "org.json"));
            builder.UseSetting("MicrosoftAppId", "");
            builder.UseSetting("TestClock:Enabled", enabled ? "true" : "false");
            builder.ConfigureTestServices(services => services.AddSingleton<Microsoft.AspNetCore.Hosting.IStartupFilter, LoopbackFilter>());
        }
    }

    private sealed class LoopbackFilter : Microsoft.AspNetCore.Hosting.IStartupFilter
    {
        public Action<Microsoft.AspNetCore.Builder.IApplicationBuilder> Configure(Action<Microsoft.AspNetCore.Builder.IApplicationBuilder> next) => app =>
        {
            Microsoft.AspNetCore.Builder.UseExtensions.Use(app, (context, nextDelegate) =>
            {
                context.Connection.RemoteIpAddress = IPAddress.Loopback;
                return nextDelegate(context);
            });
            next(app);
        };
    }

    [Fact]
    public async Task Advance_MovesTheBotsClock_AndABadAmountIs400()
    {
        await using var bot = new Bot(azurite, enabled: true);
        using var client = bot.CreateClient();
        var before = bot.Services.GetRequiredService<TimeProvider>().GetUtcNow();

        using var bad = await client.PostAsync("/api/test-clock/advance?by=-1.00:00", null);
        using var ok = await client.PostAsync("/api/test-clock/advance?by=3.00:00", null);
        var now = JsonDocument.Parse(await ok.Content.ReadAsStringAsync()).RootElement.GetProperty("now").GetDateTimeOffset();

        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.InRange(now - before, TimeSpan.FromDays(3), TimeSpan.FromDays(3) + TimeSpan.FromMinutes(1));
        Assert.IsType<TestClock>(bot.Services.GetRequiredService<TimeProvider>());
    }

    [Fact]
    public async Task WhenDisabled_ThereIsNoEndpoint()
    {
        await using var bot = new Bot(azurite, enabled: false);
        using var client = bot.CreateClient();

        using var response = await client.PostAsync("/api/test-clock/advance?by=3.00:00", null);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Same(TimeProvider.System, bot.Services.GetRequiredService<TimeProvider>());
    }

    [Theory]
    [InlineData("3", 72)]
    [InlineData("3天", 72)]
    [InlineData(" 7d", 168)]
    [InlineData("5小时", 5)]
    [InlineData("5h", 5)]
    public void AdvanceCommand_ReadsDaysOrHours(string text, int hours) =>
        Assert.Equal(TimeSpan.FromHours(hours), AdvanceClockCommand.Parse(text));

    [Theory]
    [InlineData("")]
    [InlineData("明天")]
    [InlineData("0")]
    [InlineData("-3")]
    [InlineData("61天")]
    public void AdvanceCommand_WithoutAPositiveAmountUpTo60Days_IsRefused(string text) =>
        Assert.Null(AdvanceClockCommand.Parse(text));
}
