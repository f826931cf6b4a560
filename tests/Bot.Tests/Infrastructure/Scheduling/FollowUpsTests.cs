using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using TalkBot.Bot.Infrastructure.Scheduling;
using TalkBot.Bot.Infrastructure.Storage;
using TalkBot.Bot.Tests.Support;

namespace TalkBot.Bot.Tests.Infrastructure.Scheduling;

/// <summary>What follows a save, against a real Azurite: planned before the save, run once after it, and not lost between.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class FollowUpsTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 3, 2, 2, 0, 0, TimeSpan.Zero));
    private ServiceProvider services = null!;

    public sealed record Happened(string What);

    /// <summary>Counts its runs, and can be told to fail.</summary>
    public sealed class Counter : IFollowUp<Happened>
    {
        public List<string> Runs { get; } = [];

        public bool Fail { get; set; }

        public Task RunAsync(Happened change, CancellationToken cancellationToken)
        {
            if (Fail)
            {
                throw new InvalidOperationException("broke off");
            }

            lock (Runs)
            {
                Runs.Add(change.What);
            }

            return Task.CompletedTask;
        }
    }

    public sealed class Other : IFollowUp<Happened>
    {
        public int Runs { get; private set; }

        public Task RunAsync(Happened change, CancellationToken cancellationToken)
        {
            Runs++;
            return Task.CompletedTask;
        }
    }

    public async Task InitializeAsync()
    {
        var collection = new ServiceCollection();
        collection.AddSingleton<TimeProvider>(clock);
        collection.AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance);
        collection.AddSingleton(typeof(ILogger<>), typeof(NullLogger<>));
        collection.AddSingleton(TableSet.For(new TableServiceClient(azurite.ConnectionString), "f" + Guid.NewGuid().ToString("N")[..12], ScheduleStore.Table));
        collection.AddSingleton(new SchedulerOptions { InstanceId = "a", FollowUpGrace = TimeSpan.FromMinutes(1) });
        collection.AddSingleton<ScheduleStore>();
        collection.AddSingleton<JobRegistry>();
        collection.AddSingleton<Scheduler>();
        collection.AddSingleton<TalkBot.Bot.Infrastructure.Hosting.BackgroundWork>();
        collection.AddSingleton<FollowUps>();
        collection.AddFollowUp<Happened, Counter>("Happened.Counter");
        collection.AddFollowUp<Happened, Other>("Happened.Other");
        services = collection.BuildServiceProvider();
        await services.GetRequiredService<TableSet>().EnsureCreatedAsync(default);
    }

    public async Task DisposeAsync()
    {
        await services.GetRequiredService<TableSet>()[ScheduleStore.Table].DeleteAsync();
        await services.DisposeAsync();
    }

    private FollowUps FollowUps => services.GetRequiredService<FollowUps>();

    // What the save started in the background has run.
    private Task SettledAsync() => services.GetRequiredService<TalkBot.Bot.Infrastructure.Hosting.BackgroundWork>().WhenIdleAsync();

    private Counter Counted => services.GetRequiredService<Counter>();

    private Task<IReadOnlyList<ScheduleEntry>> EntriesAsync() => services.GetRequiredService<ScheduleStore>().ListAsync(default);

    [Fact]
    public async Task Save_PlansEveryFollowUpBeforeTheSave_AndRunsEachOnceAfterIt()
    {
        var entriesDuringSave = 0;

        var saved = await FollowUps.SaveAsync(new Happened("x"), "k1", async () =>
        {
            entriesDuringSave = (await EntriesAsync()).Count;
            return true;
        }, default);

        await SettledAsync();
        Assert.True(saved);
        Assert.Equal(2, entriesDuringSave);
        Assert.Equal(["x"], Counted.Runs);
        Assert.Equal(1, services.GetRequiredService<Other>().Runs);
        Assert.Empty(await EntriesAsync());
    }

    [Fact]
    public async Task SaveThatDidNotHappen_RunsNothingNow_AndPlanningAgainAddsNoSecondEntry()
    {
        Assert.False(await FollowUps.SaveAsync(new Happened("lost race"), "k2", () => Task.FromResult(false), default));
        await FollowUps.PlanAsync(new Happened("lost race"), "k2", default);
        await SettledAsync();

        Assert.Empty(Counted.Runs);
        Assert.Equal(2, (await EntriesAsync()).Count);
    }

    [Fact]
    public async Task CrashBetweenSaveAndRun_LeavesTheFollowUps_ForTheSchedulerAfterTheGrace()
    {
        // Planned and saved, then the process dies before running them.
        await FollowUps.PlanAsync(new Happened("after crash"), "k3", default);
        var scheduler = services.GetRequiredService<Scheduler>();

        Assert.Equal(0, await scheduler.RunOnceAsync(default)); // within the grace, the save may still be under way
        clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(2, await scheduler.RunOnceAsync(default));
        Assert.Equal(0, await scheduler.RunOnceAsync(default));

        Assert.Equal(["after crash"], Counted.Runs);
        Assert.Empty(await EntriesAsync());
    }

    [Fact]
    public async Task FailingFollowUp_StaysForARetry_WhileTheOthersFinish()
    {
        Counted.Fail = true;
        await FollowUps.SaveAsync(new Happened("y"), "k4", () => Task.FromResult(true), default);
        await SettledAsync();

        Assert.Equal(1, services.GetRequiredService<Other>().Runs);
        Assert.Equal(["Happened.Counter"], (await EntriesAsync()).Select(e => e.Job));

        Counted.Fail = false;
        clock.Advance(TimeSpan.FromMinutes(3)); // its lease lapses
        await services.GetRequiredService<Scheduler>().RunOnceAsync(default);
        Assert.Equal(["y"], Counted.Runs);
        Assert.Equal(1, services.GetRequiredService<Other>().Runs);
    }

    [Fact]
    public async Task EntryOfAnUnknownJob_IsDropped_NotRetriedForever()
    {
        await services.GetRequiredService<ScheduleStore>().AddAsync(new ScheduleEntry("Retired", "s", null, clock.GetUtcNow()), default);

        Assert.Equal(1, await services.GetRequiredService<Scheduler>().RunOnceAsync(default));
        Assert.Empty(await EntriesAsync());
    }

    [Fact]
    public void TwoJobsOfOneName_FailAtStartUp()
    {
        var job = new FixedJob("Same");

        var e = Assert.Throws<InvalidOperationException>(() => new JobRegistry([job, new FixedJob("Same")]));

        Assert.Contains("Same", e.Message, StringComparison.Ordinal);
    }

    private sealed class FixedJob(string name) : IScheduledJob
    {
        public string Name => name;

        public Task<ScheduleEntry?> RunAsync(ScheduleEntry entry, CancellationToken cancellationToken) => Task.FromResult<ScheduleEntry?>(null);
    }
}
