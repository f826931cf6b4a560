using Azure.Data.Tables;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using TalkBot.Bot.Infrastructure.People;
using TalkBot.Bot.Infrastructure.Storage;
using TalkBot.Bot.Tests.Support;
using Person = TalkBot.Domain.People.Person;
using TalkBot.Domain;
using TalkBot.Domain.People;

namespace TalkBot.Bot.Tests.Infrastructure.People;

/// <summary>
/// The directory held in memory, against a real Azurite, with two instances sharing one People table: a write through
/// one instance is held by it at once and by the other after its next look at the version row.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class PeopleDirectoryTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private static readonly PeopleDirectoryOptions Options = new() { RefreshEvery = TimeSpan.FromSeconds(5) };
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 3, 2, 2, 0, 0, TimeSpan.Zero));
    private readonly string prefix = "p" + Guid.NewGuid().ToString("N")[..12];
    private TableSet tables = null!;

    public async Task InitializeAsync()
    {
        tables = Tables();
        await tables.EnsureCreatedAsync(default);
        await new PeopleStore(tables).ReplaceAllAsync(
            [Person("p1", "林一"), Person("p2", "何二")],
            [new Unit(new UnitId("u1"), "第一支部", "Branch 1", UnitLevel.Branch)],
            default);
    }

    public Task DisposeAsync() => tables[PeopleStore.Table].DeleteAsync();

    [Fact]
    public async Task AWriteHereIsHeldAtOnce_AndOnTheOtherInstanceAfterItsNextLook()
    {
        var (hereStore, here) = Instance();
        var (_, there) = Instance();
        Assert.Empty((await here.FindAsync(new PersonId("p1"), default))!.Roles);
        Assert.Empty((await there.FindAsync(new PersonId("p1"), default))!.Roles);

        Assert.True(await hereStore.UpdateRolesAsync(new PersonId("p1"), new HashSet<Role> { Role.Recorder }, Rank.SectionAndBelow, default));

        Assert.Contains(Role.Recorder, (await here.FindAsync(new PersonId("p1"), default))!.Roles);
        // Before RefreshEvery the other instance has not looked: it answers with the directory it holds.
        Assert.Empty((await there.FindAsync(new PersonId("p1"), default))!.Roles);

        clock.Advance(Options.RefreshEvery);
        // The look runs in the background; the click that started it goes on with the directory held.
        Assert.Empty((await there.FindAsync(new PersonId("p1"), default))!.Roles);
        await WaitUntilAsync(async () => (await there.FindAsync(new PersonId("p1"), default))!.Roles.Contains(Role.Recorder));
    }

    [Fact]
    public async Task AnUnchangedVersion_KeepsTheDirectoryHeld_WithoutReadingPeopleAgain()
    {
        var (_, directory) = Instance();
        var first = await directory.CurrentAsync(default);
        clock.Advance(Options.RefreshEvery);
        _ = await directory.CurrentAsync(default);
        await Task.Delay(500);
        clock.Advance(Options.RefreshEvery);

        Assert.Same(first, await directory.CurrentAsync(default));
        Assert.Equal("第一支部", first.UnitName(new UnitId("u1")));
    }

    [Fact]
    public async Task ASyncOnAnotherInstance_ReplacesPeopleAndUnits()
    {
        var (_, directory) = Instance();
        Assert.Null(await directory.FindAsync(new PersonId("p3"), default));

        await new PeopleStore(Tables()).ReplaceAllAsync(
            [Person("p1", "林一"), Person("p3", "吴三")],
            [new Unit(new UnitId("u1"), "第一党支部", "Branch 1", UnitLevel.Branch)],
            default);
        clock.Advance(Options.RefreshEvery);
        _ = await directory.CurrentAsync(default);

        await WaitUntilAsync(async () => await directory.FindAsync(new PersonId("p3"), default) is not null);
        Assert.Equal("第一党支部", (await directory.CurrentAsync(default)).UnitName(new UnitId("u1")));
    }

    private TableSet Tables() =>
        TableSet.For(new TableServiceClient(azurite.ConnectionString), prefix, PeopleStore.Table);

    private (PeopleStore Store, PeopleDirectory Directory) Instance()
    {
        var store = new PeopleStore(Tables());
        return (store, new PeopleDirectory(store, Options, clock, NullLogger<PeopleDirectory>.Instance));
    }

    private static Person Person(string id, string name) =>
        new(new PersonId(id), name, new UnitId("u1"), null, Rank.SectionAndBelow, new HashSet<Role>(), null);

    private static async Task WaitUntilAsync(Func<Task<bool>> done)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!await done())
        {
            Assert.True(DateTime.UtcNow < deadline, "the other instance never held the change");
            await Task.Delay(50);
        }
    }
}
